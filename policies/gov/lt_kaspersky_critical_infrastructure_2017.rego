# Lithuania: Kaspersky software replaced in critical information infrastructure and state information resources
#
# Cabinet decision of 2017-12-20, announced 2017-12-21: managers of critical
# information infrastructure (energy, finance, transport) and of state
# information resources must replace Kaspersky software.
package enforcer.bans

import rego.v1

bans contains {
	"id": "lt-kaspersky-critical-infrastructure-2017",
	"vendor": "Kaspersky",
	"title": "Lithuania: Kaspersky software to be replaced in critical information infrastructure and state information resources",
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
			"from": "2017-12-21",
			"summary": "government decision: replace Kaspersky software in critical information infrastructure and state information resources",
		},
	],
	"scopes": ["lt-gov", "lt-critical-infrastructure"],
	"references": [
		"Government decision at its sitting of 2017-12-20 (resolution number not confirmed)",
		"http://www.baltic-course.com/eng/Technology/?doc=136187",
		"http://en.chinagate.cn/2017-12/22/content_50119115.htm",
	],
	"confidence": "confirmed",
	"notes": "The decision is binding, so it denies from its announcement; the removal itself had no fixed deadline ('in the near future') and cannot be a phase. The resolution number was not confirmed. Private companies were only advised to assess their risk and are not a scope. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
