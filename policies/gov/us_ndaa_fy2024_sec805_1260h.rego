# US NDAA FY2024 section 805: DoD procurement ban on entities of the section
# 1260H list (Chinese military companies)
#
# From 2026-06-30 the Department of Defense may not enter into, renew or extend
# contracts with listed entities; from 2027-06-30 it may not procure goods or
# services that include goods or services of listed entities. The 2025-01-06
# list update added Tencent, CATL, CXMT, Quectel and Autel Robotics; DJI,
# Huawei, SMIC and YMTC stay listed. One ban per listed company that ships
# software or hardware found in SBOMs; the list's other entities (shipping,
# construction, research institutes) are left out. Binds DoD (`us-dod`) and its
# contractors (`us-dod-contractor`).
package enforcer.bans

import rego.v1

# Coverage, read from the law-firm summaries of section 805: DoD may not
# contract with a listed entity (2026-06-30) nor procure "goods or services that
# include goods or services" sourced from it (2027-06-30). Every product and
# service of Huawei is covered: devices, firmware, drivers, applications,
# services, operating systems, containers, models and data. Freely licensed
# libraries and frameworks are not goods sold by the entity; they are outside
# and warn.
bans contains {
	"id": "us-ndaa-fy2024-sec805-1260h:huawei",
	"vendor": "Huawei",
	"title": "NDAA FY2024 section 805: DoD may not contract with or buy from Huawei (section 1260H list)",
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
		"kinds": [
			"application",
			"container",
			"data",
			"device",
			"device-driver",
			"file",
			"firmware",
			"machine-learning-model",
			"operating-system",
			"platform",
			"service",
		],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2026-06-30",
			"summary": "entity prohibition: DoD may not enter into, renew or extend contracts with Huawei; goods that include Huawei products follow on 2027-06-30",
		},
		{
			"effect": "deny",
			"from": "2027-06-30",
			"summary": "goods and services prohibition: DoD may not procure goods or services that include goods or services of Huawei",
		},
	],
	"scopes": ["us-dod", "us-dod-contractor"],
	"references": [
		"NDAA FY2024 (Pub. L. 118-31), sec. 805: prohibition on DoD contracting with entities on the section 1260H list (from 2026-06-30) and on procuring goods or services that include goods or services of such entities (from 2027-06-30); section 1260H list of Chinese military companies (NDAA FY2021 sec. 1260H), annual update published in the Federal Register on 2025-01-07",
		"https://digitimes.com/news/a20250107PD215/us-department-of-defense-blacklist-tencent-catl-cxmt-military.html",
		"https://arnoldporter.com/en/perspectives/advisories/2023/12/fy24-ndaa-navigating-expanded-restrictions",
		"https://www.governmentcontractslegalforum.com/2024/02/articles/government-contracts/dod-is-making-its-list-and-checking-it-twice-dod-updates-1260h-chinese-military-companies-list/",
		"https://worldecr.com/?p=2035969",
		"https://euro.dayfr.com/business/2587294.html (Reuters report of the 2025-01-06 update)",
	],
	"reviewed": "2026-12-03",
	"confidence": "secondary",
	"notes": "Huawei is on the DoD section 1260H list (listed since the first list (2021)); the list itself restricts nothing, section 805 of the FY2024 NDAA does. The entity prohibition (2026-06-30) concerns contracts with Huawei itself, which an SBOM of a contractor's deliverable rarely shows, so it warns; components of Huawei in the goods DoD buys are barred from 2027-06-30, which denies. The list update and the Tencent, CATL, CXMT, Quectel and Autel additions are reported by several outlets (Reuters, DigiTimes, WorldECR) from the Federal Register notice; the two dates come from law-firm summaries (Crowell & Moring, Arnold & Porter), not from the statute's text (confidence 'secondary'). Coverage: every kind but libraries and frameworks, which warn: section 805 reaches goods and services sourced from the entity, and freely licensed open-source code is neither bought from it nor sold by it. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

