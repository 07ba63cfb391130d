"""Normalisation: the keys that organisation names, hosts, CPEs and purls are matched by."""

from __future__ import annotations

import doctest

import pytest

from enforcer.match import normalise as norm


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("AO Kaspersky Lab", "kaspersky lab"),
        ("Kaspersky Lab, Inc.", "kaspersky lab"),
        ("KASPERSKY LAB", "kaspersky lab"),
        ("Kaspersky Labs Ltd.", "kaspersky labs"),
        ("Kaspersky Lab ZAO", "kaspersky lab"),
        ('JSC "Kaspersky Lab"', "kaspersky lab"),
        ("Organization: Kaspersky Lab (info@kaspersky.com)", "kaspersky lab"),
        ("Person: Jane Doe <jane@example.org>", "jane doe"),
        ("Ｋａｓｐｅｒｓｋｙ　Ｌａｂ", "kaspersky lab"),
        ("  Kaspersky\tLab ,  Ltd  ", "kaspersky lab"),
        ("Лаборатория Касперского", "лаборатория касперского"),
        ("АО «Лаборатория Касперского»", "лаборатория касперского"),
        ("ЗАО Лаборатория Касперского", "лаборатория касперского"),
        ("ООО «Касперский»", "касперский"),
        ("ПАО Ростелеком", "ростелеком"),
        ("Huawei Technologies Co., Ltd.", "huawei technologies"),
        ("HUAWEI TECHNOLOGIES CO.,LTD", "huawei technologies"),
        ("Huawei Technologies Co Ltd", "huawei technologies"),
        ("ZTE Corporation", "zte"),
        ("ZTE Corp.", "zte"),
        ("Hytera Communications Corporation Limited", "hytera communications"),
        ("Acme GmbH", "acme"),
        ("Acme AG", "acme"),
        ("Acme S.A.", "acme"),
        ("Acme S. A.", "acme"),
        ("Acme SAS", "acme"),
        ("Acme B.V.", "acme"),
        ("Acme AB", "acme"),
        ("Acme Oy", "acme"),
        ("Acme OÜ", "acme"),
        ("Acme PLC", "acme"),
        ("Acme LLC", "acme"),
        ("Acme A/S", "acme"),
        ("Acme Sp. z o.o.", "acme"),
        ("Acme s.r.o.", "acme"),
        ("Acme Pvt. Ltd.", "acme"),
        ("Acme Private Limited", "acme"),
        ("Grupo Acme S.A. de C.V.", "grupo acme"),
        ("Acme Ltda.", "acme"),
        ("Société Générale S.A.", "societe generale"),
        ("Ørsted A/S", "orsted"),
        ("华为技术有限公司", "华为技术"),
        ("株式会社日立製作所", "日立製作所"),
        ("Co. Ltd", "co"),  # never strips the last word
        ("Kasper Systems GmbH", "kasper systems"),
        ("NOASSERTION", ""),
        ("", ""),
    ],
)
def test_org_key(raw, key):
    assert norm.org_key(raw) == key


@pytest.mark.parametrize(
    ("raw", "hosts"),
    [
        ("https://support.kaspersky.com/help?x=1", ("support.kaspersky.com",)),
        ("HTTPS://Support.Kaspersky.COM:443/", ("support.kaspersky.com",)),
        ("mailto:info@kaspersky.com", ("kaspersky.com",)),
        ("Jane <jane@Kaspersky.RU>", ("kaspersky.ru",)),
        ("www.kaspersky.co.uk/downloads", ("www.kaspersky.co.uk",)),
        ("git@github.com:KasperskyLab/x.git", ("github.com",)),
        ("git+https://github.com/KasperskyLab/x.git", ("github.com",)),
        ("https://касперский.рф/", ("xn--80akjebc7ajgd.xn--p1ai",)),
        ("https://192.168.1.1/", ()),
        ("Kaspersky Lab", ()),
        ("", ()),
    ],
)
def test_domains_in(raw, hosts):
    assert norm.domains_in(raw) == hosts


@pytest.mark.parametrize(
    ("host", "parents"),
    [
        ("a.support.kaspersky.com", ["a.support.kaspersky.com", "support.kaspersky.com", "kaspersky.com"]),
        ("notkaspersky.com", ["notkaspersky.com"]),
        ("kaspersky.com.evil.example", ["kaspersky.com.evil.example", "com.evil.example", "evil.example"]),
    ],
)
def test_parent_domains_never_cut_inside_a_label(host, parents):
    assert norm.parent_domains(host) == parents


@pytest.mark.parametrize(
    ("raw", "vendor"),
    [
        ("cpe:2.3:a:kaspersky:anti-virus:21.3:*:*:*:*:*:*:*", "kaspersky"),
        ("cpe:2.3:a:KASPERSKY:x:*:*:*:*:*:*:*:*", "kaspersky"),
        ("cpe:/a:kaspersky_lab:kav:6.0", "kaspersky_lab"),
        ("cpe:2.3:a:at\\&t:x:*:*:*:*:*:*:*:*", "at&t"),
        ("cpe:2.3:a:*:x:*:*:*:*:*:*:*:*", None),
        ("not a cpe", None),
    ],
)
def test_cpe_vendor(raw, vendor):
    assert norm.cpe_vendor(raw) == vendor


@pytest.mark.parametrize(
    ("raw", "parts"),
    [
        ("pkg:nuget/Kaspersky.Sdk@1.0.0", ("nuget", "kaspersky.sdk", "")),
        ("pkg:npm/%40kaspersky/sdk@2.0.0", ("npm", "@kaspersky/sdk", "")),
        ("pkg:maven/com.huawei.hms/push@6.1.0?type=aar", ("maven", "com.huawei.hms/push", "type=aar")),
        (
            "pkg:generic/agent@1.0?repository_url=https://repo.example/x",
            ("generic", "agent", "repository_url=https://repo.example/x"),
        ),
        ("pkg:npm", None),
        ("npm/left-pad", None),
    ],
)
def test_purl_path(raw, parts):
    assert norm.purl_path(raw) == parts


@pytest.mark.parametrize(
    ("pattern", "key"),
    [
        ("pkg:maven/com.huawei.*", ("maven", "com.huawei", False)),
        ("pkg:npm/@kaspersky/*", ("npm", "@kaspersky", False)),
        ("pkg:*/com.kaspersky", ("*", "com.kaspersky", False)),
        ("pkg:NuGet/Kaspersky", ("nuget", "kaspersky", False)),
        ("pkg:pypi/huaweicloudsdk*", ("pypi", "huaweicloudsdk", True)),
        ("pkg:github/KasperskyLab", ("github", "github.com/kasperskylab", False)),
    ],
)
def test_purl_pattern(pattern, key):
    assert norm.purl_pattern(pattern) == key


def test_latin_fold_keeps_other_scripts():
    assert norm.latin_fold("société générale ñandú") == "societe generale nandu"
    assert norm.latin_fold("йошкар-ола ёлка") == "йошкар-ола ёлка"
    assert norm.latin_fold("हुआवेई") == "हुआवेई"


def test_name_tokens():
    assert norm.name_tokens("Kaspersky.Endpoint-Security_SDK") == ("kaspersky", "endpoint", "security", "sdk")
    assert norm.name_tokens("kasperskyish-theme") == ("kasperskyish", "theme")


def test_the_docstring_examples_hold():
    failures, attempted = doctest.testmod(norm)
    assert attempted > 10 and failures == 0
