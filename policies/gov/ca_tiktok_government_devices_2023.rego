# Canada: TikTok banned on government-issued mobile devices
#
# From 2023-02-28 TikTok is removed from government-issued mobile devices and
# new downloads are blocked.
package enforcer.bans

import rego.v1

bans contains {
	"id": "ca-tiktok-government-devices-2023",
	"vendor": "TikTok",
	"title": "Canada: TikTok banned on government-issued mobile devices",
	"match": {
		"organizations": ["TikTok Inc.", "TikTok Pte. Ltd.", "TikTok"],
		"domains": ["tiktok.com"],
		"purls": ["pkg:*/com.tiktok"],
		"products": ["tiktok"],
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
	"confidence": "confirmed",
	"notes": "Only the TikTok application is covered, not ByteDance's other apps or libraries: the ban matches TikTok's own names, domain and package namespace, not 'ByteDance' (which would flag ByteDance open-source libraries such as github.com/bytedance/sonic). Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
