# Netherlands: central government phases out Kaspersky anti-virus (letter to the
# Tweede Kamer, 2018-05-14)
#
# A precautionary decision to stop using Kaspersky anti-virus software in
# central government (`nl-gov`). Only anti-virus is in scope, not the vendor's
# other products.
package enforcer.bans

import rego.v1

# Coverage, read from the letter: only "Kaspersky antivirus software" is phased
# out. Only the named anti-virus products are covered (in any form); any other
# Kaspersky component, a Kaspersky application not identified as anti-virus
# included, is outside and warns.
bans contains {
	"id": "nl-kaspersky-central-government-2018",
	"vendor": "Kaspersky",
	"title": "Netherlands: central government phases out Kaspersky anti-virus",
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
		"products": {
			"names": [
				"Kaspersky Anti-Virus",
				"Kaspersky Internet Security",
				"Kaspersky Total Security",
				"Kaspersky Endpoint Security",
				"Kaspersky Endpoint Security Cloud",
				"Kaspersky Endpoint Security for Windows",
				"Kaspersky Endpoint Security for Linux",
				"Kaspersky Endpoint Security for Mac",
				"Kaspersky Security Center",
				"Kaspersky Security Center Cloud Console",
				"Kaspersky Hybrid Cloud Security",
				"Kaspersky Small Office Security",
				"Kaspersky Security Cloud",
				"Kaspersky Free",
				"Kaspersky Standard",
				"Kaspersky Plus",
				"Kaspersky Premium",
			],
			"app_ids": ["com.kms.free"],
		},
		"only_products": true,
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2018-05-14",
			"summary": "central government decision to phase out Kaspersky anti-virus",
		},
	],
	"scopes": ["nl-gov"],
	"references": [
		"Letter to the Tweede Kamer, 2018-05-14",
		"https://nltimes.nl/2018/05/15/dutch-govt-stops-using-russian-anti-virus-software-kaspersky",
		"https://www.telecompaper.com/news/dutch-govt-bans-use-of-kaspersky-lab-products--1244314",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Only Kaspersky anti-virus is in scope, not the vendor's other products: the ban covers only the named anti-virus products, and any other Kaspersky component warns. The phase-out timing depended on existing contracts and had no deadline, so it cannot be a phase. Vital-sector companies and defence contractors were advised to follow; provinces and municipalities were not covered. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
