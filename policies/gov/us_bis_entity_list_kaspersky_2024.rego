# US BIS Entity List additions for three Kaspersky entities (2024-06-24)
#
# An export control: exporting, reexporting or transferring items subject to the
# EAR to AO Kaspersky Lab, Kaspersky Labs Limited (UK) or OOO Kaspersky Group
# needs a licence, reviewed under a presumption of denial. It restricts what is
# sent to Kaspersky, not the use of Kaspersky software, so the ban is shipped
# disabled; the use bans are the Commerce ICTS determination, BOD 17-01 and NDAA
# FY2018 section 1634.
package enforcer.bans

import rego.v1

# Coverage: the rule covers items sent to the listed entities, which no SBOM
# component is. Written as every kind, so that whoever enables the ban (to see
# every Kaspersky relationship) gets every Kaspersky component; disabled by
# default for that reason.
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
			"pkg:github/kasperskylab",
		],
		"products": ["kaspersky"],
	},
	"covers": {
		"kinds": ["*"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2024-06-24",
			"summary": "a licence is required to export, reexport or transfer EAR items to the listed Kaspersky entities",
		},
	],
	"scopes": [
		"us",
		"us-federal",
		"us-federal-contractor",
		"us-telecom",
		"us-dod",
		"us-dod-contractor",
		"us-tx-gov",
	],
	"references": [
		"Final rule 'Additions to the Entity List', 15 CFR part 744 supplement no. 4; 89 FR 52362-52364 (2024-06-24), FR Doc. 2024-13695, RIN 0694-AJ73",
		"89 FR 52362 (June 24, 2024), FR Doc. 2024-13695",
		"https://www.govinfo.gov/content/pkg/FR-2024-06-24/html/2024-13695.htm",
		"https://tradelawdaily.com/article/2024/06/21/bis-adds-russian-cybersecurity-firm-to-entity-list-issues-icts-restrictions-2406200032",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"enabled": false,
	"disabled_reason": "export control on items sent to the listed Kaspersky entities; it does not restrict using their software, so it must not flag SBOM components",
	"notes": "Caveat of the facts: the Entity List rows' exact aliases and addresses were not read. Use bans on Kaspersky software come from the Commerce ICTS determination, BOD 17-01 and NDAA FY2018 section 1634. Coverage: exports to the listed entities, which no SBOM component is; stated as every kind so that an enabled copy flags every Kaspersky component.",
}
