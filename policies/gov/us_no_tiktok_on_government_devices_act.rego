# US No TikTok on Government Devices Act and OMB M-23-13
#
# Executive agencies must remove TikTok from their IT (including contractor IT
# that a contract requires) within 30 days of OMB M-23-13 (2023-03-29), drop
# contract terms requiring it within 90 days (2023-05-28) and put the
# prohibition clause in all new solicitations and contracts within 120 days
# (2023-06-27).
package enforcer.bans

import rego.v1

bans contains {
	"id": "us-no-tiktok-on-government-devices-act",
	"vendor": "TikTok",
	"title": "No TikTok on Government Devices Act and OMB memorandum M-23-13",
	"match": {
		"organizations": ["TikTok Inc.", "TikTok Pte. Ltd.", "TikTok"],
		"domains": ["tiktok.com"],
		"purls": ["pkg:*/com.tiktok"],
		"products": ["tiktok"],
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2023-03-29",
			"summary": "agencies must have removed TikTok from their IT and blocked its installation and network traffic",
		},
		{
			"effect": "deny",
			"from": "2023-05-28",
			"summary": "no new contract terms requiring TikTok, and no use of contracts that do",
		},
		{
			"effect": "deny",
			"from": "2023-06-27",
			"summary": "the TikTok prohibition clause is in all new solicitations and contracts",
		},
	],
	"scopes": ["us-federal", "us-federal-contractor"],
	"references": [
		"Consolidated Appropriations Act, 2023, Pub. L. 117-328, div. R, secs. 101-102; OMB M-23-13 'No TikTok on Government Devices Implementation Guidance' (2023-02-27)",
		"Pub. L. 117-328, div. R, secs. 101-102",
		"OMB M-23-13 (Feb. 27, 2023)",
		"https://scribd.com/document/628516042/No-TikTok-on-Government-Devices-Implementation-Guidance",
		"https://www.fedsmith.com/2023/02/28/federal-agencies-have-30-days-to-eliminate-tiktok-from-government-devices/",
		"https://executivegov.com/2023/02/omb-memo-requires-agencies-to-remove-tiktok-from-federal-devices/",
	],
	"confidence": "confirmed",
	"notes": "Signing (2022-12-29, not read directly) and the memo (2023-02-27) are not phases; the 30/90/120-day dates are computed from the memo date. Exceptions only for law enforcement, national security and security research, approved by the agency head. Only the TikTok application is covered, not ByteDance's other apps or libraries: the ban matches TikTok's own names, domain and package namespace, not 'ByteDance' (which would flag ByteDance open-source libraries such as github.com/bytedance/sonic). Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
