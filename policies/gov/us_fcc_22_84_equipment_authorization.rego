# US FCC equipment-authorization bar on Covered List equipment (FCC 22-84, FCC 25-71)
#
# Covered equipment of Huawei, ZTE, Hytera, Hikvision and Dahua can no longer
# get FCC equipment authorization, so new models cannot be imported, marketed
# or sold in the US: an interim freeze from 2022-11-11 (FCC 22-84 adopted),
# the rules in force from 2023-02-06 (88 FR 7592), tightened from 2025-12-26
# (FCC 25-71). Binds everyone who imports, markets or sells in the US.
# The facts come from the entry us-fcc-covered-list-2021-initial.
package enforcer.bans

import rego.v1

bans contains {
	"id": "us-fcc-22-84-equipment-authorization:huawei",
	"vendor": "Huawei",
	"title": "FCC equipment-authorization bar on covered Huawei equipment (FCC 22-84, FCC 25-71)",
	"match": {
		"organizations": [
			"Huawei Technologies Co., Ltd.",
			"Huawei Technologies Company",
			"Huawei",
			"HiSilicon",
		],
		"domains": ["huawei.com"],
		"cpe_vendors": ["huawei"],
		"purls": ["pkg:*/com.huawei", "pkg:*/com.huaweicloud", "pkg:*/github.com/huaweicloud"],
		"products": ["huawei", "hisilicon"],
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
	"scopes": ["us", "us-federal", "us-federal-contractor", "us-telecom"],
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
	"confidence": "confirmed",
	"notes": "Earlier authorizations stay valid until limited under the FCC 25-71 procedure; the bar is on new authorizations. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

bans contains {
	"id": "us-fcc-22-84-equipment-authorization:zte",
	"vendor": "ZTE",
	"title": "FCC equipment-authorization bar on covered ZTE equipment (FCC 22-84, FCC 25-71)",
	"match": {
		"organizations": [
			"ZTE Corporation",
			"ZTE",
			"Zhongxing Telecommunication Equipment Corporation",
		],
		"domains": ["zte.com.cn"],
		"cpe_vendors": ["zte"],
		"purls": ["pkg:*/cn.com.zte"],
		"products": ["zte"],
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
	"scopes": ["us", "us-federal", "us-federal-contractor", "us-telecom"],
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
	"confidence": "confirmed",
	"notes": "Earlier authorizations stay valid until limited under the FCC 25-71 procedure; the bar is on new authorizations. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

bans contains {
	"id": "us-fcc-22-84-equipment-authorization:hytera",
	"vendor": "Hytera",
	"title": "FCC equipment-authorization bar on covered Hytera equipment (FCC 22-84, FCC 25-71)",
	"match": {
		"organizations": [
			"Hytera Communications Corporation Limited",
			"Hytera Communications Corporation",
			"Hytera",
		],
		"domains": ["hytera.com"],
		"purls": ["pkg:*/com.hytera"],
		"products": ["hytera"],
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
	"scopes": ["us", "us-federal", "us-federal-contractor", "us-telecom"],
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
	"confidence": "confirmed",
	"notes": "Earlier authorizations stay valid until limited under the FCC 25-71 procedure; the bar is on new authorizations. For Hytera, Hikvision and Dahua the bar turns on the uses the Covered List names (public safety, government facilities, critical infrastructure, national security). Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

bans contains {
	"id": "us-fcc-22-84-equipment-authorization:hikvision",
	"vendor": "Hikvision",
	"title": "FCC equipment-authorization bar on covered Hikvision equipment (FCC 22-84, FCC 25-71)",
	"match": {
		"organizations": [
			"Hangzhou Hikvision Digital Technology Co., Ltd.",
			"Hangzhou Hikvision Digital Technology Company",
			"Hikvision",
		],
		"domains": ["hikvision.com"],
		"cpe_vendors": ["hikvision"],
		"purls": ["pkg:*/com.hikvision"],
		"products": ["hikvision"],
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
	"scopes": ["us", "us-federal", "us-federal-contractor", "us-telecom"],
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
	"confidence": "confirmed",
	"notes": "Earlier authorizations stay valid until limited under the FCC 25-71 procedure; the bar is on new authorizations. For Hytera, Hikvision and Dahua the bar turns on the uses the Covered List names (public safety, government facilities, critical infrastructure, national security). Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

bans contains {
	"id": "us-fcc-22-84-equipment-authorization:dahua",
	"vendor": "Dahua",
	"title": "FCC equipment-authorization bar on covered Dahua equipment (FCC 22-84, FCC 25-71)",
	"match": {
		"organizations": ["Zhejiang Dahua Technology Co., Ltd.", "Dahua Technology Company", "Dahua"],
		"domains": ["dahuasecurity.com"],
		"cpe_vendors": ["dahuasecurity"],
		"purls": ["pkg:*/com.dahuasecurity"],
		"products": ["dahua"],
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
	"scopes": ["us", "us-federal", "us-federal-contractor", "us-telecom"],
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
	"confidence": "confirmed",
	"notes": "Earlier authorizations stay valid until limited under the FCC 25-71 procedure; the bar is on new authorizations. For Hytera, Hikvision and Dahua the bar turns on the uses the Covered List names (public safety, government facilities, critical infrastructure, national security). Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
