package gov_test.us_fcc_covered_list_2022_09

import data.gov_test
import rego.v1

unicom := "us-fcc-covered-list-2022-09:china-unicom"

pacnet := "us-fcc-covered-list-2022-09:pacnet"

test_china_unicom_covered_from_2022_09_20 if {
	gov_test.not_yet(unicom, "2022-03-01", "2022-09-20")
	gov_test.on(unicom, "2022-09-19", "upcoming", "2022-09-20", "warn")
	gov_test.on(unicom, "2022-09-20", "active", "2022-09-20", "deny")
	gov_test.on(unicom, "2022-09-21", "active", "2022-09-20", "deny")
}

test_china_unicom_binds_subsidised_telecom_providers if {
	gov_test.scoped(unicom, "2023-01-01", ["us-telecom"], ["us", "us-federal"])
}

test_pacnet_shipped_disabled_for_its_generic_names if {
	ban := data.enforcer.bans_by_id[pacnet]
	ban.enabled == false
	contains(ban.disabled_reason, "generic phrase")
	ban.scopes == ["us-telecom"]
	gov_test.status_on(pacnet, "2022-09-19").status == "upcoming"
	gov_test.status_on(pacnet, "2022-09-20").phase.date == "2022-09-20"
}

test_services_only if {
	every id in [unicom, pacnet] {
		gov_test.covers_of(id).kinds == ["service"]
	}
	"China Unicom (Americas) Operations Limited" in data.enforcer.bans_by_id[unicom].match.organizations
}
