# Australia: 5G security guidance to carriers (2018-08-23) under the
# Telecommunications Sector Security Reforms (2018-09-18)
#
# Vendors likely to be subject to extrajudicial directions from a foreign
# government are treated as a risk for 5G networks; Huawei confirmed that it and
# ZTE were excluded (`au-telecom`). Advisory.
package enforcer.bans

import rego.v1

# Coverage: vendors of 5G network equipment and services. Covered: devices,
# firmware, drivers and services. Other components of the vendor are outside the
# guidance and allowed.
bans contains {
	"id": "au-5g-security-guidance-2018:huawei",
	"vendor": "Huawei",
	"title": "Australia: 5G security guidance effectively excluding Huawei",
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
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2018-08-23",
			"summary": "5G security guidance to carriers: Huawei is treated as a high-risk vendor",
		},
		{
			"effect": "warn",
			"from": "2018-09-18",
			"summary": "Telecommunications Sector Security Reforms in force; the guidance applies under them",
		},
	],
	"scopes": ["au-telecom"],
	"references": [
		"Joint media release '5G security guidance to Australian carriers', 2018-08-23, under the Telecommunications Sector Security Reforms (in force 2018-09-18)",
		"https://www.engadget.com/2018/08/23/huawei-zte-banned-australia-5g-ban/",
		"https://www.telecomtv.com/content/5g/new-australian-prime-minister-bans-huawei-and-zte-from-5g-contracts-32111/",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "The guidance names no vendor; Huawei and ZTE are matched because Huawei confirmed both were excluded. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: 5G network equipment (devices, firmware, drivers) and services; other components are outside the guidance and allowed.",
}

# Coverage: vendors of 5G network equipment and services. Covered: devices,
# firmware, drivers and services. Other components of the vendor are outside the
# guidance and allowed.
bans contains {
	"id": "au-5g-security-guidance-2018:zte",
	"vendor": "ZTE",
	"title": "Australia: 5G security guidance effectively excluding ZTE",
	"match": {
		"organizations": ["ZTE Corporation", "ZTE", "Zhongxing Telecommunication Equipment Corporation"],
		"domains": ["zte.com.cn"],
		"cpe_vendors": ["zte"],
		"purls": ["pkg:*/cn.com.zte"],
		"products": ["zte"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver", "service"],
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2018-08-23",
			"summary": "5G security guidance to carriers: ZTE is treated as a high-risk vendor",
		},
		{
			"effect": "warn",
			"from": "2018-09-18",
			"summary": "Telecommunications Sector Security Reforms in force; the guidance applies under them",
		},
	],
	"scopes": ["au-telecom"],
	"references": [
		"Joint media release '5G security guidance to Australian carriers', 2018-08-23, under the Telecommunications Sector Security Reforms (in force 2018-09-18)",
		"https://www.engadget.com/2018/08/23/huawei-zte-banned-australia-5g-ban/",
		"https://www.telecomtv.com/content/5g/new-australian-prime-minister-bans-huawei-and-zte-from-5g-contracts-32111/",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "The guidance names no vendor; Huawei and ZTE are matched because Huawei confirmed both were excluded. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: 5G network equipment (devices, firmware, drivers) and services; other components are outside the guidance and allowed.",
}
