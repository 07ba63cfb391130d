# EU institutions: TikTok removed from Commission and Parliament devices (2023)
#
# The Commission suspended TikTok on corporate devices and personal devices
# enrolled in its mobile services (removal by 2023-03-15); the Parliament
# followed for corporate devices (2023-03-20) (`eu-institutions`).
package enforcer.bans

import rego.v1

# Coverage: the Commission's decision suspends "the TikTok application" on
# corporate devices. Only the TikTok app (by name and by its Android and iOS
# ids) and its service are covered; another TikTok component, such as the TikTok
# Open SDK inside a third-party app, is outside and warns.
bans contains {
	"id": "eu-institutions-tiktok-2023",
	"vendor": "TikTok",
	"title": "European Commission (and Parliament) suspension of TikTok on staff devices",
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
			"from": "2023-03-15",
			"summary": "TikTok removed from European Commission staff devices",
		},
		{
			"effect": "deny",
			"from": "2023-03-20",
			"summary": "TikTok removed from European Parliament corporate devices; corporate-network access blocked",
		},
	],
	"scopes": ["eu-institutions"],
	"references": [
		"Commission decision of 2023-02-23; European Parliament decision announced 2023-02-28",
		"https://www.luxtimes.lu/en/european-union/european-commission-blocks-staff-from-using-tiktok-63f76749de135b9236bde61e",
		"https://pledgetimes.com/the-european-parliament-vetoes-the-use-of-tiktok-on-its-official-phones-the-basque-newspaper/",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "The Commission's decision (2023-02-23) is not a phase. Only the TikTok application is covered, not ByteDance's other apps or libraries: the ban matches TikTok's own names, domain and package namespace, not 'ByteDance' (which would flag ByteDance open-source libraries such as github.com/bytedance/sonic). Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: only the TikTok application and service (names TikTok and TikTok Lite, app ids com.zhiliaoapp.musically, com.ss.android.ugc.trill, com.zhiliaoapp.musically.go); other components matched through TikTok's names, domain or namespace (the TikTok Open SDK) warn.",
}
