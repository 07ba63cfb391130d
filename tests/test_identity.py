"""Vendor identity through the CLI: spellings that must match a ban, near-misses that must not.

Every case is a one-component CycloneDX SBOM; one `enforcer check` run over
all of them, against the shipped policies, gives each its findings.

The government pack grows over time. For each vendor, the kinds of identity
(organisations, domains, CPE vendors, purls, products, hashes) that none of
the vendor's shipped bans declares come from a fallback ban written into a
temporary policy, so every case meets a ban that declares its kind, and
meets the pack's own ban as soon as there is one. A shipped ban belongs to a
vendor when the vendor's reference identity (its legal name, or a domain)
matches it.

The verdicts are the pack's, and its dates differ from vendor to vendor, so
the table states an invariant instead of a verdict: an exact or strong match
gets, ban by ban, the same status as the vendor's reference spelling; a
product name alone never denies (a denial becomes a warning).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from enforcer import Enforcer, Options
from tests.conftest import POLICIES, run_cli, write_cdx

AS_OF = "2025-06-01"
KASPERSKY_HASH = "a3f1" * 16
HUAWEI_HASH = "0b5e" * 16
KINDS = ("organizations", "domains", "cpe_vendors", "purls", "products", "hashes")

#: What each vendor is known by (../shared/reference/government-bans.json). `reference` is the
#: identity that finds the vendor's shipped bans, and the case whose statuses the others must equal.
VENDORS: dict[str, dict[str, Any]] = {
    "Kaspersky": {
        "reference": ("org", "AO Kaspersky Lab", "ksp-legal-name"),
        "organizations": ["AO Kaspersky Lab", "Kaspersky Lab", "Kaspersky Labs Limited", "Лаборатория Касперского"],
        "domains": ["kaspersky.com", "kaspersky.ru", "kaspersky-labs.com", "kaspersky.co.uk"],
        "cpe_vendors": ["kaspersky", "kaspersky_lab"],
        "purls": ["pkg:*/com.kaspersky", "pkg:npm/@kaspersky", "pkg:nuget/kaspersky"],
        "products": ["kaspersky"],
        "hashes": [KASPERSKY_HASH],
    },
    "Huawei": {
        "reference": ("org", "Huawei Technologies Co., Ltd.", "hw-legal-name"),
        "organizations": ["Huawei Technologies Co., Ltd.", "Huawei Technologies Company", "Huawei"],
        "domains": ["huawei.com"],
        "cpe_vendors": ["huawei"],
        "purls": ["pkg:maven/com.huawei"],
        "hashes": [HUAWEI_HASH],
    },
    "ZTE": {
        "reference": ("org", "ZTE Corporation", "zte-legal-name"),
        "organizations": ["ZTE Corporation", "ZTE", "Zhongxing Telecommunication Equipment Corporation"],
        "domains": ["zte.com.cn"],
    },
    "Hytera": {
        "reference": ("org", "Hytera Communications Corporation Limited", "hy-legal-name"),
        "organizations": ["Hytera Communications Corporation Limited", "Hytera"],
        "domains": ["hytera.com"],
    },
    "Hikvision": {
        "reference": ("org", "Hangzhou Hikvision Digital Technology Co., Ltd.", "hik-legal-name"),
        "organizations": ["Hangzhou Hikvision Digital Technology Co., Ltd.", "Hikvision"],
        "domains": ["hikvision.com"],
        "cpe_vendors": ["hikvision"],
        "products": ["hikvision"],
    },
    "Dahua": {
        "reference": ("org", "Zhejiang Dahua Technology Co., Ltd.", "dahua-legal-name"),
        "organizations": ["Zhejiang Dahua Technology Co., Ltd.", "Dahua Technology Company", "Dahua"],
        "domains": ["dahuasecurity.com"],
    },
    "ByteDance": {
        "reference": ("org", "ByteDance Ltd.", "bd-legal-name"),
        "organizations": ["ByteDance Ltd.", "ByteDance Limited"],
    },
    "TikTok": {
        "reference": ("org", "TikTok Inc.", "tt-inc"),
        "organizations": ["TikTok Inc.", "TikTok Pte. Ltd.", "TikTok"],
        "domains": ["tiktok.com"],
    },
    "DeepSeek": {
        "reference": ("org", "DeepSeek", "ds-brand"),
        "organizations": ["Hangzhou DeepSeek Artificial Intelligence Basic Technology Research Co., Ltd.", "DeepSeek"],
        "domains": ["deepseek.com"],
        "purls": ["pkg:huggingface/deepseek-ai"],
        "products": ["deepseek"],
    },
    "WeChat": {
        "reference": ("url", "https://www.wechat.com", "wc-site"),
        "domains": ["wechat.com"],
        "purls": ["pkg:*/com.tencent.mm"],
        "products": ["wechat"],
    },
}


@dataclass(frozen=True)
class Case:
    id: str
    #: the vendor whose ban must match, or None for a near-miss that must match nothing
    vendor: str | None
    component: dict[str, Any]
    #: the matcher the finding must show
    matcher: str = ""
    #: ban id prefix -> the coverage decision its finding must carry; given, it replaces the comparison with
    #: the reference spelling (whose component is an application): a kind or a product changes the verdict
    coverage: tuple[tuple[str, str], ...] = ()

    @property
    def weak(self) -> bool:
        return self.matcher in ("product", "person-name")


def named(name: str, **fields: Any) -> dict[str, Any]:
    """A component of one kind for every spelling (an application), so only identity tells verdicts apart."""
    return {"type": "application", "name": name, "version": "1.0", **fields}


def supplier(name: str, **entity: Any) -> dict[str, Any]:
    """A component whose supplier is `name` (with `url=[...]` or `contact=[...]` if given)."""
    return named("component", supplier={"name": name, **entity})


def website(url: str) -> dict[str, Any]:
    return named("component", externalReferences=[{"type": "website", "url": url}])


def author_email(address: str) -> dict[str, Any]:
    return named("component", authors=[{"name": "A. Developer", "email": address}])


def hit(case_id: str, vendor: str, component: dict[str, Any], matcher: str) -> Case:
    return Case(case_id, vendor, component, matcher)


def miss(case_id: str, component: dict[str, Any]) -> Case:
    return Case(case_id, None, component)


def covered(case_id: str, vendor: str, component: dict[str, Any], matcher: str, **decisions: str) -> Case:
    """A hit whose verdict follows from what each ban covers: `ban_prefix=decision` (underscores for dashes)."""
    pairs = tuple((ban.replace("_", "-"), decision) for ban, decision in decisions.items())
    return Case(case_id, vendor, component, matcher, pairs)


def person(name: str, **fields: Any) -> dict[str, Any]:
    """A Python library whose author is the person `name`."""
    return {"type": "library", "name": "vision-toolkit", "version": "2.1.0", "authors": [{"name": name}], **fields}


CASES = [
    # -- Kaspersky: the spellings SBOMs really carry ---------------------------------------
    hit("ksp-legal-name", "Kaspersky", supplier("AO Kaspersky Lab"), "organization"),
    hit("ksp-labs-ltd", "Kaspersky", supplier("Kaspersky Labs Ltd."), "organization"),
    hit("ksp-upper-case", "Kaspersky", supplier("KASPERSKY"), "organization"),
    hit("ksp-cyrillic", "Kaspersky", supplier("Лаборатория Касперского"), "organization"),
    hit("ksp-cyrillic-ao-quotes", "Kaspersky", supplier("АО «Лаборатория Касперского»"), "organization"),
    hit("ksp-cyrillic-zao", "Kaspersky", supplier("ЗАО Лаборатория Касперского"), "organization"),
    hit("ksp-old-zao", "Kaspersky", supplier("Kaspersky Lab ZAO"), "organization"),
    hit("ksp-jsc-quoted", "Kaspersky", supplier('JSC "Kaspersky Lab"'), "organization"),
    hit("ksp-inc-comma", "Kaspersky", supplier("Kaspersky Lab, Inc."), "organization"),
    hit("ksp-lower-inc", "Kaspersky", supplier("kaspersky lab inc"), "organization"),
    hit("ksp-fullwidth", "Kaspersky", supplier("Ｋａｓｐｅｒｓｋｙ Ｌａｂ"), "organization"),
    hit("ksp-extra-spaces", "Kaspersky", supplier("  Kaspersky   Lab ,  Ltd  "), "organization"),
    hit(
        "ksp-spdx-wrapper",
        "Kaspersky",
        named("agent", publisher="Organization: Kaspersky Lab (a@b.example)"),
        "organization",
    ),
    hit("ksp-author-field", "Kaspersky", named("agent", author="Kaspersky Lab"), "organization"),
    hit("ksp-manufacturer", "Kaspersky", named("agent", manufacturer={"name": "AO Kaspersky Lab"}), "organization"),
    hit("ksp-subsidiary-prefix", "Kaspersky", supplier("Kaspersky Lab Switzerland GmbH"), "organization-prefix"),
    hit("ksp-cpe23", "Kaspersky", named("av", cpe="cpe:2.3:a:kaspersky:anti-virus:21.3:*:*:*:*:*:*:*"), "cpe-vendor"),
    hit("ksp-cpe22", "Kaspersky", named("av", cpe="cpe:/a:kaspersky_lab:kaspersky_anti-virus:6.0"), "cpe-vendor"),
    hit("ksp-cpe-upper", "Kaspersky", named("av", cpe="cpe:2.3:a:KASPERSKY:endpoint:*:*:*:*:*:*:*:*"), "cpe-vendor"),
    hit("ksp-nuget", "Kaspersky", named("sdk", purl="pkg:nuget/Kaspersky.Sdk@1.0.0"), "purl"),
    hit("ksp-npm-scope-encoded", "Kaspersky", named("sdk", purl="pkg:npm/%40kaspersky/sdk@2.0.0"), "purl"),
    hit("ksp-npm-scope", "Kaspersky", named("agent", purl="pkg:npm/@kaspersky/agent@1.0.0"), "purl"),
    hit("ksp-maven", "Kaspersky", named("kes", purl="pkg:maven/com.kaspersky.components/kes@1.0"), "purl"),
    hit("ksp-group-only", "Kaspersky", named("ksn-client", group="com.kaspersky"), "group"),
    hit("ksp-supplier-url", "Kaspersky", supplier("Reseller", url=["https://support.kaspersky.com/help"]), "domain"),
    hit("ksp-author-email", "Kaspersky", author_email("dev@kaspersky.ru"), "domain"),
    hit("ksp-external-ref", "Kaspersky", website("https://www.kaspersky.co.uk/downloads"), "domain"),
    hit(
        "ksp-repository-url",
        "Kaspersky",
        named("agent", purl="pkg:generic/agent@1.0?repository_url=https://repo.kaspersky-labs.com/x"),
        "domain",
    ),
    hit(
        "ksp-contact-email-upper",
        "Kaspersky",
        supplier("OEM", contact=[{"name": "Sales", "email": "Info@KASPERSKY.COM"}]),
        "domain",
    ),
    hit("ksp-hash", "Kaspersky", named("blob", hashes=[{"alg": "SHA-256", "content": KASPERSKY_HASH.upper()}]), "hash"),
    hit("ksp-product-name-only", "Kaspersky", named("kaspersky-endpoint-agent"), "product"),
    # the whole name is a product the Commerce rule names: strong, not a stray word
    hit("ksp-product-dotted", "Kaspersky", named("Kaspersky.Endpoint.Security"), "product-name"),
    # -- Kaspersky near-misses ----------------------------------------------------------------
    miss("ksp-kasper-systems", supplier("Kasper Systems GmbH")),
    miss("ksp-ish-theme", named("kasperskyish-theme", supplier={"name": "Someone Else"})),
    miss("ksp-notkaspersky-domain", supplier("Acme", url=["https://notkaspersky.com"])),
    miss("ksp-domain-as-subdomain", author_email("a@kaspersky.com.evil.example")),
    miss("ksp-kasparov", supplier("Kasparov Chess Ltd")),
    miss("ksp-maven-boundary", named("theme", purl="pkg:maven/com.kasperskyish/theme@1.0")),
    miss("ksp-nuget-boundary", named("tools", purl="pkg:nuget/KasperskyLab.Tools@1.0")),
    miss("ksp-cpe-other-vendor", named("plugin", cpe="cpe:2.3:a:kasperskyish:theme:1.0:*:*:*:*:*:*:*")),
    miss("ksp-name-in-middle", supplier("Friends of Kaspersky Users Club")),
    miss("ksp-label-in-host", website("https://kaspersky.community.example.org")),
    miss("ksp-other-hash", named("blob", hashes=[{"alg": "SHA-256", "content": "a3f1" * 15 + "0000"}])),
    # -- Huawei -------------------------------------------------------------------------------
    hit("hw-legal-name", "Huawei", supplier("Huawei Technologies Co., Ltd."), "organization"),
    hit("hw-upper-no-space", "Huawei", supplier("HUAWEI TECHNOLOGIES CO.,LTD"), "organization"),
    hit("hw-no-dots", "Huawei", supplier("Huawei Technologies Co Ltd"), "organization"),
    hit("hw-bare-brand", "Huawei", supplier("Huawei"), "organization"),
    hit("hw-device-subsidiary", "Huawei", supplier("Huawei Device Co., Ltd."), "organization-prefix"),
    hit("hw-consumer-url", "Huawei", supplier("OEM", url=["https://consumer.huawei.com/en/"]), "domain"),
    hit("hw-email", "Huawei", author_email("opensource@huawei.com"), "domain"),
    hit("hw-maven-hms", "Huawei", named("push", purl="pkg:maven/com.huawei.hms/push@6.1.0"), "purl"),
    hit("hw-cpe", "Huawei", named("fw", cpe="cpe:2.3:o:huawei:vrp:8.0:*:*:*:*:*:*:*"), "cpe-vendor"),
    hit("hw-hash", "Huawei", named("blob", hashes=[{"alg": "SHA-256", "content": HUAWEI_HASH}]), "hash"),
    miss("hw-typo-squat-purl", named("app", purl="pkg:maven/com.huaweii/app@1.0")),
    miss("hw-not-the-domain", supplier("Acme", url=["https://nothuawei.com"])),
    miss("hw-split-words", supplier("Hua Wei Restaurant Ltd")),
    # -- ZTE, Hytera ----------------------------------------------------------------------------
    hit("zte-legal-name", "ZTE", supplier("ZTE Corporation"), "organization"),
    hit("zte-corp-dot", "ZTE", supplier("ZTE Corp."), "organization"),
    hit("zte-lower", "ZTE", supplier("zte corporation"), "organization"),
    hit("zte-full-name", "ZTE", supplier("Zhongxing Telecommunication Equipment Corporation"), "organization"),
    hit("zte-email", "ZTE", author_email("support@zte.com.cn"), "domain"),
    miss("zte-aztec", supplier("Aztec Software Inc")),
    miss("zte-not-the-domain", author_email("x@notzte.com.cn")),
    hit("hy-legal-name", "Hytera", supplier("Hytera Communications Corporation Limited"), "organization"),
    hit("hy-corp", "Hytera", supplier("Hytera Communications Corp."), "organization"),
    hit("hy-url", "Hytera", website("https://www.hytera.com/en/"), "domain"),
    miss("hy-lookalike", supplier("Hyterra Farms Inc")),
    # -- Hikvision, Dahua -------------------------------------------------------------------------
    hit("hik-legal-name", "Hikvision", supplier("Hangzhou Hikvision Digital Technology Co., Ltd."), "organization"),
    hit("hik-upper-brand", "Hikvision", supplier("HIKVISION"), "organization"),
    hit("hik-brand-prefix", "Hikvision", supplier("Hikvision Digital Technology"), "organization-prefix"),
    hit("hik-url", "Hikvision", website("https://www.hikvision.com/en/"), "domain"),
    hit(
        "hik-cpe",
        "Hikvision",
        named("cam", cpe="cpe:2.3:o:hikvision:ds-2cd2032-i_firmware:5.4:*:*:*:*:*:*:*"),
        "cpe-vendor",
    ),
    hit("hik-product-only", "Hikvision", named("hikvision-sdk-wrapper"), "product"),
    miss("hik-hikari", supplier("Hikari Vision Ltd")),
    miss("hik-domain-suffix", website("https://hikvision.com.fake.example")),
    hit("dahua-legal-name", "Dahua", supplier("Zhejiang Dahua Technology Co., Ltd."), "organization"),
    hit("dahua-company", "Dahua", supplier("Dahua Technology Company"), "organization"),
    hit("dahua-url", "Dahua", supplier("OEM", url=["https://www.dahuasecurity.com"]), "domain"),
    miss("dahua-split-words", supplier("Da Hua Foods GmbH")),
    miss("dahua-other-domain", website("https://dahua.example.org")),
    # -- ByteDance, TikTok ------------------------------------------------------------------------
    hit("bd-legal-name", "ByteDance", supplier("ByteDance Ltd."), "organization"),
    hit("bd-limited", "ByteDance", supplier("Bytedance Limited"), "organization"),
    hit("bd-upper", "ByteDance", supplier("BYTEDANCE"), "organization"),
    miss("bd-split-words", supplier("Byte Dance Studio")),
    hit("tt-inc", "TikTok", supplier("TikTok Inc."), "organization"),
    hit("tt-pte", "TikTok", supplier("TikTok Pte. Ltd."), "organization"),
    hit("tt-url", "TikTok", website("https://www.tiktok.com/"), "domain"),
    miss("tt-lookalike-domain", website("https://tiktokker.example.com")),
    # -- DeepSeek, WeChat ---------------------------------------------------------------------------
    hit("ds-brand", "DeepSeek", supplier("DeepSeek"), "organization"),
    hit(
        "ds-legal-name",
        "DeepSeek",
        supplier("Hangzhou DeepSeek Artificial Intelligence Basic Technology Research Co., Ltd."),
        "organization",
    ),
    hit("ds-api-url", "DeepSeek", website("https://api.deepseek.com/v1"), "domain"),
    hit("ds-model-purl", "DeepSeek", named("DeepSeek-R1", purl="pkg:huggingface/deepseek-ai/DeepSeek-R1@main"), "purl"),
    hit("ds-product-only", "DeepSeek", named("deepseek-coder-gguf"), "product"),
    miss("ds-split-words", supplier("Deep Seek Marine Ltd")),
    hit("wc-site", "WeChat", website("https://www.wechat.com"), "domain"),
    hit(
        "wc-sdk-purl", "WeChat", named("sdk", purl="pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0"), "purl"
    ),
    hit("wc-product-only", "WeChat", named("wechat-mini-program-tools"), "product"),
    miss("wc-mmkv-boundary", named("mmkv", purl="pkg:maven/com.tencent/mmkv@1.3.4")),
    # -- people are not companies ------------------------------------------------------------------
    covered("dahua-person-author", "Dahua", person("Dahua Lin"), "person-name", us_ndaa_fy2019_sec889="person"),
    covered("huawei-person-contact", "Huawei", person("Huawei Zhang"), "person-name", us_ndaa_fy2019_sec889="person"),
    covered(
        "hw-person-with-company-email",
        "Huawei",
        person("Huawei Zhang", authors=[{"name": "Huawei Zhang", "email": "zhang@huawei.com"}]),
        "domain",
        us_ndaa_fy2019_sec889="outside",
    ),
    hit("ksp-company-as-author", "Kaspersky", named("agent", author="Kaspersky Lab"), "organization"),
    miss("dahua-not-first-word", person("Lin Dahua")),
    miss("ksp-person-kasper", person("Kasper Sky")),
    # -- an SDK is not the device -----------------------------------------------------------------
    covered(
        "hw-hms-sdk-is-a-library",
        "Huawei",
        {"type": "library", "name": "push", "version": "6.1.0", "purl": "pkg:maven/com.huawei.hms/push@6.1.0"},
        "purl",
        us_fcc_22_84_equipment_authorization="outside",
        us_ndaa_fy2019_sec889="outside",
    ),
    covered(
        "hw-router-firmware",
        "Huawei",
        {
            "type": "firmware",
            "name": "ar-router-os",
            "version": "8.0",
            "supplier": {"name": "Huawei Technologies Co., Ltd."},
        },
        "organization",
        us_fcc_22_84_equipment_authorization="covered",
        us_ndaa_fy2019_sec889="covered",
    ),
    covered(
        "hw-cloud-sdk-pypi-prefix",
        "Huawei",
        {"type": "library", "name": "huaweicloudsdkcore", "version": "3.1", "purl": "pkg:pypi/huaweicloudsdkcore@3.1"},
        "purl",
        us_fcc_22_84_equipment_authorization="outside",
    ),
    covered(
        "hik-camera-device",
        "Hikvision",
        {"type": "device", "name": "DS-2CD2032-I", "version": "5.4", "manufacturer": {"name": "Hikvision"}},
        "organization",
        us_fcc_22_84_equipment_authorization="covered",
    ),
    # -- app ids and named products -------------------------------------------------------------------
    covered(
        "tt-android-app-id",
        "TikTok",
        {"type": "application", "name": "com.zhiliaoapp.musically", "version": "37.1.4"},
        "app-id",
        us_pafaca_tiktok="product",
    ),
    covered(
        "tt-app-id-in-a-purl",
        "TikTok",
        {"type": "application", "name": "tiktok", "purl": "pkg:generic/com.zhiliaoapp.musically@37.1.4"},
        "app-id",
        us_pafaca_tiktok="product",
    ),
    covered(
        "tt-camel-case-sdk",
        "TikTok",
        {"type": "library", "name": "TikTokOpenSDKCore", "version": "2.3.0", "supplier": {"name": "TikTok Pte. Ltd."}},
        "organization",
        us_pafaca_tiktok="outside",
    ),
    miss("tt-tiktoken-is-not-tiktok", {"type": "library", "name": "tiktoken", "purl": "pkg:pypi/tiktoken@0.7.0"}),
    miss("ds-deepseeker-is-not-deepseek", {"type": "library", "name": "deepseeker", "purl": "pkg:npm/deepseeker@1.0"}),
    # -- subsidiaries and the vendors' own domains ------------------------------------------------------
    hit("hik-ezviz-subsidiary", "Hikvision", supplier("Hangzhou EZVIZ Network Co., Ltd."), "organization"),
    hit("hik-ezviz-domain", "Hikvision", website("https://www.ezviz.com/product/c6n"), "domain"),
    hit("dahua-own-domain", "Dahua", author_email("sdk@dahuatech.com"), "domain"),
    miss("hik-ezviz-lookalike", supplier("Easyviz Systems Ltd")),
    # -- a repository on a forge, however the purl names it --------------------------------------------
    hit("ksp-github-purl", "Kaspersky", named("klara", purl="pkg:github/KasperskyLab/klara@1.0.0"), "purl"),
    hit(
        "ksp-go-forge-purl", "Kaspersky", named("klara", purl="pkg:golang/github.com/KasperskyLab/klara@v1.0.0"), "purl"
    ),
    miss("ksp-github-other-org", named("x", purl="pkg:github/KasperskyLabs-fan/x@1.0")),
    miss("ksp-github-user-repo", named("notes", purl="pkg:github/someone/kaspersky-notes-x@1.0")),
    # -- invisible characters and capitals ----------------------------------------------------------------
    hit("ksp-zero-width-space", "Kaspersky", supplier("AO Kasp\u200bersky Lab"), "organization"),
    hit("ksp-soft-hyphen", "Kaspersky", supplier("Kasper\u00adsky Lab"), "organization"),
    hit("hw-capital-scheme", "Huawei", named("push", purl="PKG:maven/com.huawei.hms/push@6.1.0"), "purl"),
]


def _fallback_policy(path: Path) -> dict[str, set[str]]:
    """Write the fallback bans; return each vendor's bans (shipped and fallback) by id."""
    with Enforcer(Options(policies=[POLICIES])) as enforcer:
        index = enforcer.index
        owned = {
            vendor: {index.bans[number].id for number, *_ in index.lookup(facts["reference"][0], facts["reference"][1])}
            for vendor, facts in VENDORS.items()
        }
        declared = {
            vendor: {
                kind for kind in KINDS for ban in index.bans if ban.id in owned[vendor] and getattr(ban.match, kind)
            }
            for vendor in VENDORS
        }
    rules = []
    for vendor, facts in VENDORS.items():
        missing = {kind: facts[kind] for kind in KINDS if kind in facts and kind not in declared[vendor]}
        if not missing:
            continue
        ban_id = f"{FALLBACK}{vendor.lower()}"
        owned[vendor].add(ban_id)
        ban = {
            "id": ban_id,
            "vendor": f"{vendor} (test fallback)",
            "match": missing,
            "phases": [{"effect": "deny", "from": "2020-01-01", "summary": "identity test fallback"}],
            "scopes": ["identity-test"],
        }
        rules.append(f"bans contains {json.dumps(ban, ensure_ascii=False)}")
    path.write_text("package enforcer.bans\n\nimport rego.v1\n\n" + "\n\n".join(rules) + "\n", encoding="utf-8")
    return owned


