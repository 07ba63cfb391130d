package gov_test.de_bsi_kaspersky_warning_2022

import data.gov_test
import rego.v1

id := "de-bsi-kaspersky-warning-2022"

test_warning_from_2022_03_15 if {
	gov_test.not_yet(id, "2021-12-01", "2022-03-15")
	gov_test.on(id, "2022-03-14", "upcoming", "2022-03-15", "warn")
	gov_test.on(id, "2022-03-15", "active", "2022-03-15", "warn")
	gov_test.on(id, "2022-03-16", "active", "2022-03-15", "warn")
}

test_addressed_to_every_german_user if {
	gov_test.scoped(id, "2022-06-01", ["de", "de-gov", "de-critical-infrastructure", "de-telecom"], ["us", "uk-gov", "nl-gov"])
}

test_anti_virus_only if {
	gov_test.coverage(id, gov_test.sample.kaspersky_signatures) == "covered"
	gov_test.coverage(id, gov_test.sample.kaspersky_vpn) == "outside"
	gov_test.coverage(id, gov_test.sample.klara) == "outside"
	gov_test.outside_of(id) == "allow"
}
