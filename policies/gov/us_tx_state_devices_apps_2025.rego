# Texas: the Governor's order of 2025-01-31 banning DeepSeek, RedNote, Lemon8,
# Moomoo, Tiger Brokers and Webull on state-issued devices
#
# State agencies and employees may not download or use these apps on state-
# issued devices, and they join the state's prohibited technologies list. Binds
# Texas state agencies (`us-tx-gov`). Press only; the order's text was not read.
package enforcer.bans

import rego.v1

# Coverage, read from the press reports of the order: state agencies must ban
# "Chinese government-based AI and social media apps" from state-issued devices,
# naming DeepSeek, RedNote, Lemon8, Moomoo, Tiger Brokers and Webull. Here
# DeepSeek's applications and services (the chatbot app, the web chat and the
# API) are covered; DeepSeek's open-weight models are not the app the order
# names and warn.
bans contains {
	"id": "us-tx-state-devices-apps-2025:deepseek",
	"vendor": "DeepSeek",
	"title": "Texas Governor's order of 2025-01-31: DeepSeek banned on state-issued devices",
	"match": {
		"organizations": [
			"Hangzhou DeepSeek Artificial Intelligence Basic Technology Research Co., Ltd.",
			"Hangzhou DeepSeek Artificial Intelligence",
			"Beijing DeepSeek Artificial Intelligence",
			"DeepSeek",
		],
		"domains": ["deepseek.com"],
		"purls": ["pkg:huggingface/deepseek-ai", "pkg:*/github.com/deepseek-ai", "pkg:github/deepseek-ai"],
		"products": ["DeepSeek"],
	},
	"covers": {
		"kinds": ["application", "service"],
		"products": {
			"names": ["DeepSeek", "DeepSeek - AI Assistant"],
			"app_ids": ["com.deepseek.chat"],
		},
		"only_products": false,
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2025-01-31",
			"summary": "DeepSeek may not be downloaded or used on state-issued devices; on the prohibited technologies list",
		},
	],
	"scopes": ["us-tx-gov"],
	"references": [
		"Texas Governor's directive of 2025-01-31 to state agencies banning Chinese government-based AI and social media apps on state-issued devices, and its additions to the Texas prohibited technologies list (Department of Public Safety and Department of Information Resources)",
		"https://statescoop.com/texas-bans-deepseek-rednote-government-devices",
		"nbcdfw.com, article 3756714",
		"https://www.kxxv.com/news/texas-news/gov-abbott-bans-the-use-of-ai-apps-affiliated-with-chinese-government-on-texas-state-issued-devices",
	],
	"reviewed": "2026-12-03",
	"confidence": "press",
	"notes": "Press only: the order's text was not read. Reports give 2025-01-31 (the Governor's statement); one outlet dates the order 2025-01-29. The prohibited technologies list also bars state contractors from these apps on devices used for state work; contractors are not a separate scope. Coverage: DeepSeek's applications and services (the chatbot app, the web chat and the API) are covered; DeepSeek's open-weight models are not the app the order names and warn.",
}

# Coverage, read from the press reports of the order: state agencies must ban
# "Chinese government-based AI and social media apps" from state-issued devices,
# naming DeepSeek, RedNote, Lemon8, Moomoo, Tiger Brokers and Webull. Here only
# the RedNote (Xiaohongshu) app and its service are covered (by name and app id
# where known); the vendor's other components warn.
bans contains {
	"id": "us-tx-state-devices-apps-2025:rednote",
	"vendor": "RedNote (Xiaohongshu)",
	"title": "Texas Governor's order of 2025-01-31: RedNote (Xiaohongshu) banned on state-issued devices",
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
			"effect": "deny",
			"from": "2025-01-31",
			"summary": "RedNote (Xiaohongshu) may not be downloaded or used on state-issued devices; on the prohibited technologies list",
		},
	],
	"scopes": ["us-tx-gov"],
	"references": [
		"Texas Governor's directive of 2025-01-31 to state agencies banning Chinese government-based AI and social media apps on state-issued devices, and its additions to the Texas prohibited technologies list (Department of Public Safety and Department of Information Resources)",
		"https://statescoop.com/texas-bans-deepseek-rednote-government-devices",
		"nbcdfw.com, article 3756714",
		"https://www.kxxv.com/news/texas-news/gov-abbott-bans-the-use-of-ai-apps-affiliated-with-chinese-government-on-texas-state-issued-devices",
	],
	"reviewed": "2026-12-03",
	"confidence": "press",
	"notes": "Press only: the order's text was not read. Reports give 2025-01-31 (the Governor's statement); one outlet dates the order 2025-01-29. The prohibited technologies list also bars state contractors from these apps on devices used for state work; contractors are not a separate scope. Coverage: only the RedNote (Xiaohongshu) app and its service are covered (by name and app id where known); the vendor's other components warn.",
}

