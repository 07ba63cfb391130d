package gov_test.us_ofac_sdn_positive_technologies_2021

import data.gov_test
import rego.v1

id := "us-ofac-sdn-positive-technologies-2021"

test_blocked_from_2021_04_15 if {
	gov_test.not_yet(id, "2020-12-01", "2021-04-15")
	gov_test.on(id, "2021-04-14", "upcoming", "2021-04-15", "warn")
	gov_test.on(id, "2021-04-15", "active", "2021-04-15", "deny")
	gov_test.on(id, "2021-04-16", "active", "2021-04-15", "deny")
}

test_binds_every_us_person if {
	gov_test.scoped(id, "2022-01-01", ["us", "us-federal", "us-federal-contractor", "us-telecom", "us-dod", "us-dod-contractor", "us-tx-gov"], ["it-gov", "uk-gov"])
}

test_every_dealing_every_kind if {
	gov_test.covers_of(id).kinds == ["*"]
	gov_test.coverage(id, {"kind": "library", "name": "pt-parser"}) == "covered"
	gov_test.coverage(id, {"kind": "application", "name": "MaxPatrol SIEM"}) == "covered"
	data.enforcer.bans_by_id[id].confidence == "secondary"
}

test_the_sdn_name_and_the_italian_ban_match_alike if {
	match := data.enforcer.bans_by_id[id].match
	"Aktsionernoe Obshchestvo Pozitiv Teknolodzhiz" in match.organizations
	match == data.enforcer.bans_by_id["it-dl21-2022-art29-russian-security-products:positive-technologies"].match
}