# Coverage, read from the law-firm summaries of section 805: DoD may not
# contract with a listed entity (2026-06-30) nor procure "goods or services that
# include goods or services" sourced from it (2027-06-30). Every product and
# service of DJI is covered: devices, firmware, drivers, applications, services,
# operating systems, containers, models and data. Freely licensed libraries and
# frameworks are not goods sold by the entity; they are outside and warn.
bans contains {
	"id": "us-ndaa-fy2024-sec805-1260h:dji",
	"vendor": "DJI",
	"title": "NDAA FY2024 section 805: DoD may not contract with or buy from DJI (section 1260H list)",
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
		"kinds": [
			"application",
			"container",
			"data",
			"device",
			"device-driver",
			"file",
			"firmware",
			"machine-learning-model",
			"operating-system",
			"platform",
			"service",
		],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2026-06-30",
			"summary": "entity prohibition: DoD may not enter into, renew or extend contracts with DJI; goods that include DJI products follow on 2027-06-30",
		},
		{
			"effect": "deny",
			"from": "2027-06-30",
			"summary": "goods and services prohibition: DoD may not procure goods or services that include goods or services of DJI",
		},
	],
	"scopes": ["us-dod", "us-dod-contractor"],
	"references": [
		"NDAA FY2024 (Pub. L. 118-31), sec. 805: prohibition on DoD contracting with entities on the section 1260H list (from 2026-06-30) and on procuring goods or services that include goods or services of such entities (from 2027-06-30); section 1260H list of Chinese military companies (NDAA FY2021 sec. 1260H), annual update published in the Federal Register on 2025-01-07",
		"https://digitimes.com/news/a20250107PD215/us-department-of-defense-blacklist-tencent-catl-cxmt-military.html",
		"https://arnoldporter.com/en/perspectives/advisories/2023/12/fy24-ndaa-navigating-expanded-restrictions",
		"https://www.governmentcontractslegalforum.com/2024/02/articles/government-contracts/dod-is-making-its-list-and-checking-it-twice-dod-updates-1260h-chinese-military-companies-list/",
		"https://worldecr.com/?p=2035969",
		"https://euro.dayfr.com/business/2587294.html (Reuters report of the 2025-01-06 update)",
	],
	"reviewed": "2026-12-03",
	"confidence": "secondary",
	"notes": "DJI is on the DoD section 1260H list (listed since 2022; its court challenge did not remove it); the list itself restricts nothing, section 805 of the FY2024 NDAA does. The entity prohibition (2026-06-30) concerns contracts with DJI itself, which an SBOM of a contractor's deliverable rarely shows, so it warns; components of DJI in the goods DoD buys are barred from 2027-06-30, which denies. The list update and the Tencent, CATL, CXMT, Quectel and Autel additions are reported by several outlets (Reuters, DigiTimes, WorldECR) from the Federal Register notice; the two dates come from law-firm summaries (Crowell & Moring, Arnold & Porter), not from the statute's text (confidence 'secondary'). Coverage: every kind but libraries and frameworks, which warn: section 805 reaches goods and services sourced from the entity, and freely licensed open-source code is neither bought from it nor sold by it. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

