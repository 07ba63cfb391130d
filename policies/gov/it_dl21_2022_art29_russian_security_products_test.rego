package gov_test.it_dl21_2022_art29_russian_security_products

import data.gov_test
import rego.v1

ids := [
	"it-dl21-2022-art29-russian-security-products:kaspersky",
	"it-dl21-2022-art29-russian-security-products:group-ib",
	"it-dl21-2022-art29-russian-security-products:positive-technologies",
]

test_vendors_listed_2022_04_21_warn if {
	every id in ids {
		gov_test.not_yet(id, "2022-03-22", "2022-04-21")
		gov_test.on(id, "2022-04-20", "upcoming", "2022-04-21", "warn")
		gov_test.on(id, "2022-04-21", "active", "2022-04-21", "warn")
		gov_test.on(id, "2022-04-22", "active", "2022-04-21", "warn")
	}
}

test_rules_updated_2025_11_14_still_warn if {
	every id in ids {
		gov_test.on(id, "2025-11-13", "active", "2022-04-21", "warn")
		gov_test.on(id, "2025-11-14", "active", "2025-11-14", "warn")
		gov_test.on(id, "2025-11-15", "active", "2025-11-14", "warn")
	}
}

test_binds_italian_public_administrations if {
	every id in ids {
		gov_test.scoped(id, "2023-01-01", ["it-gov"], ["nl-gov", "eu-institutions"])
	}
}

test_security_categories_only if {
	every id in ids {
		gov_test.coverage(id, {"kind": "application", "name": "web-application-firewall"}) == "covered"
		gov_test.coverage(id, {"kind": "service", "name": "managed-detection"}) == "covered"
		gov_test.coverage(id, {"kind": "library", "name": "parser"}) == "outside"
		gov_test.outside_of(id) == "allow"
	}
}
