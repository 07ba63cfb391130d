package gov_test.eu_parliament_kaspersky_resolution_2018

import data.gov_test
import rego.v1

id := "eu-parliament-kaspersky-resolution-2018"

test_resolution_2018_06_13_warns if {
	gov_test.not_yet(id, "2018-01-01", "2018-06-13")
	gov_test.on(id, "2018-06-12", "upcoming", "2018-06-13", "warn")
	gov_test.on(id, "2018-06-13", "active", "2018-06-13", "warn")
	gov_test.on(id, "2018-06-14", "active", "2018-06-13", "warn")
}

test_addressed_to_eu_institutions if {
	gov_test.scoped(id, "2019-01-01", ["eu-institutions"], ["eu-telecom", "de"])
}

test_programs_and_devices if {
	gov_test.coverage(id, gov_test.sample.kaspersky_agent) == "covered"
	gov_test.coverage(id, gov_test.sample.kasperskyos) == "covered"
	gov_test.coverage(id, gov_test.sample.kaspresso) == "outside"
	gov_test.outside_of(id) == "allow"
}
