# Australia: PSPF Direction 001-2023 on TikTok (2023-04-04)
#
# Non-corporate Commonwealth entities must prevent the installation of TikTok on
# government-issued devices and remove existing instances (`au-gov`).
package enforcer.bans

import rego.v1

# Coverage: the direction concerns "the TikTok application" on government-issued
# devices. Only the TikTok app (by name and by its Android and iOS ids) and its
# service are covered; another TikTok component, such as the TikTok Open SDK
# inside a third-party app, is outside and warns.
bans contains {
	"id": "au-pspf-tiktok-2023",
	"vendor": "TikTok",
	"title": "Australia: PSPF Direction 001-2023 on the TikTok application",
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
			"from": "2023-04-04",
			"summary": "TikTok may not be installed on government devices and existing instances are removed",
		},
	],
	"scopes": ["au-gov"],
	"references": [
		"Protective Security Policy Framework Direction 001-2023",
		"https://protectivesecurity.gov.au/publications-library/directions",
		"https://jurist.org/news/2023/04/australia-bans-tiktok-on-government-devices",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Exemptions case by case, with mitigations. Only the TikTok application is covered, not ByteDance's other apps or libraries: the ban matches TikTok's own names, domain and package namespace, not 'ByteDance' (which would flag ByteDance open-source libraries such as github.com/bytedance/sonic). Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: only the TikTok application and service (names TikTok and TikTok Lite, app ids com.zhiliaoapp.musically, com.ss.android.ugc.trill, com.zhiliaoapp.musically.go); other components matched through TikTok's names, domain or namespace (the TikTok Open SDK) warn.",
}
