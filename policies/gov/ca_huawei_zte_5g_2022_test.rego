package gov_test.ca_huawei_zte_5g_2022

import data.gov_test
import rego.v1

ids := ["ca-huawei-zte-5g-2022:huawei", "ca-huawei-zte-5g-2022:zte"]

# The procurement stop "by September 2022" has no day, so it is no phase.
test_5g_removed_by_2024_06_28 if {
	every id in ids {
		gov_test.not_yet(id, "2022-09-30", "2024-06-28")
		gov_test.on(id, "2024-06-27", "upcoming", "2024-06-28", "warn")
		gov_test.on(id, "2024-06-28", "active", "2024-06-28", "deny")
		gov_test.on(id, "2024-06-29", "active", "2024-06-28", "deny")
	}
}

test_4g_removed_by_2027_12_31 if {
	every id in ids {
		gov_test.on(id, "2027-12-30", "active", "2024-06-28", "deny")
		gov_test.on(id, "2027-12-31", "active", "2027-12-31", "deny")
		gov_test.on(id, "2028-01-01", "active", "2027-12-31", "deny")
	}
}

test_binds_canadian_telecom_providers if {
	every id in ids {
		gov_test.scoped(id, "2025-01-01", ["ca-telecom"], ["ca-gov", "us-telecom"])
	}
}

test_equipment_and_managed_services if {
	every id in ids {
		gov_test.coverage(id, gov_test.sample.router) == "covered"
		gov_test.coverage(id, gov_test.sample.network_service) == "covered"
		gov_test.coverage(id, gov_test.sample.camera_sdk) == "outside"
	}
}
