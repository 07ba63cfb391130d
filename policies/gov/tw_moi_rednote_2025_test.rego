package gov_test.tw_moi_rednote_2025

import data.gov_test
import rego.v1

id := "tw-moi-rednote-2025"

test_one_year_block_from_2025_12_04 if {
	gov_test.not_yet(id, "2025-06-01", "2025-12-04")
	gov_test.on(id, "2025-12-03", "upcoming", "2025-12-04", "warn")
	gov_test.on(id, "2025-12-04", "active", "2025-12-04", "warn")
	gov_test.on(id, "2025-12-05", "active", "2025-12-04", "warn")
	gov_test.on(id, "2026-12-03", "active", "2025-12-04", "warn")
}

test_the_block_ends_after_a_year if {
	st := gov_test.status_on(id, "2026-12-04")
	st.status == "ended"
	st.ended == "2026-12-04"
	gov_test.decision_on(id, "2026-12-04", []).verdict == "allow"
}

test_everyone_in_taiwan if {
	gov_test.scoped(id, "2026-01-01", ["tw", "tw-gov"], ["us-tx-gov", "cz-gov"])
}

test_the_app_only if {
	gov_test.covers_of(id).only_products == true
	gov_test.coverage(id, gov_test.sample.rednote_apk) == "product"
	gov_test.coverage(id, {"kind": "file", "name": "com.xingin.discover"}) == "product"
	gov_test.coverage(id, {"kind": "library", "purl": "pkg:maven/com.xingin/share-sdk@1.0.0"}) == "outside"
	gov_test.outside_of(id) == "warn"
}
