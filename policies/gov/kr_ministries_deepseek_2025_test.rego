package gov_test.kr_ministries_deepseek_2025

import data.gov_test
import rego.v1

id := "kr-ministries-deepseek-2025"

# Each ministry blocked DeepSeek for itself: no government-wide instrument, so it warns.
test_ministries_block_from_2025_02_06 if {
	gov_test.not_yet(id, "2024-10-01", "2025-02-06")
	gov_test.on(id, "2025-02-05", "upcoming", "2025-02-06", "warn")
	gov_test.on(id, "2025-02-06", "active", "2025-02-06", "warn")
	gov_test.on(id, "2025-02-07", "active", "2025-02-06", "warn")
}

test_binds_korean_public_bodies if {
	gov_test.scoped(id, "2025-06-01", ["kr-gov"], ["tw-gov", "us-federal"])
}

test_the_app_and_service if {
	gov_test.coverage(id, gov_test.sample.deepseek_apk) == "product"
	gov_test.coverage(id, gov_test.sample.deepseek_weights) == "outside"
}
