# UK designated vendor direction on Huawei (2022-10-13)
#
# The 35 named public telecoms providers may install no new Huawei equipment in
# 5G networks, must remove it from sites significant to national security and
# from network cores, cap it at 35% of the full-fibre access network and remove
# it from 5G networks by 2027-12-31 (`uk-telecom`).
package enforcer.bans

import rego.v1

# Coverage, read from the direction: Huawei "goods, services or facilities" in
# the providers' public networks, network management and core functions
# included. Covered: devices, firmware, drivers, services and applications
# (network management software). Huawei's SDKs and libraries are not network
# equipment and warn.
bans contains {
	"id": "uk-huawei-designated-vendor-direction-2022",
	"vendor": "Huawei",
	"title": "UK designated vendor direction restricting Huawei in public telecoms networks",
	"match": {
		"organizations": ["Huawei Technologies Co., Ltd.", "Huawei Technologies Company", "Huawei", "HiSilicon"],
		"domains": ["huawei.com", "huaweicloud.com", "myhuaweicloud.com"],
		"cpe_vendors": ["huawei"],
		"purls": [
			"pkg:*/com.huawei",
			"pkg:*/com.huaweicloud",
			"pkg:*/github.com/huaweicloud",
			"pkg:github/huaweicloud",
			"pkg:npm/@huaweicloud",
			"pkg:npm/@hmscore",
			"pkg:pypi/huaweicloudsdk*",
			"pkg:nuget/huaweicloud",
		],
		"products": ["huawei", "HiSilicon"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver", "service", "application"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2022-10-13",
			"summary": "no new Huawei equipment in 5G networks, and no sanctions-affected Huawei gear in full fibre",
		},
		{
			"effect": "deny",
			"from": "2023-01-28",
			"summary": "Huawei equipment removed from sites significant to national security",
		},
		{
			"effect": "deny",
			"from": "2023-10-31",
			"summary": "Huawei capped at 35% of the full-fibre access network",
		},
		{
			"effect": "deny",
			"from": "2023-12-31",
			"summary": "Huawei equipment removed from network cores",
		},
		{
			"effect": "deny",
			"from": "2027-12-31",
			"summary": "all Huawei equipment removed from 5G networks",
		},
	],
	"scopes": ["uk-telecom"],
	"references": [
		"Designation notice to Huawei and designated vendor direction to 35 public communications providers, issued 2022-10-13",
		"Telecommunications (Security) Act 2021; Communications Act 2003 ss. 105Z1 ff.",
		"https://www.gov.uk/government/publications/targeted-consultations-on-proposed-designated-vendor-direction-and-designation-notice",
		"https://parallelparliament.co.uk/debate/2022-10-13/commons/written-statements/5g-network-removal-of-huawei-equipment/ministerial-extracts",
		"https://www.commsupdate.com/articles/2022/10/14/dcms-confirms-issuance-of-legal-notices-to-operators-related-to-removal-of-huawei-equipment/",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Binds the 35 named public telecoms providers. The final direction moved core removal from 2023-01-28 (draft) to 2023-12-31; a 2020 announcement said no new 5G kit 'after September 2021', but the legal bar applies from 2022-10-13. The draft's removal of high-data-rate transmission gear by 2025-12-31 was not checked against the final direction and is not a phase. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: network equipment and its software: devices, firmware, drivers, managed services and network management applications. Huawei's app, cloud and mobile SDKs and libraries are outside and warn.",
}
