package gov_test.ca_hikvision_federal_use_2025

import data.gov_test
import rego.v1

id := "ca-hikvision-federal-use-2025"

test_federal_use_barred_from_2025_06_27 if {
	gov_test.not_yet(id, "2025-01-01", "2025-06-27")
	gov_test.on(id, "2025-06-26", "upcoming", "2025-06-27", "warn")
	gov_test.on(id, "2025-06-27", "active", "2025-06-27", "deny")
	gov_test.on(id, "2025-06-28", "active", "2025-06-27", "deny")
	data.enforcer.bans_by_id[id].confidence == "press"
}

test_binds_federal_bodies if {
	gov_test.scoped(id, "2025-07-01", ["ca-gov"], ["ca-telecom", "us-federal"])
}

test_equipment_not_software if {
	gov_test.coverage(id, gov_test.sample.camera) == "covered"
	gov_test.coverage(id, gov_test.sample.router_firmware) == "covered"
	gov_test.coverage(id, gov_test.sample.camera_sdk) == "outside"
	gov_test.coverage(id, {"kind": "application", "name": "iVMS-4200"}) == "outside"
	gov_test.outside_of(id) == "warn"
}

test_ezviz_is_hikvision if {
	match := data.enforcer.bans_by_id[id].match
	"EZVIZ" in match.organizations
	"ezviz.com" in match.domains
	match == data.enforcer.bans_by_id["us-ndaa-fy2019-sec889:hikvision"].match
}
