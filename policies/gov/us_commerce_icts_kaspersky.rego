# US Commerce ICTS final determination on Kaspersky (2024)
#
# Kaspersky Lab, Inc. and every affiliate, subsidiary and parent may not provide
# covered anti-virus and cybersecurity products to persons subject to US
# jurisdiction. New agreements are barred from 2024-07-20; updates, signatures,
# resale and integration from 2024-09-29 (00:00 EDT). Binds everyone under US
# jurisdiction, so it carries every US scope tag.
package enforcer.bans

import rego.v1

# Coverage, read from 89 FR 52434: the determination bars Kaspersky's
# "cybersecurity or anti-virus software" and services (new agreements, updates
# and signatures, the Kaspersky Security Network) and integrating or white-
# labelling that software. Covered: applications, services and data (signature
# databases), and the named security products in any form. Excluded by the
# determination: threat intelligence, security training and informational
# consulting. Any other Kaspersky component (an open-source library, a test
# framework) is outside and warns: integration of Kaspersky software is barred,
# so a library may be that integration and deserves a look.
bans contains {
	"id": "us-commerce-icts-kaspersky-2024",
	"vendor": "Kaspersky",
	"title": "Commerce ICTS Final Determination prohibiting Kaspersky anti-virus and cybersecurity transactions",
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
		"excludes": {
			"names": [
				"Kaspersky Threat Intelligence",
				"Kaspersky Threat Intelligence Portal",
				"Kaspersky Threat Data Feeds",
				"Kaspersky Threat Lookup",
				"Kaspersky Security Awareness",
				"Kaspersky Expert Training",
			],
			"purls": ["pkg:github/kasperskylab/threat-intelligence", "pkg:github/kasperskylab/opentip-scanner"],
		},
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2024-07-20",
			"summary": "no new agreements with US persons for Kaspersky anti-virus or cybersecurity products",
		},
		{
			"effect": "deny",
			"from": "2024-09-29",
			"summary": "no updates, signatures, Kaspersky Security Network, resale or integration for US persons",
		},
	],
	"scopes": [
		"us",
		"us-federal",
		"us-federal-contractor",
		"us-telecom",
		"us-dod",
		"us-dod-contractor",
		"us-tx-gov",
	],
	"references": [
		"Final Determination, Case No. ICTS-2021-002 (Kaspersky Lab, Inc.), under E.O. 13873 and 15 CFR part 7; 89 FR 52434 (2024-06-24), FR Doc. 2024-13532",
		"89 FR 52434-52437 (June 24, 2024), FR Doc. 2024-13532",
		"https://regulations.justia.com/regulations/fedreg/2024/06/24/2024-13532.html",
		"https://oicts.bis.gov/kaspersky (BIS list of covered products; referenced by secondary sources, not opened)",
		"https://www.bis.gov/press-release/commerce-department-prohibits-russian-kaspersky-software-us-customers (referenced, not opened)",
		"https://www.thompsonhinesmartrade.com/2024/06/bis-and-ofac-imposed-new-prohibitions-against-kasperskys-entities-and-operations/",
		"https://whatstrending.fenwick.com/post/102jb15/bis-prohibits-transactions-with-kaspersky-lab-in-its-first-final-icts-determinati",
		"https://www.cov.com/en/news-and-insights/insights/2024/06/commerce-department-issues-first-final-determination-and-prohibition-under-the-icts-rule",
		"https://osintcorp.net/?p=61585 (prohibited transactions: cybersecurity products, anti-virus software, integration of Kaspersky software; threat intelligence and training not affected)",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "The announcement (2024-06-20) and publication (2024-06-24) bind no one and are not phases; the warning window covers them. The update ban and the resale/integration ban start on the same day and are one phase. BIS allows updates until 00:00 EDT on 2024-09-29; other sources say 'through Sept. 28' or 'September 30'. Out of scope: Kaspersky Threat Intelligence, Security Training and informational consulting. Pango's UltraAV, which replaced Kaspersky for US users in September 2024, is not a banned vendor. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: applications, services and data (signature databases) of Kaspersky, and the named security products in any form; threat-intelligence and training products are excluded, as the determination says. Other Kaspersky components, such as its open-source libraries (KasperskyLab on GitHub, Kaspresso), are outside the determination's 'cybersecurity or anti-virus software' and warn: the determination also bars integrating Kaspersky software into third-party products, and whether that reaches freely licensed libraries is not settled in the text read.",
}
