package gov_test.uk_huawei_designated_vendor_direction_2022

import data.gov_test
import rego.v1

id := "uk-huawei-designated-vendor-direction-2022"

test_no_new_5g_equipment_from_2022_10_13 if {
	gov_test.not_yet(id, "2022-01-01", "2022-10-13")
	gov_test.on(id, "2022-10-12", "upcoming", "2022-10-13", "warn")
	gov_test.on(id, "2022-10-13", "active", "2022-10-13", "deny")
	gov_test.on(id, "2022-10-14", "active", "2022-10-13", "deny")
}

test_sensitive_sites_cleared_by_2023_01_28 if {
	gov_test.on(id, "2023-01-27", "active", "2022-10-13", "deny")
	gov_test.on(id, "2023-01-28", "active", "2023-01-28", "deny")
	gov_test.on(id, "2023-01-29", "active", "2023-01-28", "deny")
}

test_full_fibre_cap_by_2023_10_31 if {
	gov_test.on(id, "2023-10-30", "active", "2023-01-28", "deny")
	gov_test.on(id, "2023-10-31", "active", "2023-10-31", "deny")
	gov_test.on(id, "2023-11-01", "active", "2023-10-31", "deny")
}

test_cores_cleared_by_2023_12_31 if {
	gov_test.on(id, "2023-12-30", "active", "2023-10-31", "deny")
	gov_test.on(id, "2023-12-31", "active", "2023-12-31", "deny")
	gov_test.on(id, "2024-01-01", "active", "2023-12-31", "deny")
}

test_all_5g_cleared_by_2027_12_31 if {
	gov_test.on(id, "2027-12-30", "active", "2023-12-31", "deny")
	gov_test.on(id, "2027-12-31", "active", "2027-12-31", "deny")
	gov_test.on(id, "2028-01-01", "active", "2027-12-31", "deny")
}

test_binds_uk_telecom_providers if {
	gov_test.scoped(id, "2024-01-01", ["uk-telecom"], ["uk-gov", "us-federal"])
}

test_network_equipment_and_its_software if {
	gov_test.coverage(id, gov_test.sample.router) == "covered"
	gov_test.coverage(id, gov_test.sample.network_manager) == "covered"
	gov_test.coverage(id, gov_test.sample.network_service) == "covered"
	gov_test.coverage(id, gov_test.sample.hms_push) == "outside"
	gov_test.outside_of(id) == "warn"
}
