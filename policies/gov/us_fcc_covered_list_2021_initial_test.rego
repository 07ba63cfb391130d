package gov_test.us_fcc_covered_list_2021_initial

import data.gov_test
import rego.v1

ids := [
	"us-fcc-covered-list-2021-initial:huawei",
	"us-fcc-covered-list-2021-initial:zte",
	"us-fcc-covered-list-2021-initial:hytera",
	"us-fcc-covered-list-2021-initial:hikvision",
	"us-fcc-covered-list-2021-initial:dahua",
]

test_covered_list_from_2021_03_12 if {
	every id in ids {
		gov_test.not_yet(id, "2020-06-01", "2021-03-12")
		gov_test.on(id, "2021-03-11", "upcoming", "2021-03-12", "warn")
		gov_test.on(id, "2021-03-12", "active", "2021-03-12", "deny")
		gov_test.on(id, "2021-03-13", "active", "2021-03-12", "deny")
	}
}

test_binds_subsidised_telecom_providers if {
	every id in ids {
		gov_test.scoped(id, "2021-06-01", ["us-telecom"], ["us", "us-federal", "us-federal-contractor"])
	}
}

test_covers_equipment_and_services if {
	every id in ids {
		gov_test.coverage(id, gov_test.sample.camera) == "covered"
		gov_test.coverage(id, gov_test.sample.router_firmware) == "covered"
		gov_test.coverage(id, gov_test.sample.network_service) == "covered"
		gov_test.coverage(id, gov_test.sample.camera_sdk) == "outside"
		gov_test.outside_of(id) == "warn"
	}
}
