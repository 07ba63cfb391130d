package gov_test.us_commerce_icts_kaspersky

import data.gov_test
import rego.v1

id := "us-commerce-icts-kaspersky-2024"

test_new_agreements_barred_from_2024_07_20 if {
	gov_test.not_yet(id, "2024-01-01", "2024-07-20")
	gov_test.on(id, "2024-07-19", "upcoming", "2024-07-20", "warn")
	gov_test.on(id, "2024-07-20", "active", "2024-07-20", "deny")
	gov_test.on(id, "2024-07-21", "active", "2024-07-20", "deny")
}

test_updates_resale_and_integration_barred_from_2024_09_29 if {
	gov_test.on(id, "2024-09-28", "active", "2024-07-20", "deny")
	gov_test.on(id, "2024-09-29", "active", "2024-09-29", "deny")
	gov_test.on(id, "2024-09-30", "active", "2024-09-29", "deny")
}

test_binds_everyone_under_us_jurisdiction if {
	gov_test.scoped(id, "2024-10-01", ["us", "us-federal", "us-federal-contractor", "us-telecom", "us-dod", "us-dod-contractor", "us-tx-gov"], ["uk-gov", "de", "au-gov"])
}

test_covers_security_software_and_named_products if {
	gov_test.coverage(id, gov_test.sample.kaspersky_agent) == "covered"
	gov_test.coverage(id, gov_test.sample.kaspersky_signatures) == "covered"
	gov_test.coverage(id, gov_test.sample.kaspersky_product) == "product"
	gov_test.coverage(id, gov_test.sample.kaspersky_android) == "product"
}

test_threat_intelligence_and_training_are_excluded if {
	gov_test.coverage(id, gov_test.sample.kaspersky_ti) == "excluded"
	gov_test.coverage(id, gov_test.sample.opentip_scanner) == "excluded"
	gov_test.coverage(id, {"kind": "service", "name": "Kaspersky Expert Training"}) == "excluded"
}

test_open_source_libraries_are_outside_and_warn if {
	gov_test.coverage(id, gov_test.sample.kaspresso) == "outside"
	gov_test.coverage(id, gov_test.sample.klara) == "outside"
	gov_test.coverage(id, gov_test.sample.kasperskyos) == "outside"
	gov_test.outside_of(id) == "warn"
}

test_kasperskylab_on_github_is_kaspersky if {
	gov_test.vendor_purl(id, "pkg:github/KasperskyLab/klara@1.0.0")
	gov_test.vendor_purl(id, "pkg:golang/github.com/KasperskyLab/klara@v1.0.0")
	gov_test.vendor_purl(id, "pkg:maven/com.kaspersky.android-components/kaspresso@1.5.3")
	not gov_test.vendor_purl(id, "pkg:nuget/KasperskyLab.Tools@1.0")
}
