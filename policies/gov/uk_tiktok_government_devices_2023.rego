# UK ban on TikTok on government corporate devices (2023-03-16)
#
# Ministerial statement to Parliament: TikTok is banned on government corporate
# devices with immediate effect (`uk-gov`). Personal devices are not covered;
# limited operational exemptions.
package enforcer.bans

import rego.v1

# Coverage: the ministerial statement bans "the TikTok app" on government
# corporate devices. Only the TikTok app (by name and by its Android and iOS
# ids) and its service are covered; another TikTok component, such as the TikTok
# Open SDK inside a third-party app, is outside and warns.
bans contains {
	"id": "uk-tiktok-government-devices-2023",
	"vendor": "TikTok",
	"title": "UK ban on TikTok on government corporate devices",
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
			"from": "2023-03-16",
			"summary": "TikTok banned on government corporate devices",
		},
	],
	"scopes": ["uk-gov"],
	"references": [
		"Ministerial statement to Parliament, 2023-03-16",
		"https://www.tbsnews.net/world/uk-bans-tiktok-government-devices-600866",
		"https://www.pulse.ng/news/world/uk-to-ban-tiktok-on-govt-phones/v6qq6lt",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Limited operational exemptions. Only the TikTok application is covered, not ByteDance's other apps or libraries: the ban matches TikTok's own names, domain and package namespace, not 'ByteDance' (which would flag ByteDance open-source libraries such as github.com/bytedance/sonic). Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: only the TikTok application and service (names TikTok and TikTok Lite, app ids com.zhiliaoapp.musically, com.ss.android.ugc.trill, com.zhiliaoapp.musically.go); other components matched through TikTok's names, domain or namespace (the TikTok Open SDK) warn.",
}