# Coverage, read from the press reports of the order: state agencies must ban
# "Chinese government-based AI and social media apps" from state-issued devices,
# naming DeepSeek, RedNote, Lemon8, Moomoo, Tiger Brokers and Webull. Here only
# the Lemon8 app and its service are covered (by name and app id where known);
# the vendor's other components warn.
bans contains {
	"id": "us-tx-state-devices-apps-2025:lemon8",
	"vendor": "ByteDance",
	"title": "Texas Governor's order of 2025-01-31: Lemon8 banned on state-issued devices",
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
			"names": ["Lemon8"],
			"app_ids": ["com.bd.nproject"],
		},
		"only_products": true,
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
			"from": "2025-01-31",
			"summary": "Lemon8 may not be downloaded or used on state-issued devices; on the prohibited technologies list",
		},
	],
	"scopes": ["us-tx-gov"],
	"references": [
		"Texas Governor's directive of 2025-01-31 to state agencies banning Chinese government-based AI and social media apps on state-issued devices, and its additions to the Texas prohibited technologies list (Department of Public Safety and Department of Information Resources)",
		"https://statescoop.com/texas-bans-deepseek-rednote-government-devices",
		"nbcdfw.com, article 3756714",
		"https://www.kxxv.com/news/texas-news/gov-abbott-bans-the-use-of-ai-apps-affiliated-with-chinese-government-on-texas-state-issued-devices",
	],
	"reviewed": "2026-12-03",
	"confidence": "press",
	"notes": "Press only: the order's text was not read. Reports give 2025-01-31 (the Governor's statement); one outlet dates the order 2025-01-29. The prohibited technologies list also bars state contractors from these apps on devices used for state work; contractors are not a separate scope. Coverage: only the Lemon8 app and its service are covered (by name and app id where known); the vendor's other components warn. The ban matches ByteDance the way the TikTok Act does and covers only Lemon8 (owned through Heliophilia Pte. Ltd., its app-store publisher); ByteDance's open-source code is excluded and its other components are allowed, since the order concerns apps on state devices and ByteDance's other apps are not named.",
}

# Coverage, read from the press reports of the order: state agencies must ban
# "Chinese government-based AI and social media apps" from state-issued devices,
# naming DeepSeek, RedNote, Lemon8, Moomoo, Tiger Brokers and Webull. Here only
# the Moomoo app and its service are covered (by name and app id where known);
# the vendor's other components warn.
bans contains {
	"id": "us-tx-state-devices-apps-2025:moomoo",
	"vendor": "Moomoo (Futu)",
	"title": "Texas Governor's order of 2025-01-31: Moomoo banned on state-issued devices",
	"match": {
		"organizations": ["Futu Holdings Limited", "Moomoo Technologies Inc.", "Moomoo"],
		"domains": ["moomoo.com", "futunn.com"],
		"purls": ["pkg:pypi/futu-api", "pkg:pypi/moomoo-api"],
		"products": ["moomoo"],
	},
	"covers": {
		"kinds": ["application", "service"],
		"products": {
			"names": ["Moomoo"],
		},
		"only_products": true,
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2025-01-31",
			"summary": "Moomoo may not be downloaded or used on state-issued devices; on the prohibited technologies list",
		},
	],
	"scopes": ["us-tx-gov"],
	"references": [
		"Texas Governor's directive of 2025-01-31 to state agencies banning Chinese government-based AI and social media apps on state-issued devices, and its additions to the Texas prohibited technologies list (Department of Public Safety and Department of Information Resources)",
		"https://statescoop.com/texas-bans-deepseek-rednote-government-devices",
		"nbcdfw.com, article 3756714",
		"https://www.kxxv.com/news/texas-news/gov-abbott-bans-the-use-of-ai-apps-affiliated-with-chinese-government-on-texas-state-issued-devices",
	],
	"reviewed": "2026-12-03",
	"confidence": "press",
	"notes": "Press only: the order's text was not read. Reports give 2025-01-31 (the Governor's statement); one outlet dates the order 2025-01-29. The prohibited technologies list also bars state contractors from these apps on devices used for state work; contractors are not a separate scope. Coverage: only the Moomoo app and its service are covered (by name and app id where known); the vendor's other components warn.",
}

