# European Parliament resolution on cyber defence, para. 76 (2018-06-13)
#
# A non-binding call on EU institutions to review their IT and exclude programs
# and devices confirmed as malicious, "such as Kaspersky Lab" (`eu-
# institutions`). Advisory.
package enforcer.bans

import rego.v1

# Coverage, read from para. 76: institutions should "exclude programmes and
# devices" confirmed as malicious, "such as Kaspersky Lab". Covered: programs
# and devices (applications, services, data, devices, firmware, operating
# systems). Kaspersky's libraries are not programs an institution installs; they
# are outside and allowed.
bans contains {
	"id": "eu-parliament-kaspersky-resolution-2018",
	"vendor": "Kaspersky",
	"title": "European Parliament resolution on cyber defence calling for a ban on Kaspersky Lab in EU institutions",
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
		"purls": [
			"pkg:*/com.kaspersky",
			"pkg:*/ru.kaspersky",
			"pkg:npm/@kaspersky",
			"pkg:nuget/kaspersky",
			"pkg:*/github.com/kaspersky",
			"pkg:*/github.com/kasperskylab",
			"pkg:github/kasperskylab",
		],
		"products": ["kaspersky"],
	},
	"covers": {
		"kinds": ["application", "service", "data", "device", "firmware", "operating-system"],
		"products": {
			"names": [
				"Kaspersky Anti-Virus",
				"Kaspersky Internet Security",
				"Kaspersky Total Security",
				"Kaspersky Endpoint Security",
				"Kaspersky Endpoint Security Cloud",
				"Kaspersky Endpoint Security for Windows",
				"Kaspersky Endpoint Security for Linux",
				"Kaspersky Endpoint Security for Mac",
				"Kaspersky Security Center",
				"Kaspersky Security Center Cloud Console",
				"Kaspersky Hybrid Cloud Security",
				"Kaspersky Small Office Security",
				"Kaspersky Security Cloud",
				"Kaspersky Free",
				"Kaspersky Standard",
				"Kaspersky Plus",
				"Kaspersky Premium",
				"Kaspersky Safe Kids",
				"Kaspersky Security Network",
				"Kaspersky VPN",
				"Kaspersky VPN Secure Connection",
				"Kaspersky Password Manager",
			],
			"app_ids": ["com.kms.free"],
		},
		"only_products": false,
		"outside": "allow",
	},
	"phases": [
		{
			"effect": "warn",
			"from": "2018-06-13",
			"summary": "European Parliament resolution: EU institutions should exclude Kaspersky Lab programs",
		},
	],
	"scopes": ["eu-institutions"],
	"references": [
		"Resolution on cyber defence (report A8-0189/2018), para. 76, adopted 2018-06-13",
		"https://www.bleepingcomputer.com/news/government/today-the-eu-will-vote-on-a-motion-that-recommends-banning-kaspersky-products-from-official-eu-networks/",
		"https://www.washingtontimes.com/news/2018/jun/13/kaspersky-lab-russian-antivirus-vendor-targeting-m/",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Non-binding. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: programs and devices (applications, services, signature data, devices, firmware, operating systems); Kaspersky's libraries are outside the call and allowed.",
}
