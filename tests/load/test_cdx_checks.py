"""The CycloneDX specification checks: each rule, in both encodings, on small documents written here.

Every faulty document must load with a warning naming the JSON path or the
XML element and line; every clean one must load without. The checks have a
quick form (a typed decode, or a pass over the tree) and a form that writes
the messages: both must agree, so the valid specification examples are also
checked to pass the quick form (else each would pay for the slow one).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enforcer.load import _cdx_checks, read_document
from enforcer.load._cdx_checks import in_json, rules
from enforcer.match.index import MatchIndex

SERIAL = "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79"
XMLNS = "http://cyclonedx.org/schema/bom/"


def _json_bom(version: str = "1.6", **top: Any) -> dict[str, Any]:
    component = {"type": "library", "bom-ref": "a", "name": "acme", "version": "1.0"}
    bom: dict[str, Any] = {"bomFormat": "CycloneDX", "specVersion": version, "serialNumber": SERIAL, "version": 1}
    bom["components"] = [component]
    bom.update(top)
    return bom


def _warnings_json(tmp_path: Path, bom: dict[str, Any]) -> list[str]:
    path = tmp_path / "bom.cdx.json"
    path.write_text(json.dumps(bom), encoding="utf-8")
    return read_document(str(path)).warnings


def _warnings_xml(tmp_path: Path, body: str, version: str = "1.6", attributes: str = "") -> list[str]:
    path = tmp_path / "bom.cdx.xml"
    text = f'<?xml version="1.0"?>\n<bom xmlns="{XMLNS}{version}" version="1"{attributes}>\n{body}\n</bom>\n'
    path.write_text(text, encoding="utf-8")
    return read_document(str(path)).warnings


def _component(**fields: Any) -> Callable[[dict[str, Any]], None]:
    def change(bom: dict[str, Any]) -> None:
        bom["components"][0].update(fields)

    return change


def _top(**fields: Any) -> Callable[[dict[str, Any]], None]:
    def change(bom: dict[str, Any]) -> None:
        bom.update(fields)

    return change


def _licences(*entries: Any) -> Callable[[dict[str, Any]], None]:
    return _component(licenses=list(entries))


# (change to a clean 1.6 JSON document, the warning expected)
JSON_FAULTS = [
    (_licences({"license": {"id": "Apache-2"}}), "$.components[0].licenses[0].license.id: 'Apache-2' is not an SPDX"),
    (_licences({"license": {"id": "MIT", "name": "MIT"}}), "$.components[0].licenses[0].license: a licence has an id"),
    (_licences({"license": {}}), "$.components[0].licenses[0].license: a licence needs an id or a name"),
    (_licences({"license": {"id": "MIT"}, "expression": "MIT"}), "$.components[0].licenses[0]: an entry holds"),
    (_licences({}), "$.components[0].licenses[0]: an entry needs a licence or an expression"),
    (
        _licences({"license": {"id": "MIT"}}, {"expression": "MIT OR Apache-2.0"}),
        "$.components[0].licenses: an expression must be the only entry",
    ),
    (
        _licences({"license": {"id": "MIT", "text": {"content": "x", "encoding": "base85"}}}),
        "$.components[0].licenses[0].license.text.encoding: 'base85' is not a CycloneDX encoding",
    ),
    (_licences({"license": {"id": 7}}), "$.components[0].licenses[0].license.id: expected a string, got int"),
    (_component(licenses={"license": {"id": "MIT"}}), "$.components[0].licenses: expected an array, got dict"),
    (_component(scope="foo"), "$.components[0].scope: 'foo' is not a CycloneDX scope"),
    (_component(swid={"name": "acme"}), "$.components[0].swid.tagId: missing"),
    (_component(pedigree={"patches": [{"type": "foo"}]}), "$.components[0].pedigree.patches[0].type: 'foo' is not"),
    (_component(pedigree={"patches": [{}]}), "$.components[0].pedigree.patches[0].type: missing"),
    (
        _component(pedigree={"patches": [{"type": "backport", "resolves": [{"type": "foo"}]}]}),
        "$.components[0].pedigree.patches[0].resolves[0].type: 'foo' is not a CycloneDX issue type",
    ),
    (_component(properties=[{"value": "v"}]), "$.components[0].properties[0]: a property needs a name"),
    (_component(components=[{"type": "library", "name": "b", "scope": "x"}]), "$.components[0].components[0].scope"),
    (_top(serialNumber="urn:uuid:3e671687"), "$.serialNumber: 'urn:uuid:3e671687' is not a urn:uuid: serial"),
    (_top(metadata={"timestamp": "2024-01-02"}), "$.metadata.timestamp: '2024-01-02' is not a date and time"),
    (_top(metadata={"licenses": [{"license": {"id": "GPL"}}]}), "$.metadata.licenses[0].license.id: 'GPL' is not"),
    (_top(metadata={"properties": [{}]}), "$.metadata.properties[0]: a property needs a name"),
    (
        _top(metadata={"component": {"type": "application", "name": "r", "scope": "x"}}),
        "$.metadata.component.scope: 'x' is not",
    ),
    (_top(services=[{"name": "s", "data": [{"flow": "up", "classification": "PII"}]}]), "$.services[0].data[0].flow"),
    (_top(services=[{"name": "s", "data": [{"classification": "PII"}]}]), "$.services[0].data[0].flow: missing"),
    (
        _top(services=[{"name": "s", "services": [{"name": "t", "licenses": [{"license": {"id": "X-1"}}]}]}]),
        "$.services[0].services[0].licenses[0].license.id: 'X-1' is not an SPDX licence id",
    ),
    (_top(properties=[{"value": "v"}]), "$.properties[0]: a property needs a name"),
]


@pytest.mark.parametrize(
    ("change", "expected"), JSON_FAULTS, ids=[e.split(":")[0] + f"-{i}" for i, (_, e) in enumerate(JSON_FAULTS)]
)
def test_json_fault_warns_with_its_path(tmp_path, change, expected):
    bom = _json_bom()
    change(bom)
    warnings = _warnings_json(tmp_path, bom)
    assert any(warning.startswith(expected) for warning in warnings), warnings


# (clean JSON documents that look like faults: they must load without a warning)
JSON_CLEAN = [
    ("spdx-id-and-exception-id", _licences({"license": {"id": "MIT"}}, {"license": {"id": "Classpath-exception-2.0"}})),
    ("deprecated-spdx-id", _licences({"license": {"id": "GPL-2.0"}})),
    (
        "named-licence-and-base64",
        _licences({"license": {"name": "Acme", "text": {"content": "eA==", "encoding": "base64"}}}),
    ),
    ("one-expression", _licences({"expression": "MIT OR (Apache-2.0 AND BSD-3-Clause)"})),
    ("timestamps", _top(metadata={"timestamp": "2024-01-02T03:04:05.678+01:00"})),
    ("timestamp-without-zone", _top(metadata={"timestamp": "2024-01-02T03:04:05"})),
    (
        "scope-swid-patches",
        _component(
            scope="excluded",
            swid={"tagId": "t", "name": "n"},
            pedigree={"patches": [{"type": "cherry-pick", "resolves": [{"type": "security"}]}]},
        ),
    ),
    (
        "property-value-is-name",
        _component(properties=[{"name": "n", "value": "name"}, {"name": "brace", "value": "{x}"}]),
    ),
    ("services", _top(services=[{"name": "s", "data": [{"flow": "bi-directional", "classification": "PII"}]}])),
]


@pytest.mark.parametrize(("change",), [(c,) for _, c in JSON_CLEAN], ids=[name for name, _ in JSON_CLEAN])
def test_clean_json_loads_without_warnings(tmp_path, change):
    bom = _json_bom()
    change(bom)
    assert _warnings_json(tmp_path, bom) == []


def test_a_property_key_spaced_from_its_colon_is_a_name(tmp_path):
    path = tmp_path / "bom.cdx.json"
    bom = json.dumps(_json_bom()).replace('"version": "1.0"}', '"version": "1.0", "properties": [{"name" : "a"}]}')
    path.write_text(bom, encoding="utf-8")
    assert '"name" :' in path.read_text(encoding="utf-8")
    assert read_document(str(path)).warnings == []


# (version, change, warns): rules that came with a version of the specification
JSON_VERSIONED = [
    ("1.5", _component(properties=[{"value": "v"}]), False),
    ("1.6", _component(properties=[{"value": "v"}]), True),
    ("1.5", _licences({"license": {"id": "MIT"}}, {"expression": "MIT"}), False),
    ("1.6", _licences({"license": {"id": "MIT"}}, {"expression": "MIT"}), True),
    ("1.7", _licences({"expression": "MIT"}, {"expression": "MIT"}), True),
    ("1.2", _licences({"license": {"id": "Apache-2"}}), True),
]


@pytest.mark.parametrize(
    ("version", "change", "warns"), JSON_VERSIONED, ids=[f"{v}-{i}" for i, (v, _, _) in enumerate(JSON_VERSIONED)]
)
def test_json_rules_follow_the_specification_version(tmp_path, version, change, warns):
    bom = _json_bom(version)
    change(bom)
    assert bool(_warnings_json(tmp_path, bom)) == warns


COMPONENT = '<components><component type="library"><name>acme</name>{}</component></components>'

# (XML body, the start of the warning expected)
XML_FAULTS = [
    (
        COMPONENT.format("<licenses><license><id>Apache-2</id></license></licenses>"),
        "/bom/components/component[1]/licenses/license[1]/id (line 3): 'Apache-2'",
    ),
    (
        COMPONENT.format("<licenses><license><id>MIT</id><id>MIT</id></license></licenses>"),
        "/bom/components/component[1]/licenses/license[1] (line 3): a licence needs one <id> or one <name>, it has 2",
    ),
    (
        COMPONENT.format("<licenses><license/></licenses>"),
        "/bom/components/component[1]/licenses/license[1] (line 3): a licence needs one",
    ),
    (
        COMPONENT.format("<licenses><license><name>A</name></license><expression>MIT</expression></licenses>"),
        "/bom/components/component[1]/licenses (line 3): <licenses> holds",
    ),
    (
        COMPONENT.format("<licenses><expression>MIT</expression><expression>BSD</expression></licenses>"),
        "/bom/components/component[1]/licenses (line 3)",
    ),
    (
        COMPONENT.format('<licenses><license><id>MIT</id><text encoding="base85">x</text></license></licenses>'),
        "/bom/components/component[1]/licenses/license[1]/text (line 3): 'base85'",
    ),
    (
        COMPONENT.format("<scope>foo</scope>"),
        "/bom/components/component[1]/scope (line 3): 'foo' is not a CycloneDX scope",
    ),
    (
        COMPONENT.format('<swid name="acme"/>'),
        "/bom/components/component[1]/swid (line 3): the tagId attribute is missing",
    ),
    (
        COMPONENT.format('<pedigree><patches><patch type="foo"/></patches></pedigree>'),
        "/bom/components/component[1]/pedigree/patches/patch[1] (line 3): 'foo'",
    ),
    (
        COMPONENT.format(
            '<pedigree><patches><patch type="monkey"><resolves><issue type="x"/></resolves></patch></patches>'
            "</pedigree>"
        ),
        "/bom/components/component[1]/pedigree/patches/patch[1]/resolves/issue[1] (line 3): 'x'",
    ),
    (
        COMPONENT.format("<properties><property>v</property></properties>"),
        "/bom/components/component[1]/properties/property[1] (line 3): a property needs a name",
    ),
    (
        COMPONENT.format(
            '<components><component type="library"><name>b</name><scope>no</scope></component></components>'
        ),
        "/bom/components/component[1]/components/component[1]/scope",
    ),
    (
        "<metadata>\n<timestamp>2020-04-07</timestamp></metadata>",
        "/bom/metadata/timestamp (line 4): '2020-04-07' is not a date and time",
    ),
    (
        "<metadata><licenses><license><id>GPL</id></license></licenses></metadata>",
        "/bom/metadata/licenses/license[1]/id (line 3)",
    ),
    (
        '<metadata><component type="application"><name>r</name><scope>x</scope></component></metadata>',
        "/bom/metadata/component/scope",
    ),
    (
        '<services><service><name>s</name><data><classification flow="foo">PII</classification></data></service>'
        "</services>",
        "/bom/services/service[1]/data/classification[1] (line 3): 'foo' is not a CycloneDX data flow",
    ),
    (
        "<services><service><name>s</name><data><classification>PII</classification></data></service></services>",
        "/bom/services/service[1]/data/classification[1] (line 3): the flow attribute is missing",
    ),
    ("<properties><property/></properties>", "/bom/properties/property[1] (line 3): a property needs a name"),
]


@pytest.mark.parametrize(
    ("body", "expected"), XML_FAULTS, ids=[e.split(" ")[0] + f"-{i}" for i, (_, e) in enumerate(XML_FAULTS)]
)
def test_xml_fault_warns_with_its_element_and_line(tmp_path, body, expected):
    warnings = _warnings_xml(tmp_path, body)
    assert any(warning.startswith(expected) for warning in warnings), warnings


def test_xml_serial_number_is_checked(tmp_path):
    warnings = _warnings_xml(tmp_path, "<components/>", attributes=' serialNumber="urn:uuid:3e671687-395b"')
    assert warnings == [
        "/bom/@serialNumber (line 2): 'urn:uuid:3e671687-395b' is not a urn:uuid: serial number (RFC 4122)"
    ]
    assert _warnings_xml(tmp_path, "<components/>", attributes=f' serialNumber="{SERIAL}"') == []


def test_clean_xml_loads_without_warnings(tmp_path):
    long_text = "QUJD" * 40_000  # a licence text longer than the longest kept text: never kept
    body = (
        "<metadata><timestamp>2024-01-02T03:04:05Z</timestamp>"
        "<properties><property name='a'>b</property></properties></metadata>"
        + COMPONENT.format(
            "<scope>optional</scope>"
            f"<licenses><license><id>Apache-2.0</id><text encoding='base64'>{long_text}</text>"
            "<properties><property name='p'>v</property></properties></license></licenses>"
            "<swid tagId='t' name='n'><text>ignored</text></swid>"
            "<pedigree><patches><patch type='backport'><resolves><issue type='defect'><id>1</id></issue></resolves>"
            "</patch></patches></pedigree>"
        )
        + "<services><service><name>s</name><data><classification flow='inbound'>PII</classification></data>"
        "<licenses><expression>MIT OR BSD-2-Clause</expression></licenses></service></services>"
    )
    assert _warnings_xml(tmp_path, body) == []


@pytest.mark.parametrize(
    ("version", "body", "warns"),
    [
        ("1.5", COMPONENT.format("<properties><property>v</property></properties>"), False),
        (
            "1.4",
            COMPONENT.format("<licenses><license><id>MIT</id></license><expression>MIT</expression></licenses>"),
            True,
        ),
        ("1.1", COMPONENT.format("<licenses><license><id>MIT</id><id>MIT</id></license></licenses>"), False),
    ],
    ids=["1.5-property-without-name", "1.4-licence-and-expression", "1.1-two-ids"],
)
def test_xml_rules_follow_the_specification_version(tmp_path, version, body, warns):
    assert bool(_warnings_xml(tmp_path, body, version)) == warns


def test_warnings_are_capped(tmp_path):
    bom = _json_bom()
    bom["components"] = [{"type": "library", "name": f"c{i}", "scope": "nope"} for i in range(30)]
    warnings = _warnings_json(tmp_path, bom)
    assert len(warnings) == _cdx_checks.MAX_WARNINGS + 1
    assert warnings[-1] == "10 more problems like these"


def test_lenient_json_gets_both_kinds_of_warning(tmp_path):
    """A wrong type in a field the matcher reads, and a fault in one it does not."""
    bom = _json_bom(components=[{"type": "library", "name": 42}, {"type": "library", "name": "b", "scope": "x"}])
    warnings = _warnings_json(tmp_path, bom)
    assert "$.components[0].name: expected a string, got a number; an identity value that could not be read" in warnings
    assert any(w.startswith("$.components[1].scope: 'x' is not a CycloneDX scope") for w in warnings), warnings


# -- large documents: only the first CHECKED_COMPONENTS are checked, from a cut of the JSON ----------


def _large(tmp_path: Path, count: int, fault_at: int | None, *, nested_every: int = 0, pretty: bool = False) -> Path:
    components = []
    for i in range(count):
        component: dict[str, Any] = {"type": "library", "name": f"c{i}", "licenses": [{"license": {"id": "MIT"}}]}
        if nested_every and i % nested_every == 0:
            component["components"] = [{"type": "library", "name": f"c{i}-{j}"} for j in range(3)]
        if i == fault_at:
            component["licenses"] = [{"license": {"id": "Not-A-Licence"}}]
        components.append(component)
    bom = _json_bom("1.5", components=components, dependencies=[{"ref": "x"}])
    path = tmp_path / "large.cdx.json"
    path.write_text(json.dumps(bom, indent=2 if pretty else None), encoding="utf-8")
    return path


_BOUND = _cdx_checks.CHECKED_COMPONENTS


@pytest.mark.parametrize("native", [False, True], ids=["python", "native"])
@pytest.mark.parametrize(
    ("fault_at", "nested_every", "pretty", "warns"),
    [
        (None, 0, False, False),
        (_BOUND * 3 // 4, 0, False, True),
        (_BOUND // 2, 7, True, True),
        (None, 7, False, False),
        (_BOUND + 2_000, 0, False, False),
    ],
    ids=[
        "clean",
        "fault-in-the-checked-part",
        "fault-with-nested-components-pretty",
        "clean-nested",
        "fault-past-the-bound",
    ],
)
def test_a_large_json_is_checked_in_its_first_components(tmp_path, fault_at, nested_every, pretty, warns, native):
    """The same on the Python path and through the native scanner (which cuts after the bound exactly)."""
    count = _cdx_checks.CHECKED_COMPONENTS + 3_000
    path = _large(tmp_path, count, fault_at, nested_every=nested_every, pretty=pretty)
    if native:
        from enforcer._native import native_module
        from enforcer.load.cyclonedx_native import NativeCycloneDxDocument

        if native_module() is None:
            pytest.skip("the native scanner is not installed")
        document = read_document(str(path), needles=MatchIndex([]).needles())
        assert isinstance(document, NativeCycloneDxDocument)
    else:
        document = read_document(str(path))
    warnings = document.warnings
    if warns:
        assert any("'Not-A-Licence' is not an SPDX licence id" in w for w in warnings), warnings
    else:
        assert warnings == []


@pytest.mark.parametrize("nested_every", [0, 7], ids=["flat", "nested"])
def test_a_large_json_is_cut_between_components(tmp_path, nested_every):
    """The text checked is a prefix of the document cut after a whole top-level component, else the whole.

    A cut that falls inside nested components is no JSON (it is tried, fails
    to decode, and the next one is tried).
    """
    count = _cdx_checks.CHECKED_COMPONENTS + 3_000
    data = _large(tmp_path, count, None, nested_every=nested_every).read_bytes()
    texts = list(in_json._json_texts(data, count))
    assert texts[-1] is data
    assert len(texts) == in_json._CUTS_TRIED + 1
    whole = json.loads(data)["components"]
    cuts = []
    for text in texts[:-1]:
        try:
            cuts.append(json.loads(text)["components"])
        except ValueError:
            continue
    assert cuts, "no cut between two top-level components"
    if not nested_every:
        assert len(cuts) == in_json._CUTS_TRIED
    for checked in cuts:
        assert _cdx_checks.CHECKED_COMPONENTS - 1_000 < len(checked) < count - 1_000
        assert checked == whole[: len(checked)]


def test_every_valid_specification_example_passes_the_quick_form(shared):
    """A valid document must never need the slow form: the two forms agree on all of them."""
    checked = 0
    for path in sorted((shared / "sboms").rglob("*.json")):
        data = path.read_bytes()
        try:
            raw = json.loads(data)
        except ValueError:
            continue  # the malformed real SBOM: it fails to load, with its line and column
        if "/invalid/" in str(path) or not isinstance(raw, dict) or raw.get("bomFormat") != "CycloneDX":
            continue
        version = _cdx_checks._version(str(raw.get("specVersion", "")))
        document = in_json._DOCUMENT.decode(data)
        assert in_json._looks_clean(document, version), path
        checked += 1
    assert checked >= 150


def test_the_spdx_ids_cover_the_cyclonedx_enumeration(shared):
    """Every licence id of CycloneDX's own enumeration (spdx.schema.json, licences and exceptions) is known."""
    enumeration = json.loads((shared / "schemas" / "spdx.schema.json").read_text(encoding="utf-8"))["enum"]
    assert len(enumeration) > 800
    assert set(enumeration) <= rules.SPDX_IDS
    assert "Apache-2" not in rules.SPDX_IDS


