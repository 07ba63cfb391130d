"""The CycloneDX fast path finds exactly what the generic record path finds.

Told what to look for, `CycloneDxJsonDocument.select` filters the component
list a column at a time and returns only the candidates; without needles it
returns every record. They must agree on every SBOM, down to each piece of
evidence, and on the component and unidentified counts.
"""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enforcer._models import Ban
from enforcer.load import read_document
from enforcer.load.cyclonedx_json import CycloneDxJsonLoader
from enforcer.match.index import MatchIndex
from fixtures.generate import generate
from tests._stages import Scanned, evidence_of, scan
from tests.conftest import FIXTURES

BANS = [
    msgspec.convert(
        {
            "id": "test-kaspersky",
            "vendor": "Kaspersky",
            "match": {
                "organizations": ["AO Kaspersky Lab", "Лаборатория Касперского"],
                "domains": ["kaspersky.com"],
                "cpe_vendors": ["kaspersky", "kaspersky_lab"],
                "purls": ["pkg:*/com.kaspersky", "pkg:npm/@kaspersky", "pkg:nuget/kaspersky"],
                "products": ["kaspersky", "kaspersky endpoint"],
            },
            "phases": [{"effect": "deny", "from": "2024-07-20", "summary": "s"}],
        },
        Ban,
    ),
    msgspec.convert(
        {
            "id": "test-huawei",
            "vendor": "Huawei",
            "match": {
                "organizations": ["Huawei Technologies Co., Ltd.", "Huawei"],
                "domains": ["huawei.com"],
                "cpe_vendors": ["huawei"],
                "purls": ["pkg:maven/com.huawei.*"],
                "hashes": ["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"],
            },
            "phases": [{"effect": "deny", "from": "2020-08-13", "summary": "s"}],
        },
        Ban,
    ),
]
INDEX = MatchIndex(BANS)


def _assert_same(document) -> Scanned:
    generic = scan(document, MatchIndex(BANS), needles=False)  # fresh caches for each path
    fast = scan(document, MatchIndex(BANS))
    assert evidence_of(fast) == evidence_of(generic)
    assert fast.components == generic.components == document.component_count
    assert fast.unidentified == generic.unidentified
    return fast


def test_generated_sbom(tmp_path):
    path = tmp_path / "gen.json"
    path.write_bytes(b"".join(generate(3000, banned_every=37, nested_every=11)))
    fast = _assert_same(read_document(str(path)))
    assert len(fast.matches) >= 40  # two of the six banned vendors of the generator are in BANS


def test_fixture_sboms():
    checked = 0
    for path in sorted(FIXTURES.rglob("*.json")):
        try:
            document = read_document(str(path))
        except Exception:  # noqa: BLE001 - fixtures of other formats or broken on purpose
            continue
        if hasattr(document, "bom"):
            _assert_same(document)
            checked += 1
    assert checked >= 1


def test_real_cyclonedx_sboms(shared):
    checked = 0
    for path in sorted((shared / "sboms" / "real").rglob("*.json")):
        text = path.read_bytes()
        if b'"bomFormat"' not in text[:4096] or b"mandrel" in path.name.encode():
            continue
        _assert_same(CycloneDxJsonLoader().load(text, str(path)))
        checked += 1
    assert checked >= 15


TRICKY_VALUES = {
    "purl": [
        "pkg:npm/%40kaspersky/sdk@1.0.0",
        "pkg:NuGet/Kaspersky.Sdk@2",
        "pkg:maven/com.huawei.hms/push@6?type=aar",
        "pkg:maven/com.huaweicloud/x@1",
        "pkg:npm/left-pad@1.3.0",
        "pkg:generic/x@1?repository_url=https://mirror.kaspersky.com/x",
        "pkg://maven/com.kaspersky/a@1",
        "pkg:pypi/%C3%A9t%C3%A9@1",
    ],
    "cpe": [
        "cpe:2.3:a:kaspersky:anti-virus:21:*:*:*:*:*:*:*",
        "cpe:2.3:a:KASPERSKY_LAB:x:1:*:*:*:*:*:*:*",
        "cpe:2.3:a:kasp\\ersky:x:1:*:*:*:*:*:*:*",
        "cpe:/a:huawei:fw:1",
        "cpe:/a:hua%77ei:fw:1",
        "cpe:2.3:a:notkaspersky:x:1:*:*:*:*:*:*:*",
    ],
    "org": [
        "AO Kaspersky Lab",
        "KASPERSKY LAB, INC.",
        "Лаборатория Касперского",
        "Huawei Device Co., Ltd.",
        "Kasper Systems GmbH",
        "Organization: Huawei (psirt@huawei.com)",
        "someone <dev@support.kaspersky.com>",
    ],
    "url": [
        "https://support.kaspersky.com/help",
        "https://notkaspersky.com/",
        "mailto:psirt@HUAWEI.COM",
        "https://xn--80aa.example/",
        "https://касперский.рф/",
        "git@github.com:kaspersky/x.git",
        "HTTPS://WWW.HUAWEI.COM",
    ],
    "name": ["kaspersky-endpoint-agent", "kasperskyish-theme", "ＫＡＳＰＥＲＳＫＹ", "left-pad", "Kaspersky Endpoint"],
    "group": ["com.huawei.hms", "com.kaspersky", "@kaspersky", "org.apache"],
    "hash": ["9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", "00"],
}


def _component(draw_values: dict[str, str | None], children: list[dict[str, object]]) -> dict[str, object]:
    component: dict[str, object] = {"type": "library", "name": draw_values.get("name") or "c"}
    if draw_values.get("purl"):
        component["purl"] = draw_values["purl"]
    if draw_values.get("cpe"):
        component["cpe"] = draw_values["cpe"]
    if draw_values.get("group"):
        component["group"] = draw_values["group"]
    if draw_values.get("org"):
        component["supplier"] = {
            "name": draw_values["org"],
            "url": [draw_values["url"]] if draw_values.get("url") else [],
        }
        component["authors"] = [{"name": draw_values["org"], "email": "a@b.org"}]
    elif draw_values.get("url"):
        component["externalReferences"] = [{"type": "website", "url": draw_values["url"]}]
    if draw_values.get("hash"):
        component["hashes"] = [{"alg": "SHA-256", "content": draw_values["hash"]}]
    if children:
        component["components"] = children
    return component


values_strategy = st.fixed_dictionaries(
    {kind: st.none() | st.sampled_from(options) for kind, options in TRICKY_VALUES.items()}
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(values_strategy, st.lists(values_strategy, max_size=2)), max_size=12))
def test_fast_path_equals_generic_path(tmp_path_factory, drawn):
    components = [_component(top, [_component(child, []) for child in children]) for top, children in drawn]
    document = {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": components}
    data = json.dumps(document).encode()
    _assert_same(CycloneDxJsonLoader().load(data, "drawn.json"))


@pytest.mark.parametrize("name", ["kaspersky-supplier.cdx.json"])
def test_shipped_fixture_has_the_finding(name):
    fast = _assert_same(read_document(str(Path(FIXTURES / "sboms" / name))))
    assert {match.component.name for match in fast.matches} == {"av-engine"}  # one match per ban that hits it
