package gov_test.us_ndaa_fy2024_sec805_1260h

import data.gov_test
import rego.v1

ids := [
	"us-ndaa-fy2024-sec805-1260h:huawei",
	"us-ndaa-fy2024-sec805-1260h:dji",
	"us-ndaa-fy2024-sec805-1260h:tencent",
	"us-ndaa-fy2024-sec805-1260h:catl",
	"us-ndaa-fy2024-sec805-1260h:cxmt",
	"us-ndaa-fy2024-sec805-1260h:quectel",
	"us-ndaa-fy2024-sec805-1260h:autel",
	"us-ndaa-fy2024-sec805-1260h:smic",
	"us-ndaa-fy2024-sec805-1260h:ymtc",
]

test_one_ban_per_listed_company if {
	count([ban | some ban in data.enforcer.bans.bans; startswith(ban.id, "us-ndaa-fy2024-sec805-1260h:")]) == count(ids)
	every id in ids {
		data.enforcer.bans_by_id[id].confidence == "secondary"
	}
}

test_entity_prohibition_from_2026_06_30_warns if {
	every id in ids {
		gov_test.not_yet(id, "2026-01-01", "2026-06-30")
		gov_test.on(id, "2026-06-29", "upcoming", "2026-06-30", "warn")
		gov_test.on(id, "2026-06-30", "active", "2026-06-30", "warn")
		gov_test.on(id, "2026-07-01", "active", "2026-06-30", "warn")
	}
}

test_goods_and_services_prohibition_from_2027_06_30_denies if {
	every id in ids {
		gov_test.on(id, "2027-06-29", "active", "2026-06-30", "warn")
		gov_test.on(id, "2027-06-30", "active", "2027-06-30", "deny")
		gov_test.on(id, "2027-07-01", "active", "2027-06-30", "deny")
	}
}

test_binds_dod_and_its_contractors if {
	every id in ids {
		gov_test.scoped(id, "2027-07-01", ["us-dod", "us-dod-contractor"], ["us", "us-federal", "us-federal-contractor", "uk-gov"])
	}
}

test_every_product_but_libraries if {
	every id in ids {
		gov_test.coverage(id, gov_test.sample.router) == "covered"
		gov_test.coverage(id, gov_test.sample.drone_app) == "covered"
		gov_test.coverage(id, gov_test.sample.server_os) == "covered"
		gov_test.coverage(id, gov_test.sample.deepseek_weights) == "covered"
		gov_test.coverage(id, gov_test.sample.hms_push) == "outside"
		gov_test.coverage(id, {"kind": "framework", "name": "mindspore"}) == "outside"
		gov_test.outside_of(id) == "warn"
	}
}

test_tencent_open_source_namespaces_and_qq_mail_are_not_tencent if {
	id := "us-ndaa-fy2024-sec805-1260h:tencent"
	match := data.enforcer.bans_by_id[id].match
	not "qq.com" in match.domains
	not gov_test.vendor_purl(id, "pkg:maven/com.tencent/mmkv@1.3.4")
	not gov_test.vendor_purl(id, "pkg:github/Tencent/rapidjson@1.1.0")
	gov_test.vendor_purl(id, "pkg:maven/com.tencentcloudapi/tencentcloud-sdk-java@3.1.1000")
	gov_test.vendor_purl(id, "pkg:pypi/tencentcloud-sdk-python@3.0.1200")
	"THL A29 Limited" in match.organizations
}

test_vendors_match_as_in_their_other_bans if {
	data.enforcer.bans_by_id["us-ndaa-fy2024-sec805-1260h:huawei"].match == data.enforcer.bans_by_id["us-ndaa-fy2019-sec889:huawei"].match
	data.enforcer.bans_by_id["us-ndaa-fy2024-sec805-1260h:smic"].match == data.enforcer.bans_by_id["us-ndaa-fy2023-sec5949-semiconductors:smic"].match
	data.enforcer.bans_by_id["us-ndaa-fy2024-sec805-1260h:autel"].match == data.enforcer.bans_by_id["us-fcc-covered-list-2025-12-uas:autel"].match
}

test_wechat_is_a_tencent_product if {
	gov_test.coverage("us-ndaa-fy2024-sec805-1260h:tencent", gov_test.sample.wechat_ios) == "product"
	gov_test.coverage("us-ndaa-fy2024-sec805-1260h:tencent", gov_test.sample.wechat_sdk) == "outside"
}
