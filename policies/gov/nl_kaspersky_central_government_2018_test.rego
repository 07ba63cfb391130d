package gov_test.nl_kaspersky_central_government_2018

import data.gov_test
import rego.v1

id := "nl-kaspersky-central-government-2018"

test_phase_out_decided_2018_05_14 if {
	gov_test.not_yet(id, "2018-01-01", "2018-05-14")
	gov_test.on(id, "2018-05-13", "upcoming", "2018-05-14", "warn")
	gov_test.on(id, "2018-05-14", "active", "2018-05-14", "deny")
	gov_test.on(id, "2018-05-15", "active", "2018-05-14", "deny")
}

test_binds_central_government if {
	gov_test.scoped(id, "2018-06-01", ["nl-gov"], ["lt-gov", "it-gov"])
}

test_anti_virus_products_only if {
	gov_test.covers_of(id).only_products == true
	gov_test.coverage(id, gov_test.sample.kaspersky_product) == "product"
	gov_test.coverage(id, gov_test.sample.kaspersky_android) == "product"
	gov_test.coverage(id, {"kind": "application", "name": "Kaspersky Total Security"}) == "product"
	gov_test.coverage(id, gov_test.sample.kaspersky_vpn) == "outside"
	gov_test.coverage(id, gov_test.sample.kaspersky_agent) == "outside"
	gov_test.outside_of(id) == "warn"
}
