# US FCC Covered List additions of 2022-09-20: Pacific Network/ComNet, China
# Unicom (Americas)
#
# From 2022-09-20 the international telecommunications services of Pacific
# Network Corp. with its subsidiary ComNet (USA) LLC, and of China Unicom
# (Americas) Operations Limited, are on the Covered List (`us-telecom`). The
# Pacific Network ban is shipped disabled: its names are generic phrases.
package enforcer.bans

import rego.v1

# Coverage: the entry names the carrier's "international telecommunications
# services": services only; other components warn. The legal name keeps its
# brackets.
bans contains {
	"id": "us-fcc-covered-list-2022-09:china-unicom",
	"vendor": "China Unicom (Americas)",
	"title": "FCC Covered List addition of 2022-09-20: China Unicom (Americas) Operations Limited",
	"match": {
		"organizations": [
			"China Unicom (Americas) Operations Limited",
			"China Unicom (Americas)",
			"China Unicom Americas Operations Limited",
			"China Unicom Americas",
		],
	},
	"covers": {
		"kinds": ["service"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2022-09-20",
			"summary": "on the FCC Covered List: no FCC-administered subsidies for China Unicom Americas international telecom services",
		},
	],
	"scopes": ["us-telecom"],
	"references": [
		"Public Notice of 2022-09-20 adding entries to the Covered List (47 CFR 1.50002)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://www.tlp.law/2022/09/22/fcc-adds-pacnet-comnet-and-china-unicom-to-covered-list/",
		"https://docs.fcc.gov/public/attachments/DOC-381418A1.txt",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "International telecommunications services only; other components of the carrier warn. The legal name keeps its bracketed part: the contract-2 normaliser keeps a bracketed part that belongs to a name, so 'China Unicom (Americas)' stays apart from China Unicom's unlisted companies. The spellings without brackets are listed for SBOMs that write the name that way.",
}

# Coverage: international telecommunications services only. Disabled: every name
# is a generic phrase.
bans contains {
	"id": "us-fcc-covered-list-2022-09:pacnet",
	"vendor": "Pacific Network (PacNet) and ComNet",
	"title": "FCC Covered List addition of 2022-09-20: Pacific Network Corp. and ComNet (USA) LLC",
	"match": {
		"organizations": ["Pacific Network Corp.", "Pacific Networks Corp.", "PacNet", "ComNet (USA) LLC", "ComNet"],
	},
	"covers": {
		"kinds": ["service"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2022-09-20",
			"summary": "on the FCC Covered List: no FCC-administered subsidies for PacNet/ComNet international telecom services",
		},
	],
	"scopes": ["us-telecom"],
	"references": [
		"Public Notice of 2022-09-20 adding entries to the Covered List (47 CFR 1.50002)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://www.tlp.law/2022/09/22/fcc-adds-pacnet-comnet-and-china-unicom-to-covered-list/",
		"https://docs.fcc.gov/public/attachments/DOC-381418A1.txt",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"enabled": false,
	"disabled_reason": "every name of this carrier ('Pacific Network', 'PacNet', 'ComNet') is a generic phrase shared by unrelated companies, and it covers section 214 telecom services, not software or equipment",
	"notes": "The FCC had already revoked Pacific Network's section 214 authority on 2022-03-16. ComNet (USA) LLC is its wholly owned subsidiary. Enable only with organisation names checked against your suppliers. Coverage: international telecommunications services only.",
}