# Coverage, read from the law-firm summaries of section 805: DoD may not
# contract with a listed entity (2026-06-30) nor procure "goods or services that
# include goods or services" sourced from it (2027-06-30). Every product and
# service of Tencent is covered: devices, firmware, drivers, applications,
# services, operating systems, containers, models and data. Freely licensed
# libraries and frameworks are not goods sold by the entity; they are outside
# and warn.
bans contains {
	"id": "us-ndaa-fy2024-sec805-1260h:tencent",
	"vendor": "Tencent",
	"title": "NDAA FY2024 section 805: DoD may not contract with or buy from Tencent (section 1260H list)",
	"match": {
		"organizations": [
			"Tencent Holdings Limited",
			"Tencent Holdings Ltd.",
			"Tencent",
			"Shenzhen Tencent Computer Systems Company Limited",
			"Tencent Technology (Shenzhen) Company Limited",
			"THL A29 Limited",
		],
		"domains": ["tencent.com", "tencentcloud.com", "wechat.com"],
		"cpe_vendors": ["tencent"],
		"purls": [
			"pkg:*/com.tencentcloudapi",
			"pkg:*/github.com/tencentcloud",
			"pkg:github/tencentcloud",
			"pkg:pypi/tencentcloud-sdk*",
			"pkg:*/com.tencent.mm",
		],
		"products": ["tencent"],
	},
	"covers": {
		"kinds": [
			"application",
			"container",
			"data",
			"device",
			"device-driver",
			"file",
			"firmware",
			"machine-learning-model",
			"operating-system",
			"platform",
			"service",
		],
		"products": {
			"names": ["WeChat", "Weixin"],
			"app_ids": ["com.tencent.mm", "com.tencent.xin"],
		},
		"only_products": false,
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2026-06-30",
			"summary": "entity prohibition: DoD may not enter into, renew or extend contracts with Tencent; goods that include Tencent products follow on 2027-06-30",
		},
		{
			"effect": "deny",
			"from": "2027-06-30",
			"summary": "goods and services prohibition: DoD may not procure goods or services that include goods or services of Tencent",
		},
	],
	"scopes": ["us-dod", "us-dod-contractor"],
	"references": [
		"NDAA FY2024 (Pub. L. 118-31), sec. 805: prohibition on DoD contracting with entities on the section 1260H list (from 2026-06-30) and on procuring goods or services that include goods or services of such entities (from 2027-06-30); section 1260H list of Chinese military companies (NDAA FY2021 sec. 1260H), annual update published in the Federal Register on 2025-01-07",
		"https://digitimes.com/news/a20250107PD215/us-department-of-defense-blacklist-tencent-catl-cxmt-military.html",
		"https://arnoldporter.com/en/perspectives/advisories/2023/12/fy24-ndaa-navigating-expanded-restrictions",
		"https://www.governmentcontractslegalforum.com/2024/02/articles/government-contracts/dod-is-making-its-list-and-checking-it-twice-dod-updates-1260h-chinese-military-companies-list/",
		"https://worldecr.com/?p=2035969",
		"https://euro.dayfr.com/business/2587294.html (Reuters report of the 2025-01-06 update)",
	],
	"reviewed": "2026-12-03",
	"confidence": "secondary",
	"notes": "Tencent is on the DoD section 1260H list (added on 2025-01-06); the list itself restricts nothing, section 805 of the FY2024 NDAA does. The entity prohibition (2026-06-30) concerns contracts with Tencent itself, which an SBOM of a contractor's deliverable rarely shows, so it warns; components of Tencent in the goods DoD buys are barred from 2027-06-30, which denies. The list update and the Tencent, CATL, CXMT, Quectel and Autel additions are reported by several outlets (Reuters, DigiTimes, WorldECR) from the Federal Register notice; the two dates come from law-firm summaries (Crowell & Moring, Arnold & Porter), not from the statute's text (confidence 'secondary'). Coverage: every kind but libraries and frameworks, which warn: section 805 reaches goods and services sourced from the entity, and freely licensed open-source code is neither bought from it nor sold by it. WeChat, Tencent's app, is named so that it is found by its names and app ids. Tencent's identity leaves out the open-source namespaces com.tencent and github.com/Tencent (RapidJSON, MMKV, Tinker, ncnn), whose freely licensed libraries are not goods sold by Tencent, and leaves out qq.com, the domain of countless personal e-mail addresses; a component whose supplier is Tencent (or THL A29 Limited, the Tencent company in its copyright notices) is still found, and warns as a library. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

