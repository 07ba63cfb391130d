package gov_test.us_dhs_bod_17_01

import data.gov_test
import rego.v1

id := "us-dhs-bod-17-01"

test_inventory_due_2017_10_13_warns if {
	gov_test.not_yet(id, "2017-07-01", "2017-10-13")
	gov_test.on(id, "2017-10-12", "upcoming", "2017-10-13", "warn")
	gov_test.on(id, "2017-10-13", "active", "2017-10-13", "warn")
	gov_test.on(id, "2017-10-14", "active", "2017-10-13", "warn")
}

test_removal_plan_due_2017_11_12_warns if {
	gov_test.on(id, "2017-11-11", "active", "2017-10-13", "warn")
	gov_test.on(id, "2017-11-12", "active", "2017-11-12", "warn")
	gov_test.on(id, "2017-11-13", "active", "2017-11-12", "warn")
}

test_removal_from_2017_12_12_denies if {
	gov_test.on(id, "2017-12-11", "active", "2017-11-12", "warn")
	gov_test.on(id, "2017-12-12", "active", "2017-12-12", "deny")
	gov_test.on(id, "2017-12-13", "active", "2017-12-12", "deny")
}

test_binds_federal_agencies_only if {
	gov_test.scoped(id, "2018-01-01", ["us-federal", "us-dod"], ["us", "us-federal-contractor", "us-telecom", "us-dod-contractor", "uk-gov"])
}

test_covers_kaspersky_branded_products if {
	gov_test.coverage(id, gov_test.sample.kaspersky_agent) == "covered"
	gov_test.coverage(id, gov_test.sample.kaspersky_product) == "product"

	# threat intelligence is a Kaspersky security service, and the directive does not exclude it
	gov_test.coverage(id, gov_test.sample.kaspersky_ti) == "covered"
}

test_libraries_are_not_branded_products if {
	gov_test.coverage(id, gov_test.sample.kaspresso) == "outside"
	gov_test.outside_of(id) == "warn"
}
