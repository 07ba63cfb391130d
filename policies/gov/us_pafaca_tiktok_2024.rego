# US Protecting Americans from Foreign Adversary Controlled Applications Act
# (ByteDance/TikTok)
#
# App stores and internet hosting providers in the US may not distribute,
# maintain or update applications operated by ByteDance or TikTok. The ban took
# effect on 2025-01-19; from 2025-01-20 its enforcement was paused by executive
# orders, and on 2026-01-22 the US TikTok app passed to TikTok USDS Joint
# Venture LLC. Binds everyone under US jurisdiction who distributes or hosts the
# apps. Coverage: applications and websites, never ByteDance's open-source
# libraries.
package enforcer.bans

import rego.v1

# Coverage, read from section 2(g)(3) of the Act: a "foreign adversary
# controlled application" is "a website, desktop application, mobile
# application, or augmented or immersive technology application that is
# operated, directly or indirectly", by ByteDance, TikTok or their subsidiaries.
# Covered: applications and services (websites) of ByteDance, and by name
# TikTok, CapCut and Lemon8, the apps pulled from US stores on 2025-01-19. Not
# covered: libraries, SDKs and other code ByteDance publishes
# (github.com/bytedance such as sonic, a dependency of the gin web framework;
# CloudWeGo): the Act reaches distributing an application, and a library is not
# one, so they are excluded or outside and allowed.
bans contains {
	"id": "us-pafaca-tiktok-2024",
	"vendor": "ByteDance",
	"title": "Protecting Americans from Foreign Adversary Controlled Applications Act (TikTok divest-or-ban) and later executive actions",
	"match": {
		"organizations": [
			"ByteDance Ltd.",
			"ByteDance Limited",
			"ByteDance",
			"TikTok Inc.",
			"TikTok Pte. Ltd.",
			"TikTok",
			"Heliophilia Pte. Ltd.",
		],
		"domains": ["tiktok.com", "bytedance.com", "capcut.com"],
		"purls": [
			"pkg:*/com.bytedance",
			"pkg:npm/@bytedance",
			"pkg:*/github.com/bytedance",
			"pkg:github/bytedance",
			"pkg:*/com.tiktok",
		],
		"products": ["TikTok", "CapCut", "lemon8"],
	},
	"covers": {
		"kinds": ["application", "service"],
		"products": {
			"names": ["TikTok", "TikTok Lite", "CapCut", "Lemon8"],
			"app_ids": [
				"com.zhiliaoapp.musically",
				"com.ss.android.ugc.trill",
				"com.zhiliaoapp.musically.go",
				"com.lemon.lvoverseas",
				"com.bd.nproject",
			],
		},
		"only_products": false,
		"excludes": {
			"purls": [
				"pkg:*/github.com/bytedance",
				"pkg:github/bytedance",
				"pkg:*/github.com/cloudwego",
				"pkg:github/cloudwego",
			],
		},
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2025-01-19",
			"summary": "in force: no distribution, maintenance or updates of ByteDance/TikTok apps by US app stores or hosts",
		},
		{
			"effect": "warn",
			"from": "2025-01-20",
			"summary": "in force, but E.O. 14166 pauses enforcement for 75 days (to 2025-04-05)",
		},
		{
			"effect": "warn",
			"from": "2025-04-04",
			"summary": "in force, but E.O. 14258 extends the pause on enforcement to 2025-06-19",
		},
		{
			"effect": "warn",
			"from": "2025-06-19",
			"summary": "in force, but E.O. 14310 extends the pause on enforcement to 2025-09-17",
		},
		{
			"effect": "warn",
			"from": "2025-09-16",
			"summary": "in force, but E.O. 14350 extends the pause on enforcement to 2025-12-16",
		},
		{
			"effect": "warn",
			"from": "2025-09-25",
			"summary": "a US joint venture is treated as a qualified divestiture; enforcement paused 120 more days",
		},
		{
			"effect": "warn",
			"from": "2026-01-22",
			"summary": "US TikTok app divested to TikTok USDS Joint Venture LLC; other ByteDance apps' status is not settled",
		},
	],
	"scopes": [
		"us",
		"us-federal",
		"us-federal-contractor",
		"us-telecom",
		"us-dod",
		"us-dod-contractor",
		"us-tx-gov",
	],
	"references": [
		"Pub. L. 118-50, div. H (signed 2024-04-24); upheld in TikTok v. Garland (U.S. Supreme Court, 2025-01-17); E.O. 14166 (2025-01-20), E.O. 14258 (2025-04-04), E.O. 14310 (2025-06-19), E.O. 14350 (2025-09-16); E.O. 'Saving TikTok While Protecting National Security' (2025-09-25)",
		"Pub. L. 118-50, div. H",
		"TikTok, Inc. v. Garland, 604 U.S. ___ (2025)",
		"https://en.wikisource.org./wiki/Page:TikTok_v._Garland.pdf/5",
		"https://www.coinlive.com/news/trump-s-executive-order-ensuring-tiktok-s-us-operations-while-taking-national",
		"https://www.thompsonhinesmartrade.com/?p=8623",
		"https://www.macrumors.com/2026/01/23/tiktok-avoids-us-ban-deal-officially-closes/",
		"https://crownewz.com/apple-follows-the-law-tiktok-removal-from-app-store-explained/",
		"https://law.co.il/en/news/2024/04/25/new-us-law-requires-divestment-tiktok",
		"Pub. L. 118-50, div. H, sec. 2(g)(3): 'foreign adversary controlled application' means 'a website, desktop application, mobile application, or augmented or immersive technology application' operated by ByteDance, Ltd., TikTok or their subsidiaries",
		"socialmediatoday.com, article 810318 (the joint venture also covers CapCut and Lemon8 in the US)",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Enactment (2024-04-24) starts the 270-day clock and is not a phase. While enforcement is paused the Act stays in force, so findings warn instead of passing; after the 2026-01-22 closing the US TikTok app is treated as divested, but whether CapCut, Lemon8 and other ByteDance apps moved into the joint venture is not settled in the sources, so findings keep warning. The E.O. numbers come from secondary reproductions of the 2025-09-25 order, whose own number was not confirmed. The app names TikTok Studio, TikTok Shop Seller Center, Hypic, Lark, Gauth and Marvel Snap are not product tokens: 'lark' and 'gauth' name unrelated packages. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: applications and services (the Act's websites and desktop, mobile and immersive applications operated by ByteDance or TikTok), with TikTok, TikTok Lite, CapCut and Lemon8 named and found by their app ids. ByteDance's open-source code (github.com/bytedance, CloudWeGo) is excluded and its other libraries and SDKs (Pangle, the TikTok Open SDK) are outside and allowed: the Act never covered libraries. TikTok says the joint venture also runs CapCut and Lemon8 in the US (socialmediatoday.com, press); other ByteDance apps stay covered.",
}
