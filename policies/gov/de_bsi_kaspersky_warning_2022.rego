# Germany: BSI warning under section 7 BSIG on Kaspersky anti-virus software
# (2022-03-15)
#
# The Federal Office for Information Security advises replacing Kaspersky anti-
# virus products with alternatives. Advisory, for everyone in Germany, with
# emphasis on agencies, critical infrastructure and companies with particular
# security needs.
package enforcer.bans

import rego.v1

# Coverage: the warning concerns "Virenschutzsoftware" (anti-virus software) of
# the Russian manufacturer Kaspersky. Covered: applications, services and data
# (signatures) and the named anti-virus products. Other Kaspersky components are
# outside the warning and allowed.
bans contains {
	"id": "de-bsi-kaspersky-warning-2022",
	"vendor": "Kaspersky",
	"title": "German BSI warning against Kaspersky anti-virus software (section 7 BSIG)",
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
			"from": "2022-03-15",
			"summary": "BSI warning under section 7 BSIG: replace Kaspersky anti-virus products with alternatives",
		},
	],
	"scopes": ["de", "de-gov", "de-critical-infrastructure", "de-telecom"],
	"references": [
		"Official warning under section 7 BSI Act (BSIG), 2022-03-15",
		"BSI warning under section 7 BSIG of 15 March 2022",
		"https://bsi.bund.de/DE/Themen/Unternehmen-und-Organisationen/Cyber-Sicherheitslage/Technische-Sicherheitshinweise-und-Warnungen/Warnungen-nach-Par-7/Archiv/FAQ-Kaspersky/faq_node.html",
		"https://www.nbs-partners.de/neuigkeiten/warnung-des-bsi-vor-kaspersky-virenschutzsoftware/",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Not a legal prohibition. The BSI now lists the warning in its archive; when it was archived was not found, so the warning has no end date. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: anti-virus applications, services and signature data, and the named anti-virus products; other Kaspersky components are outside the warning and allowed.",
}
