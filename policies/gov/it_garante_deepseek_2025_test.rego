package gov_test.it_garante_deepseek_2025

import data.gov_test
import rego.v1

id := "it-garante-deepseek-2025"

# The order binds the DeepSeek companies, not their users: it warns.
test_order_warns_from_2025_01_30 if {
	gov_test.not_yet(id, "2024-10-01", "2025-01-30")
	gov_test.on(id, "2025-01-29", "upcoming", "2025-01-30", "warn")
	gov_test.on(id, "2025-01-30", "active", "2025-01-30", "warn")
	gov_test.on(id, "2025-01-31", "active", "2025-01-30", "warn")
}

test_everyone_in_italy if {
	gov_test.scoped(id, "2025-06-01", ["it", "it-gov"], ["nl-gov", "eu-institutions"])
}

# Local weights involve no processing by DeepSeek: allowed.
test_the_chatbot_service_not_local_models if {
	gov_test.coverage(id, gov_test.sample.deepseek_api) == "covered"
	gov_test.coverage(id, gov_test.sample.deepseek_app) == "product"
	gov_test.coverage(id, gov_test.sample.deepseek_weights) == "outside"
	gov_test.outside_of(id) == "allow"
}
