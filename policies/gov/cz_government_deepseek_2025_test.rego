package gov_test.cz_government_deepseek_2025

import data.gov_test
import rego.v1

id := "cz-government-deepseek-2025"

test_banned_from_2025_07_09 if {
	gov_test.not_yet(id, "2025-01-01", "2025-07-09")
	gov_test.on(id, "2025-07-08", "upcoming", "2025-07-09", "warn")
	gov_test.on(id, "2025-07-09", "active", "2025-07-09", "deny")
	gov_test.on(id, "2025-07-10", "active", "2025-07-09", "deny")
}

test_binds_public_administration if {
	gov_test.scoped(id, "2025-08-01", ["cz-gov"], ["nl-gov", "us-federal"])
}

# "products, applications, solutions or web services offered by DeepSeek": open weights included.
test_every_deepseek_product if {
	gov_test.coverage(id, gov_test.sample.deepseek_weights) == "covered"
	gov_test.coverage(id, gov_test.sample.deepseek_api) == "covered"
	gov_test.coverage(id, {"kind": "library", "name": "deepseek-sdk"}) == "covered"
}

test_the_app_is_found_by_its_id if {
	gov_test.coverage(id, gov_test.sample.deepseek_apk) == "product"
}
