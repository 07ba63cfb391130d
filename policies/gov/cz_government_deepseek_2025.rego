# Czech Republic: government resolution banning DeepSeek in public
# administration (2025-07-09)
#
# After a NÚKIB warning rating the threat 'high', the government banned the use
# of "products, applications, solutions or web services" offered by DeepSeek in
# public administration (`cz-gov`). Press only.
package enforcer.bans

import rego.v1

# Coverage, read from the Prime Minister's words as reported: "all products,
# applications, solutions, web services provided by the company DeepSeek". Every
# kind is covered, open-weight models included: they are products DeepSeek
# offers.
bans contains {
	"id": "cz-government-deepseek-2025",
	"vendor": "DeepSeek",
	"title": "Czech Republic: government ban on DeepSeek products, applications, solutions and web services in public administration",
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
		"kinds": ["*"],
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
			"from": "2025-07-09",
			"summary": "DeepSeek products, applications, solutions and web services may not be used in public administration",
		},
	],
	"scopes": ["cz-gov"],
	"references": [
		"Czech government resolution of 2025-07-09 banning the use of DeepSeek products, applications, solutions and web services in public administration, following the NÚKIB warning (press release of 2025-07-10)",
		"https://www.intellinews.com/czech-government-bans-deepseek-in-public-administration-warning-the-ai-company-products-pose-high-threat-390464/",
		"https://www.ksat.com/tech/2025/07/09/the-czech-republic-bans-deepseek-in-state-administration-over-cybersecurity-concerns/",
		"https://www.irozhlas.cz/zpravy-domov/statni-sprava-nesmi-pouzivat-umelou-inteligenci-deepseek-vlade-doporucil_2507091537_job",
	],
	"reviewed": "2026-12-03",
	"confidence": "press",
	"notes": "Press only (Czech Television and AP quoting the Prime Minister; NÚKIB's press release of 2025-07-10); the resolution's text was not read. Coverage: every kind of DeepSeek component, the open-weight models included, since the resolution names all products, applications, solutions and web services the company offers. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
