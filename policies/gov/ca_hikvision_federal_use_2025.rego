# Canada: Hikvision Canada ordered to cease operations, and federal bodies
# barred from buying or using Hikvision equipment (2025-06-27)
#
# Following a national security review under the Investment Canada Act,
# Hikvision Canada Inc. must close its Canadian business; the Minister of
# Industry also moved to ensure that federal departments, agencies and Crown
# corporations do not use or purchase Hikvision equipment, and the government
# reviews its properties for legacy Hikvision products (`ca-gov`). Press only.
package enforcer.bans

import rego.v1

# Coverage, read from the press reports of the minister's statement: federal
# bodies are not to "use or purchase equipment" from Hikvision, and properties
# are reviewed for "legacy Hikvision products". Covered: devices (cameras,
# recorders), their firmware and drivers. Hikvision's client software and SDKs
# warn.
bans contains {
	"id": "ca-hikvision-federal-use-2025",
	"vendor": "Hikvision",
	"title": "Canada: federal departments, agencies and Crown corporations may not buy or use Hikvision equipment (Investment Canada Act review of Hikvision Canada Inc.)",
	"match": {
		"organizations": [
			"Hangzhou Hikvision Digital Technology Co., Ltd.",
			"Hangzhou Hikvision Digital Technology Company",
			"Hikvision",
			"Hangzhou EZVIZ Network Co., Ltd.",
			"EZVIZ",
		],
		"domains": ["hikvision.com", "ezviz.com"],
		"cpe_vendors": ["hikvision"],
		"purls": ["pkg:*/com.hikvision", "pkg:*/com.ezviz"],
		"products": ["hikvision", "ezviz"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2025-06-27",
			"summary": "federal departments, agencies and Crown corporations may not buy or use Hikvision equipment; legacy Hikvision products under review",
		},
	],
	"scopes": ["ca-gov"],
	"references": [
		"Order under the Investment Canada Act to Hikvision Canada Inc. to cease operations (national security review), announced 2025-06-27 by the Minister of Industry, with the direction that federal departments, agencies and Crown corporations not use or purchase Hikvision equipment",
		"https://globalnews.ca/news/11266032/ottawa-orders-chinese-tech-firm-hikvision-close-canadian-operations-national-security/",
		"https://www.channelnewsasia.com/business/ottawa-orders-chinese-manufacturer-hikvision-shutter-canadian-operations-5208716",
		"https://toronto.citynews.ca/2025/06/28/chinese-tech-firm-ordered-to-close-canadian-operations-over-national-security/",
	],
	"reviewed": "2026-12-03",
	"confidence": "press",
	"notes": "Press only (several outlets quoting the minister's statement of Friday 2025-06-27); the text of the government-use measure was not read. The Investment Canada Act order binds Hikvision Canada Inc., not users, and is not modelled; the review does not extend to Hikvision affiliates outside Canada. The minister urged Canadians to take note but did not ask the public to stop using Hikvision products. Coverage: Hikvision equipment, that is devices, firmware and drivers; its client software, apps and SDKs warn. EZVIZ, Hikvision's listed subsidiary, is matched like every Hikvision identity. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text.",
}
