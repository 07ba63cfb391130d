package gov_test.us_no_tiktok_on_government_devices_act

import data.gov_test
import rego.v1

id := "us-no-tiktok-on-government-devices-act"

test_removal_due_2023_03_29 if {
	gov_test.not_yet(id, "2022-12-29", "2023-03-29")
	gov_test.on(id, "2023-03-28", "upcoming", "2023-03-29", "warn")
	gov_test.on(id, "2023-03-29", "active", "2023-03-29", "deny")
	gov_test.on(id, "2023-03-30", "active", "2023-03-29", "deny")
}

test_contract_terms_due_2023_05_28 if {
	gov_test.on(id, "2023-05-27", "active", "2023-03-29", "deny")
	gov_test.on(id, "2023-05-28", "active", "2023-05-28", "deny")
	gov_test.on(id, "2023-05-29", "active", "2023-05-28", "deny")
}

test_solicitation_clause_due_2023_06_27 if {
	gov_test.on(id, "2023-06-26", "active", "2023-05-28", "deny")
	gov_test.on(id, "2023-06-27", "active", "2023-06-27", "deny")
	gov_test.on(id, "2023-06-28", "active", "2023-06-27", "deny")
}

test_binds_agencies_and_contractors if {
	gov_test.scoped(id, "2024-01-01", ["us-federal", "us-federal-contractor", "us-dod", "us-dod-contractor"], ["us", "uk-gov"])
}

test_matches_tiktok_not_bytedance if {
	match := data.enforcer.bans_by_id[id].match
	"TikTok" in match.organizations
	every name in match.organizations {
		# enforcer: portable: "bytedance" is ASCII, which lower() folds on both engines.
		not contains(lower(name), "bytedance")
	}
}

test_covers_the_tiktok_app_only if {
	gov_test.covers_of(id).only_products == true
	gov_test.coverage(id, gov_test.sample.tiktok_app) == "product"
	gov_test.coverage(id, gov_test.sample.tiktok_apk) == "product"
	gov_test.coverage(id, gov_test.sample.trill_apk) == "product"
	gov_test.coverage(id, gov_test.sample.tiktok_open_sdk) == "outside"
	gov_test.outside_of(id) == "warn"
}

test_does_not_match_bytedance if {
	match := data.enforcer.bans_by_id[id].match
	not "ByteDance" in match.organizations
	not gov_test.vendor_purl(id, gov_test.sample.sonic.purl)
}
