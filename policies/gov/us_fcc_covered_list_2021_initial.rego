# US FCC Covered List, initial entries (2021-03-12): Huawei, ZTE, Hytera,
# Hikvision, Dahua
#
# From 2021-03-12 providers may not spend FCC-administered subsidies (such as
# the Universal Service Fund) on covered equipment and services of these
# companies, and reimbursement participants must remove and replace it. This
# binds telecom providers (`us-telecom`). The equipment-authorization bar that
# followed binds everyone and is a separate instrument
# (us_fcc_22_84_equipment_authorization.rego).
package enforcer.bans

import rego.v1

# Coverage, read from the Covered List (47 CFR 1.50002): the entry lists
# "telecommunications equipment" and "video surveillance and telecommunications
# equipment" produced or provided by the company, and the "telecommunications or
# video surveillance services" it provides. Covered: devices, firmware, device
# drivers and services. Apps, SDKs and libraries warn.
bans contains {
	"id": "us-fcc-covered-list-2021-initial:huawei",
	"vendor": "Huawei",
	"title": "FCC Covered List, initial entries: Huawei",
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
			"from": "2021-03-12",
			"summary": "on the FCC Covered List: no FCC-administered subsidies for Huawei equipment or services; remove and replace",
		},
	],
	"scopes": ["us-telecom"],
	"references": [
		"Covered List under section 2 of the Secure Networks Act, 47 CFR 1.50002; Public Notice of 2021-03-12. Equipment-authorization bar: FCC 22-84 (adopted 2022-11-11), 88 FR 7592 (2023-02-06), FR Doc. 2022-28263; tightened by FCC 25-71, 90 FR 53227 (2025-11-25)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://www.tlp.law/2021/03/15/fcc-publishes-rip-and-replace-covered-list/",
		"https://fcc.gov/laboratory-division/equipment-authorization-approval-guide/equipment-authorization-system",
		"https://www.govinfo.gov/content/pkg/FR-2023-02-06/html/2022-28263.htm",
		"https://www.govinfo.gov/content/pkg/FR-2025-11-25/html/2025-21001.htm",
		"https://dwt.com/blogs/broadband-advisor/2022/12/fcc-china-equipment-ban-national-security",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covers the company's telecommunications and video-surveillance equipment and services, and its subsidiaries and affiliates. Huawei's cloud and mobile SDKs (Huawei Cloud SDKs on Maven, Go, PyPI, npm and NuGet; HMS Core SDKs) are matched in every ecosystem so that one product gets one verdict; as libraries they are outside this instrument's coverage. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: devices, their firmware and drivers, and services; the company's apps, SDKs and libraries are not on the list and warn.",
}

# Coverage, read from the Covered List (47 CFR 1.50002): the entry lists
# "telecommunications equipment" and "video surveillance and telecommunications
# equipment" produced or provided by the company, and the "telecommunications or
# video surveillance services" it provides. Covered: devices, firmware, device
# drivers and services. Apps, SDKs and libraries warn.
bans contains {
	"id": "us-fcc-covered-list-2021-initial:zte",
	"vendor": "ZTE",
	"title": "FCC Covered List, initial entries: ZTE",
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
			"from": "2021-03-12",
			"summary": "on the FCC Covered List: no FCC-administered subsidies for ZTE equipment or services; remove and replace",
		},
	],
	"scopes": ["us-telecom"],
	"references": [
		"Covered List under section 2 of the Secure Networks Act, 47 CFR 1.50002; Public Notice of 2021-03-12. Equipment-authorization bar: FCC 22-84 (adopted 2022-11-11), 88 FR 7592 (2023-02-06), FR Doc. 2022-28263; tightened by FCC 25-71, 90 FR 53227 (2025-11-25)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://www.tlp.law/2021/03/15/fcc-publishes-rip-and-replace-covered-list/",
		"https://fcc.gov/laboratory-division/equipment-authorization-approval-guide/equipment-authorization-system",
		"https://www.govinfo.gov/content/pkg/FR-2023-02-06/html/2022-28263.htm",
		"https://www.govinfo.gov/content/pkg/FR-2025-11-25/html/2025-21001.htm",
		"https://dwt.com/blogs/broadband-advisor/2022/12/fcc-china-equipment-ban-national-security",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covers the company's telecommunications and video-surveillance equipment and services, and its subsidiaries and affiliates. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: devices, their firmware and drivers, and services; the company's apps, SDKs and libraries are not on the list and warn.",
}

# Coverage, read from the Covered List (47 CFR 1.50002): the entry lists
# "telecommunications equipment" and "video surveillance and telecommunications
# equipment" produced or provided by the company, and the "telecommunications or
# video surveillance services" it provides. Covered: devices, firmware, device
# drivers and services. Apps, SDKs and libraries warn.
bans contains {
	"id": "us-fcc-covered-list-2021-initial:hytera",
	"vendor": "Hytera",
	"title": "FCC Covered List, initial entries: Hytera",
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
			"from": "2021-03-12",
			"summary": "on the FCC Covered List: no FCC-administered subsidies for Hytera equipment or services; remove and replace",
		},
	],
	"scopes": ["us-telecom"],
	"references": [
		"Covered List under section 2 of the Secure Networks Act, 47 CFR 1.50002; Public Notice of 2021-03-12. Equipment-authorization bar: FCC 22-84 (adopted 2022-11-11), 88 FR 7592 (2023-02-06), FR Doc. 2022-28263; tightened by FCC 25-71, 90 FR 53227 (2025-11-25)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://www.tlp.law/2021/03/15/fcc-publishes-rip-and-replace-covered-list/",
		"https://fcc.gov/laboratory-division/equipment-authorization-approval-guide/equipment-authorization-system",
		"https://www.govinfo.gov/content/pkg/FR-2023-02-06/html/2022-28263.htm",
		"https://www.govinfo.gov/content/pkg/FR-2025-11-25/html/2025-21001.htm",
		"https://dwt.com/blogs/broadband-advisor/2022/12/fcc-china-equipment-ban-national-security",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covers the company's telecommunications and video-surveillance equipment and services, and its subsidiaries and affiliates. Covered for video surveillance and telecommunications equipment used for public safety, security of government facilities, physical surveillance of critical infrastructure and other national security purposes. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: devices, their firmware and drivers, and services; the company's apps, SDKs and libraries are not on the list and warn.",
}

