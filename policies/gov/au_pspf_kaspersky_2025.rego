# Australia: PSPF Direction 002-2025 on Kaspersky products and web services
#
# Issued 2025-02-21: non-corporate Commonwealth entities may not install
# Kaspersky products or web services on government systems and devices, and must
# remove existing ones by 2025-04-01 (`au-gov`).
package enforcer.bans

import rego.v1

# Coverage, read from the direction: "Kaspersky Lab, Inc. products and web
# services" on all government systems and devices, reportedly not third-party
# software that embeds Kaspersky code. Covered: every installed kind
# (applications, services, data, devices, firmware, operating systems,
# platforms, containers) and the named products. Libraries, the form embedded
# code takes, are outside and warn.
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
			"pkg:github/kasperskylab",
		],
		"products": ["kaspersky"],
	},
	"covers": {
		"kinds": [
			"application",
			"container",
			"data",
			"device",
			"device-driver",
			"firmware",
			"operating-system",
			"platform",
			"service",
		],
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
				"Kaspersky Safe Kids",
				"Kaspersky Security Network",
				"Kaspersky VPN",
				"Kaspersky VPN Secure Connection",
				"Kaspersky Password Manager",
			],
			"app_ids": ["com.kms.free"],
		},
		"only_products": false,
		"outside": "warn",
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
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Direction 002-2025 (001-2025 is the DeepSeek direction). Reportedly it does not reach third-party software that embeds Kaspersky code. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: Kaspersky products and web services as installed (applications, services, signature data, devices, firmware, operating systems, platforms, containers) and the named products; libraries, the form embedded Kaspersky code takes, are outside and warn.",
}
