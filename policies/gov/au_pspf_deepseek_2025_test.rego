package gov_test.au_pspf_deepseek_2025

import data.gov_test
import rego.v1

id := "au-pspf-deepseek-2025"

test_removed_from_2025_02_05 if {
	gov_test.not_yet(id, "2025-02-04", "2025-02-05")
	gov_test.on(id, "2025-02-04", "upcoming", "2025-02-05", "warn")
	gov_test.on(id, "2025-02-05", "active", "2025-02-05", "deny")
	gov_test.on(id, "2025-02-06", "active", "2025-02-05", "deny")
}

test_binds_commonwealth_entities if {
	gov_test.scoped(id, "2025-06-01", ["au-gov"], ["au-telecom", "us"])
}
