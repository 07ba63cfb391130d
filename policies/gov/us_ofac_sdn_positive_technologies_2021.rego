# US Treasury OFAC: JSC Positive Technologies on the SDN list (2021-04-15)
#
# Blocking sanctions: the property of Positive Technologies subject to US
# jurisdiction is blocked, and US persons may not deal with it, its software and
# services included. Binds every US person, so it carries every US scope tag.
package enforcer.bans

import rego.v1

# Coverage: a blocking designation prohibits US persons from any transaction in
# which the designated person has an interest; nothing in it is limited by kind.
# Every Positive Technologies component is covered.
bans contains {
	"id": "us-ofac-sdn-positive-technologies-2021",
	"vendor": "Positive Technologies",
	"title": "US Treasury OFAC: JSC Positive Technologies designated on the SDN list (E.O. 13694, CAATSA; later also E.O. 14024)",
	"match": {
		"organizations": [
			"Positive Technologies",
			"JSC Positive Technologies",
			"Aktsionernoe Obshchestvo Pozitiv Teknolodzhiz",
			"Pozitiv Teknolodzhiz",
		],
		"domains": ["ptsecurity.com"],
	},
	"covers": {
		"kinds": ["*"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2021-04-15",
			"summary": "on the SDN list: US persons may not deal with Positive Technologies, its software and services included",
		},
	],
	"scopes": [
		"us",
		"us-federal",
		"us-federal-contractor",
		"us-telecom",
		"us-dod",
		"us-dod-contractor",
		"us-tx-gov",
	],
	"references": [
		"Treasury press release JY0127 (2021-04-15): designation of JSC Positive Technologies under E.O. 13694 (CYBER2), E.O. 13382 and CAATSA for support to the FSB; SDN entry 'AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ (a.k.a. JSC Positive Technologies)', programs RUSSIA-EO14024, CAATSA - RUSSIA, CYBER2, NPWMD",
		"https://ai-analytics.org/voidly/spyledger/vendor/positive-technologies/",
	],
	"reviewed": "2026-12-03",
	"confidence": "secondary",
	"notes": "Designated on 2021-04-15 (Treasury press release JY0127, as reproduced by a secondary page that cites the OFAC Sanctions List Search entry; the entry was not read here, so the confidence is 'secondary'). The entry's programs now include RUSSIA-EO14024. BIS also added the company to the Entity List on 2021-11-04 (86 FR 60759), an export control that is not modelled. Entities 50% or more owned by a blocked person are blocked too; they are not named here. Coverage: every kind of component, since a blocking sanction reaches any dealing, software included; whether using freely published open-source code of the company is a dealing was not assessed. The SDN primary name (the transliteration 'Aktsionernoe Obshchestvo Pozitiv Teknolodzhiz') and ptsecurity.com, the company's domain, are matched.",
}
