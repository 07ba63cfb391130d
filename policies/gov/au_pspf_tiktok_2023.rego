# Australia: PSPF Direction 001-2023 on the TikTok application
#
# Non-corporate Commonwealth entities must prevent the installation of TikTok
# on government devices and remove it as soon as practicable (2023-04-04).
package enforcer.bans

import rego.v1

bans contains {
	"id": "au-pspf-tiktok-2023",
	"vendor": "TikTok",
	"title": "Australia: PSPF Direction 001-2023 on the TikTok application",
	"match": {
		"organizations": ["TikTok Inc.", "TikTok Pte. Ltd.", "TikTok"],
		"domains": ["tiktok.com"],
		"purls": ["pkg:*/com.tiktok"],
		"products": ["tiktok"],
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2023-04-04",
			"summary": "TikTok may not be installed on government devices and existing instances are removed",
		},
	],
	"scopes": ["au-gov"],
	"references": [
		"Protective Security Policy Framework Direction 001-2023",
		"https://protectivesecurity.gov.au/publications-library/directions",
		"https://jurist.org/news/2023/04/australia-bans-tiktok-on-government-devices",
	],
	"confidence": "confirmed",
	"notes": "Exemptions case by case, with mitigations. Only the TikTok application is covered, not ByteDance's other apps or libraries: the ban matches TikTok's own names, domain and package namespace, not 'ByteDance' (which would flag ByteDance open-source libraries such as github.com/bytedance/sonic). Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