# Coverage, read from the law-firm summaries of section 805: DoD may not
# contract with a listed entity (2026-06-30) nor procure "goods or services that
# include goods or services" sourced from it (2027-06-30). Every product and
# service of CATL is covered: devices, firmware, drivers, applications,
# services, operating systems, containers, models and data. Freely licensed
# libraries and frameworks are not goods sold by the entity; they are outside
# and warn.
bans contains {
	"id": "us-ndaa-fy2024-sec805-1260h:catl",
	"vendor": "CATL",
	"title": "NDAA FY2024 section 805: DoD may not contract with or buy from CATL (section 1260H list)",
	"match": {
		"organizations": ["Contemporary Amperex Technology Co., Limited", "Contemporary Amperex Technology", "CATL"],
		"domains": ["catl.com"],
	},
	"covers": {
		"kinds": [
			"application",
			"container",
			"data",
			"device",
			"device-driver",
			"file",
			"firmware",
			"machine-learning-model",
			"operating-system",
			"platform",
			"service",
		],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2026-06-30",
			"summary": "entity prohibition: DoD may not enter into, renew or extend contracts with CATL; goods that include CATL products follow on 2027-06-30",
		},
		{
			"effect": "deny",
			"from": "2027-06-30",
			"summary": "goods and services prohibition: DoD may not procure goods or services that include goods or services of CATL",
		},
	],
	"scopes": ["us-dod", "us-dod-contractor"],
	"references": [
		"NDAA FY2024 (Pub. L. 118-31), sec. 805: prohibition on DoD contracting with entities on the section 1260H list (from 2026-06-30) and on procuring goods or services that include goods or services of such entities (from 2027-06-30); section 1260H list of Chinese military companies (NDAA FY2021 sec. 1260H), annual update published in the Federal Register on 2025-01-07",
		"https://digitimes.com/news/a20250107PD215/us-department-of-defense-blacklist-tencent-catl-cxmt-military.html",
		"https://arnoldporter.com/en/perspectives/advisories/2023/12/fy24-ndaa-navigating-expanded-restrictions",
		"https://www.governmentcontractslegalforum.com/2024/02/articles/government-contracts/dod-is-making-its-list-and-checking-it-twice-dod-updates-1260h-chinese-military-companies-list/",
		"https://worldecr.com/?p=2035969",
		"https://euro.dayfr.com/business/2587294.html (Reuters report of the 2025-01-06 update)",
	],
	"reviewed": "2026-12-03",
	"confidence": "secondary",
	"notes": "CATL is on the DoD section 1260H list (added on 2025-01-06); the list itself restricts nothing, section 805 of the FY2024 NDAA does. The entity prohibition (2026-06-30) concerns contracts with CATL itself, which an SBOM of a contractor's deliverable rarely shows, so it warns; components of CATL in the goods DoD buys are barred from 2027-06-30, which denies. The list update and the Tencent, CATL, CXMT, Quectel and Autel additions are reported by several outlets (Reuters, DigiTimes, WorldECR) from the Federal Register notice; the two dates come from law-firm summaries (Crowell & Moring, Arnold & Porter), not from the statute's text (confidence 'secondary'). Coverage: every kind but libraries and frameworks, which warn: section 805 reaches goods and services sourced from the entity, and freely licensed open-source code is neither bought from it nor sold by it. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

