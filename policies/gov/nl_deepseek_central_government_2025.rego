# Netherlands: central-government staff barred from DeepSeek (2025-02-06)
#
# The State Secretary for Digitalisation barred civil servants from using the
# DeepSeek app for their work, under the central-government app policy of
# 2023-03-21 (`nl-gov`). Local authorities may follow for their staff. Press
# only.
package enforcer.bans

import rego.v1

# Coverage, read from the reports: civil servants are banned from "the Chinese
# AI app DeepSeek", "an app that is sensitive to espionage". Covered: DeepSeek
# applications and services. Open-weight models are not the app and warn.
bans contains {
	"id": "nl-deepseek-central-government-2025",
	"vendor": "DeepSeek",
	"title": "Netherlands: central-government staff may not use DeepSeek on government devices",
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
			"from": "2025-02-06",
			"summary": "civil servants may not use DeepSeek for their work or on government devices",
		},
	],
	"scopes": ["nl-gov"],
	"references": [
		"Announcement by the State Secretary for Digitalisation (Zsolt Szabó), 2025-02-06, applying the central-government policy on apps of 2023-03-21",
		"https://nltimes.nl/node/78220",
		"tweakers.net, nieuws 231566",
		"https://dutchnews.nl/2025/02/deepseek-banned-from-civil-servants-computers-over-spy-concerns",
	],
	"reviewed": "2026-12-03",
	"confidence": "press",
	"notes": "Press only (NOS, NL Times, DutchNews); the decision's text was not read. Central government only; provinces and municipalities may apply the same rule to their staff. Coverage: DeepSeek applications and services. Open-weight models (deepseek-ai on Hugging Face and GitHub) run locally are not the app or service the measure names; they are outside and warn.",
}
