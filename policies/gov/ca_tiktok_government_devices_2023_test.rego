package gov_test.ca_tiktok_government_devices_2023

import data.gov_test
import rego.v1

id := "ca-tiktok-government-devices-2023"

test_banned_from_2023_02_28 if {
	gov_test.not_yet(id, "2022-12-01", "2023-02-28")
	gov_test.on(id, "2023-02-27", "upcoming", "2023-02-28", "warn")
	gov_test.on(id, "2023-02-28", "active", "2023-02-28", "deny")
	gov_test.on(id, "2023-03-01", "active", "2023-02-28", "deny")
}

test_binds_government_devices if {
	gov_test.scoped(id, "2023-06-01", ["ca-gov"], ["ca-telecom", "au-gov"])
}

test_the_tiktok_app_only if {
	gov_test.coverage(id, gov_test.sample.tiktok_apk) == "product"
	gov_test.coverage(id, gov_test.sample.tiktok_open_sdk) == "outside"
	gov_test.outside_of(id) == "warn"
}
