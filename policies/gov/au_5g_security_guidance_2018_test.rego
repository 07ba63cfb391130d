package gov_test.au_5g_security_guidance_2018

import data.gov_test
import rego.v1

ids := ["au-5g-security-guidance-2018:huawei", "au-5g-security-guidance-2018:zte"]

test_guidance_2018_08_23_warns if {
	every id in ids {
		gov_test.not_yet(id, "2018-05-01", "2018-08-23")
		gov_test.on(id, "2018-08-22", "upcoming", "2018-08-23", "warn")
		gov_test.on(id, "2018-08-23", "active", "2018-08-23", "warn")
		gov_test.on(id, "2018-08-24", "active", "2018-08-23", "warn")
	}
}

test_security_reforms_2018_09_18_still_warn if {
	every id in ids {
		gov_test.on(id, "2018-09-17", "active", "2018-08-23", "warn")
		gov_test.on(id, "2018-09-18", "active", "2018-09-18", "warn")
		gov_test.on(id, "2018-09-19", "active", "2018-09-18", "warn")
	}
}

test_advises_australian_carriers if {
	every id in ids {
		gov_test.scoped(id, "2019-01-01", ["au-telecom"], ["au-gov", "ca-telecom"])
	}
}

test_network_equipment_only if {
	every id in ids {
		gov_test.coverage(id, gov_test.sample.router) == "covered"
		gov_test.coverage(id, gov_test.sample.hms_push) == "outside"
		gov_test.outside_of(id) == "allow"
	}
}
