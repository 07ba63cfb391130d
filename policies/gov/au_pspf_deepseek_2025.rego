# Australia: PSPF Direction 001-2025 on DeepSeek products, applications and web services
#
# Direction signed 2025-02-04: non-corporate Commonwealth entities must
# identify and remove all DeepSeek instances and prevent their access, use or
# installation on all government systems and devices.
package enforcer.bans

import rego.v1

bans contains {
	"id": "au-pspf-deepseek-2025",
	"vendor": "DeepSeek",
	"title": "Australia: PSPF Direction 001-2025 on DeepSeek products, applications and web services",
	"match": {
		"organizations": [
			"Hangzhou DeepSeek Artificial Intelligence Basic Technology Research Co., Ltd.",
			"DeepSeek",
		],
		"domains": ["deepseek.com"],
		"purls": ["pkg:huggingface/deepseek-ai", "pkg:*/github.com/deepseek-ai"],
		"products": ["deepseek"],
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
	"confidence": "confirmed",
	"notes": "The signing (2025-02-04) is not a phase. The legal name was not confirmed. One secondary source says locally hosted open-weight DeepSeek models are outside the ban (unconfirmed); the ban still matches them (deepseek-ai on Hugging Face and GitHub), so use a waiver where that reading is relied on. Exemptions are limited to national security and regulatory functions. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
