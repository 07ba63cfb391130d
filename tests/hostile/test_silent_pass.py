"""A banned vendor in the input never gives exit 0: wrong types, repeated keys, two formats at once, gzip members.

Each document holds a component supplied by AO Kaspersky Lab (denied on
2024-10-01 by the shipped pack). Either it is read (a deny finding, exit 1,
or exit 3 when an identity value beside it could not be read), or the
document is refused (exit 3, one line naming what and where). Every case
runs through the native scanner and the Python path.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.conftest import AS_OF, BANNED, banned_component, cdx, spdx, write


def _check(cli, path: Path, *extra: str):
    result = cli("check", path, *AS_OF, "-f", "json", *extra)
    assert "Traceback" not in result.stderr
    return result


def _denied_refs(result) -> set[str]:
    report = json.loads(result.stdout)
    return {
        finding["component"]["name"]
        for sbom in report["sboms"]
        for finding in sbom["findings"]
        if finding["status"] == "deny"
    }


# -- a field of the wrong type never hides the identity beside it ---------------------------------

#: (extra fields of the banned component, exit code, whether its supplier is still read)
WRONG_TYPES: dict[str, tuple[dict[str, Any], int, bool]] = {
    "version-number": ({"version": 5}, 1, True),
    "bom-ref-number": ({"bom-ref": 17}, 1, True),
    "type-array": ({"type": ["application"]}, 1, True),
    "null-in-url-array": ({"supplier": {"name": BANNED, "url": ["https://example.org", None]}}, 3, True),
    "purl-number": ({"purl": 42}, 3, True),
    "hash-content-number": ({"hashes": [{"alg": "SHA-1", "content": 7}]}, 3, True),
    "authors-object": ({"authors": {"name": "x"}}, 3, True),
    "supplier-array": ({"supplier": [{"name": BANNED}]}, 3, False),
    "supplier-name-number": ({"supplier": {"name": 5}, "manufacturer": {"name": BANNED}}, 3, True),
    "children-object": ({"components": {"name": "hidden"}}, 3, True),
}


@pytest.mark.parametrize("case", sorted(WRONG_TYPES))
def test_cyclonedx_wrong_type_keeps_the_banned_supplier(cli, tmp_path, path_kind, case):
    extra, code, read = WRONG_TYPES[case]
    path = write(tmp_path / "sbom.json", cdx([{"type": "library", "name": "ok"}, banned_component(**extra)]))
    result = _check(cli, path, "--fail-on", "warn", "--fail-on-unidentified", "0")
    assert result.exit_code == code, result.stderr
    assert ("av-engine" in _denied_refs(result)) is read
    warnings = json.loads(result.stdout)["sboms"][0]["warnings"]
    assert any(w.startswith("$.components[1].") for w in warnings), warnings
    if code == 3:
        assert "with identity values that could not be read" in result.stderr


def test_a_component_that_is_not_an_object_fails_the_gate(cli, tmp_path, path_kind):
    path = write(tmp_path / "sbom.json", cdx([{"type": "library", "name": "ok"}, f"{BANNED} av-engine"]))
    result = _check(cli, path)
    assert result.exit_code == 3, result.stderr
    assert json.loads(result.stdout)["sboms"][0]["warnings"][0] == (
        "$.components[1]: expected an object, got a string; not read"
    )


def test_spdx_wrong_types_keep_the_banned_supplier(cli, tmp_path):
    packages = [
        {"SPDXID": "SPDXRef-a", "name": "av-engine", "versionInfo": 3, "downloadLocation": "NONE",
         "supplier": f"Organization: {BANNED}"},
        {"SPDXID": "SPDXRef-b", "name": "b", "downloadLocation": "NONE", "supplier": f"Organization: {BANNED}",
         "checksums": [{"algorithm": "SHA1", "checksumValue": None}]},
    ]  # fmt: skip
    result = _check(cli, write(tmp_path / "sbom.spdx.json", spdx(packages)))
    assert result.exit_code == 3, result.stderr
    assert _denied_refs(result) == {"av-engine", "b"}


def test_spdx3_wrong_types_keep_the_banned_supplier(cli, tmp_path):
    graph = [
        {"type": "Organization", "spdxId": "urn:kl", "name": BANNED},
        {"type": "software_Package", "spdxId": "urn:a", "name": "av-engine", "suppliedBy": "urn:kl",
         "software_packageVersion": 21, "externalIdentifier": [None]},
    ]  # fmt: skip
    path = write(
        tmp_path / "sbom.spdx3.json", {"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": graph}
    )
    result = _check(cli, path)
    assert result.exit_code == 3, result.stderr
    assert _denied_refs(result) == {"av-engine"}


# -- repeated keys: refused on every path, naming the key and its JSON path ---------------------

REPEATED = {
    "supplier": (
        '{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"type": "application", "name": "a",'
        f' "supplier": {{"name": "{BANNED}"}}, "supplier": {{"name": "Benign"}}}}]}}',
        "$.components[0]: the key 'supplier' appears twice",
    ),
    "components-twice": (
        '{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"type": "application", "name": "a",'
        f' "supplier": {{"name": "{BANNED}"}}}}], "components": []}}',
        "$: the key 'components' appears twice",
    ),
    "escaped-key": (
        '{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"type": "application", "name": "a",'
        f' "supplier": {{"name": "{BANNED}"}}, "suppl\\u0069er": {{"name": "Benign"}}}}]}}',
        "$.components[0]: the key 'supplier' appears twice",
    ),
    "unread-field": (
        '{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"type": "application", "name": "a",'
        f' "supplier": {{"name": "{BANNED}"}}, "licenses": [], "licenses": []}}]}}',
        "$.components[0]: the key 'licenses' appears twice",
    ),
    "after-a-huge-number": (
        '{"bomFormat": "CycloneDX", "specVersion": "1.5", "x": '
        + "9" * 6000
        + ', "components": [{"type": "application",'
        f' "name": "a", "supplier": {{"name": "{BANNED}"}}, "supplier": {{"name": "Benign"}}}}]}}',
        "$.components[0]: the key 'supplier' appears twice",
    ),
    "spdx-package": (
        json.dumps(spdx([{"SPDXID": "SPDXRef-a", "name": "a", "downloadLocation": "NONE"}]))[:-3]
        + f', "supplier": "Organization: {BANNED}", "supplier": "NOASSERTION"}}]}}',
        "$.packages[0]: the key 'supplier' appears twice",
    ),
}


@pytest.mark.parametrize("case", sorted(REPEATED))
def test_a_repeated_json_key_is_refused(cli, tmp_path, path_kind, case):
    text, expected = REPEATED[case]
    path = write(tmp_path / "sbom.json", text)
    result = _check(cli, path)
    assert result.exit_code == 3, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("enforcer: error: ")]
    assert line.startswith(f"enforcer: error: {path}: {expected} in one object"), line


def test_a_repeated_key_is_refused_on_standard_input_and_in_gzip(cli, tmp_path, path_kind):
    text, expected = REPEATED["supplier"]
    result = cli("check", "-", *AS_OF, input=text.encode())
    assert result.exit_code == 3 and f"<stdin>: {expected}" in result.stderr
    packed = tmp_path / "sbom.json.gz"
    packed.write_bytes(gzip.compress(text.encode()))
    result = cli("check", packed, *AS_OF)
    assert result.exit_code == 3 and f"{packed}: {expected}" in result.stderr


REPEATED_ELSEWHERE = {
    "yaml": (
        "sbom.spdx.yaml",
        "spdxVersion: SPDX-2.3\nSPDXID: SPDXRef-DOCUMENT\npackages:\n  - name: a\n    SPDXID: SPDXRef-a\n"
        f'    supplier: "Organization: {BANNED}"\n    supplier: "NOASSERTION"\n',
        "line 7: the key 'supplier' appears twice in one mapping",
    ),
    "cyclonedx-xml": (
        "sbom.cdx.xml",
        '<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components><component type="application">'
        f"<name>a</name><supplier><name>{BANNED}</name></supplier>\n<supplier><name>Benign</name></supplier>"
        "</component></components></bom>",
        "<supplier> (line 2) repeated in <component> (line 1), which holds one (line 1)",
    ),
    "spdx-xml": (
        "sbom.spdx.xml",
        "<Document><spdxVersion>SPDX-2.3</spdxVersion><packages><SPDXID>SPDXRef-a</SPDXID><name>a</name>"
        f"<supplier>Organization: {BANNED}</supplier>\n<supplier>NOASSERTION</supplier></packages></Document>",
        "<supplier> (line 2) repeated in <packages> (line 1), which holds one (line 1)",
    ),
    "tag-value": (
        "sbom.spdx",
        f"SPDXVersion: SPDX-2.3\nPackageName: a\nSPDXID: SPDXRef-a\nPackageSupplier: Organization: {BANNED}\n"
        "PackageSupplier: NOASSERTION\n",
        "line 5: PackageSupplier given a second time for the package 'a'",
    ),
    "spdx-rdf": (
        "sbom.rdf",
        '<rdf:RDF xmlns:spdx="http://spdx.org/rdf/terms#" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<spdx:SpdxDocument rdf:about="http://x/d#SPDXRef-DOCUMENT"><spdx:specVersion>SPDX-2.3</spdx:specVersion>'
        '</spdx:SpdxDocument><spdx:Package rdf:about="http://x/d#SPDXRef-a"><spdx:name>a</spdx:name>'
        f"<spdx:supplier>Organization: {BANNED}</spdx:supplier></spdx:Package>\n"
        '<spdx:Package rdf:about="http://x/d#SPDXRef-a"><spdx:supplier>Organization: Benign</spdx:supplier>'
        "</spdx:Package></rdf:RDF>",
        "SPDXRef-a: spdx:supplier (line 2) has a second value",
    ),
}


@pytest.mark.parametrize("case", sorted(REPEATED_ELSEWHERE))
def test_a_repeated_field_is_refused_in_every_encoding(cli, tmp_path, case):
    name, text, expected = REPEATED_ELSEWHERE[case]
    path = write(tmp_path / name, text)
    result = _check(cli, path)
    assert result.exit_code == 3, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("enforcer: error: ")]
    assert line.startswith(f"enforcer: error: {path}: {expected}"), line


# -- two formats at once, two versions at once, and the RDF written with rdf:Description ----------


@pytest.mark.parametrize("late", [False, True], ids=["in-the-head", "after-64-KiB"])
def test_a_cyclonedx_and_spdx_document_at_once_is_refused(cli, tmp_path, path_kind, late):
    document: dict[str, Any] = cdx([banned_component()])
    if late:
        document["padding"] = "x" * 70_000
    document["spdxVersion"] = "SPDX-2.3"
    document["packages"] = []
    path = write(tmp_path / "both.json", document)
    result = _check(cli, path)
    assert result.exit_code == 3, result.stderr
    assert f"enforcer: error: {path}: both a CycloneDX and an SPDX 2 document" in result.stderr


def test_a_cyclonedx_xml_component_of_another_version_is_refused(cli, tmp_path):
    path = write(
        tmp_path / "mixed.xml",
        '<bom xmlns="http://cyclonedx.org/schema/bom/1.5" xmlns:old="http://cyclonedx.org/schema/bom/1.4">'
        '<components><component type="library"><name>a</name></component>\n'
        f'<old:component type="application"><old:name>av</old:name><old:supplier><old:name>{BANNED}</old:name>'
        "</old:supplier></old:component></components></bom>",
    )
    result = _check(cli, path)
    assert result.exit_code == 3
    assert (
        f"enforcer: error: {path}: <component> (line 2, column 1) is in the namespace"
        " 'http://cyclonedx.org/schema/bom/1.4'"
    ) in result.stderr


def test_spdx_rdf_written_with_rdf_description_is_read(cli, tmp_path):
    rdf_type = '<rdf:type rdf:resource="http://spdx.org/rdf/terms#{}"/>'
    path = write(
        tmp_path / "sbom.rdf",
        '<rdf:RDF xmlns:spdx="http://spdx.org/rdf/terms#" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="http://x/d#SPDXRef-DOCUMENT">{rdf_type.format("SpdxDocument")}'
        "<spdx:specVersion>SPDX-2.3</spdx:specVersion></rdf:Description>"
        f'<rdf:Description rdf:about="http://x/d#SPDXRef-a">{rdf_type.format("Package")}'
        f"<spdx:name>av-engine</spdx:name><spdx:supplier>Organization: {BANNED}</spdx:supplier></rdf:Description>"
        "</rdf:RDF>",
    )
    result = _check(cli, path)
    assert result.exit_code == 1, result.stderr
    assert _denied_refs(result) == {"av-engine"}


# -- gzip of several members ---------------------------------------------------------------------


def test_a_document_split_across_gzip_members_is_read(cli, tmp_path, path_kind):
    text = json.dumps(cdx([banned_component()])).encode()
    path = tmp_path / "split.json.gz"
    path.write_bytes(gzip.compress(text[:40]) + gzip.compress(text[40:]) + b"\x00" * 512)
    result = _check(cli, path)
    assert result.exit_code == 1, result.stderr
    assert _denied_refs(result) == {"av-engine"}


def test_a_banned_document_in_a_second_gzip_member_is_not_hidden(cli, tmp_path, path_kind):
    benign = json.dumps(cdx([{"type": "library", "name": "ok"}])).encode()
    banned = json.dumps(cdx([banned_component()])).encode()
    path = tmp_path / "two.json.gz"
    path.write_bytes(gzip.compress(benign) + gzip.compress(banned))
    result = _check(cli, path)
    assert result.exit_code == 3, result.stderr  # two documents in one: not valid JSON, never the first alone
    assert "not valid JSON: trailing characters" in result.stderr


def test_data_after_the_last_gzip_member_is_refused(cli, tmp_path):
    path = tmp_path / "tail.json.gz"
    path.write_bytes(gzip.compress(json.dumps(cdx([])).encode()) + b"not gzip at all")
    result = _check(cli, path)
    assert result.exit_code == 3
    assert f"{path}: data after the end of the gzip stream that is not gzip" in result.stderr


@pytest.mark.parametrize("count", [1, 400], ids=["one-finding", "input-over-64-KiB"])
def test_quotes_and_backslashes_reach_the_decision_as_they_are(cli, tmp_path, count):
    """Names and reasons with a quote, a backslash or a tab are decided and reported unchanged.

    The embedded engine hands the decision's input to rego-cpp through its C
    API, which keeps strings in their JSON-escaped form: a raw quote in a
    string the decision gives back (a waiver's reason) came back as broken
    JSON, exit 3, once the input passed 64 KiB.
    """
    names = [f'av "engine" \\ {number}\t' for number in range(count)]
    components = [banned_component(name=name, **{"bom-ref": f"c{number}"}) for number, name in enumerate(names)]
    sbom = write(tmp_path / "sbom.json", cdx(components))
    reason = 'replaced by "other-av" \\ tracked in\tSEC-1'
    waiver = {
        "id": "w-quoted",
        "ban": "*",
        "components": {"names": names},
        "expires": "2099-01-01",
        "reason": reason,
        "approved_by": "security@example.com",
    }
    waivers = write(tmp_path / "waivers.json", {"waivers": [waiver]})
    result = cli("check", sbom, *AS_OF, "--format", "json", "--waivers", waivers)
    assert result.exit_code == 0, result.stderr
    findings = json.loads(result.stdout)["sboms"][0]["findings"]
    assert {finding["component"]["name"] for finding in findings} == set(names)
    assert {finding["status"] for finding in findings} >= {"waived"}
    assert all(reason in finding["reason"] for finding in findings if finding["status"] == "waived")