_ids = st.sampled_from(["MIT", "Apache-2.0", "Classpath-exception-2.0", "Apache-2", "mit"])
_licence = st.fixed_dictionaries(
    {},
    optional={
        "id": _ids,
        "name": st.sampled_from(["Acme", ""]),
        "text": st.fixed_dictionaries(
            {"content": st.just("x")}, optional={"encoding": st.sampled_from(["base64", "base85"])}
        ),
        "properties": st.lists(
            st.fixed_dictionaries({}, optional={"name": st.just("n"), "value": st.just("name")}), max_size=2
        ),
    },
)
_entry = st.fixed_dictionaries({}, optional={"license": _licence, "expression": st.sampled_from(["MIT", "MIT OR X"])})
_json_component = st.fixed_dictionaries(
    {"type": st.just("library"), "name": st.just("c")},
    optional={
        "scope": st.sampled_from(["required", "optional", "excluded", "foo"]),
        "licenses": st.lists(_entry, max_size=3),
        "swid": st.fixed_dictionaries({}, optional={"tagId": st.just("t"), "name": st.just("n")}),
        "properties": st.lists(
            st.fixed_dictionaries({}, optional={"name": st.just("n"), "value": st.just("{v}")}), max_size=3
        ),
        "pedigree": st.fixed_dictionaries(
            {},
            optional={
                "patches": st.lists(
                    st.fixed_dictionaries({}, optional={"type": st.sampled_from(["backport", "x"])}), max_size=2
                )
            },
        ),
    },
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    version=st.sampled_from(["1.4", "1.5", "1.6", "1.7"]),
    components=st.lists(_json_component, max_size=4),
    metadata_licences=st.lists(_entry, max_size=2),
)
def test_the_quick_form_passes_exactly_what_the_messages_find_clean(version, components, metadata_licences):
    """The typed decode and the walk that writes the messages agree on every document.

    The quick form may only err on the safe side, and only where a property
    value holds a brace (it counts braces): then the walk runs and finds nothing.
    """
    bom = _json_bom(version, components=components, metadata={"licenses": metadata_licences})
    data = json.dumps(bom).encode()
    parsed = _cdx_checks._version(version)
    try:
        quick = in_json._looks_clean(in_json._DOCUMENT.decode(data), parsed)
    except msgspec.ValidationError:
        quick = False
    problems: list[str] = []
    in_json._JsonWalk(parsed, problems).document(json.loads(data))
    if quick:
        assert problems == []
    elif b"{v}" not in data:
        assert problems, "the quick form failed a clean document"
