# Canada: TikTok removed from government mobile devices (2023-02-28)
#
# The Chief Information Officer of Canada removed TikTok from government-issued
# mobile devices and blocked new downloads (`ca-gov`).
package enforcer.bans

import rego.v1

# Coverage: the announcement removes "the TikTok application" from government-
# issued mobile devices. Only the TikTok app (by name and by its Android and iOS
# ids) and its service are covered; another TikTok component, such as the TikTok
# Open SDK inside a third-party app, is outside and warns.
bans contains {
	"id": "ca-tiktok-government-devices-2023",
	"vendor": "TikTok",
	"title": "Canada: TikTok banned on government-issued mobile devices",
	"match": {
		"organizations": ["TikTok Inc.", "TikTok Pte. Ltd.", "TikTok"],
		"domains": ["tiktok.com"],
		"purls": ["pkg:*/com.tiktok"],
		"products": ["TikTok"],
	},
	"covers": {
		"kinds": ["application", "service"],
		"products": {
			"names": ["TikTok", "TikTok Lite"],
			"app_ids": ["com.zhiliaoapp.musically", "com.ss.android.ugc.trill", "com.zhiliaoapp.musically.go"],
		},
		"only_products": true,
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2023-02-28",
			"summary": "TikTok removed from government mobile devices; new downloads blocked",
		},
	],
	"scopes": ["ca-gov"],
	"references": [
		"Announcement effective 2023-02-28",
		"https://ecasnews.com/?p=6468",
		"https://www.breakinglatest.news/world/tiktok-removed-from-government-devices-in-the-us-and-canada/",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Only the TikTok application is covered, not ByteDance's other apps or libraries: the ban matches TikTok's own names, domain and package namespace, not 'ByteDance' (which would flag ByteDance open-source libraries such as github.com/bytedance/sonic). Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: only the TikTok application and service (names TikTok and TikTok Lite, app ids com.zhiliaoapp.musically, com.ss.android.ugc.trill, com.zhiliaoapp.musically.go); other components matched through TikTok's names, domain or namespace (the TikTok Open SDK) warn.",
}
