# Lithuania: government decision on Kaspersky software (2017-12-20, announced
# 2017-12-21)
#
# Managers of critical information infrastructure and of state information
# resources must replace Kaspersky Lab software with safe equivalents (`lt-gov`,
# `lt-critical-infrastructure`).
package enforcer.bans

import rego.v1

# Coverage: the decision is to replace "Kaspersky Lab software" on critical
# systems, a measure against its security products. Covered: applications,
# services and data (signatures) and the named products. Other Kaspersky
# components warn: the decision says "software", and a library of Kaspersky's
# deserves a look.
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
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "The decision is binding, so it denies from its announcement; the removal itself had no fixed deadline ('in the near future') and cannot be a phase. The resolution number was not confirmed. Private companies were only advised to assess their risk and are not a scope. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: Kaspersky's security software as installed (applications, services, signature data) and the named products; other Kaspersky components such as open-source libraries warn, since the decision's 'Kaspersky Lab software' could be read to reach them.",
}
