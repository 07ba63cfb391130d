# US NDAA FY2023 section 5949: SMIC, YMTC and CXMT semiconductors
#
# From 2027-12-23 (five years after enactment) executive agencies may not buy
# electronic parts, products or services that include semiconductors of SMIC,
# YMTC or CXMT, nor contract with entities whose products use them. Hardware:
# it matters for SBOMs that list chips.
package enforcer.bans

import rego.v1

bans contains {
	"id": "us-ndaa-fy2023-sec5949-semiconductors:smic",
	"vendor": "SMIC",
	"title": "NDAA FY2023 section 5949: federal procurement ban on SMIC semiconductors",
	"match": {
		"organizations": ["Semiconductor Manufacturing International Corporation", "SMIC"],
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2027-12-23",
			"summary": "agencies may not procure parts, products or services that include SMIC semiconductors",
		},
	],
	"scopes": ["us-federal", "us-federal-contractor"],
	"references": [
		"James M. Inhofe NDAA FY2023, sec. 5949 (signed 2022-12-23)",
		"NDAA FY2023 (Pub. L. 117-263), sec. 5949",
		"https://www.hklaw.com/en/insights/publications/2022/12/2023-ndaa-tightens-controls-on-chinese-semiconductors-in-government",
		"https://www.insidegovernmentcontracts.com/2023/01/ndaa-prohibits-government-purchase-and-use-of-certain-semiconductors/",
	],
	"confidence": "confirmed",
	"notes": "Covers the company and its subsidiaries, affiliates and successors. Enactment (2022-12-23) is not a phase; the 2027-12-23 date is computed, and the Pub. L. number comes from general knowledge.",
}

bans contains {
	"id": "us-ndaa-fy2023-sec5949-semiconductors:ymtc",
	"vendor": "YMTC",
	"title": "NDAA FY2023 section 5949: federal procurement ban on YMTC semiconductors",
	"match": {
		"organizations": ["Yangtze Memory Technologies Corp.", "YMTC"],
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2027-12-23",
			"summary": "agencies may not procure parts, products or services that include YMTC semiconductors",
		},
	],
	"scopes": ["us-federal", "us-federal-contractor"],
	"references": [
		"James M. Inhofe NDAA FY2023, sec. 5949 (signed 2022-12-23)",
		"NDAA FY2023 (Pub. L. 117-263), sec. 5949",
		"https://www.hklaw.com/en/insights/publications/2022/12/2023-ndaa-tightens-controls-on-chinese-semiconductors-in-government",
		"https://www.insidegovernmentcontracts.com/2023/01/ndaa-prohibits-government-purchase-and-use-of-certain-semiconductors/",
	],
	"confidence": "confirmed",
	"notes": "Covers the company and its subsidiaries, affiliates and successors. Enactment (2022-12-23) is not a phase; the 2027-12-23 date is computed, and the Pub. L. number comes from general knowledge.",
}

bans contains {
	"id": "us-ndaa-fy2023-sec5949-semiconductors:cxmt",
	"vendor": "CXMT",
	"title": "NDAA FY2023 section 5949: federal procurement ban on CXMT semiconductors",
	"match": {
		"organizations": ["ChangXin Memory Technologies", "CXMT"],
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2027-12-23",
			"summary": "agencies may not procure parts, products or services that include CXMT semiconductors",
		},
	],
	"scopes": ["us-federal", "us-federal-contractor"],
	"references": [
		"James M. Inhofe NDAA FY2023, sec. 5949 (signed 2022-12-23)",
		"NDAA FY2023 (Pub. L. 117-263), sec. 5949",
		"https://www.hklaw.com/en/insights/publications/2022/12/2023-ndaa-tightens-controls-on-chinese-semiconductors-in-government",
		"https://www.insidegovernmentcontracts.com/2023/01/ndaa-prohibits-government-purchase-and-use-of-certain-semiconductors/",
	],
	"confidence": "confirmed",
	"notes": "Covers the company and its subsidiaries, affiliates and successors. Enactment (2022-12-23) is not a phase; the 2027-12-23 date is computed, and the Pub. L. number comes from general knowledge.",
}
