# US No TikTok on Government Devices Act (Pub. L. 117-328, div. R) and OMB
# M-23-13
#
# Executive agencies must remove TikTok from their IT and block it (30 days
# after the memo), stop contract terms that require it (90 days) and put the
# prohibition clause in new contracts (120 days). Binds agencies and their
# contractors, the Department of Defense and its contractors included. Coverage:
# the TikTok application and service only.
package enforcer.bans

import rego.v1

# Coverage, read from section 102 of the Act: "covered application" means "the
# social networking service TikTok or any successor application or service
# developed or provided by ByteDance Limited or an entity owned by ByteDance
# Limited". Only the TikTok app and service are covered (by name and by its
# Android and iOS ids); another TikTok component, such as the TikTok Open SDK in
# a third-party app, is outside and warns.
bans contains {
	"id": "us-no-tiktok-on-government-devices-act",
	"vendor": "TikTok",
	"title": "No TikTok on Government Devices Act and OMB memorandum M-23-13",
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
			"from": "2023-03-29",
			"summary": "agencies must have removed TikTok from their IT and blocked its installation and network traffic",
		},
		{
			"effect": "deny",
			"from": "2023-05-28",
			"summary": "no new contract terms requiring TikTok, and no use of contracts that do",
		},
		{
			"effect": "deny",
			"from": "2023-06-27",
			"summary": "the TikTok prohibition clause is in all new solicitations and contracts",
		},
	],
	"scopes": ["us-federal", "us-federal-contractor", "us-dod", "us-dod-contractor"],
	"references": [
		"Consolidated Appropriations Act, 2023, Pub. L. 117-328, div. R, secs. 101-102; OMB M-23-13 'No TikTok on Government Devices Implementation Guidance' (2023-02-27)",
		"Pub. L. 117-328, div. R, secs. 101-102",
		"OMB M-23-13 (Feb. 27, 2023)",
		"https://scribd.com/document/628516042/No-TikTok-on-Government-Devices-Implementation-Guidance",
		"https://www.fedsmith.com/2023/02/28/federal-agencies-have-30-days-to-eliminate-tiktok-from-government-devices/",
		"https://executivegov.com/2023/02/omb-memo-requires-agencies-to-remove-tiktok-from-federal-devices/",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Signing (2022-12-29, not read directly) and the memo (2023-02-27) are not phases; the 30/90/120-day dates are computed from the memo date. Exceptions only for law enforcement, national security and security research, approved by the agency head. Only the TikTok application is covered, not ByteDance's other apps or libraries: the ban matches TikTok's own names, domain and package namespace, not 'ByteDance' (which would flag ByteDance open-source libraries such as github.com/bytedance/sonic). Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: only the TikTok application and service (names TikTok and TikTok Lite, app ids com.zhiliaoapp.musically, com.ss.android.ugc.trill, com.zhiliaoapp.musically.go); other components matched through TikTok's names, domain or namespace (the TikTok Open SDK) warn. Whether the US TikTok app run by TikTok USDS Joint Venture LLC since 2026-01-22 is still a 'successor application developed or provided by ByteDance' is not settled in the sources read; the ban keeps covering it.",
}
