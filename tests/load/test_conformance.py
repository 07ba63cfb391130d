"""Every file of the shared corpus, loaded: the CycloneDX and SPDX specification examples and real SBOMs.

`../shared/sboms/SOURCES.md` lists every file with its component count (JSON);
for the other encodings the expected count comes from an independent count
of the file itself (XML elements, tag-value lines, YAML items) and, where the
specification ships the same example as JSON, from that twin. Valid files
must load with the right count and no warning; every invalid one must fail
with one clear line or load with a warning, whatever field its fault lies in
(the categories below are those whose fault lies outside the fields the
matcher reads: the specification checks of `_cdx_checks` find them). Each
file gets a deadline, and the totals are asserted, so a corpus that is
silently skipped fails the test.
"""

from __future__ import annotations

import collections
import contextlib
import re
import signal
from collections.abc import Iterator
from pathlib import Path

import yaml
from defusedxml import ElementTree

from enforcer._errors import SbomError, SbomParseError
from enforcer.load import read_document

#: Invalid CycloneDX test files whose only fault is in a field the matcher never reads: they
#: must warn all the same, and the warning must name that field.
OUTSIDE_READ_FIELDS = {
    "invalid-component-swid": "swid",
    "invalid-issue-type": "resolves",
    "invalid-license-choice": "licenses",
    "invalid-license-declared-concluded-mix": "licenses",
    "invalid-license-encoding": "text",
    "invalid-license-id": "id",
    "invalid-license-id-count": "license",
    "invalid-license-missing-id-and-name": "license",
    "invalid-license-name-count": "license",
    "invalid-metadata-license": "metadata",
    "invalid-metadata-timestamp": "timestamp",
    "invalid-patch-type": "patch",
    "invalid-properties": "propert",
    "invalid-scope": "scope",
    "invalid-serialnumber": "serialNumber",
    "invalid-service-data": "data",
}
#: How many invalid CycloneDX test files there are in each of these categories (JSON and XML, 1.2 to 1.6).
OUTSIDE_READ_FIELDS_FILES = 124
#: Valid files that load with warnings, and the warning they must give.
EXPECTED_WARNINGS = {
    "real/osv-scanner-testdata/bad-purls.cdx.xml": "$.components[0].name: missing",
    # SPDX documents of real tools that break the specification (the SPDX checks, `_spdx_checks`)
    "real/guac-testdata/alpine-spdx.json": (
        "$.creationInfo.created: '2022-09-21T14:54:15.500229Z' is not a UTC time YYYY-MM-DDThh:mm:ssZ"
        " (no fractions of a second)"
    ),
    "real/protobom-testdata/kubernetes_kubernetes_d61cbac69aae97db1839bd2e0e86d68f26b353a7.spdx.json": (
        "$.packages[8].SPDXID: 'SPDXRef-go-github.com-Azure-azure-sdk-for-go-68.0.0+incompatible'"
        " is not SPDXRef- and letters, digits, '.' or '-'"
    ),
    "real/redhat-security-data-guidelines/kernel-module-management-operator-container-1.1.2-25.index.spdx.json": (
        "$.packages[4].SPDXID: 'kernel-module-management-operator-container-1.1.2-25-Source'"
        " is not SPDXRef- and letters, digits, '.' or '-'"
    ),
    "real/redhat-security-data-guidelines/rhel-9.4-main+eus.spdx.json": (
        "$.packages[0].SPDXID: 'SPDXRef-RHEL-9.4-MAIN+EUS' is not SPDXRef- and letters, digits, '.' or '-'"
    ),
    "real/sbomqs-samples/julia.spdx.json": (
        "$.packages[29].licenseDeclared: 'LGPL-3.0-or-later AND BSD-3' is not an SPDX licence expression"
        " ('BSD-3' is not on the SPDX licence list nor a LicenseRef-)"
    ),
    "real/trivy-testdata/elasticsearch.spdx.json": (
        "$.documentNamespace: 'elasticsearch-8.9.1' is not a URI without '#'"
    ),
}
#: CycloneDX XML examples whose JSON twin in the specification lists different components.
XML_TWIN_DIFFERS = {
    "valid-bom": (3, 2),
    "valid-component-ref": (3, 2),
    "invalid-serialnumber": (3, 0),
    "invalid-component-ref-1.6": (4, 2),
}
DEADLINE_SECONDS = 20


