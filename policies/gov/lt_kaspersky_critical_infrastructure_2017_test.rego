package gov_test.lt_kaspersky_critical_infrastructure_2017

import data.gov_test
import rego.v1

id := "lt-kaspersky-critical-infrastructure-2017"

test_replacement_decided_2017_12_21 if {
	gov_test.not_yet(id, "2017-12-20", "2017-12-21")
	gov_test.on(id, "2017-12-20", "upcoming", "2017-12-21", "warn")
	gov_test.on(id, "2017-12-21", "active", "2017-12-21", "deny")
	gov_test.on(id, "2017-12-22", "active", "2017-12-21", "deny")
}

test_binds_state_systems_and_critical_infrastructure if {
	gov_test.scoped(id, "2018-01-01", ["lt-gov", "lt-critical-infrastructure"], ["nl-gov", "de-gov"])
}

test_security_software_covered_libraries_warn if {
	gov_test.coverage(id, gov_test.sample.kaspersky_agent) == "covered"
	gov_test.coverage(id, gov_test.sample.kaspresso) == "outside"
	gov_test.outside_of(id) == "warn"
}
