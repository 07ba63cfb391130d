package gov_test.de_5g_huawei_zte_2024

import data.gov_test
import rego.v1

ids := ["de-5g-huawei-zte-2024:huawei", "de-5g-huawei-zte-2024:zte"]

test_5g_cores_cleared_by_2026_12_31 if {
	every id in ids {
		gov_test.not_yet(id, "2024-07-11", "2026-12-31")
		gov_test.on(id, "2026-12-30", "upcoming", "2026-12-31", "warn")
		gov_test.on(id, "2026-12-31", "active", "2026-12-31", "deny")
		gov_test.on(id, "2027-01-01", "active", "2026-12-31", "deny")
	}
}

test_management_systems_replaced_by_2029_12_31 if {
	every id in ids {
		gov_test.on(id, "2029-12-30", "active", "2026-12-31", "deny")
		gov_test.on(id, "2029-12-31", "active", "2029-12-31", "deny")
		gov_test.on(id, "2030-01-01", "active", "2029-12-31", "deny")
	}
}

test_binds_german_5g_operators if {
	every id in ids {
		gov_test.scoped(id, "2027-01-01", ["de-telecom"], ["de", "de-gov", "uk-telecom"])
	}
}

test_core_components_and_network_management if {
	every id in ids {
		gov_test.coverage(id, gov_test.sample.router) == "covered"
		gov_test.coverage(id, gov_test.sample.network_manager) == "covered"
		gov_test.coverage(id, gov_test.sample.camera_sdk) == "outside"
	}
}
