package gov_test.nl_deepseek_central_government_2025

import data.gov_test
import rego.v1

id := "nl-deepseek-central-government-2025"

test_barred_from_2025_02_06 if {
	gov_test.not_yet(id, "2024-10-01", "2025-02-06")
	gov_test.on(id, "2025-02-05", "upcoming", "2025-02-06", "warn")
	gov_test.on(id, "2025-02-06", "active", "2025-02-06", "deny")
	gov_test.on(id, "2025-02-07", "active", "2025-02-06", "deny")
}

test_binds_central_government if {
	gov_test.scoped(id, "2025-06-01", ["nl-gov"], ["cz-gov", "it-gov"])
}

test_the_app_and_service if {
	gov_test.coverage(id, gov_test.sample.deepseek_app) == "product"
	gov_test.coverage(id, gov_test.sample.deepseek_api) == "covered"
	gov_test.coverage(id, gov_test.sample.deepseek_weights) == "outside"
	gov_test.outside_of(id) == "warn"
}
