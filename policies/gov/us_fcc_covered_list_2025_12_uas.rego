# US FCC Covered List addition of December 2025: DJI and Autel (NDAA FY2025 section 1709)
#
# From 2025-12-22 equipment and services of DJI and Autel (NDAA FY2025
# section 1709(a)(1)) are on the Covered List, so new models cannot get FCC
# equipment authorization and cannot be imported, marketed or sold in the US.
# Unconfirmed in the facts: no primary text was read.
package enforcer.bans

import rego.v1

bans contains {
	"id": "us-fcc-covered-list-2025-12-uas:dji",
	"vendor": "DJI",
	"title": "FCC Covered List addition of December 2025: DJI (NDAA FY2025 sec. 1709)",
	"match": {
		"organizations": [
			"SZ DJI Technology Co., Ltd.",
			"Shenzhen Da-Jiang Innovations Sciences and Technologies Company Limited",
			"DJI",
		],
		"domains": ["dji.com"],
		"cpe_vendors": ["dji"],
		"purls": ["pkg:*/com.dji", "pkg:*/github.com/dji-sdk"],
		"products": ["dji"],
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2025-12-22",
			"summary": "on the FCC Covered List: new DJI models cannot be authorized, imported, marketed or sold in the US",
		},
	],
	"scopes": ["us", "us-federal", "us-federal-contractor", "us-telecom"],
	"references": [
		"Public Notice of 2025-12-22 amending the Covered List; NDAA FY2025 sec. 1709(a)(1); exemption Public Notice of 2026-01-07 (WC Docket No. 18-89)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"NDAA FY2025 sec. 1709(a)(1)",
		"https://www.pillsburylaw.com/en/news-and-insights/fcc-categorical-prohibition-foreign-produced-uas-critical-components.html",
		"https://phillipslytle.com/fcc-grants-exemptions-for-certain-drones-from-covered-list",
		"https://executivegov.com/articles/fcc-uas-covered-list-national-security",
		"https://jrupprechtlaw.com/fcc-drones-covered-list",
	],
	"confidence": "unconfirmed: the date and scope come from several law-firm and trade-press summaries, not the FCC Public Notice itself; one source dates the underlying determination 2025-12-21.",
	"notes": "Covers all communications and video-surveillance equipment and services of DJI, its affiliates, subsidiaries and contractual vehicles. The facts rate this entry unconfirmed (secondary sources; one dates the determination 2025-12-21). The category entry for every foreign-produced drone and critical component names no vendor and is not modelled; the 2026-01-07 exemptions (until 2027-01-01) concern that category. Models authorized earlier may still be used, sold and imported. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

bans contains {
	"id": "us-fcc-covered-list-2025-12-uas:autel",
	"vendor": "Autel Robotics",
	"title": "FCC Covered List addition of December 2025: Autel Robotics (NDAA FY2025 sec. 1709)",
	"match": {
		"organizations": ["Autel Robotics", "Autel Robotics Co., Ltd."],
		"domains": ["autelrobotics.com"],
		"purls": ["pkg:*/com.autelrobotics"],
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2025-12-22",
			"summary": "on the FCC Covered List: new Autel Robotics models cannot be authorized, imported, marketed or sold in the US",
		},
	],
	"scopes": ["us", "us-federal", "us-federal-contractor", "us-telecom"],
	"references": [
		"Public Notice of 2025-12-22 amending the Covered List; NDAA FY2025 sec. 1709(a)(1); exemption Public Notice of 2026-01-07 (WC Docket No. 18-89)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"NDAA FY2025 sec. 1709(a)(1)",
		"https://www.pillsburylaw.com/en/news-and-insights/fcc-categorical-prohibition-foreign-produced-uas-critical-components.html",
		"https://phillipslytle.com/fcc-grants-exemptions-for-certain-drones-from-covered-list",
		"https://executivegov.com/articles/fcc-uas-covered-list-national-security",
		"https://jrupprechtlaw.com/fcc-drones-covered-list",
	],
	"confidence": "unconfirmed: the date and scope come from several law-firm and trade-press summaries, not the FCC Public Notice itself; one source dates the underlying determination 2025-12-21.",
	"notes": "The brand 'Autel' is not matched alone: it is shared with Autel's automotive-diagnostics business, which is not listed. The facts rate this entry unconfirmed (secondary sources; one dates the determination 2025-12-21). The category entry for every foreign-produced drone and critical component names no vendor and is not modelled; the 2026-01-07 exemptions (until 2027-01-01) concern that category. Models authorized earlier may still be used, sold and imported. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
