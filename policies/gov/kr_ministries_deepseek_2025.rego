# South Korea: ministries and the police block DeepSeek on work computers
# (2025-02-06)
#
# After the interior ministry urged caution with generative AI (2025-02-04) and
# DeepSeek did not answer the data-protection commission, the foreign, trade,
# defence, finance, environment and science ministries and the National Police
# Agency blocked DeepSeek on their computers (`kr-gov`). Each ministry acted for
# itself, so the ban warns. Press only.
package enforcer.bans

import rego.v1

# Coverage, read from the reports: ministries block "access to DeepSeek" (the
# service and its app) on work computers. Covered: DeepSeek applications and
# services. Open-weight models warn.
bans contains {
	"id": "kr-ministries-deepseek-2025",
	"vendor": "DeepSeek",
	"title": "South Korea: ministries and police block DeepSeek on work computers",
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
			"effect": "warn",
			"from": "2025-02-06",
			"summary": "ministries and the police block DeepSeek on work computers; the government urges caution",
		},
	],
	"scopes": ["kr-gov"],
	"references": [
		"Blocks of DeepSeek by South Korean ministries (foreign affairs and trade from 2025-02-05; defence, finance, environment, science and the National Police Agency by 2025-02-06), after the interior ministry's letter of 2025-02-04 urging caution with generative AI services",
		"https://www.trtworld.com/article/18262004",
		"https://trt.global/world/article/9c7a06a10f7c",
		"https://www.lokmattimes.com/international/south-korean-foreign-trade-ministries-block-access-to-deepseek-2/amp/",
	],
	"reviewed": "2026-12-03",
	"confidence": "press",
	"notes": "Press only (AFP, Reuters, Yonhap); no government-wide instrument was found: each ministry blocked DeepSeek on its own computers after the interior ministry's letter urging caution, so the ban warns for Korean public bodies rather than denying. The data-protection commission suspended new downloads of the app in Korea from 2025-02-15 (reported resumed in late April 2025, not confirmed); that suspension bound the app stores and DeepSeek, not users, and is not a phase. Coverage: DeepSeek applications and services. Open-weight models (deepseek-ai on Hugging Face and GitHub) run locally are not the app or service the measure names; they are outside and warn.",
}