FALLBACK = "identity-test-"


@dataclass
class IdentityRun:
    findings: dict[str, list[dict[str, Any]]]
    #: vendor -> ids of its bans (shipped and fallback)
    owned: dict[str, set[str]]
    policy: Path
    sboms: Path

    def reference(self, vendor: str) -> dict[str, str]:
        """Ban id -> status for the vendor's reference spelling."""
        return {f["ban"]: f["status"] for f in self.findings[VENDORS[vendor]["reference"][2]]}


@pytest.fixture(scope="module")
def identity_run(tmp_path_factory) -> IdentityRun:
    """One `enforcer check` over a directory holding one SBOM per case."""
    root = tmp_path_factory.mktemp("identity")
    policy = root / "fallback.rego"
    owned = _fallback_policy(policy)
    sboms = root / "sboms"
    sboms.mkdir()
    for case in CASES:
        write_cdx(sboms / f"{case.id}.cdx.json", [case.component])
    args = ["check", str(sboms), "-p", str(POLICIES), "-p", str(policy), "--as-of", AS_OF, "--format", "json"]
    result = run_cli(*args)
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    findings = {Path(sbom["path"]).name.removesuffix(".cdx.json"): sbom["findings"] for sbom in report["sboms"]}
    assert len(findings) == len(CASES)
    return IdentityRun(findings, owned, policy, sboms)