def _sources(shared: Path) -> dict[str, str]:
    """path -> component count cell of SOURCES.md (a number or "?")."""
    rows = {}
    for line in (shared / "sboms" / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        if line.startswith(("| real/", "| conformance/")):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            rows[cells[0]] = cells[8]
    return rows


@contextlib.contextmanager
def _deadline(seconds: int, what: str) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"{what}: still loading after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _category(path: Path) -> str:
    """invalid-license-id-1.6.json -> invalid-license-id."""
    return re.sub(r"-1\.\d$", "", path.name.rsplit(".", 1)[0])


# -- independent counts for the encodings SOURCES.md does not count -------------------


def _cyclonedx_xml_count(path: Path) -> int:
    root = ElementTree.parse(path).getroot()
    namespace = root.tag[: root.tag.index("}") + 1]
    count = 0
    stack = [root]
    while stack:
        node = stack.pop()
        for holder in node.findall(f"{namespace}components"):
            children = holder.findall(f"{namespace}component")
            count += len(children)
            stack.extend(children)
    return count


def _spdx_count(path: Path, data: bytes) -> int:
    text = data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8")
    name = path.name.lower()
    if name.endswith(".rdf.xml"):
        abouts = re.findall(r'<spdx:Package\s+rdf:about="([^"]+)"', text)
        return len(set(abouts))
    if name.endswith(".xml"):
        return len(re.findall(r"^  <packages>", text, re.MULTILINE))
    if name.endswith((".yaml", ".yml")):
        return len(yaml.safe_load(text).get("packages") or [])
    return len(re.findall(r"^PackageName:", text, re.MULTILINE))


def _expected(relative: str, path: Path, cell: str) -> int | None:
    if cell != "?":
        return int(cell)
    if path.suffix == ".xml" and b"cyclonedx.org/schema/bom" in path.read_bytes()[:4096]:
        try:
            return _cyclonedx_xml_count(path)
        except ElementTree.ParseError:
            return None
    if "/spdx/" in relative or relative.endswith((".spdx", ".tv")):
        return _spdx_count(path, path.read_bytes())
    return None


def test_every_corpus_file_loads_or_fails_clearly(shared):
    rows = _sources(shared)
    root = shared / "sboms"
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.name != "SOURCES.md")
    assert len(files) == len(rows), "SOURCES.md and the corpus disagree"
    tally: collections.Counter[str] = collections.Counter()
    problems: list[str] = []
    for path in files:
        relative = str(path.relative_to(root))
        invalid = "/invalid/" in relative
        expected = _expected(relative, path, rows[relative])
        try:
            with _deadline(DEADLINE_SECONDS, relative):
                document = read_document(str(path))
        except SbomError as error:
            message = str(error)
            if "\n" in message or not message.startswith(str(path)):
                problems.append(f"{relative}: not a one-line message naming the file: {message!r}")
            if invalid:
                tally["invalid: failed with a message"] += 1
            elif relative.endswith("mandrel-for-jdk-21-rhel8-container-23.1-16_amd64.cdx.json"):
                assert isinstance(error, SbomParseError)
                assert "trailing comma" in message and "(line 101, column" in message, message
                tally["real: malformed, line and column given"] += 1
            else:
                problems.append(f"{relative}: a valid file failed: {message}")
            continue
        if expected is None:
            problems.append(f"{relative}: no expected count")
        elif document.component_count != expected:
            problems.append(f"{relative}: {document.component_count} components, expected {expected}")
        else:
            tally["component count checked"] += 1
        if invalid:
            field = OUTSIDE_READ_FIELDS.get(_category(path))
            if not document.warnings:
                problems.append(f"{relative}: an invalid file loaded without a warning")
            elif field is None:
                tally["invalid: loaded with a warning"] += 1
            elif any(field in warning for warning in document.warnings):
                tally["invalid: loaded with a warning"] += 1
                tally["invalid: fault outside the fields the matcher reads, warned"] += 1
            else:
                problems.append(f"{relative}: warnings that do not name {field}: {document.warnings}")
        elif relative in EXPECTED_WARNINGS:
            assert EXPECTED_WARNINGS[relative] in document.warnings, document.warnings
            tally["valid: loaded with the expected warning"] += 1
        elif document.warnings:
            problems.append(f"{relative}: unexpected warnings {document.warnings[:3]}")
        else:
            tally["valid: loaded cleanly"] += 1
        tally[f"format {document.format} {document.encoding}"] += 1
    assert not problems, "\n".join(problems)
    counted = ("format", "component", "invalid: fault")
    assert sum(tally[key] for key in tally if not key.startswith(counted)) == len(files)
    assert tally["real: malformed, line and column given"] == 1
    assert tally["component count checked"] == len(files) - tally["invalid: failed with a message"] - 1
    # Every invalid CycloneDX file warns or fails: 224 warn (124 of them for a field the matcher
    # does not read), 10 fail (an unknown bomFormat or XML namespace).
    invalid = sum(1 for path in files if "/invalid/" in str(path))
    assert invalid == 234
    assert tally["invalid: loaded with a warning"] + tally["invalid: failed with a message"] == invalid
    assert tally["invalid: loaded with a warning"] == 224
    assert tally["invalid: fault outside the fields the matcher reads, warned"] == OUTSIDE_READ_FIELDS_FILES
    assert tally["invalid: failed with a message"] == 10
    for encoding in ("json", "xml", "yaml", "tag-value", "json-ld", "RDF/XML"):
        assert any(key.endswith(f" {encoding}") for key in tally), f"no {encoding} file loaded: {tally}"


