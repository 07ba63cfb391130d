# US DHS Binding Operational Directive 17-01 (Kaspersky-branded products)
#
# Federal executive-branch agencies must identify (30 days), plan the removal of
# (60 days) and begin removing (90 days) Kaspersky-branded products from federal
# information systems. Binds federal agencies (`us-federal`, and the Department
# of Defense, `us-dod`).
package enforcer.bans

import rego.v1

# Coverage, read from 82 FR 43782: "Kaspersky-branded products", that is the
# "information security products, solutions, and services supplied, directly or
# indirectly, by AO Kaspersky Lab" on federal information systems. Covered:
# applications, services and data (signatures) and the named products; threat
# intelligence is a Kaspersky security service and stays covered here. Other
# kinds (an open-source library) are not Kaspersky-branded products and warn.
bans contains {
	"id": "us-dhs-bod-17-01",
	"vendor": "Kaspersky",
	"title": "DHS Binding Operational Directive 17-01: Removal of Kaspersky-branded products",
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
			"effect": "warn",
			"from": "2017-10-13",
			"summary": "agencies must have identified every use or presence of Kaspersky-branded products",
		},
		{
			"effect": "warn",
			"from": "2017-11-12",
			"summary": "agencies must have given DHS a plan to remove Kaspersky products and stop their use",
		},
		{
			"effect": "deny",
			"from": "2017-12-12",
			"summary": "agencies begin removing Kaspersky products under their removal plans",
		},
	],
	"scopes": ["us-federal", "us-dod"],
	"references": [
		"Binding Operational Directive 17-01, issued 2017-09-13; notice at 82 FR 43782 (2017-09-19), FR Doc. 2017-19838",
		"BOD 17-01; 82 FR 43782-43784 (Sept. 19, 2017), FR Doc. 2017-19838",
		"https://www.cisa.gov/news-events/directives/binding-operational-directive-17-01",
		"https://regulations.justia.com/regulations/fedreg/2017/09/19/2017-19838.html",
		"https://publicintelligence.net/category/documents/page/7",
		"https://www.thompsonhinesmartrade.com/2017/09/department-homeland-security-bans-use-russian-security-software/",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "The inventory and plan steps require finding and reporting the products, not removing them, so they warn; removal from 2017-12-12 denies. The issue date (2017-09-13) is not a phase; the warning window covers it. Whether DHS later confirmed the 90-day step was not checked. The directive covers products supplied directly or indirectly by AO Kaspersky Lab or its predecessors, successors, parents, subsidiaries or affiliates. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: Kaspersky-branded information-security products, solutions and services: applications, services, data (signatures) and the named products. Other Kaspersky components, such as open-source libraries, are not branded products installed on agency systems and warn.",
}
