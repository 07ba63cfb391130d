"""The native scanner reads a CycloneDX JSON document as the Python path does, or hands it back.

Every document the scanner answers for must give, through
`NativeCycloneDxDocument`, the same findings (down to each piece of
evidence and record number), counts, warnings and paths of findings as the
Python loader; every document it does not read exactly must be handed back
(`Scan.fallback`), and then `load` gives the Python path's document or error.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enforcer._errors import SbomError
from enforcer.load import cyclonedx_native, read_document
from enforcer.load.cyclonedx_json import CycloneDxJsonDocument, CycloneDxJsonLoader
from enforcer.load.cyclonedx_native import NativeCycloneDxDocument
from enforcer.match.index import MatchIndex
from fixtures.generate import generate
from tests._stages import Scanned, scan
from tests.conftest import FIXTURES, ROOT
from tests.load.test_cdx_fast_path import BANS, TRICKY_VALUES

INDEX = MatchIndex(BANS)


@pytest.fixture(autouse=True)
def native_module() -> Any:
    module = cyclonedx_native.native_module()
    if module is None:
        if os.environ.get("CI"):
            pytest.fail("the native scanner (enforcer._scan) is not installed: `make dev` builds it")
        pytest.skip("the native scanner (enforcer._scan) is not installed")
    return module


def _findings(result: Scanned) -> list[tuple[Any, ...]]:
    """Each match with its record, ban, kind, path and evidence."""
    return sorted(
        (m.record, m.component.ref, m.ban, m.component.kind, m.component.path, tuple(sorted(map(repr, m.evidence))))
        for m in result.matches
    )


def _native(data: bytes, index: MatchIndex = INDEX) -> NativeCycloneDxDocument | None:
    document = cyclonedx_native.scan_bytes(data, "doc.json", index.needles())
    assert document is None or isinstance(document, NativeCycloneDxDocument)
    return document


def assert_same(data: bytes, index: MatchIndex = INDEX, *, name: str = "doc.json") -> NativeCycloneDxDocument:
    """The native document of `data` answers exactly as the Python path's document does."""
    native = _native(data, index)
    assert native is not None, f"{name}: handed back: {_fallback(data, index)}"
    python = CycloneDxJsonLoader().load(data, "doc.json")
    ours, theirs = scan(native, index), scan(python, MatchIndex(index.bans))
    assert _findings(ours) == _findings(theirs), name  # paths of findings included
    assert (ours.components, ours.unidentified) == (theirs.components, theirs.unidentified), name
    assert native.component_count == python.component_count, name
    assert native.warnings == python.warnings, name
    assert (native.format, native.spec_version, native.roots) == (python.format, python.spec_version, python.roots), (
        name
    )
    return native


def _fallback(data: bytes, index: MatchIndex = INDEX) -> str | None:
    return str(cyclonedx_native._scanner(index.needles()).scan_bytes(data, 1000).fallback)


