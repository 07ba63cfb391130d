package gov_test.us_bis_entity_list_kaspersky_2024

import data.gov_test
import rego.v1

id := "us-bis-entity-list-kaspersky-2024"

test_shipped_disabled_as_an_export_control if {
	ban := data.enforcer.bans_by_id[id]
	ban.enabled == false
	startswith(ban.disabled_reason, "export control")
}

# A disabled ban is never matched; its dates still read correctly in `policy list`.
test_licence_requirement_from_2024_06_24 if {
	gov_test.status_on(id, "2024-06-23").status == "upcoming"
	gov_test.status_on(id, "2024-06-24").status == "active"
	gov_test.status_on(id, "2024-06-24").phase.date == "2024-06-24"
	gov_test.status_on(id, "2024-06-25").phase.effect == "deny"
}

test_scopes if {
	data.enforcer.bans_by_id[id].scopes == ["us", "us-federal", "us-federal-contractor", "us-telecom", "us-dod", "us-dod-contractor", "us-tx-gov"]
}

test_covers_every_kind_if_enabled if {
	gov_test.coverage(id, gov_test.sample.kaspresso) == "covered"
	gov_test.coverage(id, gov_test.sample.kaspersky_agent) == "covered"
}
