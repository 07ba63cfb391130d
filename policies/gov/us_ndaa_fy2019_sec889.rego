# US NDAA FY2019 section 889: Huawei, ZTE, Hytera, Hikvision, Dahua
#
# Part A (2019-08-13): executive agencies may not procure equipment, systems or
# services that use covered telecommunications or video-surveillance equipment.
# Part B (2020-08-13): they may not contract with any entity that uses such
# equipment anywhere in its operations. One ban per named company. Binds
# agencies and contractors, the Department of Defense and its contractors
# included. Coverage: the equipment (devices, firmware, drivers) and services
# the statute names; a vendor's apps and libraries warn.
package enforcer.bans

import rego.v1

# Coverage, read from section 889(f)(3): "covered telecommunications equipment
# or services" are "telecommunications equipment produced by" the company, and
# "telecommunications or video surveillance services provided by such entities
# or using such equipment". Covered: devices, their firmware and device drivers,
# and services. The company's apps, SDKs and libraries are not equipment and
# warn: Part B bars contracting with an entity that uses covered equipment, so
# they are worth a look, not a denial.
bans contains {
	"id": "us-ndaa-fy2019-sec889:huawei",
	"vendor": "Huawei",
	"title": "NDAA FY2019 section 889: Huawei (Part A purchase ban, Part B use ban)",
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
		"kinds": ["device", "firmware", "device-driver", "service"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2019-08-13",
			"summary": "Part A: agencies may not procure equipment, systems or services that use covered Huawei equipment",
		},
		{
			"effect": "deny",
			"from": "2020-08-13",
			"summary": "Part B: agencies may not contract with entities that use covered Huawei equipment or services",
		},
	],
	"scopes": ["us-federal", "us-federal-contractor", "us-dod", "us-dod-contractor"],
	"references": [
		"Pub. L. 115-232 (John S. McCain NDAA FY2019), sec. 889; FAR 52.204-24, 52.204-25 and 52.204-26 (interim rules: FAC 2019-05 / FAR Case 2018-017 published 2019-08-13, 84 FR 40216 ff.; FAR Case 2019-009 at 85 FR 42665, 2020-07-14; second interim rule published 2020-08-27)",
		"Pub. L. 115-232, sec. 889",
		"FAR 52.204-24, 52.204-25, 52.204-26; 2 CFR 200.216",
		"84 FR 40216 (Aug. 13, 2019), FR Doc. 2019-17200 (FAC 2019-05 introduction)",
		"85 FR 42665 (July 14, 2020)",
		"https://regulations.justia.com/regulations/fedreg/2019/08/13/2019-17200.html",
		"https://www.acq.osd.mil/dpap/dars/section889.html",
		"https://ndia.org/policy/issues/cyber/section-889",
		"https://www.insidegovernmentcontracts.com/2020/07/section-889-prohibition-on-use-of-covered-telecommunications-equipment-by-federal-contractors-released-as-an-interim-rule/",
		"https://advocacy.sba.gov/2020/08/27/far-council-publishes-interim-rule-prohibiting-contracts-with-entities-using-certain-telecommunications-and-video-surveillance-services-or-equipment/",
		"https://www.eac.gov/what-section-889-fy-2019-ndaa",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covers the named company and its subsidiaries and affiliates; the statute spells it 'Huawei Technologies Company'. Enactment (2018-08-13) and the annual representation of FAR 52.204-26 (2020-10-26) are not phases. Grant and loan recipients are bound through 2 CFR 200.216 from 2020-08-13. The statute's catch-all (any entity the Secretary of Defense designates as owned or controlled by, or connected to, the PRC government) names no vendor and is not modelled. HiSilicon, Huawei's chip-design unit, is matched as a subsidiary; HiSilicon chips also sit inside other vendors' cameras. Huawei's cloud and mobile SDKs (Huawei Cloud SDKs on Maven, Go, PyPI, npm and NuGet; HMS Core SDKs) are matched in every ecosystem so that one product gets one verdict; as libraries they are outside this instrument's coverage. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: covered telecommunications (and, for Hytera, Hikvision and Dahua, video-surveillance) equipment, that is devices, their firmware and device drivers, and the services the statute names. Apps, SDKs and libraries of the company are outside and warn.",
}

