"""The match index: which ban a value reaches, through which matcher and which alias."""

from __future__ import annotations

import msgspec
import pytest

from enforcer._models import Ban
from enforcer._records import CPE, GROUP, HASH, NAME, ORG, PURL, URL
from enforcer.match.index import MatchIndex

DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

BANS = [
    msgspec.convert(
        {
            "id": "kaspersky",
            "vendor": "Kaspersky",
            "match": {
                "organizations": ["AO Kaspersky Lab", "Kaspersky Labs Limited", "Kaspersky", "Лаборатория Касперского"],
                "domains": ["kaspersky.com"],
                "cpe_vendors": ["Kaspersky_Lab"],
                "purls": ["pkg:*/com.kaspersky.*", "pkg:npm/@kaspersky/*", "pkg:nuget/Kaspersky"],
                "products": ["Kaspersky Endpoint"],
                "hashes": [DIGEST.upper()],
            },
            "phases": [{"effect": "deny", "from": "2024-07-20", "summary": "s"}],
        },
        Ban,
    ),
    msgspec.convert(
        {
            "id": "huawei",
            "vendor": "Huawei",
            "match": {"organizations": ["Huawei Technologies Co., Ltd.", "Huawei"], "purls": ["pkg:maven/com.huawei"]},
            "phases": [{"effect": "deny", "from": "2019-08-13", "summary": "s"}],
        },
        Ban,
    ),
]


@pytest.fixture(scope="module")
def index():
    return MatchIndex(BANS)


@pytest.mark.parametrize(
    ("kind", "raw", "ban", "matcher", "key", "alias"),
    [
        (ORG, "Kaspersky Lab, Inc.", "kaspersky", "organization", "kaspersky lab", "AO Kaspersky Lab"),
        (ORG, "KASPERSKY", "kaspersky", "organization", "kaspersky", "Kaspersky"),
        (ORG, "Kaspersky Lab Switzerland GmbH", "kaspersky", "organization-prefix", "kaspersky lab",
         "AO Kaspersky Lab"),
        (ORG, "Kaspersky Labs Ltd.", "kaspersky", "organization", "kaspersky labs", "Kaspersky Labs Limited"),
        (ORG, "ЗАО «Лаборатория Касперского»", "kaspersky", "organization", "лаборатория касперского",
         "Лаборатория Касперского"),
        (ORG, "HUAWEI TECHNOLOGIES CO.,LTD", "huawei", "organization", "huawei technologies",
         "Huawei Technologies Co., Ltd."),
        (ORG, "Huawei Device Co., Ltd.", "huawei", "organization-prefix", "huawei", "Huawei"),
        (ORG, "Jane <jane@support.kaspersky.com>", "kaspersky", "domain", "kaspersky.com", "kaspersky.com"),
        (URL, "https://a.b.kaspersky.com/x", "kaspersky", "domain", "kaspersky.com", "kaspersky.com"),
        (CPE, "cpe:2.3:a:kaspersky_lab:kav:*:*:*:*:*:*:*:*", "kaspersky", "cpe-vendor", "kaspersky_lab",
         "Kaspersky_Lab"),
        (PURL, "pkg:maven/com.kaspersky.ksn/client@1", "kaspersky", "purl", "pkg:*/com.kaspersky",
         "pkg:*/com.kaspersky.*"),
        (PURL, "pkg:npm/%40kaspersky/sdk@1", "kaspersky", "purl", "pkg:npm/@kaspersky", "pkg:npm/@kaspersky/*"),
        (PURL, "pkg:nuget/Kaspersky.Sdk@1.0.0", "kaspersky", "purl", "pkg:nuget/kaspersky", "pkg:nuget/Kaspersky"),
        (PURL, "pkg:maven/com.huawei.hms/push@6.1.0", "huawei", "purl", "pkg:maven/com.huawei",
         "pkg:maven/com.huawei"),
        (GROUP, "com.huawei.hms", "huawei", "group", "com.huawei", "pkg:maven/com.huawei"),
        (HASH, DIGEST, "kaspersky", "hash", DIGEST, DIGEST.upper()),
        (NAME, "kaspersky-endpoint-agent", "kaspersky", "product", "kaspersky endpoint", "Kaspersky Endpoint"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 26 else None,
)  # fmt: skip
def test_a_value_reaches_its_ban_through_an_alias(index, kind, raw, ban, matcher, key, alias):
    hits = [
        (index.bans[number].id, found_matcher, found_key)
        for number, found_matcher, _, found_key in index.lookup(kind, raw)
    ]
    assert (ban, matcher, key) in hits
    number = next(n for n, b in enumerate(index.bans) if b.id == ban)
    assert index.alias(number, matcher, key) == alias


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        (ORG, "Kasper Systems GmbH"),
        (ORG, "Friends of Kaspersky"),
        (URL, "https://notkaspersky.com"),
        (URL, "https://kaspersky.com.evil.example"),
        (PURL, "pkg:maven/com.kasperskyish/theme@1"),
        (PURL, "pkg:maven/com.huaweicloud/sdk-core@3"),
        (PURL, "pkg:npm/kaspersky-helper@1"),
        (GROUP, "com.huaweicloud"),
        (CPE, "cpe:2.3:a:kaspersky_lab_fans:x:*:*:*:*:*:*:*:*"),
        (NAME, "kasperskyish-theme"),
        (NAME, "kaspersky-theme"),  # one product token of two
        (HASH, DIGEST[:-1] + "0"),
    ],
)
def test_a_near_miss_reaches_no_ban(index, kind, raw):
    assert index.lookup(kind, raw) == ()


def test_an_unknown_key_has_no_alias(index):
    assert index.alias(0, "organization", "nobody") == ""
    assert index.alias(0, "no-such-matcher", "kaspersky") == ""
