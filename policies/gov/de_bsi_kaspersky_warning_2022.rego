# German BSI warning against Kaspersky anti-virus software (section 7 BSIG)
#
# Official warning of 2022-03-15 to replace Kaspersky anti-virus products with
# alternatives, addressed to all users and especially to agencies, companies
# with particular security needs and critical-infrastructure operators.
# Advisory, so it warns, in every German scope.
package enforcer.bans

import rego.v1

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
		],
		"products": ["kaspersky"],
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
	"confidence": "confirmed",
	"notes": "Not a legal prohibition. The BSI now lists the warning in its archive; when it was archived was not found, so the warning has no end date. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
