# Canada: WeChat and Kaspersky applications banned on government-issued mobile devices
#
# From 2023-10-30 WeChat and the Kaspersky suite of applications are removed
# from Government of Canada mobile devices and new downloads are blocked.
package enforcer.bans

import rego.v1

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
		],
		"products": ["kaspersky"],
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
	"confidence": "confirmed",
	"notes": "Government-issued mobile devices only, not the general public. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}

bans contains {
	"id": "ca-wechat-kaspersky-government-devices-2023:wechat",
	"vendor": "WeChat (Tencent)",
	"title": "Canada: WeChat banned on government-issued mobile devices",
	"match": {
		"domains": ["wechat.com"],
		"purls": ["pkg:*/com.tencent.mm"],
		"products": ["wechat", "weixin"],
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
	"confidence": "confirmed",
	"notes": "Only the WeChat application is banned, not its publisher: 'Tencent' is not matched, because Tencent publishes widely used open-source libraries (RapidJSON, MMKV, Tinker) that the ban does not cover. The ban matches wechat.com, the WeChat package namespace com.tencent.mm (app and Open SDK) and the product names WeChat and Weixin, which warn on their own. Government-issued mobile devices only. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
