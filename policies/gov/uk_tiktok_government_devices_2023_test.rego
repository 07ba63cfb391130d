package gov_test.uk_tiktok_government_devices_2023

import data.gov_test
import rego.v1

id := "uk-tiktok-government-devices-2023"

test_banned_from_2023_03_16 if {
	gov_test.not_yet(id, "2022-12-01", "2023-03-16")
	gov_test.on(id, "2023-03-15", "upcoming", "2023-03-16", "warn")
	gov_test.on(id, "2023-03-16", "active", "2023-03-16", "deny")
	gov_test.on(id, "2023-03-17", "active", "2023-03-16", "deny")
}

test_binds_uk_government if {
	gov_test.scoped(id, "2023-06-01", ["uk-gov"], ["uk-telecom", "us-federal"])
}

test_the_tiktok_app_only if {
	gov_test.coverage(id, gov_test.sample.tiktok_apk) == "product"
	gov_test.coverage(id, gov_test.sample.tiktok_open_sdk) == "outside"
	gov_test.outside_of(id) == "warn"
}
