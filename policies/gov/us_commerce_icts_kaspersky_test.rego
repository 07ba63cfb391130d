package gov_test.us_commerce_icts_kaspersky

import data.gov_test
import rego.v1

id := "us-commerce-icts-kaspersky-2024"

test_new_agreements_barred_from_2024_07_20 if {
	gov_test.not_yet(id, "2024-01-01", "2024-07-20")
	gov_test.on(id, "2024-07-19", "upcoming", "2024-07-20", "warn")
	gov_test.on(id, "2024-07-20", "active", "2024-07-20", "deny")
	gov_test.on(id, "2024-07-21", "active", "2024-07-20", "deny")
}

test_updates_resale_and_integration_barred_from_2024_09_29 if {
	gov_test.on(id, "2024-09-28", "active", "2024-07-20", "deny")
	gov_test.on(id, "2024-09-29", "active", "2024-09-29", "deny")
	gov_test.on(id, "2024-09-30", "active", "2024-09-29", "deny")
}

test_binds_everyone_under_us_jurisdiction if {
	gov_test.scoped(id, "2024-10-01", ["us", "us-federal", "us-federal-contractor", "us-telecom"], ["uk-gov", "de", "au-gov"])
}