# Coverage, read from the law-firm summaries of section 805: DoD may not
# contract with a listed entity (2026-06-30) nor procure "goods or services that
# include goods or services" sourced from it (2027-06-30). Every product and
# service of CXMT is covered: devices, firmware, drivers, applications,
# services, operating systems, containers, models and data. Freely licensed
# libraries and frameworks are not goods sold by the entity; they are outside
# and warn.
bans contains {
	"id": "us-ndaa-fy2024-sec805-1260h:cxmt",
	"vendor": "CXMT",
	"title": "NDAA FY2024 section 805: DoD may not contract with or buy from CXMT (section 1260H list)",
	"match": {
		"organizations": ["ChangXin Memory Technologies", "CXMT"],
	},
	"covers": {
		"kinds": [
			"application",
			"container",
			"data",
			"device",
			"device-driver",
			"file",
			"firmware",
			"machine-learning-model",
			"operating-system",
			"platform",
			"service",
		],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2026-06-30",
			"summary": "entity prohibition: DoD may not enter into, renew or extend contracts with CXMT; goods that include CXMT products follow on 2027-06-30",
		},
		{
			"effect": "deny",
			"from": "2027-06-30",
			"summary": "goods and services prohibition: DoD may not procure goods or services that include goods or services of CXMT",
		},
	],
	"scopes": ["us-dod", "us-dod-contractor"],
	"references": [
		"NDAA FY2024 (Pub. L. 118-31), sec. 805: prohibition on DoD contracting with entities on the section 1260H list (from 2026-06-30) and on procuring goods or services that include goods or services of such entities (from 2027-06-30); section 1260H list of Chinese military companies (NDAA FY2021 sec. 1260H), annual update published in the Federal Register on 2025-01-07",
		"https://digitimes.com/news/a20250107PD215/us-department-of-defense-blacklist-tencent-catl-cxmt-military.html",
		"https://arnoldporter.com/en/perspectives/advisories/2023/12/fy24-ndaa-navigating-expanded-restrictions",
		"https://www.governmentcontractslegalforum.com/2024/02/articles/government-contracts/dod-is-making-its-list-and-checking-it-twice-dod-updates-1260h-chinese-military-companies-list/",
		"https://worldecr.com/?p=2035969",
		"https://euro.dayfr.com/business/2587294.html (Reuters report of the 2025-01-06 update)",
	],
	"reviewed": "2026-12-03",
	"confidence": "secondary",
	"notes": "CXMT is on the DoD section 1260H list (added on 2025-01-06); the list itself restricts nothing, section 805 of the FY2024 NDAA does. The entity prohibition (2026-06-30) concerns contracts with CXMT itself, which an SBOM of a contractor's deliverable rarely shows, so it warns; components of CXMT in the goods DoD buys are barred from 2027-06-30, which denies. The list update and the Tencent, CATL, CXMT, Quectel and Autel additions are reported by several outlets (Reuters, DigiTimes, WorldECR) from the Federal Register notice; the two dates come from law-firm summaries (Crowell & Moring, Arnold & Porter), not from the statute's text (confidence 'secondary'). Coverage: every kind but libraries and frameworks, which warn: section 805 reaches goods and services sourced from the entity, and freely licensed open-source code is neither bought from it nor sold by it. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