def test_cyclonedx_xml_matches_its_json_twin(shared):
    """The specification ships most examples in both encodings: same components, same identity values."""
    compared = 0
    differing = set()
    for xml in sorted((shared / "sboms").rglob("*.xml")):
        twin = xml.with_suffix(".json")
        if not twin.exists() or "cyclonedx" not in str(xml):
            continue
        try:
            from_xml, from_json = read_document(str(xml)), read_document(str(twin))
        except SbomError:
            continue
        name = _category(xml) if not xml.name.startswith("invalid-component-ref-1.6") else "invalid-component-ref-1.6"
        if from_xml.component_count != from_json.component_count:
            assert XML_TWIN_DIFFERS.get(name) == (from_xml.component_count, from_json.component_count), xml
            differing.add(name)
            continue
        compared += 1
        assert [r.place for r in from_xml.records()] == [r.place for r in from_json.records()], xml
    assert differing == set(XML_TWIN_DIFFERS)
    assert compared >= 200


def _identity(document) -> list[tuple[str, str, frozenset[tuple[str, str]]]]:
    """Records with their values, ignoring the order of repeated fields (RDF has none)."""
    return sorted((r.ref, r.name, frozenset((kind, raw) for kind, _, raw, *_ in r.values)) for r in document.records())


def test_every_spdx_encoding_of_the_specification_example_gives_the_same_records(shared):
    checked = 0
    for version in ("2.2", "2.3"):
        folder = shared / "sboms" / "conformance" / "spdx" / version / "tools-python"
        reference = _identity(read_document(str(folder / f"SPDXJSONExample-v{version}.spdx.json")))
        assert len(reference) == 4
        for name in (
            f"SPDXTagExample-v{version}.spdx",
            f"SPDXYAMLExample-v{version}.spdx.yaml",
            f"SPDXXMLExample-v{version}.spdx.xml",
            f"SPDXRdfExample-v{version}.spdx.rdf.xml",
        ):
            assert _identity(read_document(str(folder / name))) == reference, name
            checked += 1
    edge = shared / "sboms" / "conformance" / "spdx" / "edge-cases" / "tools-python"
    reference = _identity(
        read_document(str(shared / "sboms/conformance/spdx/2.2/tools-python/SPDXJSONExample-v2.2.spdx.json"))
    )
    for name in (
        "SPDXJSONExample-UTF-16.spdx.json",
        "SPDXTagExample-UTF-16.spdx",
        "SPDXYAMLExample-UTF-16.spdx.yaml",
        "SPDXXMLExample-UTF-16.spdx.xml",
        "SPDXRdfExample-UTF-16.spdx.rdf.xml",
    ):
        assert _identity(read_document(str(edge / name))) == reference, name
        checked += 1
    assert checked == 13


def test_spdx_lite_and_control_characters(shared):
    edge = shared / "sboms" / "conformance" / "spdx" / "edge-cases" / "tools-python"
    lite = read_document(str(edge / "SPDXLite.spdx"))
    [record] = list(lite.records())
    assert (record.name, record.version) == ("SPDX tools", "2.0.3")
    assert ("url", "homepage", "https://spdx.org/tools") in [value[:3] for value in record.values]
    control = read_document(str(edge / "ControlCharacters.spdx.json"))
    assert control.component_count == 2
    assert control.warnings == []


def test_real_supplier_and_originator_fields_are_read(shared):
    """Real generators put the vendor in different fields; each reaches the records."""
    real = shared / "sboms" / "real"
    cases = [
        ("guac-testdata/alpine-spdx.json", "originator"),
        ("redhat-security-data-guidelines/rhel-9.4-main+eus.spdx.json", "supplier"),
        ("cyclonedx-bom-examples/keycloak-10.0.2.bom.xml", "publisher"),
        ("cyclonedx-bom-examples/juice-shop-via_npm-flat.bom.1.4.xml", "author"),
        ("sbomqs-samples/sbomqs.syft-spdx.tv", "externalRefs[0].referenceLocator"),
    ]
    for relative, field in cases:
        document = read_document(str(real / relative))
        fields = {f for record in document.records() for _, f, *_ in record.values}
        assert field in fields, (relative, sorted(fields)[:20])
