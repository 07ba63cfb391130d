# Germany: agreement with the 5G operators on Huawei and ZTE (2024-07-11)
#
# No critical Huawei or ZTE components in 5G core networks by the end of 2026;
# critical network management systems of Huawei and ZTE replaced in 5G access
# and transport networks by the end of 2029 (`de-telecom`).
package enforcer.bans

import rego.v1

# Coverage: "critical components" of 5G core networks and the "network
# management systems" of access and transport networks. Covered: devices,
# firmware, drivers, services and applications (network management software).
# SDKs and libraries warn.
bans contains {
	"id": "de-5g-huawei-zte-2024:huawei",
	"vendor": "Huawei",
	"title": "Germany: phase-out of Huawei critical components from 5G networks",
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
		"kinds": ["device", "firmware", "device-driver", "service", "application"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2026-12-31",
			"summary": "no critical Huawei components in 5G core networks",
		},
		{
			"effect": "deny",
			"from": "2029-12-31",
			"summary": "critical Huawei network management systems replaced in 5G access and transport networks",
		},
	],
	"scopes": ["de-telecom"],
	"references": [
		"Agreement announced 2024-07-11 (public-law contracts with the three mobile operators)",
		"https://telecomtv.com/content/5g/germany-finally-unveils-huawei-zte-ban-plan-50809",
		"https://www.primeainews.com/article/germany-phase-out-huawei-and-zte-components-5g-infrastructure-by-2029",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Binds the three German 5G operators. The announcement (2024-07-11) is not a phase. Secondary sources only; 'end of 2026/2029' is represented as 12-31. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: network equipment and its software (critical components, network management systems): devices, firmware, drivers, services and applications; SDKs and libraries warn.",
}

# Coverage: "critical components" of 5G core networks and the "network
# management systems" of access and transport networks. Covered: devices,
# firmware, drivers, services and applications (network management software).
# SDKs and libraries warn.
bans contains {
	"id": "de-5g-huawei-zte-2024:zte",
	"vendor": "ZTE",
	"title": "Germany: phase-out of ZTE critical components from 5G networks",
	"match": {
		"organizations": ["ZTE Corporation", "ZTE", "Zhongxing Telecommunication Equipment Corporation"],
		"domains": ["zte.com.cn"],
		"cpe_vendors": ["zte"],
		"purls": ["pkg:*/cn.com.zte"],
		"products": ["zte"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver", "service", "application"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2026-12-31",
			"summary": "no critical ZTE components in 5G core networks",
		},
		{
			"effect": "deny",
			"from": "2029-12-31",
			"summary": "critical ZTE network management systems replaced in 5G access and transport networks",
		},
	],
	"scopes": ["de-telecom"],
	"references": [
		"Agreement announced 2024-07-11 (public-law contracts with the three mobile operators)",
		"https://telecomtv.com/content/5g/germany-finally-unveils-huawei-zte-ban-plan-50809",
		"https://www.primeainews.com/article/germany-phase-out-huawei-and-zte-components-5g-infrastructure-by-2029",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Binds the three German 5G operators. The announcement (2024-07-11) is not a phase. Secondary sources only; 'end of 2026/2029' is represented as 12-31. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: network equipment and its software (critical components, network management systems): devices, firmware, drivers, services and applications; SDKs and libraries warn.",
}
