# US FCC Covered List additions of 2022-03-25: Kaspersky, China Mobile
# International USA, China Telecom (Americas)
#
# From 2022-03-25 Kaspersky's information-security products and services and the
# section 214 services of two carriers are on the Covered List: no FCC-
# administered subsidies for them, and remove-and-replace duties for
# reimbursement participants (`us-telecom`).
package enforcer.bans

import rego.v1

# Coverage, read from the Public Notice: "information security products,
# solutions, and services supplied, directly or indirectly, by AO Kaspersky Lab"
# and its affiliates. Covered: applications, services, data (signatures) and the
# named products. Other Kaspersky components warn.
bans contains {
	"id": "us-fcc-covered-list-2022-03:kaspersky",
	"vendor": "Kaspersky",
	"title": "FCC Covered List addition of 2022-03-25: AO Kaspersky Lab",
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
			"from": "2022-03-25",
			"summary": "on the FCC Covered List: no FCC-administered subsidies for Kaspersky information-security products and services",
		},
	],
	"scopes": ["us-telecom"],
	"references": [
		"Public Notice of 2022-03-25 adding entries to the Covered List (47 CFR 1.50002)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://anthonyveachlaw.com/blog/2022/3/29/fcc-adds-three-companies-to-list-of-prohibited-communications-equipment-amp-services-ao-kaspersky-lab-china-mobile-international-usa-inc-amp-china-telecom-americas-corp",
		"https://www.tlp.law/2022/03/28/fcc-adds-kaspersky-china-telecom-china-mobile-to-covered-list/",
		"https://www.mobileworldlive.com/featured-content/top-three/fcc-adds-kaspersky-china-telecoms-to-threat-list",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covers information-security products, solutions and services supplied directly or indirectly by AO Kaspersky Lab or its predecessors, successors, parents, subsidiaries or affiliates. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: information-security applications, services and data (signatures) and the named products; other Kaspersky components, such as open-source libraries, are not information-security products and warn.",
}

# Coverage: the entry names "international telecommunications services" provided
# under section 214 of the Communications Act: services only. Any other
# component of the carrier warns.
bans contains {
	"id": "us-fcc-covered-list-2022-03:china-mobile",
	"vendor": "China Mobile International USA",
	"title": "FCC Covered List addition of 2022-03-25: China Mobile International USA Inc.",
	"match": {
		"organizations": [
			"China Mobile International USA Inc.",
			"China Mobile International (USA) Inc.",
			"China Mobile International (USA)",
		],
	},
	"covers": {
		"kinds": ["service"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2022-03-25",
			"summary": "on the FCC Covered List: no FCC-administered subsidies for China Mobile International USA section 214 services",
		},
	],
	"scopes": ["us-telecom"],
	"references": [
		"Public Notice of 2022-03-25 adding entries to the Covered List (47 CFR 1.50002)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://anthonyveachlaw.com/blog/2022/3/29/fcc-adds-three-companies-to-list-of-prohibited-communications-equipment-amp-services-ao-kaspersky-lab-china-mobile-international-usa-inc-amp-china-telecom-americas-corp",
		"https://www.tlp.law/2022/03/28/fcc-adds-kaspersky-china-telecom-china-mobile-to-covered-list/",
		"https://www.mobileworldlive.com/featured-content/top-three/fcc-adds-kaspersky-china-telecoms-to-threat-list",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covered only for telecommunications services provided under Communications Act section 214; other components of the carrier warn. The legal names keep their bracketed part: the contract-2 normaliser keeps a bracketed part that belongs to a name, so the name stays apart from the carrier's unlisted parent and sister companies (a normaliser that drops the bracket would reach all of them). The spellings without brackets are listed for SBOMs that write the name that way.",
}

# Coverage: the entry names telecommunications services provided under section
# 214: services only. The legal name keeps its brackets.
bans contains {
	"id": "us-fcc-covered-list-2022-03:china-telecom",
	"vendor": "China Telecom (Americas)",
	"title": "FCC Covered List addition of 2022-03-25: China Telecom (Americas) Corp.",
	"match": {
		"organizations": [
			"China Telecom (Americas) Corporation",
			"China Telecom (Americas) Corp.",
			"China Telecom Americas Corp.",
			"China Telecom Americas",
		],
	},
	"covers": {
		"kinds": ["service"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2022-03-25",
			"summary": "on the FCC Covered List: no FCC-administered subsidies for China Telecom Americas section 214 services",
		},
	],
	"scopes": ["us-telecom"],
	"references": [
		"Public Notice of 2022-03-25 adding entries to the Covered List (47 CFR 1.50002)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://anthonyveachlaw.com/blog/2022/3/29/fcc-adds-three-companies-to-list-of-prohibited-communications-equipment-amp-services-ao-kaspersky-lab-china-mobile-international-usa-inc-amp-china-telecom-americas-corp",
		"https://www.tlp.law/2022/03/28/fcc-adds-kaspersky-china-telecom-china-mobile-to-covered-list/",
		"https://www.mobileworldlive.com/featured-content/top-three/fcc-adds-kaspersky-china-telecoms-to-threat-list",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covered for telecommunications services provided under Communications Act section 214; other components of the carrier warn. The alias 'CTA' is a common acronym and is not matched. The legal names keep their bracketed part: the contract-2 normaliser keeps a bracketed part that belongs to a name, so the name stays apart from the carrier's unlisted parent and sister companies (a normaliser that drops the bracket would reach all of them). The spellings without brackets are listed for SBOMs that write the name that way.",
}