def _bom(components: list[Any], **extra: Any) -> bytes:
    return json.dumps({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": components, **extra}).encode()


# -- documents the scanner answers for -----------------------------------------------------------


def test_generated_sbom_with_nesting_and_a_dependency_graph():
    data = b"".join(generate(3000, banned_every=37, nested_every=11))
    native = assert_same(data)
    assert len(scan(native, INDEX).matches) >= 40


def test_fixture_sboms_in_every_cyclonedx_json_fixture():
    answered = 0
    for path in sorted(FIXTURES.rglob("*.json")):
        data = path.read_bytes()
        if b'"bomFormat"' not in data[:4096]:
            continue
        try:
            CycloneDxJsonLoader().load(data, str(path))
        except SbomError:
            assert _native(data) is None, path
            continue
        assert_same(data, name=str(path))
        answered += 1
    assert answered == 6  # the CycloneDX JSON fixtures: three of the checks, three of the inventory walkthrough


def _corpus(shared: Path) -> list[Path]:
    return sorted(path for path in (shared / "sboms").rglob("*.json") if b'"bomFormat"' in path.read_bytes()[:65536])


def test_the_shared_corpus_reads_the_same(shared):
    """Real SBOMs and the specification's test BOMs, valid and invalid ones."""
    answered, handed_back = 0, []
    for path in _corpus(shared):
        data = path.read_bytes()
        try:
            CycloneDxJsonLoader().load(data, str(path))
        except SbomError:
            assert _native(data) is None, f"{path}: the Python path refuses it, the scanner must hand it back"
            continue
        if _native(data) is None:
            handed_back.append(path.name)
            continue
        assert_same(data, name=str(path))
        answered += 1
    assert answered >= 100, f"only {answered} answered; handed back: {handed_back}"
    # every real SBOM that loads is read natively: they are the ones that are large
    assert not [name for name in handed_back if "/real/" in name], handed_back


def test_the_gov_pack_index_on_the_corpus(shared, enforcer_pack_index):
    for path in _corpus(shared)[:60]:
        data = path.read_bytes()
        if _native(data, enforcer_pack_index) is not None:
            assert_same(data, enforcer_pack_index, name=str(path))


@pytest.fixture(scope="module")
def enforcer_pack_index() -> MatchIndex:
    from enforcer._run import Enforcer, Options

    with Enforcer(Options()) as enforcer:
        return enforcer.index


# -- the same answers however the JSON is written -------------------------------------------------------


def _encode(value: Any, style: str, rng: random.Random) -> str:
    """JSON text with strings written in a given style: plain, ASCII only, \\u escapes, escaped slashes."""
    if isinstance(value, dict):
        items = list(value.items())
        if style == "shuffled":
            rng.shuffle(items)
        separator = ",\n  " if style == "pretty" else ","
        return "{" + separator.join(f"{_string(k, 'plain')}:{_encode(v, style, rng)}" for k, v in items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_encode(v, style, rng) for v in value) + "]"
    if isinstance(value, str):
        return _string(value, style)
    return json.dumps(value)


def _string(text: str, style: str) -> str:
    if style == "ascii":
        return json.dumps(text, ensure_ascii=True)
    if style == "escaped":
        return '"' + "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else json.dumps(c)[1:-1] for c in text) + '"'
    if style == "slashes":
        return json.dumps(text, ensure_ascii=False).replace("/", "\\/")
    return json.dumps(text, ensure_ascii=False)


MORE_VALUES = {
    **TRICKY_VALUES,
    "org": [
        *TRICKY_VALUES["org"],
        "Kasp.ersky Lab",
        "Kasp'ersky Lab",
        "Kasp/ersky Lab A/S",
        "Blitz.Technologies",
        "aztec software",
        "Huawei.Technologies.Co",
        "kaspersky.https://x.example",
    ],
    "name": [*TRICKY_VALUES["name"], "aztec-kaspersky_sdk", "kaspersky_endpoint", "endpoint kaspersky"],
    "purl": [*TRICKY_VALUES["purl"], "pkg:npm/%40KASPERSKY/x@1", "pkg:maven/com.huawei%2Ehms/x@1"],
}
values_strategy = st.fixed_dictionaries(
    {kind: st.none() | st.sampled_from(options) for kind, options in MORE_VALUES.items()}
)


def _component(values: dict[str, str | None], children: list[dict[str, Any]], number: int) -> dict[str, Any]:
    from tests.load.test_cdx_fast_path import _component as fast_component

    component = fast_component(values, children)
    component["bom-ref"] = f"ref-{number}"
    component["description"] = 'skipped { ] " \\ text'
    return component


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(values_strategy, st.lists(values_strategy, max_size=2)), max_size=10),
    st.sampled_from(["plain", "ascii", "escaped", "slashes", "pretty", "shuffled"]),
    st.randoms(use_true_random=False),
)
def test_any_writing_of_the_same_document_reads_the_same(drawn, style, rng):
    components = []
    number = 0
    for top, children in drawn:
        kids = []
        for child in children:
            number += 1
            kids.append(_component(child, [], number))
        number += 1
        components.append(_component(top, kids, number))
    refs = [c["bom-ref"] for c in components]
    document = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "metadata": {"component": {"type": "application", "name": "app", "bom-ref": "app"}},
        "components": components,
        "dependencies": [
            {"ref": "app", "dependsOn": refs[:3]},
            *({"ref": r, "dependsOn": refs[3:5]} for r in refs[:2]),
        ],
    }
    assert_same(_encode(document, style, rng).encode())