# Coverage, read from the law-firm summaries of section 805: DoD may not
# contract with a listed entity (2026-06-30) nor procure "goods or services that
# include goods or services" sourced from it (2027-06-30). Every product and
# service of Quectel is covered: devices, firmware, drivers, applications,
# services, operating systems, containers, models and data. Freely licensed
# libraries and frameworks are not goods sold by the entity; they are outside
# and warn.
bans contains {
	"id": "us-ndaa-fy2024-sec805-1260h:quectel",
	"vendor": "Quectel",
	"title": "NDAA FY2024 section 805: DoD may not contract with or buy from Quectel (section 1260H list)",
	"match": {
		"organizations": ["Quectel Wireless Solutions Co., Ltd.", "Quectel"],
		"domains": ["quectel.com"],
		"purls": [
			"pkg:*/com.quectel",
			"pkg:github/quectel-open-source",
			"pkg:github/quectel-official",
			"pkg:*/github.com/quectel-open-source",
		],
		"products": ["quectel"],
	},
	"covers": {
		"kinds": [
			"application",
			"container",
			"data",
			"device",
			"device-driver",
			"file",
			"firmware",
			"machine-learning-model",
			"operating-system",
			"platform",
			"service",
		],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2026-06-30",
			"summary": "entity prohibition: DoD may not enter into, renew or extend contracts with Quectel; goods that include Quectel products follow on 2027-06-30",
		},
		{
			"effect": "deny",
			"from": "2027-06-30",
			"summary": "goods and services prohibition: DoD may not procure goods or services that include goods or services of Quectel",
		},
	],
	"scopes": ["us-dod", "us-dod-contractor"],
	"references": [
		"NDAA FY2024 (Pub. L. 118-31), sec. 805: prohibition on DoD contracting with entities on the section 1260H list (from 2026-06-30) and on procuring goods or services that include goods or services of such entities (from 2027-06-30); section 1260H list of Chinese military companies (NDAA FY2021 sec. 1260H), annual update published in the Federal Register on 2025-01-07",
		"https://digitimes.com/news/a20250107PD215/us-department-of-defense-blacklist-tencent-catl-cxmt-military.html",
		"https://arnoldporter.com/en/perspectives/advisories/2023/12/fy24-ndaa-navigating-expanded-restrictions",
		"https://www.governmentcontractslegalforum.com/2024/02/articles/government-contracts/dod-is-making-its-list-and-checking-it-twice-dod-updates-1260h-chinese-military-companies-list/",
		"https://worldecr.com/?p=2035969",
		"https://euro.dayfr.com/business/2587294.html (Reuters report of the 2025-01-06 update)",
	],
	"reviewed": "2026-12-03",
	"confidence": "secondary",
	"notes": "Quectel is on the DoD section 1260H list (added on 2025-01-06); the list itself restricts nothing, section 805 of the FY2024 NDAA does. The entity prohibition (2026-06-30) concerns contracts with Quectel itself, which an SBOM of a contractor's deliverable rarely shows, so it warns; components of Quectel in the goods DoD buys are barred from 2027-06-30, which denies. The list update and the Tencent, CATL, CXMT, Quectel and Autel additions are reported by several outlets (Reuters, DigiTimes, WorldECR) from the Federal Register notice; the two dates come from law-firm summaries (Crowell & Moring, Arnold & Porter), not from the statute's text (confidence 'secondary'). Coverage: every kind but libraries and frameworks, which warn: section 805 reaches goods and services sourced from the entity, and freely licensed open-source code is neither bought from it nor sold by it. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

# Coverage, read from the law-firm summaries of section 805: DoD may not
# contract with a listed entity (2026-06-30) nor procure "goods or services that
# include goods or services" sourced from it (2027-06-30). Every product and
# service of Autel Robotics is covered: devices, firmware, drivers,
# applications, services, operating systems, containers, models and data. Freely
# licensed libraries and frameworks are not goods sold by the entity; they are
# outside and warn.
bans contains {
	"id": "us-ndaa-fy2024-sec805-1260h:autel",
	"vendor": "Autel Robotics",
	"title": "NDAA FY2024 section 805: DoD may not contract with or buy from Autel Robotics (section 1260H list)",
	"match": {
		"organizations": ["Autel Robotics", "Autel Robotics Co., Ltd."],
		"domains": ["autelrobotics.com"],
		"purls": ["pkg:*/com.autelrobotics"],
	},
	"covers": {
		"kinds": [
			"application",
			"container",
			"data",
			"device",
			"device-driver",
			"file",
			"firmware",
			"machine-learning-model",
			"operating-system",
			"platform",
			"service",
		],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2026-06-30",
			"summary": "entity prohibition: DoD may not enter into, renew or extend contracts with Autel Robotics; goods that include Autel Robotics products follow on 2027-06-30",
		},
		{
			"effect": "deny",
			"from": "2027-06-30",
			"summary": "goods and services prohibition: DoD may not procure goods or services that include goods or services of Autel Robotics",
		},
	],
	"scopes": ["us-dod", "us-dod-contractor"],
	"references": [
		"NDAA FY2024 (Pub. L. 118-31), sec. 805: prohibition on DoD contracting with entities on the section 1260H list (from 2026-06-30) and on procuring goods or services that include goods or services of such entities (from 2027-06-30); section 1260H list of Chinese military companies (NDAA FY2021 sec. 1260H), annual update published in the Federal Register on 2025-01-07",
		"https://digitimes.com/news/a20250107PD215/us-department-of-defense-blacklist-tencent-catl-cxmt-military.html",
		"https://arnoldporter.com/en/perspectives/advisories/2023/12/fy24-ndaa-navigating-expanded-restrictions",
		"https://www.governmentcontractslegalforum.com/2024/02/articles/government-contracts/dod-is-making-its-list-and-checking-it-twice-dod-updates-1260h-chinese-military-companies-list/",
		"https://worldecr.com/?p=2035969",
		"https://euro.dayfr.com/business/2587294.html (Reuters report of the 2025-01-06 update)",
	],
	"reviewed": "2026-12-03",
	"confidence": "secondary",
	"notes": "Autel Robotics is on the DoD section 1260H list (added on 2025-01-06); the list itself restricts nothing, section 805 of the FY2024 NDAA does. The entity prohibition (2026-06-30) concerns contracts with Autel Robotics itself, which an SBOM of a contractor's deliverable rarely shows, so it warns; components of Autel Robotics in the goods DoD buys are barred from 2027-06-30, which denies. The list update and the Tencent, CATL, CXMT, Quectel and Autel additions are reported by several outlets (Reuters, DigiTimes, WorldECR) from the Federal Register notice; the two dates come from law-firm summaries (Crowell & Moring, Arnold & Porter), not from the statute's text (confidence 'secondary'). Coverage: every kind but libraries and frameworks, which warn: section 805 reaches goods and services sourced from the entity, and freely licensed open-source code is neither bought from it nor sold by it. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

