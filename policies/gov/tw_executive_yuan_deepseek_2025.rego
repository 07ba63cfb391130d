# Taiwan: DeepSeek banned in the public sector (Ministry of Digital Affairs
# notice of 2025-01-31; Executive Yuan ban of 2025-02-03)
#
# Central and local agencies, public schools, state-owned enterprises,
# government-funded foundations and critical-infrastructure staff may not use
# DeepSeek's AI service, under the 2019 Executive Yuan principles restricting
# ICT products that endanger national cyber security (`tw-gov`). Press only.
package enforcer.bans

import rego.v1

# Coverage, read from the ministry's words as reported: "DeepSeek AI service is
# a Chinese product" whose operation "involves cross-border transmission and
# information leakage". Covered: DeepSeek applications and services. Open-weight
# models run locally send nothing across the border; they are outside and warn.
bans contains {
	"id": "tw-executive-yuan-deepseek-2025",
	"vendor": "DeepSeek",
	"title": "Taiwan: public-sector ban on DeepSeek's AI service (Executive Yuan, Ministry of Digital Affairs)",
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
			"from": "2025-01-31",
			"summary": "Ministry of Digital Affairs: government bodies should not use DeepSeek's AI service",
		},
		{
			"effect": "deny",
			"from": "2025-02-03",
			"summary": "Executive Yuan: DeepSeek banned in all government agencies, public schools, state-owned enterprises and critical infrastructure",
		},
	],
	"scopes": ["tw-gov"],
	"references": [
		"Executive Yuan decision announced by Premier Cho Jung-tai on 2025-02-03; Ministry of Digital Affairs notice of 2025-01-31 under the Executive Yuan's 2019 principles on restricting products that endanger national cyber security",
		"https://www.devdiscourse.com/article/technology/3250426-taiwan-bans-deepseek-ai-over-security-concerns",
		"https://tass.com/society/1907131",
		"https://indiannewsnetwork.net/news/taiwan-bans-government-employees-from-using-deepseek-over-security-concerns20250131222705",
	],
	"reviewed": "2026-12-03",
	"confidence": "press",
	"notes": "Press only (Reuters, Focus Taiwan and others); neither notice was read. The ministry's notice of 2025-01-31 said government bodies should not use DeepSeek and did not say it was banned, so it warns; the Premier's ban of 2025-02-03 denies. The ban reaches central and local government, public schools, state-owned enterprises, government-funded foundations and staff of critical infrastructure. Coverage: DeepSeek applications and services. Open-weight models (deepseek-ai on Hugging Face and GitHub) run locally are not the app or service the measure names; they are outside and warn.",
}