def test_paths_through_the_dependency_graph_and_nesting():
    kaspersky = {"type": "library", "name": "av", "bom-ref": "av", "supplier": {"name": "AO Kaspersky Lab"}}
    wrapper = {"type": "library", "name": "wrapper", "version": "2", "bom-ref": "w", "components": [kaspersky]}
    nested_only = {
        "type": "library",
        "name": "shell",
        "bom-ref": "s",
        "components": [dict(kaspersky, **{"bom-ref": "av2"})],
    }
    data = _bom(
        [wrapper, nested_only, {"type": "library", "name": "mid", "version": "1", "bom-ref": "m"}],
        metadata={"component": {"type": "application", "name": "app", "version": "9", "bom-ref": "app"}},
        dependencies=[{"ref": "app", "dependsOn": ["m"]}, {"ref": "m", "dependsOn": ["av"]}, {"ref": "av"}],
    )
    native = assert_same(data)
    paths = [list(match.component.path) for match in scan(native, INDEX).matches]
    assert ["app@9", "mid@1", "av"] in paths  # through the graph, labels of top-level and root components
    assert ["shell", "av"] in paths  # not in the graph: the nesting


# -- documents handed back --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":"a","name":"b"}]}', "repeated"),
        (b'{"bomFormat":"CycloneDX","bomFormat":"CycloneDX","components":[]}', "repeated"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":5}]}', "wrong type"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":"a","purl":["x"]}]}', "wrong type"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":null}]}', "wrong type"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":{"a":1}}', "unexpected"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":"a"},]}', "unexpected"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":[]} x', "after"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":"a\x01"}]}', "control"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":"\xff\xfe"}]}', "UTF-8"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":"\\ud800"}]}', "surrogate"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":"\\q"}]}', "escape"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","x":' + b"[" * 600 + b"]" * 600 + b"}", "deeply"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"x":01}]}', "expected ','"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":"' + b"x" * 70_000 + b'"}]}', "limit"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"na\\u006de":"a"}]}', "escaped key"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","dependencies":[{"ref":null}]}', "wrong type"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","metadata":[]}', "wrong type"),
        (b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":"a"}', "end of data"),
    ],
)
def test_what_the_scanner_does_not_read_exactly_is_handed_back(data, why):
    assert why in (_fallback(data) or ""), _fallback(data)
    assert _native(data) is None


def test_metadata_of_the_wrong_shape_is_handed_back():
    """The metadata and services are decoded in Python: a wrong type there hands the document back too."""
    data = _bom([], metadata={"component": {"type": "library", "name": 7}})
    assert _fallback(data) == "None"
    assert _native(data) is None


def test_a_handed_back_file_gets_the_python_paths_answer(tmp_path):
    broken = tmp_path / "broken.cdx.json"
    broken.write_bytes(b'{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":"a"},]}')
    with pytest.raises(SbomError, match="not valid JSON"):
        read_document(str(broken), needles=INDEX.needles())
    lenient = tmp_path / "lenient.cdx.json"
    lenient.write_bytes(_bom([{"type": "library", "name": 5}, {"type": "library", "name": "ok"}]))
    document = read_document(str(lenient), needles=INDEX.needles())
    assert type(document) is CycloneDxJsonDocument
    assert document.unreadable == 1


def test_a_file_is_read_natively_and_standard_input_too(tmp_path):
    path = tmp_path / "sbom.cdx.json"
    path.write_bytes(b"".join(generate(50, banned_every=7)))
    assert isinstance(read_document(str(path), needles=INDEX.needles()), NativeCycloneDxDocument)
    assert type(read_document(str(path))) is not NativeCycloneDxDocument  # without needles: the Python path


