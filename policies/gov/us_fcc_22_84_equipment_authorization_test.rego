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
		gov_test.scoped(id, "2023-06-01", ["us", "us-federal", "us-federal-contractor", "us-telecom"], ["uk-gov", "eu-telecom"])
	}
}