def test_the_table_is_big_and_balanced():
    ids = [case.id for case in CASES]
    assert len(set(ids)) == len(ids) >= 60
    assert sum(case.vendor is None for case in CASES) >= 25
    assert {case.vendor for case in CASES} == {None, *VENDORS}
    assert all(VENDORS[vendor]["reference"][2] in ids for vendor in VENDORS)


@pytest.mark.parametrize(("vendor", "ban"), [("Kaspersky", "us-commerce-icts-kaspersky-2024")])
def test_the_reference_spelling_is_denied(identity_run, vendor, ban):
    assert identity_run.reference(vendor)[ban] == "deny"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_identity(identity_run, case):
    findings = identity_run.findings[case.id]
    if case.vendor is None:
        assert findings == [], f"a near-miss matched: {findings}"
        return
    mine = [f for f in findings if f["ban"] in identity_run.owned[case.vendor]]
    assert mine, f"no {case.vendor} ban matched; findings: {findings}"
    assert any(m["matcher"] == case.matcher for f in mine for m in f["matches"]), mine
    for f in mine:
        for m in f["matches"]:
            assert m["key"] and m["value"] and m["field"] and m["alias"], m
    if case.coverage:
        for prefix, decision in case.coverage:
            decided = [f for f in mine if f["ban"].startswith(prefix)]
            assert decided, f"no finding of {prefix}: {[f['ban'] for f in mine]}"
            assert {f["coverage"]["decision"] for f in decided} == {decision}, decided
            if decision in ("outside", "person", "excluded"):
                assert all(f["status"] != "deny" for f in decided), decided
        if case.matcher == "person-name":
            assert all(f["status"] == "allow" for f in mine), mine
        return
    reference = identity_run.reference(case.vendor)
    for f in mine:
        expected = "deny" if f["ban"].startswith(FALLBACK) else reference.get(f["ban"])
        if expected is None:  # a ban this spelling reaches and the reference does not
            continue
        if case.weak:  # a product name alone: a denial becomes a warning
            assert {m["confidence"] for m in f["matches"]} == {"weak"}, f
            expected = "warn" if expected == "deny" else expected
        else:
            assert any(m["confidence"] in ("exact", "strong") for m in f["matches"]), f
        if f["coverage"]["decision"] == "product":
            # a product the ban names is covered whatever else the ban covers: at least the reference's verdict
            assert f["status"] == "deny" or f["status"] == expected, f
            continue
        assert f["status"] == expected, f"{f['ban']}: {f['status']} (the reference spelling gets {expected})"
    if case.weak:
        assert all(f["status"] != "deny" for f in findings), findings


