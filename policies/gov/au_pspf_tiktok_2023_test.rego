package gov_test.au_pspf_tiktok_2023

import data.gov_test
import rego.v1

id := "au-pspf-tiktok-2023"

test_banned_from_2023_04_04 if {
	gov_test.not_yet(id, "2023-01-01", "2023-04-04")
	gov_test.on(id, "2023-04-03", "upcoming", "2023-04-04", "warn")
	gov_test.on(id, "2023-04-04", "active", "2023-04-04", "deny")
	gov_test.on(id, "2023-04-05", "active", "2023-04-04", "deny")
}

test_binds_commonwealth_entities if {
	gov_test.scoped(id, "2023-06-01", ["au-gov"], ["au-telecom", "ca-gov"])
}

test_the_tiktok_app_only if {
	gov_test.coverage(id, gov_test.sample.tiktok_apk) == "product"
	gov_test.coverage(id, gov_test.sample.tiktok_open_sdk) == "outside"
	gov_test.outside_of(id) == "warn"
}
