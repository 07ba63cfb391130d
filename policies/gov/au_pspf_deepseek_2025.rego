# Australia: PSPF Direction 001-2025 on DeepSeek products, applications and web
# services
#
# Direction signed 2025-02-04: non-corporate Commonwealth entities must identify
# and remove all DeepSeek instances and prevent their access, use or
# installation on all government systems and devices (`au-gov`).
package enforcer.bans

import rego.v1

# Coverage, read from the direction: "DeepSeek products, applications and web
# services". Covered: DeepSeek applications and services (the chatbot app, the
# web chat, the API) and the app by name and id. Locally run open-weight models
# are disputed: one secondary source says they are outside. They are outside
# here and warn, so that each use is looked at rather than denied or waved
# through.
bans contains {
	"id": "au-pspf-deepseek-2025",
	"vendor": "DeepSeek",
	"title": "Australia: PSPF Direction 001-2025 on DeepSeek products, applications and web services",
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
			"from": "2025-02-05",
			"summary": "DeepSeek products, applications and web services removed and blocked on government systems and devices",
		},
	],
	"scopes": ["au-gov"],
	"references": [
		"Protective Security Policy Framework Direction 001-2025, signed 2025-02-04",
		"https://australiancybersecuritymagazine.com.au/?p=23096",
		"https://nzherald.co.nz/world/australia-bans-deepseek-ai-program-on-govt-devices/FGCP4BMUQJGRTJ3ZEIWU3RYKUA",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "The signing (2025-02-04) is not a phase. The legal name was not confirmed. Exemptions are limited to national security and regulatory functions. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: DeepSeek applications and web services (the chatbot app by name and id com.deepseek.chat, the web chat, the API). Whether locally run open-weight models are 'DeepSeek products' is disputed: the direction's words could reach them, and one secondary source says they are outside the ban (unconfirmed). Chosen: models (deepseek-ai on Hugging Face and GitHub) are outside the coverage and warn, because running weights locally sends nothing to DeepSeek, which is the risk the direction names, while the text does not clearly exclude them.",
}