def test_switched_off_by_the_environment(tmp_path):
    path = tmp_path / "sbom.cdx.json"
    path.write_bytes(b"".join(generate(20, banned_every=7)))
    code = (
        "import sys; from enforcer.load import read_document; from tests.load.test_cdx_native import INDEX;"
        f"print(type(read_document({str(path)!r}, needles=INDEX.needles())).__name__)"
    )
    for value, expected in (("0", "CycloneDxJsonDocument"), ("1", "NativeCycloneDxDocument")):
        out = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**os.environ, "ENFORCER_NATIVE": value},
            capture_output=True,
            text=True,
            check=True,
        )
        assert out.stdout.strip() == expected


# -- bounded memory ---------------------------------------------------------------------------------------

_PEAK = """
import resource, sys
from enforcer import _scan
scanner = _scan.Scanner([(False, [])] * 7, [], [])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
scan = scanner.scan_file(sys.argv[1], 1000)
assert scan.fallback is None, scan.fallback
print(scan.size, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024)
"""


@pytest.mark.slow
def test_a_large_file_is_scanned_in_bounded_memory(tmp_path):
    path = tmp_path / "large.cdx.json"
    with path.open("wb") as out:
        for chunk in generate(80_000, banned_every=997):
            out.write(chunk)
    size, growth = map(
        int,
        subprocess.run(
            [sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True, check=True
        ).stdout.split(),
    )
    assert size > 60 << 20
    assert growth < size // 3, f"peak memory grew by {growth >> 20} MiB for a {size >> 20} MiB file"


# -- the quick specification checks the scanner makes itself ------------------------------------------

_GOOD_HASH = {"alg": "SHA-256", "content": "a" * 64}


@pytest.mark.parametrize(
    "fault",
    [
        {"type": "gadget"},
        {"type": None},
        {"name": ""},
        {"bom-ref": ""},
        {"bom-ref": "c1"},  # the ref of the next component
        {"hashes": [{"alg": "SHA-257", "content": "a" * 64}]},
        {"hashes": [{"alg": "SHA-256", "content": "a" * 63}]},
        {"hashes": [{"alg": "SHA-256", "content": "g" * 64}]},
        {"hashes": [{"content": "a" * 64}]},
        {"hashes": [_GOOD_HASH, {"alg": "MD5"}]},
        {"components": [{"type": "library", "name": ""}]},
        {},
    ],
    ids=repr,
)
@pytest.mark.parametrize("where", ["first", "nested", "past-the-bound"])
def test_the_quick_checks_warn_as_the_python_path_does(fault, where):
    """`Scan.looks_valid` gates the slower checks: the warnings stay those of the Python path."""
    from enforcer.load._cdx_checks import CHECKED_COMPONENTS

    count = CHECKED_COMPONENTS + 5 if where == "past-the-bound" else 8
    components: list[dict[str, Any]] = [
        {"type": "library", "name": f"c{i}", "bom-ref": f"c{i}", "hashes": [_GOOD_HASH]} for i in range(count)
    ]
    target = {"first": 0, "nested": 2, "past-the-bound": CHECKED_COMPONENTS + 2}[where]
    faulty = {**components[target], **{k: v for k, v in fault.items() if v is not None}}
    for key in [k for k, v in fault.items() if v is None]:
        faulty.pop(key)
    if fault.get("bom-ref") == "c1":
        faulty["bom-ref"] = f"c{target + 1}"
    if where == "nested":
        components[target - 1]["components"] = [faulty]
        components[target]["bom-ref"] = "moved"
    else:
        components[target] = faulty
    native = assert_same(
        _bom(components, metadata={"component": {"type": "application", "name": "app", "bom-ref": "app"}})
    )
    if fault and where == "first":
        assert native.warnings, "a fault among the first components must warn"


def test_the_documents_own_component_sharing_a_ref_with_the_list():
    components = [{"type": "library", "name": "a", "bom-ref": "app"}]
    native = assert_same(
        _bom(components, metadata={"component": {"type": "application", "name": "app", "bom-ref": "app"}})
    )
    assert any("bom-ref" in warning for warning in native.warnings), native.warnings


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", r"enforcer \S+ \(native scanner \S+\)"),
        ("0", r"enforcer \S+ \(native scanner switched off by ENFORCER_NATIVE=0\)"),
    ],
)
def test_version_says_whether_the_scanner_is_in_use(value, expected):
    import re

    out = subprocess.run(
        [sys.executable, "-m", "enforcer", "version"],
        cwd=ROOT,
        env={**os.environ, "ENFORCER_NATIVE": value},
        capture_output=True,
        text=True,
        check=True,
    )
    assert re.fullmatch(expected, out.stdout.strip()), out.stdout


