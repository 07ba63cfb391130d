package gov_test.us_tx_state_devices_apps_2025

import data.gov_test
import rego.v1

ids := [
	"us-tx-state-devices-apps-2025:deepseek",
	"us-tx-state-devices-apps-2025:rednote",
	"us-tx-state-devices-apps-2025:lemon8",
	"us-tx-state-devices-apps-2025:moomoo",
	"us-tx-state-devices-apps-2025:tiger-brokers",
	"us-tx-state-devices-apps-2025:webull",
]

test_banned_on_state_devices_from_2025_01_31 if {
	every id in ids {
		gov_test.not_yet(id, "2024-10-01", "2025-01-31")
		gov_test.on(id, "2025-01-30", "upcoming", "2025-01-31", "warn")
		gov_test.on(id, "2025-01-31", "active", "2025-01-31", "deny")
		gov_test.on(id, "2025-02-01", "active", "2025-01-31", "deny")
		data.enforcer.bans_by_id[id].confidence == "press"
	}
}

test_binds_texas_state_agencies if {
	every id in ids {
		gov_test.scoped(id, "2025-06-01", ["us-tx-gov"], ["us", "us-federal", "us-federal-contractor"])
	}
}

test_the_named_apps if {
	gov_test.coverage("us-tx-state-devices-apps-2025:lemon8", gov_test.sample.lemon8_apk) == "product"
	gov_test.coverage("us-tx-state-devices-apps-2025:rednote", gov_test.sample.rednote_apk) == "product"
	gov_test.coverage("us-tx-state-devices-apps-2025:webull", {"kind": "application", "name": "Webull"}) == "product"
	gov_test.coverage("us-tx-state-devices-apps-2025:deepseek", gov_test.sample.deepseek_api) == "covered"
}

test_not_the_vendors_other_components if {
	# Lemon8 is matched through ByteDance, but TikTok and ByteDance's libraries are not Lemon8.
	lemon8 := "us-tx-state-devices-apps-2025:lemon8"
	gov_test.coverage(lemon8, gov_test.sample.tiktok_app) == "outside"
	gov_test.coverage(lemon8, gov_test.sample.sonic) == "excluded"
	gov_test.outside_of(lemon8) == "allow"
	gov_test.coverage("us-tx-state-devices-apps-2025:tiger-brokers", gov_test.sample.trading_sdk) == "outside"
	gov_test.coverage("us-tx-state-devices-apps-2025:deepseek", gov_test.sample.deepseek_weights) == "outside"
	every id in [id | some id in ids; id != lemon8] {
		gov_test.outside_of(id) == "warn"
	}
}
