# Australia: PSPF Direction 002-2025 on Kaspersky Lab products and web services
#
# Direction issued 2025-02-21: no new installations of Kaspersky products on
# government systems and devices, and all existing ones removed by 2025-04-01.
package enforcer.bans

import rego.v1

bans contains {
	"id": "au-pspf-kaspersky-2025",
	"vendor": "Kaspersky",
	"title": "Australia: PSPF Direction 002-2025 on Kaspersky Lab products and web services",
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
			"from": "2025-02-21",
			"summary": "no new installations of Kaspersky products or web services on government systems",
		},
		{
			"effect": "deny",
			"from": "2025-04-01",
			"summary": "all Kaspersky products and web services removed from government systems and devices",
		},
	],
	"scopes": ["au-gov"],
	"references": [
		"Protective Security Policy Framework Direction 002-2025, issued 2025-02-21 (with Policy Explanatory Note 002/25)",
		"https://www.govtechreview.com.au/content/gov-security/news/kaspersky-products-banned-from-government-systems-and-devices-1649955975",
		"https://cyberinsider.com/australia-bans-kaspersky-software-over-national-security-concerns",
		"https://techmonitor.ai/technology/cybersecurity/australia-orders-removal-kaspersky-software-government-systems",
	],
	"confidence": "confirmed",
	"notes": "Direction 002-2025 (001-2025 is the DeepSeek direction). Reportedly it does not reach third-party software that embeds Kaspersky code; the ban still flags such components, since the matchers cannot tell embedding from installation. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
