# US FCC equipment-authorization bar on Covered List equipment (FCC 22-84, FCC
# 25-71)
#
# Covered equipment of Huawei, ZTE, Hytera, Hikvision and Dahua can no longer
# get FCC equipment authorization, so new models cannot be imported, marketed or
# sold in the US: an interim freeze from 2022-11-11 (FCC 22-84 adopted), the
# rules in force from 2023-02-06 (88 FR 7592), tightened from 2025-12-26 (FCC
# 25-71). DJI and Autel Robotics equipment joined on 2025-12-22, when it was
# added to the Covered List. Binds everyone who imports, markets or sells in the
# US. Coverage: devices, firmware and device drivers; a vendor's apps, SDKs and
# libraries are allowed. The facts come from the entries us-fcc-covered-
# list-2021-initial and us-fcc-covered-list-2025-12-uas.
package enforcer.bans

import rego.v1

# Coverage, read from FCC 22-84 (47 CFR 2.903): the Commission will not
# authorize "covered equipment", the equipment on the Covered List, and FCC
# 25-71 extends the bar to modular transmitters in other devices. Equipment
# authorization is for radio-frequency devices: covered are devices, their
# firmware and device drivers. An app SDK or a cloud SDK of the same company
# needs no authorization; it is outside and allowed (this instrument has nothing
# to say about it).
bans contains {
	"id": "us-fcc-22-84-equipment-authorization:huawei",
	"vendor": "Huawei",
	"title": "FCC equipment-authorization bar on covered Huawei equipment (FCC 22-84, FCC 25-71)",
	"match": {
		"organizations": ["Huawei Technologies Co., Ltd.", "Huawei Technologies Company", "Huawei", "HiSilicon"],
		"domains": ["huawei.com", "huaweicloud.com", "myhuaweicloud.com"],
		"cpe_vendors": ["huawei"],
		"purls": [
			"pkg:*/com.huawei",
			"pkg:*/com.huaweicloud",
			"pkg:*/github.com/huaweicloud",
			"pkg:github/huaweicloud",
			"pkg:npm/@huaweicloud",
			"pkg:npm/@hmscore",
			"pkg:pypi/huaweicloudsdk*",
			"pkg:nuget/huaweicloud",
		],
		"products": ["huawei", "HiSilicon"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver"],
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2022-11-11",
			"summary": "FCC 22-84 adopted: interim freeze on authorizing covered Huawei equipment",
		},
		{
			"effect": "deny",
			"from": "2023-02-06",
			"summary": "covered Huawei equipment cannot be certified, so new models cannot be imported, marketed or sold in the US",
		},
		{
			"effect": "deny",
			"from": "2025-12-26",
			"summary": "FCC 25-71 in force: the bar also covers modular transmitters and reads 'produced by' broadly",
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
		"Covered List under section 2 of the Secure Networks Act, 47 CFR 1.50002; Public Notice of 2021-03-12. Equipment-authorization bar: FCC 22-84 (adopted 2022-11-11), 88 FR 7592 (2023-02-06), FR Doc. 2022-28263; tightened by FCC 25-71, 90 FR 53227 (2025-11-25)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://www.tlp.law/2021/03/15/fcc-publishes-rip-and-replace-covered-list/",
		"https://fcc.gov/laboratory-division/equipment-authorization-approval-guide/equipment-authorization-system",
		"https://www.govinfo.gov/content/pkg/FR-2023-02-06/html/2022-28263.htm",
		"https://www.govinfo.gov/content/pkg/FR-2025-11-25/html/2025-21001.htm",
		"https://dwt.com/blogs/broadband-advisor/2022/12/fcc-china-equipment-ban-national-security",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Earlier authorizations stay valid until limited under the FCC 25-71 procedure; the bar is on new authorizations. Huawei's cloud and mobile SDKs (Huawei Cloud SDKs on Maven, Go, PyPI, npm and NuGet; HMS Core SDKs) are matched in every ecosystem so that one product gets one verdict; as libraries they are outside this instrument's coverage. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: devices, their firmware and drivers (equipment authorization covers radio-frequency equipment); apps, SDKs and libraries of the company are outside and allowed. The bar is on new authorizations: a model authorized earlier may still be sold, so a product that only resells such a model is best handled with a waiver that records its FCC ID.",
}

# Coverage, read from FCC 22-84 (47 CFR 2.903): the Commission will not
# authorize "covered equipment", the equipment on the Covered List, and FCC
# 25-71 extends the bar to modular transmitters in other devices. Equipment
# authorization is for radio-frequency devices: covered are devices, their
# firmware and device drivers. An app SDK or a cloud SDK of the same company
# needs no authorization; it is outside and allowed (this instrument has nothing
# to say about it).
bans contains {
	"id": "us-fcc-22-84-equipment-authorization:zte",
	"vendor": "ZTE",
	"title": "FCC equipment-authorization bar on covered ZTE equipment (FCC 22-84, FCC 25-71)",
	"match": {
		"organizations": ["ZTE Corporation", "ZTE", "Zhongxing Telecommunication Equipment Corporation"],
		"domains": ["zte.com.cn"],
		"cpe_vendors": ["zte"],
		"purls": ["pkg:*/cn.com.zte"],
		"products": ["zte"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver"],
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2022-11-11",
			"summary": "FCC 22-84 adopted: interim freeze on authorizing covered ZTE equipment",
		},
		{
			"effect": "deny",
			"from": "2023-02-06",
			"summary": "covered ZTE equipment cannot be certified, so new models cannot be imported, marketed or sold in the US",
		},
		{
			"effect": "deny",
			"from": "2025-12-26",
			"summary": "FCC 25-71 in force: the bar also covers modular transmitters and reads 'produced by' broadly",
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
		"Covered List under section 2 of the Secure Networks Act, 47 CFR 1.50002; Public Notice of 2021-03-12. Equipment-authorization bar: FCC 22-84 (adopted 2022-11-11), 88 FR 7592 (2023-02-06), FR Doc. 2022-28263; tightened by FCC 25-71, 90 FR 53227 (2025-11-25)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://www.tlp.law/2021/03/15/fcc-publishes-rip-and-replace-covered-list/",
		"https://fcc.gov/laboratory-division/equipment-authorization-approval-guide/equipment-authorization-system",
		"https://www.govinfo.gov/content/pkg/FR-2023-02-06/html/2022-28263.htm",
		"https://www.govinfo.gov/content/pkg/FR-2025-11-25/html/2025-21001.htm",
		"https://dwt.com/blogs/broadband-advisor/2022/12/fcc-china-equipment-ban-national-security",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Earlier authorizations stay valid until limited under the FCC 25-71 procedure; the bar is on new authorizations. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: devices, their firmware and drivers (equipment authorization covers radio-frequency equipment); apps, SDKs and libraries of the company are outside and allowed. The bar is on new authorizations: a model authorized earlier may still be sold, so a product that only resells such a model is best handled with a waiver that records its FCC ID.",
}

# Coverage, read from FCC 22-84 (47 CFR 2.903): the Commission will not
# authorize "covered equipment", the equipment on the Covered List, and FCC
# 25-71 extends the bar to modular transmitters in other devices. Equipment
# authorization is for radio-frequency devices: covered are devices, their
# firmware and device drivers. An app SDK or a cloud SDK of the same company
# needs no authorization; it is outside and allowed (this instrument has nothing
# to say about it).
bans contains {
	"id": "us-fcc-22-84-equipment-authorization:hytera",
	"vendor": "Hytera",
	"title": "FCC equipment-authorization bar on covered Hytera equipment (FCC 22-84, FCC 25-71)",
	"match": {
		"organizations": ["Hytera Communications Corporation Limited", "Hytera Communications Corporation", "Hytera"],
		"domains": ["hytera.com"],
		"purls": ["pkg:*/com.hytera"],
		"products": ["hytera"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver"],
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2022-11-11",
			"summary": "FCC 22-84 adopted: interim freeze on authorizing covered Hytera equipment",
		},
		{
			"effect": "deny",
			"from": "2023-02-06",
			"summary": "covered Hytera equipment cannot be certified, so new models cannot be imported, marketed or sold in the US",
		},
		{
			"effect": "deny",
			"from": "2025-12-26",
			"summary": "FCC 25-71 in force: the bar also covers modular transmitters and reads 'produced by' broadly",
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
		"Covered List under section 2 of the Secure Networks Act, 47 CFR 1.50002; Public Notice of 2021-03-12. Equipment-authorization bar: FCC 22-84 (adopted 2022-11-11), 88 FR 7592 (2023-02-06), FR Doc. 2022-28263; tightened by FCC 25-71, 90 FR 53227 (2025-11-25)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://www.tlp.law/2021/03/15/fcc-publishes-rip-and-replace-covered-list/",
		"https://fcc.gov/laboratory-division/equipment-authorization-approval-guide/equipment-authorization-system",
		"https://www.govinfo.gov/content/pkg/FR-2023-02-06/html/2022-28263.htm",
		"https://www.govinfo.gov/content/pkg/FR-2025-11-25/html/2025-21001.htm",
		"https://dwt.com/blogs/broadband-advisor/2022/12/fcc-china-equipment-ban-national-security",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Earlier authorizations stay valid until limited under the FCC 25-71 procedure; the bar is on new authorizations. For Hytera, Hikvision and Dahua the bar turns on the uses the Covered List names (public safety, government facilities, critical infrastructure, national security). Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: devices, their firmware and drivers (equipment authorization covers radio-frequency equipment); apps, SDKs and libraries of the company are outside and allowed. The bar is on new authorizations: a model authorized earlier may still be sold, so a product that only resells such a model is best handled with a waiver that records its FCC ID.",
}

# Coverage, read from FCC 22-84 (47 CFR 2.903): the Commission will not
# authorize "covered equipment", the equipment on the Covered List, and FCC
# 25-71 extends the bar to modular transmitters in other devices. Equipment
# authorization is for radio-frequency devices: covered are devices, their
# firmware and device drivers. An app SDK or a cloud SDK of the same company
# needs no authorization; it is outside and allowed (this instrument has nothing
# to say about it).
bans contains {
	"id": "us-fcc-22-84-equipment-authorization:hikvision",
	"vendor": "Hikvision",
	"title": "FCC equipment-authorization bar on covered Hikvision equipment (FCC 22-84, FCC 25-71)",
	"match": {
		"organizations": [
			"Hangzhou Hikvision Digital Technology Co., Ltd.",
			"Hangzhou Hikvision Digital Technology Company",
			"Hikvision",
			"Hangzhou EZVIZ Network Co., Ltd.",
			"EZVIZ",
		],
		"domains": ["hikvision.com", "ezviz.com"],
		"cpe_vendors": ["hikvision"],
		"purls": ["pkg:*/com.hikvision", "pkg:*/com.ezviz"],
		"products": ["hikvision", "ezviz"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver"],
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2022-11-11",
			"summary": "FCC 22-84 adopted: interim freeze on authorizing covered Hikvision equipment",
		},
		{
			"effect": "deny",
			"from": "2023-02-06",
			"summary": "covered Hikvision equipment cannot be certified, so new models cannot be imported, marketed or sold in the US",
		},
		{
			"effect": "deny",
			"from": "2025-12-26",
			"summary": "FCC 25-71 in force: the bar also covers modular transmitters and reads 'produced by' broadly",
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
		"Covered List under section 2 of the Secure Networks Act, 47 CFR 1.50002; Public Notice of 2021-03-12. Equipment-authorization bar: FCC 22-84 (adopted 2022-11-11), 88 FR 7592 (2023-02-06), FR Doc. 2022-28263; tightened by FCC 25-71, 90 FR 53227 (2025-11-25)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://www.tlp.law/2021/03/15/fcc-publishes-rip-and-replace-covered-list/",
		"https://fcc.gov/laboratory-division/equipment-authorization-approval-guide/equipment-authorization-system",
		"https://www.govinfo.gov/content/pkg/FR-2023-02-06/html/2022-28263.htm",
		"https://www.govinfo.gov/content/pkg/FR-2025-11-25/html/2025-21001.htm",
		"https://dwt.com/blogs/broadband-advisor/2022/12/fcc-china-equipment-ban-national-security",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Earlier authorizations stay valid until limited under the FCC 25-71 procedure; the bar is on new authorizations. For Hytera, Hikvision and Dahua the bar turns on the uses the Covered List names (public safety, government facilities, critical infrastructure, national security). EZVIZ (Hangzhou EZVIZ Network Co., Ltd., ezviz.com), Hikvision's subsidiary listed on the Shanghai STAR Market (688475.SH) since 2022-12-28, is matched as a subsidiary; the instruments reach subsidiaries and affiliates. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: devices, their firmware and drivers (equipment authorization covers radio-frequency equipment); apps, SDKs and libraries of the company are outside and allowed. The bar is on new authorizations: a model authorized earlier may still be sold, so a product that only resells such a model is best handled with a waiver that records its FCC ID.",
}

# Coverage, read from FCC 22-84 (47 CFR 2.903): the Commission will not
# authorize "covered equipment", the equipment on the Covered List, and FCC
# 25-71 extends the bar to modular transmitters in other devices. Equipment
# authorization is for radio-frequency devices: covered are devices, their
# firmware and device drivers. An app SDK or a cloud SDK of the same company
# needs no authorization; it is outside and allowed (this instrument has nothing
# to say about it).
bans contains {
	"id": "us-fcc-22-84-equipment-authorization:dahua",
	"vendor": "Dahua",
	"title": "FCC equipment-authorization bar on covered Dahua equipment (FCC 22-84, FCC 25-71)",
	"match": {
		"organizations": ["Zhejiang Dahua Technology Co., Ltd.", "Dahua Technology Company", "Dahua"],
		"domains": ["dahuasecurity.com", "dahuatech.com"],
		"cpe_vendors": ["dahuasecurity"],
		"purls": ["pkg:*/com.dahuasecurity", "pkg:*/com.dahuatech"],
		"products": ["dahua"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver"],
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2022-11-11",
			"summary": "FCC 22-84 adopted: interim freeze on authorizing covered Dahua equipment",
		},
		{
			"effect": "deny",
			"from": "2023-02-06",
			"summary": "covered Dahua equipment cannot be certified, so new models cannot be imported, marketed or sold in the US",
		},
		{
			"effect": "deny",
			"from": "2025-12-26",
			"summary": "FCC 25-71 in force: the bar also covers modular transmitters and reads 'produced by' broadly",
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
		"Covered List under section 2 of the Secure Networks Act, 47 CFR 1.50002; Public Notice of 2021-03-12. Equipment-authorization bar: FCC 22-84 (adopted 2022-11-11), 88 FR 7592 (2023-02-06), FR Doc. 2022-28263; tightened by FCC 25-71, 90 FR 53227 (2025-11-25)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://www.tlp.law/2021/03/15/fcc-publishes-rip-and-replace-covered-list/",
		"https://fcc.gov/laboratory-division/equipment-authorization-approval-guide/equipment-authorization-system",
		"https://www.govinfo.gov/content/pkg/FR-2023-02-06/html/2022-28263.htm",
		"https://www.govinfo.gov/content/pkg/FR-2025-11-25/html/2025-21001.htm",
		"https://dwt.com/blogs/broadband-advisor/2022/12/fcc-china-equipment-ban-national-security",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Earlier authorizations stay valid until limited under the FCC 25-71 procedure; the bar is on new authorizations. For Hytera, Hikvision and Dahua the bar turns on the uses the Covered List names (public safety, government facilities, critical infrastructure, national security). dahuatech.com is Dahua's own domain (staff e-mail, source headers) besides dahuasecurity.com; Lorex (reported past ownership) and Imou are unconfirmed and not matched. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: devices, their firmware and drivers (equipment authorization covers radio-frequency equipment); apps, SDKs and libraries of the company are outside and allowed. The bar is on new authorizations: a model authorized earlier may still be sold, so a product that only resells such a model is best handled with a waiver that records its FCC ID.",
}

# Coverage: the 2025-12-22 Covered List entry makes DJI's communications and
# video-surveillance equipment "covered equipment", so FCC 22-84 and 25-71 bar
# new authorizations for it. Covered: devices (drones, cameras, radio modules),
# their firmware and drivers. Its apps and SDKs need no authorization and are
# allowed here (the Covered List ban for telecom providers covers them).
bans contains {
	"id": "us-fcc-22-84-equipment-authorization:dji",
	"vendor": "DJI",
	"title": "FCC equipment-authorization bar on covered DJI equipment (Covered List entry of 2025-12-22)",
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
		"kinds": ["device", "firmware", "device-driver"],
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2025-12-22",
			"summary": "DJI equipment on the Covered List: new DJI models cannot be authorized, so cannot be imported, marketed or sold in the US; models authorized earlier may still be sold",
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
		"Covered List under section 2 of the Secure Networks Act, 47 CFR 1.50002; Public Notice of 2021-03-12. Equipment-authorization bar: FCC 22-84 (adopted 2022-11-11), 88 FR 7592 (2023-02-06), FR Doc. 2022-28263; tightened by FCC 25-71, 90 FR 53227 (2025-11-25)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://www.tlp.law/2021/03/15/fcc-publishes-rip-and-replace-covered-list/",
		"https://fcc.gov/laboratory-division/equipment-authorization-approval-guide/equipment-authorization-system",
		"https://www.govinfo.gov/content/pkg/FR-2023-02-06/html/2022-28263.htm",
		"https://www.govinfo.gov/content/pkg/FR-2025-11-25/html/2025-21001.htm",
		"https://dwt.com/blogs/broadband-advisor/2022/12/fcc-china-equipment-ban-national-security",
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
	"notes": "The facts for this ban are those of us-fcc-covered-list-2025-12-uas. Law-firm summaries (Pillsbury, Mayer Brown) and press quoting the Public Notice confirm the listing of 2025-12-22 and its effect: no new equipment authorizations, while models authorized earlier may still be imported, marketed, sold and used; the Public Notice itself was not read (confidence 'secondary'). One source dates the underlying determination 2025-12-21. FCC 25-71 (in force 2025-12-26) applies to this equipment too and does not change the verdict. Coverage: devices, firmware and drivers; apps, SDKs and libraries are outside and allowed. A product that only resells a model authorized before the listing is best handled with a waiver that records its FCC ID. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

# Coverage: the 2025-12-22 Covered List entry makes Autel Robotics's
# communications and video-surveillance equipment "covered equipment", so FCC
# 22-84 and 25-71 bar new authorizations for it. Covered: devices (drones,
# cameras, radio modules), their firmware and drivers. Its apps and SDKs need no
# authorization and are allowed here (the Covered List ban for telecom providers
# covers them).
bans contains {
	"id": "us-fcc-22-84-equipment-authorization:autel",
	"vendor": "Autel Robotics",
	"title": "FCC equipment-authorization bar on covered Autel Robotics equipment (Covered List entry of 2025-12-22)",
	"match": {
		"organizations": ["Autel Robotics", "Autel Robotics Co., Ltd."],
		"domains": ["autelrobotics.com"],
		"purls": ["pkg:*/com.autelrobotics"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver"],
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2025-12-22",
			"summary": "Autel Robotics equipment on the Covered List: new Autel Robotics models cannot be authorized, so cannot be imported, marketed or sold in the US; models authorized earlier may still be sold",
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
		"Covered List under section 2 of the Secure Networks Act, 47 CFR 1.50002; Public Notice of 2021-03-12. Equipment-authorization bar: FCC 22-84 (adopted 2022-11-11), 88 FR 7592 (2023-02-06), FR Doc. 2022-28263; tightened by FCC 25-71, 90 FR 53227 (2025-11-25)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://www.tlp.law/2021/03/15/fcc-publishes-rip-and-replace-covered-list/",
		"https://fcc.gov/laboratory-division/equipment-authorization-approval-guide/equipment-authorization-system",
		"https://www.govinfo.gov/content/pkg/FR-2023-02-06/html/2022-28263.htm",
		"https://www.govinfo.gov/content/pkg/FR-2025-11-25/html/2025-21001.htm",
		"https://dwt.com/blogs/broadband-advisor/2022/12/fcc-china-equipment-ban-national-security",
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
	"notes": "The facts for this ban are those of us-fcc-covered-list-2025-12-uas. Law-firm summaries (Pillsbury, Mayer Brown) and press quoting the Public Notice confirm the listing of 2025-12-22 and its effect: no new equipment authorizations, while models authorized earlier may still be imported, marketed, sold and used; the Public Notice itself was not read (confidence 'secondary'). One source dates the underlying determination 2025-12-21. FCC 25-71 (in force 2025-12-26) applies to this equipment too and does not change the verdict. Coverage: devices, firmware and drivers; apps, SDKs and libraries are outside and allowed. A product that only resells a model authorized before the listing is best handled with a waiver that records its FCC ID. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
