# Italy: Decree-Law 21/2022, art. 29, and the ACN circulars (Russian security
# products)
#
# Public administrations must diversify away from security products and services
# of Russia-linked vendors: endpoint security (anti-virus, anti-malware, EDR),
# web application firewalls, e-mail protection, cloud-service protection and
# managed security services (`it-gov`).
package enforcer.bans

import rego.v1

# Coverage, read from art. 29 and circular 4336: the listed categories of
# security products and services. Covered: applications, services and data
# (signatures). Anything else of the vendor is outside the categories and
# allowed.
bans contains {
	"id": "it-dl21-2022-art29-russian-security-products:kaspersky",
	"vendor": "Kaspersky",
	"title": "Italy: diversification away from Kaspersky security products in public administration",
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
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2022-04-21",
			"summary": "ACN circular 4336 lists the vendor: public administrations must diversify away from its products",
		},
		{
			"effect": "warn",
			"from": "2025-11-14",
			"summary": "ACN circular updates the diversification rules and migration guidance",
		},
	],
	"scopes": ["it-gov"],
	"references": [
		"Decree-Law 21 March 2022 n. 21, art. 29 (converted by Law 20 May 2022 n. 51); ACN Circular 21 April 2022 n. 4336 (GU n. 96 of 26 April 2022); updated by ACN Circular of 14 November 2025 (GU n. 272 of 22 November 2025)",
		"D.L. 21/2022, art. 29; L. 51/2022",
		"ACN Circolare 21 aprile 2022, n. 4336 (GU n. 96, 26-4-2022)",
		"ACN Circolare 14 novembre 2025 (GU n. 272, 22-11-2025)",
		"https://www.redhotcyber.com/post/circolare-21-acn-diversificare-italia/",
		"https://www.segretaricomunalivighenzi.it/?p=66730",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "'Diversification' is the legal term, not an outright ban, so findings warn. Categories: endpoint security, web application firewalls, e-mail protection, cloud-service protection and managed security services. The decree-law entered into force on 2022-03-22 without naming vendors; the vendors come from the circular of 2022-04-21 (published 2022-04-26), so that is the first phase. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: the circular's categories are security software and services (endpoint security, web application firewalls, e-mail protection, cloud-service protection, managed security services): applications, services and signature data, and for Kaspersky the named products. Other components of the vendor are outside the categories and allowed.",
}

# Coverage, read from art. 29 and circular 4336: the listed categories of
# security products and services. Covered: applications, services and data
# (signatures). Anything else of the vendor is outside the categories and
# allowed.
bans contains {
	"id": "it-dl21-2022-art29-russian-security-products:group-ib",
	"vendor": "Group-IB",
	"title": "Italy: diversification away from Group-IB security products in public administration",
	"match": {
		"organizations": ["Group-IB"],
	},
	"covers": {
		"kinds": ["application", "service", "data"],
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2022-04-21",
			"summary": "ACN circular 4336 lists the vendor: public administrations must diversify away from its products",
		},
		{
			"effect": "warn",
			"from": "2025-11-14",
			"summary": "ACN circular updates the diversification rules and migration guidance",
		},
	],
	"scopes": ["it-gov"],
	"references": [
		"Decree-Law 21 March 2022 n. 21, art. 29 (converted by Law 20 May 2022 n. 51); ACN Circular 21 April 2022 n. 4336 (GU n. 96 of 26 April 2022); updated by ACN Circular of 14 November 2025 (GU n. 272 of 22 November 2025)",
		"D.L. 21/2022, art. 29; L. 51/2022",
		"ACN Circolare 21 aprile 2022, n. 4336 (GU n. 96, 26-4-2022)",
		"ACN Circolare 14 novembre 2025 (GU n. 272, 22-11-2025)",
		"https://www.redhotcyber.com/post/circolare-21-acn-diversificare-italia/",
		"https://www.segretaricomunalivighenzi.it/?p=66730",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "'Diversification' is the legal term, not an outright ban, so findings warn. Categories: endpoint security, web application firewalls, e-mail protection, cloud-service protection and managed security services. The decree-law entered into force on 2022-03-22 without naming vendors; the vendors come from the circular of 2022-04-21 (published 2022-04-26), so that is the first phase. Group-IB is named by a secondary source's headline; the circular itself was not read. Coverage: the circular's categories are security software and services (endpoint security, web application firewalls, e-mail protection, cloud-service protection, managed security services): applications, services and signature data, and for Kaspersky the named products. Other components of the vendor are outside the categories and allowed.",
}

# Coverage, read from art. 29 and circular 4336: the listed categories of
# security products and services. Covered: applications, services and data
# (signatures). Anything else of the vendor is outside the categories and
# allowed.
bans contains {
	"id": "it-dl21-2022-art29-russian-security-products:positive-technologies",
	"vendor": "Positive Technologies",
	"title": "Italy: diversification away from Positive Technologies security products in public administration",
	"match": {
		"organizations": [
			"Positive Technologies",
			"JSC Positive Technologies",
			"Aktsionernoe Obshchestvo Pozitiv Teknolodzhiz",
			"Pozitiv Teknolodzhiz",
		],
		"domains": ["ptsecurity.com"],
	},
	"covers": {
		"kinds": ["application", "service", "data"],
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2022-04-21",
			"summary": "ACN circular 4336 lists the vendor: public administrations must diversify away from its products",
		},
		{
			"effect": "warn",
			"from": "2025-11-14",
			"summary": "ACN circular updates the diversification rules and migration guidance",
		},
	],
	"scopes": ["it-gov"],
	"references": [
		"Decree-Law 21 March 2022 n. 21, art. 29 (converted by Law 20 May 2022 n. 51); ACN Circular 21 April 2022 n. 4336 (GU n. 96 of 26 April 2022); updated by ACN Circular of 14 November 2025 (GU n. 272 of 22 November 2025)",
		"D.L. 21/2022, art. 29; L. 51/2022",
		"ACN Circolare 21 aprile 2022, n. 4336 (GU n. 96, 26-4-2022)",
		"ACN Circolare 14 novembre 2025 (GU n. 272, 22-11-2025)",
		"https://www.redhotcyber.com/post/circolare-21-acn-diversificare-italia/",
		"https://www.segretaricomunalivighenzi.it/?p=66730",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "'Diversification' is the legal term, not an outright ban, so findings warn. Categories: endpoint security, web application firewalls, e-mail protection, cloud-service protection and managed security services. The decree-law entered into force on 2022-03-22 without naming vendors; the vendors come from the circular of 2022-04-21 (published 2022-04-26), so that is the first phase. Positive Technologies is named by a secondary source's headline; the circular itself was not read. Coverage: the circular's categories are security software and services (endpoint security, web application firewalls, e-mail protection, cloud-service protection, managed security services): applications, services and signature data, and for Kaspersky the named products. Other components of the vendor are outside the categories and allowed.",
}
