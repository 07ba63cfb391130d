package gov_test.au_pspf_kaspersky_2025

import data.gov_test
import rego.v1

id := "au-pspf-kaspersky-2025"

test_new_installations_barred_from_2025_02_21 if {
	gov_test.not_yet(id, "2024-12-01", "2025-02-21")
	gov_test.on(id, "2025-02-20", "upcoming", "2025-02-21", "warn")
	gov_test.on(id, "2025-02-21", "active", "2025-02-21", "deny")
	gov_test.on(id, "2025-02-22", "active", "2025-02-21", "deny")
}

test_all_removed_by_2025_04_01 if {
	gov_test.on(id, "2025-03-31", "active", "2025-02-21", "deny")
	gov_test.on(id, "2025-04-01", "active", "2025-04-01", "deny")
	gov_test.on(id, "2025-04-02", "active", "2025-04-01", "deny")
}

test_binds_commonwealth_entities if {
	gov_test.scoped(id, "2025-06-01", ["au-gov"], ["au-telecom", "uk-gov"])
}

test_installed_products_covered_embedded_code_warns if {
	gov_test.coverage(id, gov_test.sample.kaspersky_agent) == "covered"
	gov_test.coverage(id, gov_test.sample.kasperskyos) == "covered"
	gov_test.coverage(id, gov_test.sample.kaspresso) == "outside"
	gov_test.outside_of(id) == "warn"
}
