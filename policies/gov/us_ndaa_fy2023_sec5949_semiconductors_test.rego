package gov_test.us_ndaa_fy2023_sec5949_semiconductors

import data.gov_test
import rego.v1

ids := [
	"us-ndaa-fy2023-sec5949-semiconductors:smic",
	"us-ndaa-fy2023-sec5949-semiconductors:ymtc",
	"us-ndaa-fy2023-sec5949-semiconductors:cxmt",
]

test_procurement_ban_from_2027_12_23 if {
	every id in ids {
		gov_test.not_yet(id, "2026-01-01", "2027-12-23")
		gov_test.on(id, "2027-12-22", "upcoming", "2027-12-23", "warn")
		gov_test.on(id, "2027-12-23", "active", "2027-12-23", "deny")
		gov_test.on(id, "2027-12-24", "active", "2027-12-23", "deny")
	}
}

test_not_yet_in_effect_in_2026 if {
	every id in ids {
		gov_test.decision_on(id, "2026-06-01", []).verdict == "allow"
	}
}

test_binds_agencies_and_contractors if {
	every id in ids {
		gov_test.scoped(id, "2028-01-01", ["us-federal", "us-federal-contractor", "us-dod", "us-dod-contractor"], ["us", "us-telecom"])
	}
}

test_covers_chips_and_their_firmware if {
	every id in ids {
		gov_test.coverage(id, gov_test.sample.chip) == "covered"
		gov_test.coverage(id, gov_test.sample.router_firmware) == "covered"
		gov_test.coverage(id, gov_test.sample.network_manager) == "outside"
	}
}
