# US DHS Binding Operational Directive 17-01 (Kaspersky-branded products)
#
# Federal executive-branch agencies: identify Kaspersky products within 30
# days (2017-10-13), plan their removal within 60 days (2017-11-12), and begin
# removing them at 90 days (2017-12-12).
package enforcer.bans

import rego.v1

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
		],
		"products": ["kaspersky"],
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
	"scopes": ["us-federal"],
	"references": [
		"Binding Operational Directive 17-01, issued 2017-09-13; notice at 82 FR 43782 (2017-09-19), FR Doc. 2017-19838",
		"BOD 17-01; 82 FR 43782-43784 (Sept. 19, 2017), FR Doc. 2017-19838",
		"https://www.cisa.gov/news-events/directives/binding-operational-directive-17-01",
		"https://regulations.justia.com/regulations/fedreg/2017/09/19/2017-19838.html",
		"https://publicintelligence.net/category/documents/page/7",
		"https://www.thompsonhinesmartrade.com/2017/09/department-homeland-security-bans-use-russian-security-software/",
	],
	"confidence": "confirmed",
	"notes": "The inventory and plan steps require finding and reporting the products, not removing them, so they warn; removal from 2017-12-12 denies. The issue date (2017-09-13) is not a phase; the warning window covers it. Whether DHS later confirmed the 90-day step was not checked. The directive covers products supplied directly or indirectly by AO Kaspersky Lab or its predecessors, successors, parents, subsidiaries or affiliates. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
