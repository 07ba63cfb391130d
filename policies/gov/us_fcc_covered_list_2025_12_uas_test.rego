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

test_says_it_is_unconfirmed if {
	every id in ids {
		startswith(data.enforcer.bans_by_id[id].confidence, "unconfirmed: ")
	}
}

test_binds_everyone_importing_or_selling_in_the_us if {
	every id in ids {
		gov_test.scoped(id, "2026-01-01", ["us", "us-federal", "us-federal-contractor", "us-telecom"], ["uk-gov"])
	}
}
