"""Every JSON report the enforcer writes follows schemas/report-2.json and reads back through `read_report`.

The reports: the golden files of the reporter tests, and reports the real CLI
writes on every fixture SBOM (the shipped government pack, the worked
example with its waivers, an unreadable file). A report with a field
missing, renamed or of the wrong type fails both the JSON Schema and the
reader.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import jsonschema
import msgspec
import pytest

from enforcer import _models
from enforcer._errors import EnforcerError, ReportError
from enforcer.contract import report as contract
from enforcer.contract.report import read_report
from enforcer.identify.kinds import KINDS
from tests.conftest import FIXTURES, ROOT, run_cli
from tests.report.conftest import SNAPSHOTS

SCHEMA = json.loads((ROOT / "schemas" / "report-2.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
GOLDEN = sorted(SNAPSHOTS.glob("json-*.json"))
WORKED = FIXTURES / "worked-example"


def assert_follows_the_schema(text: str) -> contract.RunReport:
    """The report validates against the committed JSON Schema and reads back to the same data."""
    data = json.loads(text)
    errors = [f"{error.json_path}: {error.message}" for error in VALIDATOR.iter_errors(data)]
    assert errors == []
    report = read_report(text)
    assert report.model_dump(mode="json") == data  # nothing lost, nothing added: the model is the report
    return report


def test_there_are_golden_reports():
    assert {path.name for path in GOLDEN} >= {"json-canonical.json", "json-clean.json"}


@pytest.mark.parametrize("path", GOLDEN, ids=lambda path: path.stem)
def test_every_golden_report_follows_the_schema(path: Path):
    assert_follows_the_schema(path.read_text(encoding="utf-8"))


def test_the_readme_example_follows_the_schema():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## JSON report (schema version 2)") :]
    start = section.index("```json\n") + len("```json\n")
    example = section[start : section.index("\n```", start)]
    report = assert_follows_the_schema(example)
    assert report.sboms[0].findings[0].coverage is not None


def cli_report(tmp_path: Path, *args: str | Path) -> str:
    out = tmp_path / "report.json"
    result = run_cli("check", *args, "--format", "json", "--output", out, "--fail-on", "never")
    assert result.exit_code in (0, 3), result.stderr  # 3: the unreadable SBOM some runs include
    return out.read_text(encoding="utf-8")


def fixture_sboms() -> list[Path]:
    found = sorted(path for path in (FIXTURES / "sboms").rglob("*") if path.is_file())
    return [*found, WORKED / "sbom.cdx.json"]


RUNS: dict[str, Callable[[Path], list[str | Path]]] = {
    # the shipped pack, every jurisdiction, on a date when most bans are in force
    "pack": lambda tmp: [*fixture_sboms(), "--as-of", "2025-06-01"],
    # the US bans on the day the Kaspersky ban bit, as in the README
    "pack-us": lambda tmp: [FIXTURES / "sboms" / "kaspersky-supplier.cdx.json", "--as-of", "2024-10-01", "-s", "us"],
    # the worked example with its waiver applied, then expired, and an SBOM that cannot be read
    "waived": lambda tmp: [
        WORKED / "sbom.cdx.json",
        *("-p", WORKED / "policies", "-w", WORKED / "waivers.yaml", "--as-of", "2025-08-01"),
    ],
    "expired": lambda tmp: [
        WORKED / "sbom.cdx.json",
        broken(tmp),
        *("-p", WORKED / "policies", "-w", WORKED / "waivers.yaml", "--as-of", "2026-02-01"),
    ],
}


def broken(tmp: Path) -> Path:
    path = tmp / "broken.cdx.json"
    path.write_text('{"bomFormat": "CycloneDX", "components": [', encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cli_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    reports = {}
    for name, arguments in RUNS.items():
        tmp = tmp_path_factory.mktemp(name)
        reports[name] = cli_report(tmp, *arguments(tmp))
    return reports


@pytest.mark.parametrize("run", sorted(RUNS))
def test_a_report_of_the_real_cli_follows_the_schema(cli_reports, run):
    assert_follows_the_schema(cli_reports[run])


def test_the_cli_reports_cover_every_fixture_sbom_and_the_contract_2_fields(cli_reports):
    """The runs above are worth something: every fixture SBOM is read, and the new fields carry values."""
    reports = [read_report(text) for text in cli_reports.values()]
    paths = {Path(sbom.path).resolve() for report in reports for sbom in report.sboms}
    assert paths >= {path.resolve() for path in fixture_sboms()}
    findings = [finding for report in reports for sbom in report.sboms for finding in sbom.findings]
    assert {finding.status for finding in findings} >= {"deny", "waived"}
    assert {finding.waiver.status for finding in findings if finding.waiver} == {"applied", "expired"}
    assert {finding.component.kind for finding in findings} - {"unknown"}
    assert {match.role for finding in findings for match in finding.matches} - {""}
    assert {match.party for finding in findings for match in finding.matches} - {""}
    assert {finding.coverage.decision for finding in findings if finding.coverage}
    assert any(sbom.error for report in reports for sbom in report.sboms)


# -- what breaks the schema ------------------------------------------------------------------------


def canonical() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SNAPSHOTS / "json-canonical.json").read_text(encoding="utf-8"))
    return data


def first_finding(data: dict[str, Any]) -> dict[str, Any]:
    finding: dict[str, Any] = data["sboms"][0]["findings"][0]
    return finding


def rename(container: dict[str, Any], old: str, new: str) -> None:
    container[new] = container.pop(old)


BREAKS: dict[str, Callable[[dict[str, Any]], None]] = {
    "component.kind missing": lambda d: first_finding(d)["component"].pop("kind"),
    "component.kind renamed to type": lambda d: rename(first_finding(d)["component"], "kind", "type"),
    "matches[].role missing": lambda d: first_finding(d)["matches"][1].pop("role"),
    "matches[].party renamed": lambda d: rename(first_finding(d)["matches"][0], "party", "parties"),
    "coverage missing": lambda d: first_finding(d).pop("coverage"),
    "coverage without a decision": lambda d: first_finding(d).update(coverage={"reason": "x"}),
    "status missing": lambda d: first_finding(d).pop("status"),
    "summary.waived missing": lambda d: d["summary"].pop("waived"),
    "sboms renamed": lambda d: rename(d, "sboms", "documents"),
    "schema version 1": lambda d: d.update(schema_version="1"),
    "an unknown kind": lambda d: first_finding(d)["component"].update(kind="gadget"),
    "a count as a string": lambda d: d["sboms"][0].update(components="120"),
    "a bad date": lambda d: d.update(as_of="2024-02-30"),
    "an unknown verdict": lambda d: first_finding(d).update(verdict="block"),
}


@pytest.mark.parametrize("change", sorted(BREAKS))
def test_a_broken_report_fails_the_schema_and_the_reader(change):
    data = canonical()
    assert not list(VALIDATOR.iter_errors(data))
    BREAKS[change](data)
    assert list(VALIDATOR.iter_errors(data)), f"the JSON Schema accepts a report with {change}"
    with pytest.raises(ReportError) as raised:
        read_report(json.dumps(data))
    assert raised.value.lines()
    assert all(line.startswith("JSON report: ") for line in raised.value.lines())


def test_the_reader_says_where_and_what_in_the_projects_words():
    data = canonical()
    first_finding(data)["component"].pop("kind")
    data["sboms"][1]["components"] = "40"
    with pytest.raises(ReportError) as raised:
        read_report(json.dumps(data))
    assert raised.value.lines() == [
        "JSON report: sboms.0.findings.0.component.kind: required field is missing",
        "JSON report: sboms.1.components: expected an integer, got the string '40'",
    ]
    assert isinstance(raised.value, EnforcerError)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            '{"schema_version": "2", ',
            "JSON report: not valid JSON: unexpected end of file; the file is truncated (line 1, column 24)",
        ),
        ("[]", "JSON report: expected an object, got a list"),
    ],
)
def test_the_reader_refuses_what_is_no_report(text, line):
    with pytest.raises(ReportError) as raised:
        read_report(text)
    assert raised.value.lines() == [line]


def test_the_reader_checks_what_the_schema_cannot_say():
    """A status that does not follow from the verdict and waiver, a summary that does not add up."""
    data = canonical()
    first_finding(data)["status"] = "warn"
    assert not list(VALIDATOR.iter_errors(data))
    with pytest.raises(ReportError, match=r"sboms\.0\.findings\.0: status 'warn' does not follow"):
        read_report(json.dumps(data))
    data = canonical()
    data["summary"]["components"] += 1
    with pytest.raises(ReportError, match=r"^JSON report: summary.components is 163, but the SBOMs listed add up"):
        read_report(json.dumps(data))


def test_a_field_added_later_is_ignored():
    """Adding a field keeps the schema version: readers of version 2 ignore what they do not know."""
    data = canonical()
    data["generated_by"] = "a later enforcer"
    first_finding(data)["component"]["licenses"] = ["MIT"]
    assert not list(VALIDATOR.iter_errors(data))
    report = read_report(json.dumps(data))
    assert report.model_dump(mode="json") == canonical()


# -- the model follows the runtime structs -------------------------------------------------------------

PAIRS = [
    (contract.ComponentInfo, _models.ComponentInfo),
    (contract.MatchEvidence, _models.MatchEvidence),
    (contract.PhaseInfo, _models.PhaseInfo),
    (contract.CoverageInfo, _models.CoverageInfo),
    (contract.WaiverInfo, _models.WaiverInfo),
]


@pytest.mark.parametrize(("model", "struct"), PAIRS, ids=lambda kind: kind.__name__)
def test_each_part_of_a_finding_has_the_fields_of_its_runtime_struct(model, struct):
    assert list(model.model_fields) == [field.encode_name for field in msgspec.structs.fields(struct)]


def test_a_finding_has_the_fields_of_the_runtime_finding_and_its_status():
    names = [field.encode_name for field in msgspec.structs.fields(_models.Finding)]
    assert sorted(contract.Finding.model_fields) == sorted([*names, "status"])


def test_the_closed_vocabularies_are_the_enforcers():
    fields = contract.Finding.model_fields
    assert contract.ComponentInfo.model_json_schema()["properties"]["kind"]["enum"] == list(KINDS)
    assert set(get_args(fields["verdict"].annotation)) == {verdict.value for verdict in _models.Verdict}
    assert set(get_args(contract.MatchEvidence.model_fields["confidence"].annotation)) == {
        confidence.value for confidence in _models.Confidence
    }
    runtime_decisions = get_args(msgspec.structs.fields(_models.CoverageInfo)[0].type)
    assert get_args(contract.CoverageInfo.model_fields["decision"].annotation) == runtime_decisions
    assert get_args(contract.RunReport.model_fields["schema_version"].annotation) == (_models.REPORT_SCHEMA_VERSION,)


def test_the_reader_returns_frozen_models():
    report = read_report((SNAPSHOTS / "json-clean.json").read_text(encoding="utf-8"))
    with pytest.raises(Exception, match="frozen"):
        report.sboms[0].path = "other"  # type: ignore[misc]
    assert copy.deepcopy(report) == report
