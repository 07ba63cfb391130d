# UK ban on TikTok on government corporate devices
#
# TikTok is banned on government corporate devices with immediate effect from
# the ministerial statement of 2023-03-16; personal devices are not covered.
package enforcer.bans

import rego.v1

bans contains {
	"id": "uk-tiktok-government-devices-2023",
	"vendor": "TikTok",
	"title": "UK ban on TikTok on government corporate devices",
	"match": {
		"organizations": ["TikTok Inc.", "TikTok Pte. Ltd.", "TikTok"],
		"domains": ["tiktok.com"],
		"purls": ["pkg:*/com.tiktok"],
		"products": ["tiktok"],
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2023-03-16",
			"summary": "TikTok banned on government corporate devices",
		},
	],
	"scopes": ["uk-gov"],
	"references": [
		"Ministerial statement to Parliament, 2023-03-16",
		"https://www.tbsnews.net/world/uk-bans-tiktok-government-devices-600866",
		"https://www.pulse.ng/news/world/uk-to-ban-tiktok-on-govt-phones/v6qq6lt",
	],
	"confidence": "confirmed",
	"notes": "Limited operational exemptions. Only the TikTok application is covered, not ByteDance's other apps or libraries: the ban matches TikTok's own names, domain and package namespace, not 'ByteDance' (which would flag ByteDance open-source libraries such as github.com/bytedance/sonic). Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
