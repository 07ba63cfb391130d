package gov_test.us_pafaca_tiktok_2024

import data.gov_test
import rego.v1

id := "us-pafaca-tiktok-2024"

test_in_force_on_2025_01_19 if {
	gov_test.not_yet(id, "2024-04-24", "2025-01-19")
	gov_test.on(id, "2025-01-18", "upcoming", "2025-01-19", "warn")
	gov_test.on(id, "2025-01-19", "active", "2025-01-19", "deny")
}

test_enforcement_paused_from_2025_01_20 if {
	gov_test.on(id, "2025-01-20", "active", "2025-01-20", "warn")
	gov_test.on(id, "2025-01-21", "active", "2025-01-20", "warn")
	contains(gov_test.decision_on(id, "2025-02-01", []).reason, "E.O. 14166")
}

test_pause_extended_2025_04_04 if {
	gov_test.on(id, "2025-04-03", "active", "2025-01-20", "warn")
	gov_test.on(id, "2025-04-04", "active", "2025-04-04", "warn")
	gov_test.on(id, "2025-04-05", "active", "2025-04-04", "warn")
}

test_pause_extended_2025_06_19 if {
	gov_test.on(id, "2025-06-18", "active", "2025-04-04", "warn")
	gov_test.on(id, "2025-06-19", "active", "2025-06-19", "warn")
	gov_test.on(id, "2025-06-20", "active", "2025-06-19", "warn")
}

test_pause_extended_2025_09_16 if {
	gov_test.on(id, "2025-09-15", "active", "2025-06-19", "warn")
	gov_test.on(id, "2025-09-16", "active", "2025-09-16", "warn")
	gov_test.on(id, "2025-09-17", "active", "2025-09-16", "warn")
}

test_divestiture_framework_2025_09_25 if {
	gov_test.on(id, "2025-09-24", "active", "2025-09-16", "warn")
	gov_test.on(id, "2025-09-25", "active", "2025-09-25", "warn")
	gov_test.on(id, "2025-09-26", "active", "2025-09-25", "warn")
}

test_joint_venture_closed_2026_01_22 if {
	gov_test.on(id, "2026-01-21", "active", "2025-09-25", "warn")
	gov_test.on(id, "2026-01-22", "active", "2026-01-22", "warn")
	gov_test.on(id, "2026-01-23", "active", "2026-01-22", "warn")
}

test_binds_everyone_under_us_jurisdiction if {
	gov_test.scoped(id, "2025-01-19", ["us", "us-federal", "us-federal-contractor", "us-telecom", "us-dod", "us-dod-contractor", "us-tx-gov"], ["uk-gov", "ca-gov"])
}

test_covers_bytedance_applications if {
	gov_test.coverage(id, gov_test.sample.tiktok_app) == "product"
	gov_test.coverage(id, gov_test.sample.capcut) == "product"
	gov_test.coverage(id, gov_test.sample.lemon8_apk) == "product"
	gov_test.coverage(id, gov_test.sample.lark) == "covered"
}

test_never_bytedance_libraries if {
	gov_test.coverage(id, gov_test.sample.sonic) == "excluded"
	gov_test.coverage(id, gov_test.sample.sonic_github) == "excluded"
	gov_test.coverage(id, gov_test.sample.kitex) == "excluded"
	gov_test.coverage(id, gov_test.sample.pangle) == "outside"
	gov_test.coverage(id, gov_test.sample.tiktok_open_sdk) == "outside"
	gov_test.outside_of(id) == "allow"
}
