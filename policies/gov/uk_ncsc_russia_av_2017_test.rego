package gov_test.uk_ncsc_russia_av_2017

import data.gov_test
import rego.v1

id := "uk-ncsc-russia-av-2017"

test_guidance_from_2017_12_01_warns if {
	gov_test.not_yet(id, "2017-06-01", "2017-12-01")
	gov_test.on(id, "2017-11-30", "upcoming", "2017-12-01", "warn")
	gov_test.on(id, "2017-12-01", "active", "2017-12-01", "warn")
	gov_test.on(id, "2017-12-02", "active", "2017-12-01", "warn")
}

test_binds_uk_government if {
	gov_test.scoped(id, "2018-01-01", ["uk-gov"], ["uk-telecom", "us"])
}

test_anti_virus_only if {
	gov_test.coverage(id, gov_test.sample.kaspersky_agent) == "covered"
	gov_test.coverage(id, gov_test.sample.kaspersky_product) == "product"
	gov_test.coverage(id, gov_test.sample.kaspresso) == "outside"
	gov_test.outside_of(id) == "allow"
}
