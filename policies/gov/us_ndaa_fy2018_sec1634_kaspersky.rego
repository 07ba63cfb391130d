# US NDAA FY2018 section 1634 and FAR 52.204-23 (Kaspersky)
#
# No federal use of any hardware, software or service developed or provided, in
# whole or in part, by a Kaspersky covered entity (from 2018-10-01), and no
# covered articles in new federal contracts (FAR interim rule, from 2018-07-16).
# Binds federal agencies and contractors, the Department of Defense and its
# contractors included.
package enforcer.bans

import rego.v1

# Coverage, read from FAR 4.2001 and 52.204-23: a "covered article" is "any
# hardware, software, or service that is developed or provided by a covered
# entity" or contains components using it; a covered entity is Kaspersky Lab and
# any entity it controls. Every kind of Kaspersky component is covered, its
# open-source libraries included.
bans contains {
	"id": "us-ndaa-fy2018-sec1634-kaspersky",
	"vendor": "Kaspersky",
	"title": "NDAA FY2018 section 1634 ban on federal use of Kaspersky Lab products, and FAR subpart 4.20",
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
		"kinds": ["*"],
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
			"from": "2018-07-16",
			"summary": "FAR 52.204-23: no Kaspersky covered articles in new federal contracts and orders",
		},
		{
			"effect": "deny",
			"from": "2018-10-01",
			"summary": "no federal use of hardware, software or services developed or provided by Kaspersky",
		},
	],
	"scopes": ["us-federal", "us-federal-contractor", "us-dod", "us-dod-contractor"],
	"references": [
		"Pub. L. 115-91, div. A, sec. 1634; FAR subpart 4.20 and clause 52.204-23 (interim rule 83 FR 28141, 2018-06-15, FR Doc. 2018-12847, FAR Case 2018-010; final rule 84 FR 47861, 2019-09-10, FR Doc. 2019-19360; definitions amended 88 FR 69510, 2023-10-05)",
		"Pub. L. 115-91, div. A, sec. 1634",
		"48 CFR 4.2001-4.2002; FAR 52.204-23",
		"83 FR 28141 (June 15, 2018); 84 FR 47861 (Sept. 10, 2019); 88 FR 69510 (Oct. 5, 2023)",
		"https://regulations.justia.com/regulations/fedreg/2018/06/15/2018-12847.html",
		"https://www.govinfo.gov/content/pkg/FR-2019-09-10/html/2019-19360.htm",
		"https://lexbuild.dev/ecfr/title-48/chapter-1/part-4/section-4.2001",
		"https://lexbuild.dev/ecfr/title-48/chapter-1/part-4/section-4.2002",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Enactment (2017-12-12, a date not confirmed by the sources read) and the final FAR rule (2019-09-10, adopted without change) are not phases. A covered entity includes Kaspersky Lab, any successor including a renamed 'Kaspersky', and any entity it controls, is controlled by or majority-owns; a covered article includes anything that contains Kaspersky components. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: every kind of component (FAR 52.204-23: 'any hardware, software, or service developed or provided' by a covered entity), Kaspersky's open-source libraries and test frameworks included.",
}
