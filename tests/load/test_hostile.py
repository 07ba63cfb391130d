"""Hostile and broken input: each fails fast with one clear line and exit 3, or is read with a warning.

Through the CLI, with the message and the exit code asserted. Entity bombs
and external entities are refused before anything is expanded or opened (an
external entity pointing at a FIFO would block forever if it were opened);
depth, line length and string length are bounded; memory is measured in a
subprocess.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import POLICIES
from tests.hostile.conftest import measure_load

POLICY_ARGS = ("-p", POLICIES / "enforcer" / "decide.rego", "-p", POLICIES / "gov" / "us_commerce_icts_kaspersky.rego")
CDX_XML = '<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">'


@contextlib.contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _fails(cli, path, *, within: float = 5.0, input: bytes | None = None) -> str:
    """Run `enforcer check`; assert exit 3 with exactly one error line, fast; return that line."""
    started = time.monotonic()
    with _deadline(int(within) + 5):
        result = cli("check", path, *POLICY_ARGS, input=input)
    elapsed = time.monotonic() - started
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("enforcer: error: ")]
    assert result.exit_code == 3, result.stderr
    assert len(lines) == 1, result.stderr
    assert elapsed < within, f"took {elapsed:.1f} s"
    return lines[0].removeprefix("enforcer: error: ")


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE bom [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n' for i in range(1, 10)
    )
    + "]>\n"
    + CDX_XML
    + '<components><component type="library"><name>&lol9;</name></component></components></bom>\n'
)
DTD_REFUSED = (
    "XML with a document type declaration (<!DOCTYPE>) is refused: entities and external references are never expanded"
)


def test_billion_laughs_is_refused_before_expansion(cli, tmp_path):
    path = tmp_path / "laughs.cdx.xml"
    path.write_text(BILLION_LAUGHS)
    assert _fails(cli, path, within=2) == f"{path}: {DTD_REFUSED}"


XXE_DOCUMENTS = {
    "cyclonedx": (
        '<?xml version="1.0"?>\n<!DOCTYPE bom [<!ENTITY xxe SYSTEM "file://{target}">]>\n'
        + CDX_XML
        + '<components><component type="library"><name>&xxe;</name></component></components></bom>\n'
    ),
    "cyclonedx-external-dtd": '<?xml version="1.0"?>\n<!DOCTYPE bom SYSTEM "file://{target}">\n' + CDX_XML + "</bom>\n",
    "spdx-xml": (
        '<?xml version="1.0"?>\n<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file://{target}">]>\n'
        "<Document><spdxVersion>SPDX-2.3</spdxVersion><packages><name>&xxe;</name></packages></Document>\n"
    ),
    "spdx-rdf": (
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM "file://{target}">]>\n'
        '<rdf:RDF xmlns:spdx="http://spdx.org/rdf/terms#" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        "<spdx:Package><spdx:name>&xxe;</spdx:name></spdx:Package></rdf:RDF>\n"
    ),
}


@pytest.mark.parametrize("kind", sorted(XXE_DOCUMENTS))
def test_external_entities_are_never_opened(cli, tmp_path, kind):
    # A FIFO blocks whoever opens it for reading: a parser that followed the entity would hang here.
    target = tmp_path / "secret.fifo"
    os.mkfifo(target)
    path = tmp_path / f"xxe-{kind}.xml"
    path.write_text(XXE_DOCUMENTS[kind].format(target=target))
    assert _fails(cli, path, within=2) == f"{path}: {DTD_REFUSED}"


def test_xml_nested_100000_levels(cli, tmp_path):
    path = tmp_path / "deep.cdx.xml"
    path.write_text(CDX_XML + "<components>" + "<x>" * 100_000 + "</x>" * 100_000 + "</components></bom>")
    message = _fails(cli, path, within=3)
    assert message.startswith(f"{path}: XML nested deeper than 512 elements (line 1, column ")


def test_xml_not_well_formed_names_line_and_column(cli, tmp_path):
    path = tmp_path / "broken.cdx.xml"
    path.write_text(
        CDX_XML + "\n<components>\n<component type='library'><name>a</nam></component>\n</components></bom>\n"
    )
    assert _fails(cli, path) == f"{path}: not well-formed XML: mismatched tag: line 3, column 35"


def test_cyclonedx_xml_with_an_unknown_namespace(cli, tmp_path):
    path = tmp_path / "ns.xml"
    path.write_text('<bom xmlns="http://cyclonedx.org/schema/bom/12"><components/></bom>')
    assert _fails(cli, path) == (
        f"{path}: unknown CycloneDX XML namespace 'http://cyclonedx.org/schema/bom/12'"
        " (expected http://cyclonedx.org/schema/bom/1.0 to http://cyclonedx.org/schema/bom/1.7)"
    )


YAML_BOMB = (
    "spdxVersion: SPDX-2.3\n"
    + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9))
)


def test_yaml_alias_bomb_is_refused(cli, tmp_path):
    path = tmp_path / "bomb.spdx.yaml"
    path.write_text(YAML_BOMB)
    assert _fails(cli, path, within=2) == f"{path}: YAML aliases (*name) of lists or mappings are refused in an SBOM"


DEPTH = 100_000
DEEP_JSON = {
    "cyclonedx": (
        b'{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": ',
        "JSON nested too deeply to be an SBOM",
    ),
    "spdx": (b'{"spdxVersion": "SPDX-2.3", "packages": ', "JSON nested too deeply to be an SBOM"),
    "spdx3": (
        b'{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": ',
        "JSON nested too deeply to be an SBOM",
    ),
    "unknown": (
        b'{"x": ',
        "JSON, but not an SBOM this tool reads (no CycloneDX bomFormat, SPDX spdxVersion or SPDX 3 @context)",
    ),
}


@pytest.mark.parametrize("kind", sorted(DEEP_JSON))
def test_json_nested_100000_levels(cli, tmp_path, kind):
    start, expected = DEEP_JSON[kind]
    path = tmp_path / "deep.json"
    path.write_bytes(start + b"[" * DEPTH + b"]" * DEPTH + b"}")
    assert _fails(cli, path, within=3) == f"{path}: {expected}"


def test_yaml_nested_too_deep(cli, tmp_path):
    path = tmp_path / "deep.spdx.yaml"
    path.write_text("spdxVersion: SPDX-2.3\npackages: " + "[" * DEPTH + "]" * DEPTH + "\n")
    message = _fails(cli, path, within=3)
    assert message.startswith(f"{path}: not valid YAML: exceeded maximum nesting depth (line 2, column ")


GIGABYTE = 1 << 30


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\x7fELF\x02\x01\x01\x00garbage", "binary data, not an SBOM"),
        (b"", "binary data, not an SBOM"),
        (b'{"bomFormat": "CycloneDX", "components": [', "binary data, not an SBOM"),
        (b"<?xml version='1.0'?>\n<html>", "binary data, not an SBOM"),
        (b"garbage text " * 6000, "not an SBOM this tool reads (CycloneDX or SPDX)"),
    ],
    ids=["elf", "zeros", "json-start", "xml-start", "text"],
)
def test_a_gigabyte_of_garbage_fails_at_once(cli, tmp_path, head, expected):
    path = tmp_path / "garbage.bin"
    with path.open("wb") as stream:  # sparse: one gigabyte on paper, a few bytes on disk
        stream.write(head)
        stream.truncate(GIGABYTE)
    assert path.stat().st_size == GIGABYTE
    assert _fails(cli, path, within=2) == f"{path}: {expected}"


HUNDRED_MB = 100 << 20
LONG_STRING = {
    "cyclonedx-json": (
        b'{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"type": "library", "name": "',
        b'"}]}',
        "$.components[0].name: string longer than 65536 characters",
    ),
    "spdx-json": (
        b'{"spdxVersion": "SPDX-2.3", "packages": [{"SPDXID": "SPDXRef-a", "name": "a", "supplier": "Organization: ',
        b'"}]}',
        "$.packages[0].supplier: string longer than 65536 characters",
    ),
    "spdx3": (
        b'{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",'
        b' "@graph": [{"type": "software_Package", "name": "',
        b'"}]}',
        "$.@graph[0].name: string longer than 65536 characters",
    ),
    "cyclonedx-xml": (
        b'<?xml version="1.0"?>\n' + CDX_XML.encode() + b'<components><component type="library"><name>',
        b"</name></component></components></bom>",
        "<name> (line 2): text longer than 65536 characters (at line 2, column 106)",
    ),
    "spdx-tag-value": (
        b"SPDXVersion: SPDX-2.3\nPackageName: a\nPackageSupplier: Organization: ",
        b"\n",
        "line 3: longer than 1048576 bytes",
    ),
    "spdx-yaml": (b"spdxVersion: SPDX-2.3\npackages:\n  - name: ", b"\n", "line 3: longer than 1048576 bytes"),
}


def _long_file(tmp_path: Path, kind: str) -> Path:
    start, end, _ = LONG_STRING[kind]
    path = tmp_path / f"long-{kind}"
    with path.open("wb") as stream:
        stream.write(start)
        chunk = b"A" * (1 << 20)
        for _ in range(HUNDRED_MB >> 20):
            stream.write(chunk)
        stream.write(end)
    return path


def test_a_100_mb_string_fails_fast_through_the_cli(cli, tmp_path):
    path = _long_file(tmp_path, "cyclonedx-json")
    assert _fails(cli, path, within=5) == f"{path}: {LONG_STRING['cyclonedx-json'][2]}"


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(LONG_STRING))
def test_a_100_mb_string_keeps_memory_bounded(tmp_path, kind):
    """Peak memory stays within a small multiple of the file (the file is read once, the string never kept)."""
    path = _long_file(tmp_path, kind)
    message, seconds, peak = measure_load(path)
    assert message == f"{path}: {LONG_STRING[kind][2]}"
    assert seconds < 4
    assert peak < 3.5 * HUNDRED_MB + (80 << 20), f"peak {peak >> 20} MiB"


# -- wrong types: a message naming the JSON path, or the package skipped with a warning ------------


def _spdx(tmp_path: Path, packages: object, **top: object) -> Path:
    path = tmp_path / "sbom.spdx.json"
    document = {
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": "doc",
        "documentNamespace": "https://example.org/doc",
        "creationInfo": {"created": "2024-01-01T00:00:00Z", "creators": ["Tool: test"]},
        "packages": packages,
        **top,
    }
    path.write_text(json.dumps(document))
    return path


def test_spdx_packages_as_an_object(cli, tmp_path):
    path = _spdx(tmp_path, {"name": "x"})
    assert _fails(cli, path) == f"{path}: $.packages: expected an array, got an object"


def test_spdx_relationships_as_a_string(cli, tmp_path):
    path = _spdx(tmp_path, [], relationships="none")
    assert _fails(cli, path) == f"{path}: $.relationships: expected an array, got a string"


def test_spdx_wrong_type_in_a_package_keeps_the_rest_and_fails_the_gate(cli, tmp_path):
    path = _spdx(
        tmp_path,
        [
            {
                "SPDXID": "SPDXRef-a",
                "name": 42,
                "downloadLocation": "NONE",
                "supplier": "Organization: AO Kaspersky Lab",
            },
            {
                "SPDXID": "SPDXRef-b",
                "name": "b",
                "downloadLocation": "NONE",
                "versionInfo": 3,
                "supplier": "Organization: AO Kaspersky Lab",
            },
        ],
    )
    result = cli("check", path, *POLICY_ARGS, "--as-of", "2024-10-01", "--format", "json")
    assert result.exit_code == 3, result.stderr
    [sbom] = json.loads(result.stdout)["sboms"]
    assert sbom["warnings"] == [
        "$.packages[0].name: expected a string, got a number; an identity value that could not be read",
        "$.packages[1].versionInfo: expected a string or null, got a number; ignored",
        "$.packages[0].name: missing",
    ]
    assert [finding["component"]["ref"] for finding in sbom["findings"]] == ["SPDXRef-a", "SPDXRef-b"]
    assert (sbom["unreadable"], sbom["components"]) == (1, 2)
    assert "(0 without identity, 1 could not be read)" in result.stderr
    assert result.stderr.rstrip().endswith("exit 3: 1 with identity values that could not be read (see the warnings)")


def test_spdx_version_that_is_not_2(cli, tmp_path):
    path = tmp_path / "v1.spdx.json"
    path.write_text(json.dumps({"spdxVersion": "SPDX-1.2", "packages": []}))
    assert _fails(cli, path) == f"{path}: $.spdxVersion: 'SPDX-1.2': this reader takes SPDX 2.x (SPDX-2.2, SPDX-2.3)"


SPDX3 = '{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": %s}'


def test_spdx3_graph_as_an_object(cli, tmp_path):
    path = tmp_path / "sbom.spdx3.json"
    path.write_text(SPDX3 % '{"type": "software_Package"}')
    assert _fails(cli, path) == f"{path}: $.@graph: expected an array, got an object"


def test_spdx3_wrong_type_in_a_package_keeps_the_rest_and_fails_the_gate(cli, tmp_path):
    path = tmp_path / "sbom.spdx3.json"
    graph = [
        {"type": "software_Package", "spdxId": "urn:a", "name": ["not", "a", "name"], "suppliedBy": "urn:kl"},
        {"type": "Organization", "spdxId": "urn:kl", "name": "AO Kaspersky Lab"},
        {"type": "software_Package", "spdxId": "urn:b", "name": "b", "suppliedBy": "urn:kl"},
    ]
    path.write_text(SPDX3 % json.dumps(graph))
    result = cli("check", path, *POLICY_ARGS, "--as-of", "2024-10-01", "--format", "json")
    assert result.exit_code == 3, result.stderr
    [sbom] = json.loads(result.stdout)["sboms"]
    assert sbom["warnings"] == [
        "$.@graph[0].name: expected a string, got an array; an identity value that could not be read"
    ]
    assert [finding["component"]["ref"] for finding in sbom["findings"]] == ["urn:a", "urn:b"]
    assert (sbom["unreadable"], sbom["components"]) == (1, 2)


def test_cyclonedx_spec_problems_in_read_fields_are_warnings(cli, tmp_path):
    path = tmp_path / "bom.json"
    components = [
        {"type": "library", "name": "a", "bom-ref": "x", "hashes": [{"alg": "MD5", "content": "foo"}]},
        {"type": "gadget", "name": "b", "bom-ref": "x", "supplier": {"name": "AO Kaspersky Lab"}},
    ]
    path.write_text(json.dumps({"bomFormat": "CycloneDX", "specVersion": "1.5", "components": components}))
    result = cli("check", path, *POLICY_ARGS, "--as-of", "2024-10-01", "--format", "json")
    assert result.exit_code == 1, result.stderr
    [sbom] = json.loads(result.stdout)["sboms"]
    assert sbom["warnings"] == [
        "$.components[0].hashes[0].content: not a hex digest of 32, 40, 64, 96 or 128 digits",
        "$.components[1].type: 'gadget' is not a CycloneDX component type",
        "$.components[1].bom-ref: 'x' is used by another component too",
    ]
    assert sbom["components"] == 2


# -- tag-value and YAML syntax --------------------------------------------------------------


def test_tag_value_text_block_never_closed(cli, tmp_path):
    path = tmp_path / "open.spdx"
    path.write_text("SPDXVersion: SPDX-2.3\nPackageName: a\nPackageComment: <text>starts\nand never ends\n")
    assert _fails(cli, path) == f"{path}: line 3: PackageComment: <text> is never closed by </text>"


def test_tag_value_without_version(cli, tmp_path):
    path = tmp_path / "noversion.spdx"
    path.write_text("SPDXVersion: SPDX-2.3\n")
    path.write_text("PackageName: a\nSPDXVersion:\n")
    message = _fails(cli, path)
    assert message == f"{path}: not an SBOM this tool reads (CycloneDX or SPDX)"


def test_tag_value_stray_lines_are_warnings(tmp_path):
    from enforcer.load import read_document

    path = tmp_path / "stray.spdx"
    path.write_text("SPDXVersion: SPDX-2.3\nthis line has no tag\nPackageName: a\nExternalRef: only-two parts\n")
    document = read_document(str(path))
    assert document.warnings[:2] == [
        "line 2: not a 'Tag: value' line; ignored",
        "line 4: ExternalRef: expected 'CATEGORY TYPE LOCATOR', got 'only-two parts'",
    ]
    assert "DataLicense: missing (SPDX documents are CC0-1.0)" in document.warnings  # the specification checks
    assert document.component_count == 1


def test_yaml_syntax_error_names_line_and_column(cli, tmp_path):
    path = tmp_path / "bad.spdx.yaml"
    path.write_text("spdxVersion: SPDX-2.3\npackages:\n  - name: a\n   bad: [\n")
    message = _fails(cli, path)
    assert message.startswith(f"{path}: not valid YAML: ") and "(line " in message and "column " in message
