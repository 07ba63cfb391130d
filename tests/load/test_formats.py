"""One fixture per format, each with a banned vendor where that format keeps it, found by `enforcer check`.

Every fixture is also checked gzip-compressed, from standard input, and under
a misleading file name: the format comes from the content.
"""

from __future__ import annotations

import gzip
import json
import shutil

import pytest

from enforcer.load import read_document
from tests.conftest import FIXTURES, POLICIES

FORMATS = FIXTURES / "sboms" / "formats"
POLICY_ARGS = ("-p", POLICIES / "enforcer" / "decide.rego", "-p", POLICIES / "gov" / "us_commerce_icts_kaspersky.rego")

# (fixture, format shown, components, banned component, field, value, matcher, path from the root)
CASES = [
    (
        "cyclonedx-1.6.cdx.xml",
        "CycloneDX 1.6 XML",
        3,
        "av-engine",
        "supplier.name",
        "AO Kaspersky Lab",
        "organization",
        ["acme-endpoint-agent@4.2.0", "scanner-sdk@2.0.1", "av-engine@21.3.10"],
    ),
    (
        "cyclonedx-1.4.cdx.xml",
        "CycloneDX 1.4 XML",
        2,
        "scan-core",
        "cpe",
        "cpe:2.3:a:kaspersky:scan_core:8.0.2:*:*:*:*:*:*:*",
        "cpe-vendor",
        ["mail-gateway@7.1", "scan-core@8.0.2"],
    ),
    (
        "spdx-2.3.spdx.json",
        "SPDX 2.3 JSON",
        3,
        "av-engine",
        "supplier",
        "Organization: AO Kaspersky Lab (info@example.org)",
        "organization",
        ["acme-endpoint-agent@4.2.0", "av-engine@21.3.10"],
    ),
    (
        "spdx-2.2-download.spdx.json",
        "SPDX 2.2 JSON",
        2,
        "definitions-updater",
        "downloadLocation",
        "https://downloads.kaspersky-labs.com/updater/definitions-updater-3.1.tar.gz",
        "domain",
        ["kiosk-image@2024.09", "definitions-updater@3.1"],
    ),
    (
        "spdx-2.2.spdx.yaml",
        "SPDX 2.2 YAML",
        2,
        "threat-db",
        "originator",
        "Organization: Kaspersky Lab",
        "organization",
        ["kiosk-firmware@1.0", "threat-db@2024.09.30"],
    ),
    (
        "spdx-2.3.spdx",
        "SPDX 2.3 tag-value",
        3,
        "av-engine",
        "supplier",
        "Organization: AO Kaspersky Lab (sales@example.org)",
        "organization",
        ["acme-endpoint-agent@4.2.0", "scanner@2.0.1", "av-engine@21.3.10"],
    ),
    (
        "spdx-2.3.spdx.xml",
        "SPDX 2.3 XML",
        2,
        "ksc-api",
        "externalRefs[0].referenceLocator",
        "pkg:maven/com.kaspersky.ksc/ksc-api@14.2",
        "purl",
        ["build-tools@1.0", "ksc-api@14.2"],
    ),
    (
        "spdx-2.3.spdx.rdf.xml",
        "SPDX 2.3 RDF/XML",
        2,
        "web-filter",
        "externalRefs[0].referenceLocator",
        "cpe:2.3:a:kaspersky:web_traffic_security:6.1:*:*:*:*:*:*:*",
        "cpe-vendor",
        ["gateway@1.0", "web-filter@6.1"],
    ),
    (
        "spdx-3.0.spdx3.json",
        "SPDX 3.0.1 json-ld",
        2,
        "av-engine",
        "suppliedBy",
        "AO Kaspersky Lab",
        "organization",
        ["acme-endpoint-agent@4.2.0", "av-engine@21.3.10"],
    ),
]
IDS = [case[0] for case in CASES]


def test_every_fixture_is_in_the_table():
    assert sorted(path.name for path in FORMATS.iterdir()) == sorted(IDS)


def _check(cli, source, *, input=None):
    result = cli("check", source, *POLICY_ARGS, "--as-of", "2024-10-01", "--format", "json", input=input)
    assert result.exit_code == 1, result.stderr
    [sbom] = json.loads(result.stdout)["sboms"]
    return result, sbom


@pytest.mark.parametrize(
    ("fixture", "format_name", "components", "component", "field", "value", "matcher", "path"), CASES, ids=IDS
)
@pytest.mark.parametrize("how", ["file", "gzip", "stdin", "misnamed"])
def test_banned_vendor_is_found(
    cli, tmp_path, how, fixture, format_name, components, component, field, value, matcher, path
):
    source = FORMATS / fixture
    stdin = None
    if how == "gzip":
        packed = tmp_path / f"{fixture}.gz"
        packed.write_bytes(gzip.compress(source.read_bytes()))
        source = packed
    elif how == "stdin":
        stdin = source.read_bytes()
        source = "-"
    elif how == "misnamed":
        source = shutil.copy(source, tmp_path / "sbom.txt")
    result, sbom = _check(cli, source, input=stdin)
    assert sbom["format"] == format_name
    assert sbom["components"] == components
    assert sbom["warnings"] == [] and sbom["unreadable"] == 0
    [finding] = sbom["findings"]
    assert finding["verdict"] == "deny"
    assert finding["ban"] == "us-commerce-icts-kaspersky-2024"
    assert finding["component"]["name"] == component
    assert finding["component"]["path"] == path
    assert (field, value, matcher) in [(m["field"], m["value"], m["matcher"]) for m in finding["matches"]]
    assert f"{components} components" in result.stderr


def test_cyclonedx_xml_reads_metadata_and_services():
    document = read_document(str(FORMATS / "cyclonedx-1.6.cdx.xml"))
    records = {record.ref: record for record in document.records()}
    assert records["acme-endpoint-agent"].place == "metadata"
    assert ("url", "supplier.url[0]", "https://acme.example.com") in [
        value[:3] for value in records["acme-endpoint-agent"].values
    ]
    service = records["update-service"]
    assert service.place == "service" and service.kind == "service"
    assert ("org", "provider.name", "Acme Security Inc.") in [value[:3] for value in service.values]
    assert ("url", "endpoints[0]", "https://updates.acme.example.com/v1") in [value[:3] for value in service.values]
    assert document.component_count == 3


def test_spdx3_agent_email_and_hash_are_read():
    document = read_document(str(FORMATS / "spdx-3.0.spdx3.json"))
    engine = next(record for record in document.records() if record.name == "av-engine")
    assert ("url", "suppliedBy.externalIdentifier[0].identifier", "info@example.org") in [
        value[:3] for value in engine.values
    ]
    assert (
        "hash",
        "verifiedUsing[0].hashValue",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    ) in [value[:3] for value in engine.values]


def test_tag_value_multi_line_text_and_files_do_not_leak_into_packages():
    document = read_document(str(FORMATS / "spdx-2.3.spdx"))
    assert [record.ref for record in document.records()] == ["SPDXRef-agent", "SPDXRef-scanner", "SPDXRef-av-engine"]
    assert document.label_of("SPDXRef-DOCUMENT") == "acme-endpoint-agent-4.2.0"