# Coverage, read from section 889(f)(3): "covered telecommunications equipment
# or services" are "telecommunications equipment produced by" the company, and
# "telecommunications or video surveillance services provided by such entities
# or using such equipment". Covered: devices, their firmware and device drivers,
# and services. The company's apps, SDKs and libraries are not equipment and
# warn: Part B bars contracting with an entity that uses covered equipment, so
# they are worth a look, not a denial.
bans contains {
	"id": "us-ndaa-fy2019-sec889:zte",
	"vendor": "ZTE",
	"title": "NDAA FY2019 section 889: ZTE (Part A purchase ban, Part B use ban)",
	"match": {
		"organizations": ["ZTE Corporation", "ZTE", "Zhongxing Telecommunication Equipment Corporation"],
		"domains": ["zte.com.cn"],
		"cpe_vendors": ["zte"],
		"purls": ["pkg:*/cn.com.zte"],
		"products": ["zte"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver", "service"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2019-08-13",
			"summary": "Part A: agencies may not procure equipment, systems or services that use covered ZTE equipment",
		},
		{
			"effect": "deny",
			"from": "2020-08-13",
			"summary": "Part B: agencies may not contract with entities that use covered ZTE equipment or services",
		},
	],
	"scopes": ["us-federal", "us-federal-contractor", "us-dod", "us-dod-contractor"],
	"references": [
		"Pub. L. 115-232 (John S. McCain NDAA FY2019), sec. 889; FAR 52.204-24, 52.204-25 and 52.204-26 (interim rules: FAC 2019-05 / FAR Case 2018-017 published 2019-08-13, 84 FR 40216 ff.; FAR Case 2019-009 at 85 FR 42665, 2020-07-14; second interim rule published 2020-08-27)",
		"Pub. L. 115-232, sec. 889",
		"FAR 52.204-24, 52.204-25, 52.204-26; 2 CFR 200.216",
		"84 FR 40216 (Aug. 13, 2019), FR Doc. 2019-17200 (FAC 2019-05 introduction)",
		"85 FR 42665 (July 14, 2020)",
		"https://regulations.justia.com/regulations/fedreg/2019/08/13/2019-17200.html",
		"https://www.acq.osd.mil/dpap/dars/section889.html",
		"https://ndia.org/policy/issues/cyber/section-889",
		"https://www.insidegovernmentcontracts.com/2020/07/section-889-prohibition-on-use-of-covered-telecommunications-equipment-by-federal-contractors-released-as-an-interim-rule/",
		"https://advocacy.sba.gov/2020/08/27/far-council-publishes-interim-rule-prohibiting-contracts-with-entities-using-certain-telecommunications-and-video-surveillance-services-or-equipment/",
		"https://www.eac.gov/what-section-889-fy-2019-ndaa",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covers the named company and its subsidiaries and affiliates; the statute spells it 'ZTE Corporation'. Enactment (2018-08-13) and the annual representation of FAR 52.204-26 (2020-10-26) are not phases. Grant and loan recipients are bound through 2 CFR 200.216 from 2020-08-13. The statute's catch-all (any entity the Secretary of Defense designates as owned or controlled by, or connected to, the PRC government) names no vendor and is not modelled. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: covered telecommunications (and, for Hytera, Hikvision and Dahua, video-surveillance) equipment, that is devices, their firmware and device drivers, and the services the statute names. Apps, SDKs and libraries of the company are outside and warn.",
}

# Coverage, read from section 889(f)(3): "covered telecommunications equipment
# or services" are "video surveillance and telecommunications equipment produced
# by" the company, "for the purpose of public safety, security of government
# facilities, physical security surveillance of critical infrastructure, and
# other national security purposes", and "telecommunications or video
# surveillance services provided by such entities or using such equipment".
# Covered: devices, their firmware and device drivers, and services. The
# company's apps, SDKs and libraries are not equipment and warn: Part B bars
# contracting with an entity that uses covered equipment, so they are worth a
# look, not a denial.
bans contains {
	"id": "us-ndaa-fy2019-sec889:hytera",
	"vendor": "Hytera",
	"title": "NDAA FY2019 section 889: Hytera (Part A purchase ban, Part B use ban)",
	"match": {
		"organizations": ["Hytera Communications Corporation Limited", "Hytera Communications Corporation", "Hytera"],
		"domains": ["hytera.com"],
		"purls": ["pkg:*/com.hytera"],
		"products": ["hytera"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver", "service"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2019-08-13",
			"summary": "Part A: agencies may not procure equipment, systems or services that use covered Hytera equipment",
		},
		{
			"effect": "deny",
			"from": "2020-08-13",
			"summary": "Part B: agencies may not contract with entities that use covered Hytera equipment or services",
		},
	],
	"scopes": ["us-federal", "us-federal-contractor", "us-dod", "us-dod-contractor"],
	"references": [
		"Pub. L. 115-232 (John S. McCain NDAA FY2019), sec. 889; FAR 52.204-24, 52.204-25 and 52.204-26 (interim rules: FAC 2019-05 / FAR Case 2018-017 published 2019-08-13, 84 FR 40216 ff.; FAR Case 2019-009 at 85 FR 42665, 2020-07-14; second interim rule published 2020-08-27)",
		"Pub. L. 115-232, sec. 889",
		"FAR 52.204-24, 52.204-25, 52.204-26; 2 CFR 200.216",
		"84 FR 40216 (Aug. 13, 2019), FR Doc. 2019-17200 (FAC 2019-05 introduction)",
		"85 FR 42665 (July 14, 2020)",
		"https://regulations.justia.com/regulations/fedreg/2019/08/13/2019-17200.html",
		"https://www.acq.osd.mil/dpap/dars/section889.html",
		"https://ndia.org/policy/issues/cyber/section-889",
		"https://www.insidegovernmentcontracts.com/2020/07/section-889-prohibition-on-use-of-covered-telecommunications-equipment-by-federal-contractors-released-as-an-interim-rule/",
		"https://advocacy.sba.gov/2020/08/27/far-council-publishes-interim-rule-prohibiting-contracts-with-entities-using-certain-telecommunications-and-video-surveillance-services-or-equipment/",
		"https://www.eac.gov/what-section-889-fy-2019-ndaa",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covers the named company and its subsidiaries and affiliates; the statute spells it 'Hytera Communications Corporation'. Enactment (2018-08-13) and the annual representation of FAR 52.204-26 (2020-10-26) are not phases. Grant and loan recipients are bound through 2 CFR 200.216 from 2020-08-13. The statute's catch-all (any entity the Secretary of Defense designates as owned or controlled by, or connected to, the PRC government) names no vendor and is not modelled. Covered for video surveillance and telecommunications equipment used for public safety, security of government facilities, physical surveillance of critical infrastructure and other national security purposes. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: covered telecommunications (and, for Hytera, Hikvision and Dahua, video-surveillance) equipment, that is devices, their firmware and device drivers, and the services the statute names. Apps, SDKs and libraries of the company are outside and warn.",
}

# Coverage, read from section 889(f)(3): "covered telecommunications equipment
# or services" are "video surveillance and telecommunications equipment produced
# by" the company, "for the purpose of public safety, security of government
# facilities, physical security surveillance of critical infrastructure, and
# other national security purposes", and "telecommunications or video
# surveillance services provided by such entities or using such equipment".
# Covered: devices, their firmware and device drivers, and services. The
# company's apps, SDKs and libraries are not equipment and warn: Part B bars
# contracting with an entity that uses covered equipment, so they are worth a
# look, not a denial.
bans contains {
	"id": "us-ndaa-fy2019-sec889:hikvision",
	"vendor": "Hikvision",
	"title": "NDAA FY2019 section 889: Hikvision (Part A purchase ban, Part B use ban)",
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
		"kinds": ["device", "firmware", "device-driver", "service"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2019-08-13",
			"summary": "Part A: agencies may not procure equipment, systems or services that use covered Hikvision equipment",
		},
		{
			"effect": "deny",
			"from": "2020-08-13",
			"summary": "Part B: agencies may not contract with entities that use covered Hikvision equipment or services",
		},
	],
	"scopes": ["us-federal", "us-federal-contractor", "us-dod", "us-dod-contractor"],
	"references": [
		"Pub. L. 115-232 (John S. McCain NDAA FY2019), sec. 889; FAR 52.204-24, 52.204-25 and 52.204-26 (interim rules: FAC 2019-05 / FAR Case 2018-017 published 2019-08-13, 84 FR 40216 ff.; FAR Case 2019-009 at 85 FR 42665, 2020-07-14; second interim rule published 2020-08-27)",
		"Pub. L. 115-232, sec. 889",
		"FAR 52.204-24, 52.204-25, 52.204-26; 2 CFR 200.216",
		"84 FR 40216 (Aug. 13, 2019), FR Doc. 2019-17200 (FAC 2019-05 introduction)",
		"85 FR 42665 (July 14, 2020)",
		"https://regulations.justia.com/regulations/fedreg/2019/08/13/2019-17200.html",
		"https://www.acq.osd.mil/dpap/dars/section889.html",
		"https://ndia.org/policy/issues/cyber/section-889",
		"https://www.insidegovernmentcontracts.com/2020/07/section-889-prohibition-on-use-of-covered-telecommunications-equipment-by-federal-contractors-released-as-an-interim-rule/",
		"https://advocacy.sba.gov/2020/08/27/far-council-publishes-interim-rule-prohibiting-contracts-with-entities-using-certain-telecommunications-and-video-surveillance-services-or-equipment/",
		"https://www.eac.gov/what-section-889-fy-2019-ndaa",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covers the named company and its subsidiaries and affiliates; the statute spells it 'Hangzhou Hikvision Digital Technology Company'. Enactment (2018-08-13) and the annual representation of FAR 52.204-26 (2020-10-26) are not phases. Grant and loan recipients are bound through 2 CFR 200.216 from 2020-08-13. The statute's catch-all (any entity the Secretary of Defense designates as owned or controlled by, or connected to, the PRC government) names no vendor and is not modelled. Covered for video surveillance and telecommunications equipment used for public safety, security of government facilities, physical surveillance of critical infrastructure and other national security purposes. Hikvision gear is widely resold under other labels. EZVIZ (Hangzhou EZVIZ Network Co., Ltd., ezviz.com), Hikvision's subsidiary listed on the Shanghai STAR Market (688475.SH) since 2022-12-28, is matched as a subsidiary; the instruments reach subsidiaries and affiliates. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: covered telecommunications (and, for Hytera, Hikvision and Dahua, video-surveillance) equipment, that is devices, their firmware and device drivers, and the services the statute names. Apps, SDKs and libraries of the company are outside and warn.",
}

# Coverage, read from section 889(f)(3): "covered telecommunications equipment
# or services" are "video surveillance and telecommunications equipment produced
# by" the company, "for the purpose of public safety, security of government
# facilities, physical security surveillance of critical infrastructure, and
# other national security purposes", and "telecommunications or video
# surveillance services provided by such entities or using such equipment".
# Covered: devices, their firmware and device drivers, and services. The
# company's apps, SDKs and libraries are not equipment and warn: Part B bars
# contracting with an entity that uses covered equipment, so they are worth a
# look, not a denial.
bans contains {
	"id": "us-ndaa-fy2019-sec889:dahua",
	"vendor": "Dahua",
	"title": "NDAA FY2019 section 889: Dahua (Part A purchase ban, Part B use ban)",
	"match": {
		"organizations": ["Zhejiang Dahua Technology Co., Ltd.", "Dahua Technology Company", "Dahua"],
		"domains": ["dahuasecurity.com", "dahuatech.com"],
		"cpe_vendors": ["dahuasecurity"],
		"purls": ["pkg:*/com.dahuasecurity", "pkg:*/com.dahuatech"],
		"products": ["dahua"],
	},
	"covers": {
		"kinds": ["device", "firmware", "device-driver", "service"],
		"outside": "warn",
	},
	"phases": [
		{
			"effect": "deny",
			"from": "2019-08-13",
			"summary": "Part A: agencies may not procure equipment, systems or services that use covered Dahua equipment",
		},
		{
			"effect": "deny",
			"from": "2020-08-13",
			"summary": "Part B: agencies may not contract with entities that use covered Dahua equipment or services",
		},
	],
	"scopes": ["us-federal", "us-federal-contractor", "us-dod", "us-dod-contractor"],
	"references": [
		"Pub. L. 115-232 (John S. McCain NDAA FY2019), sec. 889; FAR 52.204-24, 52.204-25 and 52.204-26 (interim rules: FAC 2019-05 / FAR Case 2018-017 published 2019-08-13, 84 FR 40216 ff.; FAR Case 2019-009 at 85 FR 42665, 2020-07-14; second interim rule published 2020-08-27)",
		"Pub. L. 115-232, sec. 889",
		"FAR 52.204-24, 52.204-25, 52.204-26; 2 CFR 200.216",
		"84 FR 40216 (Aug. 13, 2019), FR Doc. 2019-17200 (FAC 2019-05 introduction)",
		"85 FR 42665 (July 14, 2020)",
		"https://regulations.justia.com/regulations/fedreg/2019/08/13/2019-17200.html",
		"https://www.acq.osd.mil/dpap/dars/section889.html",
		"https://ndia.org/policy/issues/cyber/section-889",
		"https://www.insidegovernmentcontracts.com/2020/07/section-889-prohibition-on-use-of-covered-telecommunications-equipment-by-federal-contractors-released-as-an-interim-rule/",
		"https://advocacy.sba.gov/2020/08/27/far-council-publishes-interim-rule-prohibiting-contracts-with-entities-using-certain-telecommunications-and-video-surveillance-services-or-equipment/",
		"https://www.eac.gov/what-section-889-fy-2019-ndaa",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covers the named company and its subsidiaries and affiliates; the statute spells it 'Dahua Technology Company'. Enactment (2018-08-13) and the annual representation of FAR 52.204-26 (2020-10-26) are not phases. Grant and loan recipients are bound through 2 CFR 200.216 from 2020-08-13. The statute's catch-all (any entity the Secretary of Defense designates as owned or controlled by, or connected to, the PRC government) names no vendor and is not modelled. Covered for video surveillance and telecommunications equipment used for public safety, security of government facilities, physical surveillance of critical infrastructure and other national security purposes. Extensive OEM relabelling is reported. dahuatech.com is Dahua's own domain (staff e-mail, source headers) besides dahuasecurity.com; Lorex (reported past ownership) and Imou are unconfirmed and not matched. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: covered telecommunications (and, for Hytera, Hikvision and Dahua, video-surveillance) equipment, that is devices, their firmware and device drivers, and the services the statute names. Apps, SDKs and libraries of the company are outside and warn.",
}
