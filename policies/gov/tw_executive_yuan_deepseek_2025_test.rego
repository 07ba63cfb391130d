package gov_test.tw_executive_yuan_deepseek_2025

import data.gov_test
import rego.v1

id := "tw-executive-yuan-deepseek-2025"

test_ministry_notice_warns_from_2025_01_31 if {
	gov_test.not_yet(id, "2024-10-01", "2025-01-31")
	gov_test.on(id, "2025-01-30", "upcoming", "2025-01-31", "warn")
	gov_test.on(id, "2025-01-31", "active", "2025-01-31", "warn")
	gov_test.on(id, "2025-02-01", "active", "2025-01-31", "warn")
}

test_executive_yuan_ban_from_2025_02_03 if {
	gov_test.on(id, "2025-02-02", "active", "2025-01-31", "warn")
	gov_test.on(id, "2025-02-03", "active", "2025-02-03", "deny")
	gov_test.on(id, "2025-02-04", "active", "2025-02-03", "deny")
}

test_binds_the_public_sector if {
	gov_test.scoped(id, "2025-06-01", ["tw-gov"], ["tw", "cz-gov"])
}

test_the_service_not_local_weights if {
	gov_test.coverage(id, gov_test.sample.deepseek_apk) == "product"
	gov_test.coverage(id, gov_test.sample.deepseek_api) == "covered"
	gov_test.coverage(id, gov_test.sample.deepseek_weights) == "outside"
	gov_test.outside_of(id) == "warn"
}
