package gov_test.eu_institutions_tiktok_2023

import data.gov_test
import rego.v1

id := "eu-institutions-tiktok-2023"

test_commission_removal_by_2023_03_15 if {
	gov_test.not_yet(id, "2023-02-23", "2023-03-15")
	gov_test.on(id, "2023-03-14", "upcoming", "2023-03-15", "warn")
	gov_test.on(id, "2023-03-15", "active", "2023-03-15", "deny")
	gov_test.on(id, "2023-03-16", "active", "2023-03-15", "deny")
}

test_parliament_removal_by_2023_03_20 if {
	gov_test.on(id, "2023-03-19", "active", "2023-03-15", "deny")
	gov_test.on(id, "2023-03-20", "active", "2023-03-20", "deny")
	gov_test.on(id, "2023-03-21", "active", "2023-03-20", "deny")
}

test_binds_eu_institutions if {
	gov_test.scoped(id, "2023-06-01", ["eu-institutions"], ["eu-telecom", "uk-gov"])
}

test_the_tiktok_app_only if {
	gov_test.coverage(id, gov_test.sample.tiktok_apk) == "product"
	gov_test.coverage(id, gov_test.sample.tiktok_open_sdk) == "outside"
	gov_test.outside_of(id) == "warn"
}
