# US NDAA FY2023 section 5949: SMIC, YMTC, CXMT semiconductors
#
# From 2027-12-23 executive agencies may not procure electronic parts, products
# or services that include covered semiconductor products of these companies
# (Part A), nor contract with entities whose products use them (Part B). Binds
# agencies and, through the FAR, contractors, the Department of Defense and its
# contractors included.
package enforcer.bans

import rego.v1

# Coverage, read from section 5949: "covered semiconductor products or services"
# designed, produced or provided by the company, and electronic parts, products
# or services that include them. Covered: devices (chips, memory, the hardware
# that carries them) and their firmware. Other kinds warn.
bans contains {
	"id": "us-ndaa-fy2023-sec5949-semiconductors:smic",
	"vendor": "SMIC",
	"title": "NDAA FY2023 section 5949: federal procurement ban on SMIC semiconductors",
	"match": {
		"organizations": ["Semiconductor Manufacturing International Corporation", "SMIC"],
	},
	"covers": {
		"kinds": ["device", "firmware"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2027-12-23",
			"summary": "agencies may not procure parts, products or services that include SMIC semiconductors",
		},
	],
	"scopes": ["us-federal", "us-federal-contractor", "us-dod", "us-dod-contractor"],
	"references": [
		"James M. Inhofe NDAA FY2023, sec. 5949 (signed 2022-12-23)",
		"NDAA FY2023 (Pub. L. 117-263), sec. 5949",
		"https://www.hklaw.com/en/insights/publications/2022/12/2023-ndaa-tightens-controls-on-chinese-semiconductors-in-government",
		"https://www.insidegovernmentcontracts.com/2023/01/ndaa-prohibits-government-purchase-and-use-of-certain-semiconductors/",
		"https://www.dlapiper.com/en-us/insights/publications/2026/02/far-proposed-rule-would-prohibit-certain-semiconductor-products-and-services",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covers the company and its subsidiaries, affiliates and successors. Enactment (2022-12-23) is not a phase; the 2027-12-23 date is computed, and the Pub. L. number comes from general knowledge. Coverage: devices and their firmware (the statute covers semiconductor products and the electronic parts and products that include them); other kinds warn. A FAR proposed rule of 2026-02-17 (FAR Case 2023-008) implements the prohibition from the same date and grandfathers products acquired before it.",
}

# Coverage, read from section 5949: "covered semiconductor products or services"
# designed, produced or provided by the company, and electronic parts, products
# or services that include them. Covered: devices (chips, memory, the hardware
# that carries them) and their firmware. Other kinds warn.
bans contains {
	"id": "us-ndaa-fy2023-sec5949-semiconductors:ymtc",
	"vendor": "YMTC",
	"title": "NDAA FY2023 section 5949: federal procurement ban on YMTC semiconductors",
	"match": {
		"organizations": ["Yangtze Memory Technologies Corp.", "YMTC"],
	},
	"covers": {
		"kinds": ["device", "firmware"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2027-12-23",
			"summary": "agencies may not procure parts, products or services that include YMTC semiconductors",
		},
	],
	"scopes": ["us-federal", "us-federal-contractor", "us-dod", "us-dod-contractor"],
	"references": [
		"James M. Inhofe NDAA FY2023, sec. 5949 (signed 2022-12-23)",
		"NDAA FY2023 (Pub. L. 117-263), sec. 5949",
		"https://www.hklaw.com/en/insights/publications/2022/12/2023-ndaa-tightens-controls-on-chinese-semiconductors-in-government",
		"https://www.insidegovernmentcontracts.com/2023/01/ndaa-prohibits-government-purchase-and-use-of-certain-semiconductors/",
		"https://www.dlapiper.com/en-us/insights/publications/2026/02/far-proposed-rule-would-prohibit-certain-semiconductor-products-and-services",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covers the company and its subsidiaries, affiliates and successors. Enactment (2022-12-23) is not a phase; the 2027-12-23 date is computed, and the Pub. L. number comes from general knowledge. Coverage: devices and their firmware (the statute covers semiconductor products and the electronic parts and products that include them); other kinds warn. A FAR proposed rule of 2026-02-17 (FAR Case 2023-008) implements the prohibition from the same date and grandfathers products acquired before it.",
}

# Coverage, read from section 5949: "covered semiconductor products or services"
# designed, produced or provided by the company, and electronic parts, products
# or services that include them. Covered: devices (chips, memory, the hardware
# that carries them) and their firmware. Other kinds warn.
bans contains {
	"id": "us-ndaa-fy2023-sec5949-semiconductors:cxmt",
	"vendor": "CXMT",
	"title": "NDAA FY2023 section 5949: federal procurement ban on CXMT semiconductors",
	"match": {
		"organizations": ["ChangXin Memory Technologies", "CXMT"],
	},
	"covers": {
		"kinds": ["device", "firmware"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2027-12-23",
			"summary": "agencies may not procure parts, products or services that include CXMT semiconductors",
		},
	],
	"scopes": ["us-federal", "us-federal-contractor", "us-dod", "us-dod-contractor"],
	"references": [
		"James M. Inhofe NDAA FY2023, sec. 5949 (signed 2022-12-23)",
		"NDAA FY2023 (Pub. L. 117-263), sec. 5949",
		"https://www.hklaw.com/en/insights/publications/2022/12/2023-ndaa-tightens-controls-on-chinese-semiconductors-in-government",
		"https://www.insidegovernmentcontracts.com/2023/01/ndaa-prohibits-government-purchase-and-use-of-certain-semiconductors/",
		"https://www.dlapiper.com/en-us/insights/publications/2026/02/far-proposed-rule-would-prohibit-certain-semiconductor-products-and-services",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covers the company and its subsidiaries, affiliates and successors. Enactment (2022-12-23) is not a phase; the 2027-12-23 date is computed, and the Pub. L. number comes from general knowledge. Coverage: devices and their firmware (the statute covers semiconductor products and the electronic parts and products that include them); other kinds warn. A FAR proposed rule of 2026-02-17 (FAR Case 2023-008) implements the prohibition from the same date and grandfathers products acquired before it.",
}
