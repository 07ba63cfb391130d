# Italy: the data-protection authority's urgent order limiting DeepSeek's
# processing of Italian users' data (2025-01-30)
#
# The Garante ordered Hangzhou DeepSeek Artificial Intelligence and Beijing
# DeepSeek Artificial Intelligence, which provide the DeepSeek chatbot service,
# to stop processing the data of Italian users; the app left the Italian stores.
# The order binds the DeepSeek companies; for everyone in Italy (`it`, `it-gov`)
# a DeepSeek service warns. Press quoting the authority.
package enforcer.bans

import rego.v1

# Coverage, read from the authority's statement as quoted: "the restriction of
# the processing of Italian users' data" by "the Chinese companies that provide
# the DeepSeek chatbot service". Covered: the chatbot service and app. Models
# run locally involve no processing by DeepSeek; they are outside and allowed.
bans contains {
	"id": "it-garante-deepseek-2025",
	"vendor": "DeepSeek",
	"title": "Italy: Garante urgent order limiting the processing of Italian users' data by DeepSeek's chatbot service",
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
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2025-01-30",
			"summary": "Garante order: the DeepSeek companies may not process Italian users' data; the chatbot service is blocked in Italy",
		},
	],
	"scopes": ["it", "it-gov"],
	"references": [
		"Garante per la protezione dei dati personali, urgent order of 2025-01-30 limiting the processing of Italian users' data by Hangzhou DeepSeek Artificial Intelligence and Beijing DeepSeek Artificial Intelligence",
		"https://za.lapresse.it/news-za/2025/01/30/ai-privacy-guarantor-blocks-deepseek/amp",
		"https://digitalpolicyalert.org/event/26337-data-protection-authority-blocks-deepseek-and-opens-investigation-into-the-companys-data-processing-practices",
	],
	"reviewed": "2026-12-03",
	"confidence": "press",
	"notes": "Press quoting the authority's statement (LaPresse); the order itself was not read. It binds the two DeepSeek companies, which must not process Italian users' data; a product that sends Italian users' data to DeepSeek's service relies on processing the order forbids, so a DeepSeek service or app warns for everyone in Italy. Coverage: the DeepSeek chatbot service and app; open-weight models run locally are processed by whoever runs them, not by DeepSeek, and are allowed. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