# Coverage, read from the law-firm summaries of section 805: DoD may not
# contract with a listed entity (2026-06-30) nor procure "goods or services that
# include goods or services" sourced from it (2027-06-30). Every product and
# service of SMIC is covered: devices, firmware, drivers, applications,
# services, operating systems, containers, models and data. Freely licensed
# libraries and frameworks are not goods sold by the entity; they are outside
# and warn.
bans contains {
	"id": "us-ndaa-fy2024-sec805-1260h:smic",
	"vendor": "SMIC",
	"title": "NDAA FY2024 section 805: DoD may not contract with or buy from SMIC (section 1260H list)",
	"match": {
		"organizations": ["Semiconductor Manufacturing International Corporation", "SMIC"],
	},
	"covers": {
		"kinds": [
			"application",
			"container",
			"data",
			"device",
			"device-driver",
			"file",
			"firmware",
			"machine-learning-model",
			"operating-system",
			"platform",
			"service",
		],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2026-06-30",
			"summary": "entity prohibition: DoD may not enter into, renew or extend contracts with SMIC; goods that include SMIC products follow on 2027-06-30",
		},
		{
			"effect": "deny",
			"from": "2027-06-30",
			"summary": "goods and services prohibition: DoD may not procure goods or services that include goods or services of SMIC",
		},
	],
	"scopes": ["us-dod", "us-dod-contractor"],
	"references": [
		"NDAA FY2024 (Pub. L. 118-31), sec. 805: prohibition on DoD contracting with entities on the section 1260H list (from 2026-06-30) and on procuring goods or services that include goods or services of such entities (from 2027-06-30); section 1260H list of Chinese military companies (NDAA FY2021 sec. 1260H), annual update published in the Federal Register on 2025-01-07",
		"https://digitimes.com/news/a20250107PD215/us-department-of-defense-blacklist-tencent-catl-cxmt-military.html",
		"https://arnoldporter.com/en/perspectives/advisories/2023/12/fy24-ndaa-navigating-expanded-restrictions",
		"https://www.governmentcontractslegalforum.com/2024/02/articles/government-contracts/dod-is-making-its-list-and-checking-it-twice-dod-updates-1260h-chinese-military-companies-list/",
		"https://worldecr.com/?p=2035969",
		"https://euro.dayfr.com/business/2587294.html (Reuters report of the 2025-01-06 update)",
	],
	"reviewed": "2026-12-03",
	"confidence": "secondary",
	"notes": "SMIC is on the DoD section 1260H list (listed before 2025 and kept); the list itself restricts nothing, section 805 of the FY2024 NDAA does. The entity prohibition (2026-06-30) concerns contracts with SMIC itself, which an SBOM of a contractor's deliverable rarely shows, so it warns; components of SMIC in the goods DoD buys are barred from 2027-06-30, which denies. The list update and the Tencent, CATL, CXMT, Quectel and Autel additions are reported by several outlets (Reuters, DigiTimes, WorldECR) from the Federal Register notice; the two dates come from law-firm summaries (Crowell & Moring, Arnold & Porter), not from the statute's text (confidence 'secondary'). Coverage: every kind but libraries and frameworks, which warn: section 805 reaches goods and services sourced from the entity, and freely licensed open-source code is neither bought from it nor sold by it. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