def test_a_file_changed_after_the_scan_is_a_clear_error(tmp_path):
    """Candidates are read again from the file after the scan: a file cut short meanwhile is an SbomError."""
    path = tmp_path / "sbom.cdx.json"
    path.write_bytes(b"".join(generate(200, banned_every=7)))
    document = read_document(str(path), needles=INDEX.needles())
    assert isinstance(document, NativeCycloneDxDocument)
    path.write_bytes(b"{}")
    with pytest.raises(SbomError, match="cannot read it again .*was it changed while it was checked"):
        document.loaded(INDEX.needles())


# -- two threads read a long component array ---------------------------------------------------------------


def _signature(scan: Any) -> tuple[Any, ...]:
    return (
        scan.fallback,
        scan.components,
        scan.unidentified,
        scan.tops,
        scan.candidates,
        scan.checked_end,
        scan.array,
        scan.looks_valid,
        scan.refless,
    )


def _scanners(native_module: Any) -> tuple[Any, Any]:
    from enforcer.load._cdx_checks import COMPONENT_TYPES, HASH_ALGORITHMS

    spec, types, algorithms = INDEX.needles().scanner_spec(), sorted(COMPONENT_TYPES), sorted(HASH_ALGORITHMS)
    alone = native_module.Scanner(spec, types, algorithms, parallel_from=1 << 60)
    both = native_module.Scanner(spec, types, algorithms, parallel_from=1)
    return alone, both


@pytest.mark.parametrize("nested_every", [0, 5, 1], ids=["flat", "some-nested", "all-nested"])
@pytest.mark.parametrize("indent", [None, 2], ids=["compact", "pretty"])
def test_two_threads_read_what_one_reads(native_module, nested_every, indent):
    """The second half is guessed from how the first components are written; a wrong guess is dropped."""
    document = json.loads(b"".join(generate(3000, banned_every=13, nested_every=nested_every)))
    tops = document["components"]
    # the same bom-ref at both ends, top-level here and nested there: the first top-level one wins
    tops[10].setdefault("components", []).append({"type": "library", "name": "twin", "bom-ref": tops[-100]["bom-ref"]})
    tops[-50].setdefault("components", []).append({"type": "library", "name": "twin", "bom-ref": tops[20]["bom-ref"]})
    data = json.dumps(document, indent=indent).encode()
    alone, both = _scanners(native_module)
    one, two = alone.scan_bytes(data, 20), both.scan_bytes(data, 20)
    assert one.split == (False, 0)
    assert two.split[0] or two.split[1] > 0, "the array was never split"
    if nested_every != 1:
        assert two.split == (True, 0)
    assert _signature(two) == _signature(one)
    refs = sorted({c["bom-ref"] for c in tops} | {n["bom-ref"] for c in tops for n in c.get("components", [])})
    assert two.locate(refs) == one.locate(refs)


def test_two_threads_through_a_mapped_file(native_module, tmp_path):
    path = tmp_path / "sbom.cdx.json"
    path.write_bytes(b"".join(generate(4000, banned_every=11, nested_every=7)))
    alone, both = _scanners(native_module)
    one, two = alone.scan_file(str(path), 50), both.scan_file(str(path), 50)
    assert two.split == (True, 0)
    assert _signature(two) == _signature(one)


def test_a_fault_in_the_second_half_is_handed_back(native_module):
    components = [{"type": "library", "name": f"c{i}", "bom-ref": f"r{i}"} for i in range(2000)]
    text = json.dumps(_bom_dict(components)).replace('"name": "c1900"', '"name": 1900')
    alone, both = _scanners(native_module)
    one, two = alone.scan_bytes(text.encode(), 20), both.scan_bytes(text.encode(), 20)
    assert one.fallback is not None and two.fallback == one.fallback  # found by the second thread


def _bom_dict(components: list[Any]) -> dict[str, Any]:
    return {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": components}
