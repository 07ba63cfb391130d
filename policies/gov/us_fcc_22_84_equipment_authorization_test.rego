package gov_test.us_fcc_22_84_equipment_authorization

import data.gov_test
import rego.v1

ids := [
	"us-fcc-22-84-equipment-authorization:huawei",
	"us-fcc-22-84-equipment-authorization:zte",
	"us-fcc-22-84-equipment-authorization:hytera",
	"us-fcc-22-84-equipment-authorization:hikvision",
	"us-fcc-22-84-equipment-authorization:dahua",
]

test_interim_freeze_from_2022_11_11 if {
	every id in ids {
		gov_test.not_yet(id, "2022-01-01", "2022-11-11")
		gov_test.on(id, "2022-11-10", "upcoming", "2022-11-11", "warn")
		gov_test.on(id, "2022-11-11", "active", "2022-11-11", "deny")
		gov_test.on(id, "2022-11-12", "active", "2022-11-11", "deny")
	}
}

test_authorization_bar_from_2023_02_06 if {
	every id in ids {
		gov_test.on(id, "2023-02-05", "active", "2022-11-11", "deny")
		gov_test.on(id, "2023-02-06", "active", "2023-02-06", "deny")
		gov_test.on(id, "2023-02-07", "active", "2023-02-06", "deny")
	}
}

test_fcc_25_71_from_2025_12_26 if {
	every id in ids {
		gov_test.on(id, "2025-12-25", "active", "2023-02-06", "deny")
		gov_test.on(id, "2025-12-26", "active", "2025-12-26", "deny")
		gov_test.on(id, "2025-12-27", "active", "2025-12-26", "deny")
	}
}

test_subsidies_alone_do_not_bind_before_the_bar if {
	# In 2021 only the Covered List's subsidy rule applied, and only to telecom providers.
	gov_test.decision_on("us-fcc-covered-list-2021-initial:huawei", "2021-06-01", ["us"]).in_scope == false
	gov_test.decision_on("us-fcc-22-84-equipment-authorization:huawei", "2021-06-01", ["us"]).verdict == "allow"
}

test_binds_everyone_importing_or_selling_in_the_us if {
	every id in ids {
		gov_test.scoped(id, "2023-06-01", ["us", "us-federal", "us-federal-contractor", "us-telecom", "us-dod", "us-dod-contractor", "us-tx-gov"], ["uk-gov", "eu-telecom"])
	}
}

test_covers_radio_equipment_only if {
	every id in array.concat(ids, drones) {
		gov_test.coverage(id, gov_test.sample.router) == "covered"
		gov_test.coverage(id, gov_test.sample.router_firmware) == "covered"
		gov_test.coverage(id, gov_test.sample.modem_driver) == "covered"
		gov_test.coverage(id, gov_test.sample.network_service) == "outside"
		gov_test.coverage(id, gov_test.sample.camera_sdk) == "outside"
		gov_test.outside_of(id) == "allow"
	}
}

test_huawei_sdks_are_allowed_in_every_ecosystem if {
	id := "us-fcc-22-84-equipment-authorization:huawei"
	every sdk in [gov_test.sample.hms_push, gov_test.sample.huaweicloud_go, gov_test.sample.huaweicloud_pypi] {
		gov_test.vendor_purl(id, sdk.purl)
		gov_test.coverage(id, sdk) == "outside"
	}
}

drones := ["us-fcc-22-84-equipment-authorization:dji", "us-fcc-22-84-equipment-authorization:autel"]

test_drone_makers_from_their_covered_list_entry_2025_12_22 if {
	every id in drones {
		gov_test.not_yet(id, "2025-06-01", "2025-12-22")
		gov_test.on(id, "2025-12-21", "upcoming", "2025-12-22", "warn")
		gov_test.on(id, "2025-12-22", "active", "2025-12-22", "deny")
		gov_test.on(id, "2025-12-23", "active", "2025-12-22", "deny")
		gov_test.scoped(id, "2026-01-01", ["us", "us-federal", "us-federal-contractor", "us-telecom", "us-dod", "us-dod-contractor", "us-tx-gov"], ["uk-gov"])
		data.enforcer.bans_by_id[id].confidence == "secondary"
	}
	gov_test.coverage("us-fcc-22-84-equipment-authorization:dji", gov_test.sample.drone) == "covered"
	gov_test.coverage("us-fcc-22-84-equipment-authorization:dji", gov_test.sample.drone_app) == "outside"
	gov_test.coverage("us-fcc-22-84-equipment-authorization:dji", gov_test.sample.dji_sdk) == "outside"
}

test_the_bar_is_on_new_authorizations if {
	every id in drones {
		contains(data.enforcer.bans_by_id[id].phases[0].summary, "models authorized earlier may still be sold")
	}
}
