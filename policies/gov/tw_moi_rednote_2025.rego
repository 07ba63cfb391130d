# Taiwan: one-year block of RedNote (Xiaohongshu) under the anti-fraud act
# (2025-12-04)
#
# The Ministry of the Interior ordered internet service providers to block
# Xiaohongshu for a year, citing fraud cases and failed cybersecurity tests, and
# urged the public not to download or use it (`tw`, `tw-gov`). The block binds
# the providers, not users, so the ban warns. Press only.
package enforcer.bans

import rego.v1

# Coverage, read from the reports: the ministry blocks "access to Xiaohongshu",
# the app and platform. Only the RedNote app (names RedNote, Xiaohongshu; app
# ids com.xingin.xhs, com.xingin.discover) and its service are covered; other
# components of its publisher warn.
bans contains {
	"id": "tw-moi-rednote-2025",
	"vendor": "RedNote (Xiaohongshu)",
	"title": "Taiwan: Ministry of the Interior one-year block of RedNote (Xiaohongshu) under the Fraud Crime Hazard Prevention Act",
	"match": {
		"organizations": [
			"Xingyin Information Technology (Shanghai) Co., Ltd.",
			"Xingyin Information Technology",
			"Xiaohongshu",
		],
		"domains": ["xiaohongshu.com", "xhscdn.com"],
		"purls": ["pkg:*/com.xingin"],
		"products": ["xiaohongshu", "RedNote"],
	},
	"covers": {
		"kinds": ["application", "service"],
		"products": {
			"names": ["RedNote", "Xiaohongshu", "小红书"],
			"app_ids": ["com.xingin.xhs", "com.xingin.discover"],
		},
		"only_products": true,
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2025-12-04",
			"until": "2026-12-04",
			"summary": "RedNote blocked in Taiwan for one year; the public is urged not to download or use it",
		},
	],
	"scopes": ["tw", "tw-gov"],
	"references": [
		"Ministry of the Interior order of 2025-12-04: one-year block of Xiaohongshu (RedNote) under the Fraud Crime Hazard Prevention Act; internet service providers instructed to block access",
		"https://www.smartlinks.live/gold-price-tracker-alerts/blog/taiwan-bans-chinese-social-media-app-rednote-for-one-year-on-fraud-risks (copy of the CNBC report)",
		"https://www.tcn.tw/news/6767348",
		"https://www.techbuzz.ai/articles/taiwan-blocks-rednote-for-one-year-over-7-9m-fraud-spike",
	],
	"reviewed": "2026-12-03",
	"confidence": "press",
	"notes": "Press only (CNBC, Reuters and Taiwanese outlets); the order was not read. The block started on 2025-12-04 for one year, so the phase ends on 2026-12-04; the Premier said it could be lifted earlier if the operator complies, or made permanent. It binds internet service providers (and asks ad platforms to stop running RedNote ads); the public was urged, not ordered, not to use the app, so findings warn. Coverage: the RedNote app and its service only. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
