package gov_test.ca_wechat_kaspersky_government_devices_2023

import data.gov_test
import rego.v1

ids := ["ca-wechat-kaspersky-government-devices-2023:kaspersky", "ca-wechat-kaspersky-government-devices-2023:wechat"]

test_banned_from_2023_10_30 if {
	every id in ids {
		gov_test.not_yet(id, "2023-06-01", "2023-10-30")
		gov_test.on(id, "2023-10-29", "upcoming", "2023-10-30", "warn")
		gov_test.on(id, "2023-10-30", "active", "2023-10-30", "deny")
		gov_test.on(id, "2023-10-31", "active", "2023-10-30", "deny")
	}
}

test_binds_government_devices if {
	every id in ids {
		gov_test.scoped(id, "2024-01-01", ["ca-gov"], ["ca-telecom", "us-federal"])
	}
}

test_wechat_ban_does_not_name_tencent if {
	match := data.enforcer.bans_by_id["ca-wechat-kaspersky-government-devices-2023:wechat"].match
	object.get(match, "organizations", []) == []
	"WeChat" in match.products
}

test_kaspersky_applications if {
	id := "ca-wechat-kaspersky-government-devices-2023:kaspersky"
	gov_test.coverage(id, gov_test.sample.kaspersky_agent) == "covered"
	gov_test.coverage(id, gov_test.sample.kaspersky_android) == "product"
	gov_test.coverage(id, gov_test.sample.kaspresso) == "outside"
}

test_the_wechat_app_not_its_sdk if {
	id := "ca-wechat-kaspersky-government-devices-2023:wechat"
	gov_test.coverage(id, gov_test.sample.wechat_app) == "product"
	gov_test.coverage(id, gov_test.sample.wechat_ios) == "product"
	gov_test.coverage(id, gov_test.sample.wechat_sdk) == "outside"
	gov_test.outside_of(id) == "warn"
}
