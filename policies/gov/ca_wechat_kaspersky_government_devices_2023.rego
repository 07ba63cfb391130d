# Canada: WeChat and the Kaspersky suite removed from government mobile devices
# (2023-10-30)
#
# The Chief Information Officer of Canada removed WeChat and the Kaspersky suite
# of applications from government-issued mobile devices and blocked new
# downloads (`ca-gov`).
package enforcer.bans

import rego.v1

# Coverage: the "Kaspersky suite of applications" on mobile devices. Covered:
# Kaspersky applications and the named products. Other Kaspersky components (an
# SDK inside another app, a library) are not applications on the device and
# warn.
bans contains {
	"id": "ca-wechat-kaspersky-government-devices-2023:kaspersky",
	"vendor": "Kaspersky",
	"title": "Canada: Kaspersky applications banned on government-issued mobile devices",
	"match": {
		"organizations": [
			"AO Kaspersky Lab",
			"Kaspersky Lab ZAO",
			"JSC Kaspersky Lab",
			"Kaspersky Lab",
			"Kaspersky",
			"Kaspersky Lab, Inc.",
			"Kaspersky US",
			"Kaspersky Labs Limited",
			"OOO Kaspersky Group",
			"Kaspersky Group LLC",
			"Лаборатория Касперского",
		],
		"domains": ["kaspersky.com", "kaspersky.ru", "kaspersky-labs.com", "kaspersky.co.uk"],
		"cpe_vendors": ["kaspersky", "kaspersky_lab", "kaspersky_labs"],
		"purls": [
			"pkg:*/com.kaspersky",
			"pkg:*/ru.kaspersky",
			"pkg:npm/@kaspersky",
			"pkg:nuget/kaspersky",
			"pkg:*/github.com/kaspersky",
			"pkg:*/github.com/kasperskylab",
			"pkg:github/kasperskylab",
		],
		"products": ["kaspersky"],
	},
	"covers": {
		"kinds": ["application"],
		"products": {
			"names": [
				"Kaspersky Anti-Virus",
				"Kaspersky Internet Security",
				"Kaspersky Total Security",
				"Kaspersky Endpoint Security",
				"Kaspersky Endpoint Security Cloud",
				"Kaspersky Endpoint Security for Windows",
				"Kaspersky Endpoint Security for Linux",
				"Kaspersky Endpoint Security for Mac",
				"Kaspersky Security Center",
				"Kaspersky Security Center Cloud Console",
				"Kaspersky Hybrid Cloud Security",
				"Kaspersky Small Office Security",
				"Kaspersky Security Cloud",
				"Kaspersky Free",
				"Kaspersky Standard",
				"Kaspersky Plus",
				"Kaspersky Premium",
				"Kaspersky Safe Kids",
				"Kaspersky Security Network",
				"Kaspersky VPN",
				"Kaspersky VPN Secure Connection",
				"Kaspersky Password Manager",
			],
			"app_ids": ["com.kms.free"],
		},
		"only_products": false,
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2023-10-30",
			"summary": "Kaspersky applications removed from government mobile devices; new downloads blocked",
		},
	],
	"scopes": ["ca-gov"],
	"references": [
		"Announcement of 2023-10-30",
		"https://www.newswire.ca/news-releases/minister-anand-announces-a-ban-on-the-use-of-wechat-and-kaspersky-suite-of-applications-on-government-mobile-devices-871206681.html",
		"https://www.livemint.com/technology/tech-news/canada-bans-wechat-kaspersky-applications-on-government-devices-unacceptable-level-of-risk-11698722448916.html",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Government-issued mobile devices only, not the general public. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: Kaspersky applications (the 'Kaspersky suite of applications') and the named products; other Kaspersky components warn.",
}

# Coverage: the WeChat application. Only the app (names WeChat and Weixin, app
# ids com.tencent.mm and com.tencent.xin) and its service are covered; the
# WeChat Open SDK inside another app is outside and warns.
bans contains {
	"id": "ca-wechat-kaspersky-government-devices-2023:wechat",
	"vendor": "WeChat (Tencent)",
	"title": "Canada: WeChat banned on government-issued mobile devices",
	"match": {
		"domains": ["wechat.com"],
		"purls": ["pkg:*/com.tencent.mm"],
		"products": ["WeChat", "weixin"],
	},
	"covers": {
		"kinds": ["application", "service"],
		"products": {
			"names": ["WeChat", "Weixin"],
			"app_ids": ["com.tencent.mm", "com.tencent.xin"],
		},
		"only_products": true,
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2023-10-30",
			"summary": "WeChat removed from government mobile devices; new downloads blocked",
		},
	],
	"scopes": ["ca-gov"],
	"references": [
		"Announcement of 2023-10-30",
		"https://www.newswire.ca/news-releases/minister-anand-announces-a-ban-on-the-use-of-wechat-and-kaspersky-suite-of-applications-on-government-mobile-devices-871206681.html",
		"https://www.livemint.com/technology/tech-news/canada-bans-wechat-kaspersky-applications-on-government-devices-unacceptable-level-of-risk-11698722448916.html",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Only the WeChat application is banned, not its publisher: 'Tencent' is not matched, because Tencent publishes widely used open-source libraries (RapidJSON, MMKV, Tinker) that the ban does not cover. The ban matches wechat.com, the WeChat package namespace com.tencent.mm (app and Open SDK) and the product tokens WeChat and Weixin. Government-issued mobile devices only. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: only the WeChat app (names WeChat and Weixin, Android id com.tencent.mm, iOS id com.tencent.xin) and its service; the WeChat Open SDK (com.tencent.mm.opensdk) inside another app warns.",
}
