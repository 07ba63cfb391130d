# US BIS Entity List additions for three Kaspersky entities (2024), shipped disabled
#
# Export control, not a use ban: sending items subject to the EAR to AO
# Kaspersky Lab, Kaspersky Labs Limited or OOO Kaspersky Group needs a
# licence. It says nothing about using Kaspersky software, so the ban is
# shipped disabled and never produces a finding; it is listed so that
# `enforcer policy list` shows why it is not enforced.
package enforcer.bans

import rego.v1

bans contains {
	"id": "us-bis-entity-list-kaspersky-2024",
	"vendor": "Kaspersky",
	"title": "BIS Entity List additions for three Kaspersky entities",
	"match": {
		"organizations": [
			"AO Kaspersky Lab",
			"Kaspersky Lab ZAO",
			"JSC Kaspersky Lab",
			"Kaspersky Lab",
			"Kaspersky",
			"Kaspersky Lab, Inc.",
			"Kaspersky US",
			"Kaspersky Labs Limited",
			"OOO Kaspersky Group",
			"Kaspersky Group LLC",
			"Лаборатория Касперского",
		],
		"domains": ["kaspersky.com", "kaspersky.ru", "kaspersky-labs.com", "kaspersky.co.uk"],
		"cpe_vendors": ["kaspersky", "kaspersky_lab", "kaspersky_labs"],
		"purls": [
			"pkg:*/com.kaspersky",
			"pkg:*/ru.kaspersky",
			"pkg:npm/@kaspersky",
			"pkg:nuget/kaspersky",
			"pkg:*/github.com/kaspersky",
			"pkg:*/github.com/kasperskylab",
		],
		"products": ["kaspersky"],
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2024-06-24",
			"summary": "a licence is required to export, reexport or transfer EAR items to the listed Kaspersky entities",
		},
	],
	"scopes": ["us", "us-federal", "us-federal-contractor", "us-telecom"],
	"references": [
		"Final rule 'Additions to the Entity List', 15 CFR part 744 supplement no. 4; 89 FR 52362-52364 (2024-06-24), FR Doc. 2024-13695, RIN 0694-AJ73",
		"89 FR 52362 (June 24, 2024), FR Doc. 2024-13695",
		"https://www.govinfo.gov/content/pkg/FR-2024-06-24/html/2024-13695.htm",
		"https://tradelawdaily.com/article/2024/06/21/bis-adds-russian-cybersecurity-firm-to-entity-list-issues-icts-restrictions-2406200032",
	],
	"enabled": false,
	"disabled_reason": "export control on items sent to the listed Kaspersky entities; it does not restrict using their software, so it must not flag SBOM components",
	"confidence": "confirmed",
	"notes": "Caveat of the facts: the Entity List rows' exact aliases and addresses were not read. Use bans on Kaspersky software come from the Commerce ICTS determination, BOD 17-01 and NDAA FY2018 section 1634.",
}
