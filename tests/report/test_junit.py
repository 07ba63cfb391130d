"""JUnit: valid against the Ant JUnit schema, one suite per SBOM, one case per ban."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

from enforcer.report.junit import JunitReporter
from tests.conftest import FIXTURES
from tests.report.conftest import HUAWEI, KASPERSKY


@pytest.fixture(scope="module")
def schema(shared: Path) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(shared / "schemas" / "JUnit.xsd"))


def _suites(text: str) -> list[ET.Element]:
    root = ET.fromstring(text)
    assert root.tag == "testsuites"
    return list(root)


def test_canonical_report_is_valid_junit(schema, result):
    text = JunitReporter().render(result)
    schema.validate(text)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')


def test_schema_rejects_a_broken_report(schema, result):
    """The validator is real: a suite without its required timestamp is refused."""
    root = ET.fromstring(JunitReporter().render(result))
    del root[0].attrib["timestamp"]
    assert not schema.is_valid(ET.tostring(root, encoding="unicode"))


def test_one_suite_per_sbom_one_case_per_ban(result):
    suites = _suites(JunitReporter().render(result))
    assert [suite.get("name") for suite in suites] == [sbom.path for sbom in result.sboms]
    ban_ids = sorted(ban.id for ban in result.bans)
    for suite in suites[:3]:
        cases = suite.findall("testcase")
        assert [case.get("name") for case in cases] == ban_ids
        assert suite.get("tests") == str(len(ban_ids))
        assert {case.get("classname") for case in cases} == {suite.get("name")}


@pytest.mark.parametrize(
    ("ban", "outcome", "message"),
    [
        (KASPERSKY, "failure", "2 components from Kaspersky denied"),
        (HUAWEI, None, None),  # a warning and a waived finding do not fail
        ("uk-ncsc-russia-av-2017", None, None),  # allow
        ("eu-disabled-2020", "skipped", "ban disabled"),
        ("de-bsi-warning-2022", "skipped", "outside the selected scopes (us, uk)"),
    ],
    ids=["deny-fails", "warn-and-waived-pass", "allow-passes", "disabled-skipped", "out-of-scope-skipped"],
)
def test_case_outcomes(result, ban, outcome, message):
    suite = _suites(JunitReporter().render(result))[0]
    [case] = [case for case in suite.findall("testcase") if case.get("name") == ban]
    children = list(case)
    if outcome is None:
        assert children == []
        return
    [child] = children
    assert child.tag == outcome
    assert child.get("message") == message


def test_failure_lists_every_denied_finding(result):
    suite = _suites(JunitReporter().render(result))[0]
    failure = suite.find(f"testcase[@name='{KASPERSKY}']/failure")
    assert failure is not None and failure.text is not None
    lines = failure.text.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("deny: av-engine@21.3.10 (pkg:generic/kaspersky/av-engine@21.3.10)")
    assert lines[1].startswith("deny: kav-sdk@2.0")
    assert (suite.get("failures"), suite.get("errors"), suite.get("skipped")) == ("1", "0", "2")


def test_other_findings_and_warnings_go_to_system_out_and_err(result):
    suites = _suites(JunitReporter().render(result))
    out = suites[0].findtext("system-out") or ""
    assert [line.split(":")[0] for line in out.splitlines() if line[:1].isalpha()] == ["warn", "waived", "allow"]
    assert suites[1].findtext("system-err") == result.sboms[1].warnings[0]


def test_unreadable_sbom_is_an_errored_suite(result):
    suite = _suites(JunitReporter().render(result))[3]
    [case] = suite.findall("testcase")
    assert case.get("name") == "load"
    error = case.find("error")
    assert error is not None and error.get("message") == result.sboms[3].error
    assert (suite.get("tests"), suite.get("errors"), suite.get("failures")) == ("1", "1", "0")


def test_counts_and_identity_coverage_are_properties(result):
    suite = _suites(JunitReporter().render(result))[0]
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert properties["components"] == "120"
    assert properties["unidentified"] == "3"
    assert properties["unidentified_percent"] == "2.5%"
    assert properties["deny"] == "2"


def test_control_characters_cannot_break_the_xml(result):
    text = JunitReporter().render(result)
    assert "\x07" not in text
    out = _suites(text)[0].findtext("system-out") or ""
    assert "evil|name\n::error::x <b>@team</b> `tick` 100%, a:b\ufffd@1.0" in out


def test_real_run_is_valid_junit(schema, cli, tmp_path):
    out = tmp_path / "junit.xml"
    sbom = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
    result = cli("check", sbom, "--as-of", "2024-10-01", "--output", f"junit={out}")
    assert result.exit_code == 1, result.stderr
    text = out.read_text(encoding="utf-8")
    schema.validate(text)
    [suite] = _suites(text)
    failure = suite.find(f"testcase[@name='{KASPERSKY}']/failure")
    assert failure is not None and failure.get("message") == "1 component from Kaspersky denied"
    assert int(suite.get("failures", "0")) >= 1
