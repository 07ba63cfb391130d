# US FCC Covered List addition of December 2025: DJI and Autel (NDAA FY2025
# section 1709)
#
# From 2025-12-22 the communications and video-surveillance equipment and
# services of DJI and Autel Robotics, software included, are on the Covered
# List: no FCC-administered subsidies for them (`us-telecom`). The bar on new
# equipment authorizations that follows for everyone is in
# us_fcc_22_84_equipment_authorization.rego; models authorized earlier may still
# be imported, sold and used. Confirmed by law-firm summaries of the Public
# Notice (confidence 'secondary').
package enforcer.bans

import rego.v1

# Coverage, read from the law-firm summaries of the 2025-12-22 Public Notice:
# DJI's "communications or video surveillance equipment or services", "including
# software", of its affiliates, subsidiaries and contractual vehicles (NDAA
# FY2025 section 1709(a)(1)). Covered: devices, firmware, drivers, services and
# applications (the flight and ground-station software). An SDK or library
# warns. The equipment authorization effect that binds everyone is the ban us-
# fcc-22-84-equipment-authorization:dji.
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
		"purls": ["pkg:*/com.dji", "pkg:*/github.com/dji-sdk", "pkg:github/dji-sdk"],
		"products": ["dji"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver", "service", "application"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2025-12-22",
			"summary": "on the FCC Covered List: no FCC-administered subsidies for DJI communications and video-surveillance equipment and services, software included",
		},
	],
	"scopes": ["us-telecom"],
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
		"mayerbrown.com, 2026/01, 'foreign-produced-uas-and-critical-components-added-to-fccs-covered-list'",
		"https://www.unmannedairspace.info/counter-uas-systems-and-policies/us-government-restricts-future-sales-of-chinese-drones",
	],
	"reviewed": "2026-12-03",
	"confidence": "secondary",
	"notes": "Covers all communications and video-surveillance equipment and services of DJI, its affiliates, subsidiaries and contractual vehicles, software included. Confirmed since the facts were gathered by law-firm summaries (Pillsbury, Mayer Brown) and press quoting the Public Notice of 2025-12-22; the notice itself was not read, so the confidence is 'secondary' (the facts rated it unconfirmed). One source dates the underlying determination 2025-12-21. This ban is the Covered List's own effect for telecom providers (no FCC-administered subsidies); its effect for everyone else, no new equipment authorizations while models authorized earlier may still be imported and sold, is the ban us-fcc-22-84-equipment-authorization:dji. The category entry for every foreign-produced drone and critical component names no vendor and is not modelled; the 2026-01-07 exemptions (until 2027-01-01) concern that category. Coverage: devices, firmware, drivers, services and applications; SDKs and libraries warn. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

# Coverage, read from the law-firm summaries of the 2025-12-22 Public Notice:
# Autel Robotics's "communications or video surveillance equipment or services",
# "including software", of its affiliates, subsidiaries and contractual vehicles
# (NDAA FY2025 section 1709(a)(1)). Covered: devices, firmware, drivers,
# services and applications (the flight and ground-station software). An SDK or
# library warns. The equipment authorization effect that binds everyone is the
# ban us-fcc-22-84-equipment-authorization:autel.
bans contains {
	"id": "us-fcc-covered-list-2025-12-uas:autel",
	"vendor": "Autel Robotics",
	"title": "FCC Covered List addition of December 2025: Autel Robotics (NDAA FY2025 sec. 1709)",
	"match": {
		"organizations": ["Autel Robotics", "Autel Robotics Co., Ltd."],
		"domains": ["autelrobotics.com"],
		"purls": ["pkg:*/com.autelrobotics"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver", "service", "application"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2025-12-22",
			"summary": "on the FCC Covered List: no FCC-administered subsidies for Autel Robotics communications and video-surveillance equipment and services, software included",
		},
	],
	"scopes": ["us-telecom"],
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
		"mayerbrown.com, 2026/01, 'foreign-produced-uas-and-critical-components-added-to-fccs-covered-list'",
		"https://www.unmannedairspace.info/counter-uas-systems-and-policies/us-government-restricts-future-sales-of-chinese-drones",
	],
	"reviewed": "2026-12-03",
	"confidence": "secondary",
	"notes": "Covers all communications and video-surveillance equipment and services of Autel Robotics, its affiliates, subsidiaries and contractual vehicles, software included. Confirmed since the facts were gathered by law-firm summaries (Pillsbury, Mayer Brown) and press quoting the Public Notice of 2025-12-22; the notice itself was not read, so the confidence is 'secondary' (the facts rated it unconfirmed). One source dates the underlying determination 2025-12-21. This ban is the Covered List's own effect for telecom providers (no FCC-administered subsidies); its effect for everyone else, no new equipment authorizations while models authorized earlier may still be imported and sold, is the ban us-fcc-22-84-equipment-authorization:autel. The category entry for every foreign-produced drone and critical component names no vendor and is not modelled; the 2026-01-07 exemptions (until 2027-01-01) concern that category. Coverage: devices, firmware, drivers, services and applications; SDKs and libraries warn. The brand 'Autel' is not matched alone: it is shared with Autel's automotive-diagnostics business (Autel Intelligent Technology), which is not listed. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
