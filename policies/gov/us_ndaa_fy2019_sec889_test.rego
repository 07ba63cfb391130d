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
		gov_test.scoped(id, "2021-01-01", ["us-federal", "us-federal-contractor"], ["us", "us-telecom", "ca-gov"])
	}
}