# Coverage, read from the law-firm summaries of section 805: DoD may not
# contract with a listed entity (2026-06-30) nor procure "goods or services that
# include goods or services" sourced from it (2027-06-30). Every product and
# service of YMTC is covered: devices, firmware, drivers, applications,
# services, operating systems, containers, models and data. Freely licensed
# libraries and frameworks are not goods sold by the entity; they are outside
# and warn.
bans contains {
	"id": "us-ndaa-fy2024-sec805-1260h:ymtc",
	"vendor": "YMTC",
	"title": "NDAA FY2024 section 805: DoD may not contract with or buy from YMTC (section 1260H list)",
	"match": {
		"organizations": ["Yangtze Memory Technologies Corp.", "YMTC"],
	},
	"covers": {
		"kinds": [
			"application",
			"container",
			"data",
			"device",
			"device-driver",
			"file",
			"firmware",
			"machine-learning-model",
			"operating-system",
			"platform",
			"service",
		],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2026-06-30",
			"summary": "entity prohibition: DoD may not enter into, renew or extend contracts with YMTC; goods that include YMTC products follow on 2027-06-30",
		},
		{
			"effect": "deny",
			"from": "2027-06-30",
			"summary": "goods and services prohibition: DoD may not procure goods or services that include goods or services of YMTC",
		},
	],
	"scopes": ["us-dod", "us-dod-contractor"],
	"references": [
		"NDAA FY2024 (Pub. L. 118-31), sec. 805: prohibition on DoD contracting with entities on the section 1260H list (from 2026-06-30) and on procuring goods or services that include goods or services of such entities (from 2027-06-30); section 1260H list of Chinese military companies (NDAA FY2021 sec. 1260H), annual update published in the Federal Register on 2025-01-07",
		"https://digitimes.com/news/a20250107PD215/us-department-of-defense-blacklist-tencent-catl-cxmt-military.html",
		"https://arnoldporter.com/en/perspectives/advisories/2023/12/fy24-ndaa-navigating-expanded-restrictions",
		"https://www.governmentcontractslegalforum.com/2024/02/articles/government-contracts/dod-is-making-its-list-and-checking-it-twice-dod-updates-1260h-chinese-military-companies-list/",
		"https://worldecr.com/?p=2035969",
		"https://euro.dayfr.com/business/2587294.html (Reuters report of the 2025-01-06 update)",
	],
	"reviewed": "2026-12-03",
	"confidence": "secondary",
	"notes": "YMTC is on the DoD section 1260H list (listed before 2025 and kept); the list itself restricts nothing, section 805 of the FY2024 NDAA does. The entity prohibition (2026-06-30) concerns contracts with YMTC itself, which an SBOM of a contractor's deliverable rarely shows, so it warns; components of YMTC in the goods DoD buys are barred from 2027-06-30, which denies. The list update and the Tencent, CATL, CXMT, Quectel and Autel additions are reported by several outlets (Reuters, DigiTimes, WorldECR) from the Federal Register notice; the two dates come from law-firm summaries (Crowell & Moring, Arnold & Porter), not from the statute's text (confidence 'secondary'). Coverage: every kind but libraries and frameworks, which warn: section 805 reaches goods and services sourced from the entity, and freely licensed open-source code is neither bought from it nor sold by it. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
