package gov_test.us_ndaa_fy2018_sec1634_kaspersky

import data.gov_test
import rego.v1

id := "us-ndaa-fy2018-sec1634-kaspersky"

test_far_clause_from_2018_07_16 if {
	gov_test.not_yet(id, "2018-01-01", "2018-07-16")
	gov_test.on(id, "2018-07-15", "upcoming", "2018-07-16", "warn")
	gov_test.on(id, "2018-07-16", "active", "2018-07-16", "deny")
	gov_test.on(id, "2018-07-17", "active", "2018-07-16", "deny")
}

test_use_ban_from_2018_10_01 if {
	gov_test.on(id, "2018-09-30", "active", "2018-07-16", "deny")
	gov_test.on(id, "2018-10-01", "active", "2018-10-01", "deny")
	gov_test.on(id, "2018-10-02", "active", "2018-10-01", "deny")
}

test_binds_agencies_and_contractors if {
	gov_test.scoped(id, "2019-01-01", ["us-federal", "us-federal-contractor", "us-dod", "us-dod-contractor"], ["us", "us-telecom", "uk-gov"])
}

test_every_kaspersky_component_is_covered if {
	gov_test.covers_of(id).kinds == ["*"]
	gov_test.coverage(id, gov_test.sample.kaspresso) == "covered"
	gov_test.coverage(id, gov_test.sample.klara) == "covered"
	gov_test.coverage(id, gov_test.sample.kaspersky_ti) == "covered"
	gov_test.coverage(id, gov_test.sample.kasperskyos) == "covered"
}

test_kaspersky_products_are_found_by_name_and_app_id if {
	gov_test.coverage(id, gov_test.sample.kaspersky_android) == "product"
	gov_test.coverage(id, gov_test.sample.kaspersky_vpn) == "product"
}
