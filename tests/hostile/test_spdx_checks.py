"""An SPDX document that breaks the specification is checked with one warning per fault, as a CycloneDX one is."""

from __future__ import annotations

import json

import pytest
import yaml

from enforcer.load._spdx_checks import licence_fault
from tests.hostile.conftest import AS_OF, BANNED, spdx, write

FAULTY_PACKAGE = {
    "SPDXID": "SPDXRef-a",
    "name": "av-engine",
    "supplier": f"Organization: {BANNED}",
    "licenseDeclared": "MIT, Apache-2.0",
    "licenseConcluded": "GPL-2.0-only WITH Not-An-Exception",
    "checksums": [{"algorithm": "SHA256", "checksumValue": "abc"}],
    "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "npm/x"}],
    "primaryPackagePurpose": "GADGET",
}
EXPECTED = [
    "$.creationInfo.created: '2024-01-01T00:00:00.250Z' is not a UTC time YYYY-MM-DDThh:mm:ssZ"
    " (no fractions of a second)",
    "$.packages[0].downloadLocation: missing (write NOASSERTION when it is not known)",
    "$.packages[0].licenseConcluded: 'GPL-2.0-only WITH Not-An-Exception' is not an SPDX licence expression"
    " ('Not-An-Exception' is not an SPDX licence exception)",
    "$.packages[0].licenseDeclared: 'MIT, Apache-2.0' is not an SPDX licence expression"
    " (a list is joined with AND or OR, not with ',')",
    "$.packages[0].checksums[0].checksumValue: not a hex digest of 64 digits",
    "$.packages[0].externalRefs[0].referenceLocator: 'npm/x' is not a purl (pkg:...)",
    "$.packages[0].primaryPackagePurpose: 'GADGET' is not an SPDX primary package purpose",
]


def _document() -> dict[str, object]:
    document = spdx([FAULTY_PACKAGE])
    document["creationInfo"] = {"created": "2024-01-01T00:00:00.250Z", "creators": ["Tool: test"]}
    return document


@pytest.mark.parametrize("encoding", ["json", "yaml"])
def test_faults_of_an_spdx_document_are_warnings_and_the_vendor_is_still_found(cli, tmp_path, encoding):
    document = _document()
    text = json.dumps(document) if encoding == "json" else yaml.safe_dump(document)
    path = write(tmp_path / f"sbom.spdx.{encoding}", text)
    result = cli("check", path, *AS_OF, "-f", "json")
    assert result.exit_code == 1, result.stderr
    [sbom] = json.loads(result.stdout)["sboms"]
    assert sbom["warnings"] == EXPECTED
    assert any(finding["status"] == "deny" for finding in sbom["findings"])


def test_a_clean_spdx_document_has_no_warning(cli, tmp_path):
    package = {**FAULTY_PACKAGE, "downloadLocation": "NOASSERTION", "licenseDeclared": "MIT OR Apache-2.0"}
    package.update(licenseConcluded="GPL-2.0-or-later WITH Classpath-exception-2.0", primaryPackagePurpose="LIBRARY")
    package["checksums"] = [{"algorithm": "SHA256", "checksumValue": "ab" * 32}]
    package["externalRefs"] = [
        {"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:npm/x@1"}
    ]
    path = write(tmp_path / "sbom.spdx.json", spdx([package]))
    result = cli("check", path, *AS_OF, "-f", "json")
    assert json.loads(result.stdout)["sboms"][0]["warnings"] == []


def test_tag_value_faults_name_their_line(cli, tmp_path):
    path = write(
        tmp_path / "sbom.spdx",
        "SPDXVersion: SPDX-2.3\nDataLicense: CC-BY-4.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: d\n"
        "DocumentNamespace: https://example.org/d\nCreator: Robot\nCreated: 2024-01-01T00:00:00+02:00\n\n"
        f"PackageName: av-engine\nSPDXID: SPDXRef-a\nPackageSupplier: Organization: {BANNED}\n"
        "PackageLicenseDeclared: MIT, BSD-3-Clause\n",
    )
    result = cli("check", path, *AS_OF, "-f", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["sboms"][0]["warnings"] == [
        "line 2: DataLicense: 'CC-BY-4.0' is not CC0-1.0",
        "line 7: Created: '2024-01-01T00:00:00+02:00' is not a UTC time YYYY-MM-DDThh:mm:ssZ"
        " (no fractions of a second)",
        "line 6: Creator: 'Robot' is not 'Person: ...', 'Organization: ...' or 'Tool: ...'",
        "line 9 (package 'av-engine'): PackageDownloadLocation: missing (write NOASSERTION when it is not known)",
        "line 12: PackageLicenseDeclared: 'MIT, BSD-3-Clause' is not an SPDX licence expression"
        " (a list is joined with AND or OR, not with ',')",
    ]


@pytest.mark.parametrize(
    ("expression", "fault"),
    [
        ("MIT", ""),
        ("mit", ""),  # ids compare without case
        ("(MIT OR Apache-2.0) AND LicenseRef-custom", ""),
        ("DocumentRef-other:LicenseRef-x", ""),
        ("GPL-2.0+", ""),
        ("NOASSERTION", ""),
        ("MIT AND", "ends after an operator"),
        ("(MIT", "a bracket is not closed"),
        ("MIT Apache-2.0", "unexpected 'Apache-2.0'"),
        ("Not-A-Licence", "'Not-A-Licence' is not on the SPDX licence list nor a LicenseRef-"),
        ("MIT/Apache-2.0", "a list is joined with AND or OR, not with '/'"),
        ("(" * 100 + "MIT" + ")" * 100, "brackets nested too deeply"),
    ],
)
def test_licence_expressions(expression, fault):
    assert licence_fault(expression) == fault
