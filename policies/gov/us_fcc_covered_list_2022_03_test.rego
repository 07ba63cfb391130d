package gov_test.us_fcc_covered_list_2022_03

import data.gov_test
import rego.v1

ids := [
	"us-fcc-covered-list-2022-03:kaspersky",
	"us-fcc-covered-list-2022-03:china-mobile",
	"us-fcc-covered-list-2022-03:china-telecom",
]

test_covered_list_from_2022_03_25 if {
	every id in ids {
		gov_test.not_yet(id, "2021-12-01", "2022-03-25")
		gov_test.on(id, "2022-03-24", "upcoming", "2022-03-25", "warn")
		gov_test.on(id, "2022-03-25", "active", "2022-03-25", "deny")
		gov_test.on(id, "2022-03-26", "active", "2022-03-25", "deny")
	}
}

test_binds_subsidised_telecom_providers if {
	every id in ids {
		gov_test.scoped(id, "2022-06-01", ["us-telecom"], ["us", "us-federal"])
	}
}

test_kaspersky_security_products_and_services if {
	id := "us-fcc-covered-list-2022-03:kaspersky"
	gov_test.coverage(id, gov_test.sample.kaspersky_agent) == "covered"
	gov_test.coverage(id, gov_test.sample.kaspersky_ti) == "covered"
	gov_test.coverage(id, gov_test.sample.kaspresso) == "outside"
}

test_carriers_are_covered_for_services_only if {
	every id in ["us-fcc-covered-list-2022-03:china-mobile", "us-fcc-covered-list-2022-03:china-telecom"] {
		gov_test.coverage(id, gov_test.sample.network_service) == "covered"
		gov_test.coverage(id, gov_test.sample.network_manager) == "outside"
	}
}

test_carrier_names_keep_their_brackets if {
	"China Telecom (Americas) Corporation" in data.enforcer.bans_by_id["us-fcc-covered-list-2022-03:china-telecom"].match.organizations
	"China Mobile International (USA) Inc." in data.enforcer.bans_by_id["us-fcc-covered-list-2022-03:china-mobile"].match.organizations
}
