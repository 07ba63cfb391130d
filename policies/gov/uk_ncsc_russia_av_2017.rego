# UK NCSC guidance on Russia-based anti-virus products (2017-12-01)
#
# Letter and guidance to permanent secretaries: systems holding SECRET or higher
# must not use a Russia-based anti-virus provider, and where Russian state
# access would threaten national security such a provider should not be chosen.
# Advisory for central government departments (`uk-gov`).
package enforcer.bans

import rego.v1

# Coverage: the guidance is about "anti-virus" products from a "Russia-based AV
# provider" in cloud-connected use. Covered: applications, services and data
# (signatures) and the named anti-virus products. Any other Kaspersky component
# is outside the guidance and allowed.
bans contains {
	"id": "uk-ncsc-russia-av-2017",
	"vendor": "Kaspersky",
	"title": "UK NCSC guidance against Russia-based anti-virus in government (Kaspersky)",
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
		"kinds": ["application", "service", "data"],
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
		"only_products": false,
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2017-12-01",
			"summary": "NCSC guidance: do not choose a Russia-based anti-virus provider where Russian state access would harm national security",
		},
	],
	"scopes": ["uk-gov"],
	"references": [
		"Letter and guidance to permanent secretaries on supply-chain risk in cloud-based products, including anti-virus, dated 2017-12-01",
		"NCSC letter to Permanent Secretaries, 1 Dec 2017",
		"https://www.theguardian.com/technology/2017/dec/02/dont-use-antivirus-firms-linked-to-russia-cyber-security-chief-tells-whitehall",
		"http://www.cnn.com/2017/12/02/europe/uk-russia-anti-virus-software-intl/index.html",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Central government departments; not a general public ban. The guidance targets Russia-based anti-virus providers generally and names Kaspersky as the largest in the UK; other Russian vendors are not named and not matched. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: anti-virus applications, services and signature data, and the named anti-virus products; other Kaspersky components (libraries, tools) are outside the guidance and allowed.",
}
