package gov_test.eu_5g_toolbox

import data.gov_test
import rego.v1

ids := ["eu-5g-toolbox:huawei", "eu-5g-toolbox:zte"]

test_commission_names_the_vendors_2023_06_15 if {
	every id in ids {
		gov_test.not_yet(id, "2020-01-29", "2023-06-15")
		gov_test.on(id, "2023-06-14", "upcoming", "2023-06-15", "warn")
		gov_test.on(id, "2023-06-15", "active", "2023-06-15", "warn")
		gov_test.on(id, "2023-06-16", "active", "2023-06-15", "warn")
	}
}

test_advises_institutions_and_networks if {
	every id in ids {
		gov_test.scoped(id, "2024-01-01", ["eu-institutions", "eu-telecom"], ["de-telecom", "uk-telecom"])
	}
}

test_network_assets_only if {
	every id in ids {
		gov_test.coverage(id, gov_test.sample.router) == "covered"
		gov_test.coverage(id, gov_test.sample.hms_push) == "outside"
		gov_test.outside_of(id) == "allow"
	}
}