#: The spellings the requirements name, each checked on its own: exit 1 is a denial.
EXIT_CASES = [
    ("ksp-cyrillic", 1),
    ("ksp-nuget", 1),
    ("ksp-supplier-url", 1),
    ("ksp-kasper-systems", 0),
    ("ksp-ish-theme", 0),
    ("ksp-notkaspersky-domain", 0),
]


@pytest.mark.parametrize(("case_id", "code"), EXIT_CASES, ids=[case_id for case_id, _ in EXIT_CASES])
def test_exit_code_of_a_single_sbom(cli, identity_run, case_id, code):
    sbom = identity_run.sboms / f"{case_id}.cdx.json"
    result = cli("check", sbom, "-p", POLICIES, "-p", identity_run.policy, "--as-of", AS_OF)
    assert result.exit_code == code, result.stdout + result.stderr


def test_explain_shows_field_value_key_matcher_confidence_and_alias(cli, identity_run):
    sbom = identity_run.sboms / "ksp-labs-ltd.cdx.json"
    result = cli("check", sbom, "-p", POLICIES, "-p", identity_run.policy, "--as-of", AS_OF, "--explain")
    assert result.exit_code == 1
    assert (
        "matched supplier.name='Kaspersky Labs Ltd.' -> organization key 'kaspersky labs'"
        " via alias 'Kaspersky Labs Limited' (exact; role supplier, organization)"
    ) in result.stdout
