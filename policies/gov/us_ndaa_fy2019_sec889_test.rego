package gov_test.us_ndaa_fy2019_sec889

import data.gov_test
import rego.v1

ids := [
	"us-ndaa-fy2019-sec889:huawei",
	"us-ndaa-fy2019-sec889:zte",
	"us-ndaa-fy2019-sec889:hytera",
	"us-ndaa-fy2019-sec889:hikvision",
	"us-ndaa-fy2019-sec889:dahua",
]

test_one_ban_per_named_company if {
	every id in ids {
		data.enforcer.bans_by_id[id]
	}
	count([ban | some ban in data.enforcer.bans.bans; startswith(ban.id, "us-ndaa-fy2019-sec889:")]) == 5
}

test_part_a_from_2019_08_13 if {
	every id in ids {
		gov_test.not_yet(id, "2019-01-01", "2019-08-13")
		gov_test.on(id, "2019-08-12", "upcoming", "2019-08-13", "warn")
		gov_test.on(id, "2019-08-13", "active", "2019-08-13", "deny")
		gov_test.on(id, "2019-08-14", "active", "2019-08-13", "deny")
	}
}

test_part_b_from_2020_08_13 if {
	every id in ids {
		gov_test.on(id, "2020-08-12", "active", "2019-08-13", "deny")
		gov_test.on(id, "2020-08-13", "active", "2020-08-13", "deny")
		gov_test.on(id, "2020-08-14", "active", "2020-08-13", "deny")
	}
}

test_binds_agencies_and_contractors if {
	every id in ids {
		gov_test.scoped(id, "2021-01-01", ["us-federal", "us-federal-contractor", "us-dod", "us-dod-contractor"], ["us", "us-telecom", "ca-gov"])
	}
}

test_covers_equipment_and_services if {
	every id in ids {
		gov_test.coverage(id, gov_test.sample.router) == "covered"
		gov_test.coverage(id, gov_test.sample.router_firmware) == "covered"
		gov_test.coverage(id, gov_test.sample.modem_driver) == "covered"
		gov_test.coverage(id, gov_test.sample.network_service) == "covered"
		gov_test.coverage(id, gov_test.sample.unknown) == "covered"
	}
}

test_apps_sdks_and_libraries_warn if {
	every id in ids {
		gov_test.coverage(id, gov_test.sample.camera_sdk) == "outside"
		gov_test.coverage(id, gov_test.sample.network_manager) == "outside"
		gov_test.outside_of(id) == "warn"
	}
	gov_test.coverage("us-ndaa-fy2019-sec889:huawei", gov_test.sample.hms_push) == "outside"
}

test_identity_gaps_are_closed if {
	hik := data.enforcer.bans_by_id["us-ndaa-fy2019-sec889:hikvision"].match
	"Hangzhou EZVIZ Network Co., Ltd." in hik.organizations
	"ezviz.com" in hik.domains
	"dahuatech.com" in data.enforcer.bans_by_id["us-ndaa-fy2019-sec889:dahua"].match.domains
	huawei := "us-ndaa-fy2019-sec889:huawei"
	gov_test.vendor_purl(huawei, "pkg:maven/com.huaweicloud.sdk/huaweicloud-sdk-ecs@3.1.86")
	gov_test.vendor_purl(huawei, "pkg:golang/github.com/huaweicloud/huaweicloud-sdk-go-v3@v0.1.120")
	gov_test.vendor_purl(huawei, "pkg:pypi/huaweicloudsdkecs@3.1.86")
	gov_test.vendor_purl(huawei, "pkg:npm/%40huaweicloud/huaweicloud-sdk-core@3.1.86")
	not gov_test.vendor_purl(huawei, "pkg:pypi/huaweicloud-cli-helper@0.1")
}
