# US FCC Covered List additions of 2022-09-20: Pacific Network/ComNet, China Unicom Americas
#
# From 2022-09-20 the international telecommunications services of Pacific
# Network Corp. with its subsidiary ComNet (USA) LLC, and of China Unicom
# (Americas) Operations Limited, are on the Covered List (`us-telecom`).
# The Pacific Network ban is shipped disabled: its names are generic phrases.
package enforcer.bans

import rego.v1

bans contains {
	"id": "us-fcc-covered-list-2022-09:china-unicom",
	"vendor": "China Unicom Americas",
	"title": "FCC Covered List addition of 2022-09-20: China Unicom (Americas) Operations Limited",
	"match": {
		"organizations": ["China Unicom Americas Operations Limited", "China Unicom Americas"],
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
	"confidence": "confirmed",
	"notes": "International telecommunications services only. The legal name 'China Unicom (Americas) Operations Limited' is written without brackets so that it does not normalise to a name shared by other China Unicom companies.",
}

bans contains {
	"id": "us-fcc-covered-list-2022-09:pacnet",
	"vendor": "Pacific Network (PacNet) and ComNet",
	"title": "FCC Covered List addition of 2022-09-20: Pacific Network Corp. and ComNet (USA) LLC",
	"match": {
		"organizations": [
			"Pacific Network Corp.",
			"Pacific Networks Corp.",
			"PacNet",
			"ComNet (USA) LLC",
			"ComNet",
		],
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
	"enabled": false,
	"disabled_reason": "every name of this carrier ('Pacific Network', 'PacNet', 'ComNet') is a generic phrase shared by unrelated companies, and it covers section 214 telecom services, not software or equipment",
	"confidence": "confirmed",
	"notes": "The FCC had already revoked Pacific Network's section 214 authority on 2022-03-16. ComNet (USA) LLC is its wholly owned subsidiary. Enable only with organisation names checked against your suppliers.",
}