# Coverage, read from the Covered List (47 CFR 1.50002): the entry lists
# "telecommunications equipment" and "video surveillance and telecommunications
# equipment" produced or provided by the company, and the "telecommunications or
# video surveillance services" it provides. Covered: devices, firmware, device
# drivers and services. Apps, SDKs and libraries warn.
bans contains {
	"id": "us-fcc-covered-list-2021-initial:hikvision",
	"vendor": "Hikvision",
	"title": "FCC Covered List, initial entries: Hikvision",
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
			"from": "2021-03-12",
			"summary": "on the FCC Covered List: no FCC-administered subsidies for Hikvision equipment or services; remove and replace",
		},
	],
	"scopes": ["us-telecom"],
	"references": [
		"Covered List under section 2 of the Secure Networks Act, 47 CFR 1.50002; Public Notice of 2021-03-12. Equipment-authorization bar: FCC 22-84 (adopted 2022-11-11), 88 FR 7592 (2023-02-06), FR Doc. 2022-28263; tightened by FCC 25-71, 90 FR 53227 (2025-11-25)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://www.tlp.law/2021/03/15/fcc-publishes-rip-and-replace-covered-list/",
		"https://fcc.gov/laboratory-division/equipment-authorization-approval-guide/equipment-authorization-system",
		"https://www.govinfo.gov/content/pkg/FR-2023-02-06/html/2022-28263.htm",
		"https://www.govinfo.gov/content/pkg/FR-2025-11-25/html/2025-21001.htm",
		"https://dwt.com/blogs/broadband-advisor/2022/12/fcc-china-equipment-ban-national-security",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covers the company's telecommunications and video-surveillance equipment and services, and its subsidiaries and affiliates. Covered for video surveillance and telecommunications equipment used for public safety, security of government facilities, physical surveillance of critical infrastructure and other national security purposes. EZVIZ (Hangzhou EZVIZ Network Co., Ltd., ezviz.com), Hikvision's subsidiary listed on the Shanghai STAR Market (688475.SH) since 2022-12-28, is matched as a subsidiary; the instruments reach subsidiaries and affiliates. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: devices, their firmware and drivers, and services; the company's apps, SDKs and libraries are not on the list and warn.",
}

# Coverage, read from the Covered List (47 CFR 1.50002): the entry lists
# "telecommunications equipment" and "video surveillance and telecommunications
# equipment" produced or provided by the company, and the "telecommunications or
# video surveillance services" it provides. Covered: devices, firmware, device
# drivers and services. Apps, SDKs and libraries warn.
bans contains {
	"id": "us-fcc-covered-list-2021-initial:dahua",
	"vendor": "Dahua",
	"title": "FCC Covered List, initial entries: Dahua",
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
			"from": "2021-03-12",
			"summary": "on the FCC Covered List: no FCC-administered subsidies for Dahua equipment or services; remove and replace",
		},
	],
	"scopes": ["us-telecom"],
	"references": [
		"Covered List under section 2 of the Secure Networks Act, 47 CFR 1.50002; Public Notice of 2021-03-12. Equipment-authorization bar: FCC 22-84 (adopted 2022-11-11), 88 FR 7592 (2023-02-06), FR Doc. 2022-28263; tightened by FCC 25-71, 90 FR 53227 (2025-11-25)",
		"Secure and Trusted Communications Networks Act of 2019, Pub. L. 116-124 (47 U.S.C. 1601 et seq.)",
		"47 CFR 1.50002",
		"https://www.fcc.gov/supplychain/coveredlist",
		"https://www.tlp.law/2021/03/15/fcc-publishes-rip-and-replace-covered-list/",
		"https://fcc.gov/laboratory-division/equipment-authorization-approval-guide/equipment-authorization-system",
		"https://www.govinfo.gov/content/pkg/FR-2023-02-06/html/2022-28263.htm",
		"https://www.govinfo.gov/content/pkg/FR-2025-11-25/html/2025-21001.htm",
		"https://dwt.com/blogs/broadband-advisor/2022/12/fcc-china-equipment-ban-national-security",
	],
	"reviewed": "2026-12-03",
	"confidence": "confirmed",
	"notes": "Covers the company's telecommunications and video-surveillance equipment and services, and its subsidiaries and affiliates. Covered for video surveillance and telecommunications equipment used for public safety, security of government facilities, physical surveillance of critical infrastructure and other national security purposes. dahuatech.com is Dahua's own domain (staff e-mail, source headers) besides dahuasecurity.com; Lorex (reported past ownership) and Imou are unconfirmed and not matched. Domains and purl namespaces are matching hints (the vendor's own hosts and package namespaces), not instrument text. Coverage: devices, their firmware and drivers, and services; the company's apps, SDKs and libraries are not on the list and warn.",
}