# Coverage, read from the press reports of the order: state agencies must ban
# "Chinese government-based AI and social media apps" from state-issued devices,
# naming DeepSeek, RedNote, Lemon8, Moomoo, Tiger Brokers and Webull. Here only
# the Tiger Brokers app and its service are covered (by name and app id where
# known); the vendor's other components warn.
bans contains {
	"id": "us-tx-state-devices-apps-2025:tiger-brokers",
	"vendor": "Tiger Brokers (UP Fintech)",
	"title": "Texas Governor's order of 2025-01-31: Tiger Brokers banned on state-issued devices",
	"match": {
		"organizations": ["UP Fintech Holding Limited", "Tiger Brokers"],
		"domains": ["tigerbrokers.com", "itiger.com"],
		"purls": ["pkg:pypi/tigeropen", "pkg:*/github.com/tigerfintech", "pkg:github/tigerfintech"],
		"products": ["tiger brokers"],
	},
	"covers": {
		"kinds": ["application", "service"],
		"products": {
			"names": ["Tiger Brokers", "Tiger Trade"],
		},
		"only_products": true,
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2025-01-31",
			"summary": "Tiger Brokers may not be downloaded or used on state-issued devices; on the prohibited technologies list",
		},
	],
	"scopes": ["us-tx-gov"],
	"references": [
		"Texas Governor's directive of 2025-01-31 to state agencies banning Chinese government-based AI and social media apps on state-issued devices, and its additions to the Texas prohibited technologies list (Department of Public Safety and Department of Information Resources)",
		"https://statescoop.com/texas-bans-deepseek-rednote-government-devices",
		"nbcdfw.com, article 3756714",
		"https://www.kxxv.com/news/texas-news/gov-abbott-bans-the-use-of-ai-apps-affiliated-with-chinese-government-on-texas-state-issued-devices",
	],
	"reviewed": "2026-12-03",
	"confidence": "press",
	"notes": "Press only: the order's text was not read. Reports give 2025-01-31 (the Governor's statement); one outlet dates the order 2025-01-29. The prohibited technologies list also bars state contractors from these apps on devices used for state work; contractors are not a separate scope. Coverage: only the Tiger Brokers app and its service are covered (by name and app id where known); the vendor's other components warn.",
}

# Coverage, read from the press reports of the order: state agencies must ban
# "Chinese government-based AI and social media apps" from state-issued devices,
# naming DeepSeek, RedNote, Lemon8, Moomoo, Tiger Brokers and Webull. Here only
# the Webull app and its service are covered (by name and app id where known);
# the vendor's other components warn.
bans contains {
	"id": "us-tx-state-devices-apps-2025:webull",
	"vendor": "Webull",
	"title": "Texas Governor's order of 2025-01-31: Webull banned on state-issued devices",
	"match": {
		"organizations": ["Webull Corporation", "Webull Financial LLC", "Webull"],
		"domains": ["webull.com"],
		"products": ["webull"],
	},
	"covers": {
		"kinds": ["application", "service"],
		"products": {
			"names": ["Webull"],
		},
		"only_products": true,
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2025-01-31",
			"summary": "Webull may not be downloaded or used on state-issued devices; on the prohibited technologies list",
		},
	],
	"scopes": ["us-tx-gov"],
	"references": [
		"Texas Governor's directive of 2025-01-31 to state agencies banning Chinese government-based AI and social media apps on state-issued devices, and its additions to the Texas prohibited technologies list (Department of Public Safety and Department of Information Resources)",
		"https://statescoop.com/texas-bans-deepseek-rednote-government-devices",
		"nbcdfw.com, article 3756714",
		"https://www.kxxv.com/news/texas-news/gov-abbott-bans-the-use-of-ai-apps-affiliated-with-chinese-government-on-texas-state-issued-devices",
	],
	"reviewed": "2026-12-03",
	"confidence": "press",
	"notes": "Press only: the order's text was not read. Reports give 2025-01-31 (the Governor's statement); one outlet dates the order 2025-01-29. The prohibited technologies list also bars state contractors from these apps on devices used for state work; contractors are not a separate scope. Coverage: only the Webull app and its service are covered (by name and app id where known); the vendor's other components warn.",
}
