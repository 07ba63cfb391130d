package gov_test.us_fcc_covered_list_2025_12_uas

import data.gov_test
import rego.v1

ids := ["us-fcc-covered-list-2025-12-uas:dji", "us-fcc-covered-list-2025-12-uas:autel"]

test_covered_list_from_2025_12_22 if {
	every id in ids {
		gov_test.not_yet(id, "2025-06-01", "2025-12-22")
		gov_test.on(id, "2025-12-21", "upcoming", "2025-12-22", "warn")
		gov_test.on(id, "2025-12-22", "active", "2025-12-22", "deny")
		gov_test.on(id, "2025-12-23", "active", "2025-12-22", "deny")
	}
}

# Law-firm summaries of the Public Notice confirm the entry; the notice itself was not read.
test_confirmed_by_secondary_sources if {
	every id in ids {
		data.enforcer.bans_by_id[id].confidence == "secondary"
		contains(data.enforcer.bans_by_id[id].notes, "models authorized earlier may still be imported and sold")
	}
}

# The Covered List itself binds telecom providers; the authorization bar that
# binds everyone is us-fcc-22-84-equipment-authorization:dji and :autel.
test_binds_telecom_providers if {
	every id in ids {
		gov_test.scoped(id, "2026-01-01", ["us-telecom"], ["us", "us-federal", "us-federal-contractor", "uk-gov"])
	}
}

test_equipment_services_and_software if {
	every id in ids {
		gov_test.coverage(id, gov_test.sample.drone) == "covered"
		gov_test.coverage(id, gov_test.sample.drone_app) == "covered"
		gov_test.coverage(id, gov_test.sample.router_firmware) == "covered"
		gov_test.coverage(id, gov_test.sample.dji_sdk) == "outside"
		gov_test.outside_of(id) == "warn"
	}
}

test_autel_diagnostics_is_not_autel_robotics if {
	match := data.enforcer.bans_by_id["us-fcc-covered-list-2025-12-uas:autel"].match
	not "Autel" in match.organizations
	object.get(match, "products", []) == []
}
