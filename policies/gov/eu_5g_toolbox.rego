# EU 5G Toolbox and the Commission's communication of 2023-06-15 on Huawei and
# ZTE
#
# Member states are urged, not bound, to restrict or exclude high-risk suppliers
# from critical network assets; the Commission keeps Huawei and ZTE out of its
# own connectivity and procurement (`eu-institutions`, `eu-telecom`). Advisory.
package enforcer.bans

import rego.v1

# Coverage: "critical and sensitive assets" of 5G networks and the Commission's
# corporate connectivity. Covered: devices, firmware, drivers, services and
# network software. Other components of the vendor are outside this advice and
# allowed.
bans contains {
	"id": "eu-5g-toolbox:huawei",
	"vendor": "Huawei",
	"title": "EU 5G Toolbox and the Commission's position on Huawei as a high-risk supplier",
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
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2023-06-15",
			"summary": "Commission: Huawei poses materially higher 5G risks; kept out of its own connectivity and procurement",
		},
	],
	"scopes": ["eu-institutions", "eu-telecom"],
	"references": [
		"EU Toolbox of risk-mitigating measures for 5G (2020-01-29); Commission Communication on implementing the 5G Toolbox (2023-06-15)",
		"https://digital-strategy.ec.europa.eu/nl/news-redirect/791526",
		"https://www.eurasiareview.com/18062023-eu-commission-bans-huawei-zte-urges-countries-to-do-same/",
		"https://www.washingtonpost.com/world/europe/eu-stops-short-of-recommending-ban-on-chinas-huawei/2020/01/29/cbc75e3e-428d-11ea-99c7-1dfd4241a2fe_story.html",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "The Toolbox itself (2020-01-29) named no supplier and is not a phase of a vendor ban. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: network equipment and its software and services; other components (app and cloud SDKs, libraries) are outside the advice and allowed.",
}

# Coverage: "critical and sensitive assets" of 5G networks and the Commission's
# corporate connectivity. Covered: devices, firmware, drivers, services and
# network software. Other components of the vendor are outside this advice and
# allowed.
bans contains {
	"id": "eu-5g-toolbox:zte",
	"vendor": "ZTE",
	"title": "EU 5G Toolbox and the Commission's position on ZTE as a high-risk supplier",
	"match": {
		"organizations": ["ZTE Corporation", "ZTE", "Zhongxing Telecommunication Equipment Corporation"],
		"domains": ["zte.com.cn"],
		"cpe_vendors": ["zte"],
		"purls": ["pkg:*/cn.com.zte"],
		"products": ["zte"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver", "service", "application"],
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2023-06-15",
			"summary": "Commission: ZTE poses materially higher 5G risks; kept out of its own connectivity and procurement",
		},
	],
	"scopes": ["eu-institutions", "eu-telecom"],
	"references": [
		"EU Toolbox of risk-mitigating measures for 5G (2020-01-29); Commission Communication on implementing the 5G Toolbox (2023-06-15)",
		"https://digital-strategy.ec.europa.eu/nl/news-redirect/791526",
		"https://www.eurasiareview.com/18062023-eu-commission-bans-huawei-zte-urges-countries-to-do-same/",
		"https://www.washingtonpost.com/world/europe/eu-stops-short-of-recommending-ban-on-chinas-huawei/2020/01/29/cbc75e3e-428d-11ea-99c7-1dfd4241a2fe_story.html",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "The Toolbox itself (2020-01-29) named no supplier and is not a phase of a vendor ban. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: network equipment and its software and services; other components (app and cloud SDKs, libraries) are outside the advice and allowed.",
}
