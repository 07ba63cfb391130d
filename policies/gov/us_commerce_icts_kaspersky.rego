# METADATA
# title: US Commerce ICTS final determination on Kaspersky (2024)
# description: |
#   Kaspersky Lab, Inc. and every affiliate, subsidiary and parent may not
#   provide covered anti-virus and cybersecurity products to persons subject to
#   US jurisdiction. New agreements are barred from 2024-07-20; updates,
#   signatures, resale and integration from 2024-09-29 (00:00 EDT).
#   Domains are matching hints taken from the vendor's public hosts, not from
#   the instrument.
package enforcer.bans

import rego.v1

bans contains {
	"id": "us-commerce-icts-kaspersky-2024",
	"vendor": "Kaspersky",
	"title": "Commerce ICTS Final Determination prohibiting Kaspersky anti-virus and cybersecurity transactions",
	"match": {
		"organizations": [
			"AO Kaspersky Lab",
			"Kaspersky Lab ZAO",
			"JSC Kaspersky Lab",
			"Kaspersky Lab",
			"Kaspersky",
			"Kaspersky Lab, Inc.",
			"Kaspersky US",
			"Kaspersky Labs Limited",
			"OOO Kaspersky Group",
			"Kaspersky Group LLC",
			"Лаборатория Касперского",
		],
		"domains": ["kaspersky.com", "kaspersky.ru", "kaspersky-labs.com", "kaspersky.co.uk"],
		"cpe_vendors": ["kaspersky", "kaspersky_lab", "kaspersky_labs"],
		"purls": ["pkg:*/com.kaspersky", "pkg:*/ru.kaspersky", "pkg:npm/@kaspersky", "pkg:nuget/kaspersky", "pkg:*/github.com/kaspersky", "pkg:*/github.com/kasperskylab"],
		"products": ["kaspersky"],
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2024-07-20",
			"summary": "no new agreements with US persons for Kaspersky anti-virus or cybersecurity products",
		},
		{
			"effect": "deny",
			"from": "2024-09-29",
			"summary": "no updates, signatures, Kaspersky Security Network, resale or integration for US persons",
		},
	],
	"scopes": ["us", "us-federal", "us-federal-contractor"],
	"references": [
		"89 FR 52434-52437 (June 24, 2024), FR Doc. 2024-13532",
		"Final Determination, Case No. ICTS-2021-002 (Kaspersky Lab, Inc.), under E.O. 13873 and 15 CFR part 7",
		"https://regulations.justia.com/regulations/fedreg/2024/06/24/2024-13532.html",
	],
	"confidence": "confirmed",
	"notes": "Out of scope: Kaspersky Threat Intelligence, Security Training and informational consulting. Pango's UltraAV, which replaced Kaspersky for US users in September 2024, is not a banned vendor.",
}
