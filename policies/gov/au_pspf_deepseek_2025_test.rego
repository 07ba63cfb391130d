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

test_products_applications_and_web_services if {
	gov_test.coverage(id, gov_test.sample.deepseek_app) == "product"
	gov_test.coverage(id, {"kind": "application", "name": "deepseek-desktop"}) == "covered"
	gov_test.coverage(id, gov_test.sample.deepseek_apk) == "product"
	gov_test.coverage(id, gov_test.sample.deepseek_api) == "covered"
}

# Disputed: the direction's words could reach locally run open-weight models;
# the ban leaves them outside its coverage and warns (see its notes).
test_open_weight_models_warn if {
	gov_test.coverage(id, gov_test.sample.deepseek_weights) == "outside"
	gov_test.outside_of(id) == "warn"
	contains(data.enforcer.bans_by_id[id].notes, "disputed")
}
