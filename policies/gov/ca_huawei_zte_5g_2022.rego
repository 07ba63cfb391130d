# Canada: policy statement "Securing Canada's Telecommunications System"
# (2022-05-19) on Huawei and ZTE
#
# Telecommunications service providers must stop buying new 4G and 5G Huawei and
# ZTE equipment and managed services, remove 5G equipment by 2024-06-28 and 4G
# equipment by 2027-12-31 (`ca-telecom`).
package enforcer.bans

import rego.v1

# Coverage: 4G and 5G "equipment and managed services". Covered: devices,
# firmware, drivers and services. Apps, SDKs and libraries of the vendor warn.
bans contains {
	"id": "ca-huawei-zte-5g-2022:huawei",
	"vendor": "Huawei",
	"title": "Canada: exclusion of Huawei from 4G/5G networks",
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
		"kinds": ["device", "firmware", "device-driver", "service"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2024-06-28",
			"summary": "Huawei 5G equipment and managed services removed or terminated",
		},
		{
			"effect": "deny",
			"from": "2027-12-31",
			"summary": "Huawei 4G equipment and managed services removed or terminated",
		},
	],
	"scopes": ["ca-telecom"],
	"references": [
		"Policy Statement 'Securing Canada's Telecommunications System', 2022-05-19",
		"https://www.canada.ca/en/innovation-science-economic-development/news/2022/05/policy-statement--securing-canadas-telecommunications-system.html",
		"https://www.devdiscourse.com/article/international/2044236-canada-to-ban-huawei-zte-from-5g-4g-networks",
		"https://www.ctvnews.ca/mobile/politics/canada-banning-chinese-telecom-giant-huawei-zte-from-5g-networks-1.5911145",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "The procurement stop 'by September 2022' has no confirmed day and cannot be a phase, so the ban denies from the 5G removal date. The policy statement itself (2022-05-19) is not a phase. Covers subsidiaries and affiliates. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: network equipment (devices, firmware, drivers) and managed services; apps, SDKs and libraries warn.",
}

# Coverage: 4G and 5G "equipment and managed services". Covered: devices,
# firmware, drivers and services. Apps, SDKs and libraries of the vendor warn.
bans contains {
	"id": "ca-huawei-zte-5g-2022:zte",
	"vendor": "ZTE",
	"title": "Canada: exclusion of ZTE from 4G/5G networks",
	"match": {
		"organizations": ["ZTE Corporation", "ZTE", "Zhongxing Telecommunication Equipment Corporation"],
		"domains": ["zte.com.cn"],
		"cpe_vendors": ["zte"],
		"purls": ["pkg:*/cn.com.zte"],
		"products": ["zte"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver", "service"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2024-06-28",
			"summary": "ZTE 5G equipment and managed services removed or terminated",
		},
		{
			"effect": "deny",
			"from": "2027-12-31",
			"summary": "ZTE 4G equipment and managed services removed or terminated",
		},
	],
	"scopes": ["ca-telecom"],
	"references": [
		"Policy Statement 'Securing Canada's Telecommunications System', 2022-05-19",
		"https://www.canada.ca/en/innovation-science-economic-development/news/2022/05/policy-statement--securing-canadas-telecommunications-system.html",
		"https://www.devdiscourse.com/article/international/2044236-canada-to-ban-huawei-zte-from-5g-4g-networks",
		"https://www.ctvnews.ca/mobile/politics/canada-banning-chinese-telecom-giant-huawei-zte-from-5g-networks-1.5911145",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "The procurement stop 'by September 2022' has no confirmed day and cannot be a phase, so the ban denies from the 5G removal date. The policy statement itself (2022-05-19) is not a phase. Covers subsidiaries and affiliates. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: network equipment (devices, firmware, drivers) and managed services; apps, SDKs and libraries warn.",
}
