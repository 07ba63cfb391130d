"""SARIF: valid against the OASIS 2.1.0 schema, one rule per ban, one result per finding."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from enforcer.report.sarif import SarifReporter, artifact_uri, rule_id
from tests.conftest import FIXTURES
from tests.report.conftest import HUAWEI, KASPERSKY


@pytest.fixture(scope="module")
def validator(shared: Path) -> jsonschema.protocols.Validator:
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _errors(validator, document) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


def test_canonical_report_is_valid_sarif(validator, result):
    document = json.loads(SarifReporter().render(result))
    assert _errors(validator, document) == []
    assert document["version"] == "2.1.0"
    [run] = document["runs"]
    assert run["tool"]["driver"]["name"] == "enforcer"


def test_schema_rejects_a_broken_log(validator, result):
    """The validator is real: a result without a message is refused."""
    document = json.loads(SarifReporter().render(result))
    del document["runs"][0]["results"][0]["message"]
    document["runs"][0]["results"][1]["level"] = "fatal"
    assert len(_errors(validator, document)) == 2


def test_one_rule_per_ban_with_its_citation(result):
    run = json.loads(SarifReporter().render(result))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == sorted(rule_id(ban.id) for ban in result.bans)
    kaspersky = next(rule for rule in rules if rule["id"] == f"enforcer.bans/{KASPERSKY}")
    assert kaspersky["helpUri"] == "https://www.federalregister.gov/d/2024-13532"
    assert "89 FR 52434" in kaspersky["help"]["text"]
    huawei = next(rule for rule in rules if rule["id"] == f"enforcer.bans/{HUAWEI}")
    assert "helpUri" not in huawei  # its only reference is not a URL
    disabled = next(rule for rule in rules if rule["id"] == "enforcer.bans/eu-disabled-2020")
    assert disabled["defaultConfiguration"]["enabled"] is False


@pytest.mark.parametrize(
    ("component", "status", "level"),
    [
        ("av-engine", "deny", "error"),
        ("kav-sdk", "deny", "error"),
        ("odd-1", "warn", "warning"),
        ("pkg-hms", "waived", "note"),
    ],
    ids=["deny", "deny-expired-waiver", "warn", "waived"],
)
def test_levels(result, component, status, level):
    run = json.loads(SarifReporter().render(result))["runs"][0]
    [found] = [r for r in run["results"] if r["properties"]["component"]["ref"] == component]
    assert found["level"] == level
    assert found["properties"]["status"] == status
    assert found["kind"] == "fail"
    assert ("suppressions" in found) == (status == "waived")


def test_allow_findings_are_left_out(result):
    run = json.loads(SarifReporter().render(result))["runs"][0]
    refs = [r["properties"]["component"]["ref"] for r in run["results"]]
    assert refs == ["av-engine", "kav-sdk", "odd-1", "pkg-hms"]
    assert run["properties"]["summary"]["allow"] == 1


def test_results_point_at_the_sbom_and_carry_purl_and_ban(result):
    run = json.loads(SarifReporter().render(result))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    artifacts = run["artifacts"]
    for found in run["results"]:
        assert rules[found["ruleIndex"]]["id"] == found["ruleId"]
        location = found["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifacts[location["index"]]["location"]["uri"] == location["uri"] == "sboms/agent.cdx.json"
        assert found["properties"]["ban"] == found["ruleId"].removeprefix("enforcer.bans/")
        assert len(found["partialFingerprints"]["enforcerFinding/v1"]) == 64
    deny = run["results"][0]
    assert deny["properties"]["purl"] == "pkg:generic/kaspersky/av-engine@21.3.10"
    assert deny["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == (
        "acme-endpoint-agent@4.2.0 > av-engine@21.3.10"
    )


def test_unreadable_sbom_fails_the_invocation(result):
    run = json.loads(SarifReporter().render(result))["runs"][0]
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    errors = [n for n in invocation["toolExecutionNotifications"] if n["level"] == "error"]
    assert [n["message"]["text"] for n in errors] == [result.sboms[3].error]
    assert invocation["startTimeUtc"] == "2024-10-01T12:30:00Z"


def test_unidentified_components_are_counted(result):
    run = json.loads(SarifReporter().render(result))["runs"][0]
    summary = run["properties"]["summary"]
    assert (summary["components"], summary["unidentified"], summary["unidentifiedPercent"]) == (162, 5, "3.1%")


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("sboms/app.cdx.json", "sboms/app.cdx.json"),
        ("./sboms/app.cdx.json", "sboms/app.cdx.json"),
        ("dir with space/a#b.json", "dir%20with%20space/a%23b.json"),
        ("/abs/path/x.json", "file:///abs/path/x.json"),
        ("C:\\sboms\\x.json", "file:///C:/sboms/x.json"),
        ("<stdin>", None),
    ],
    ids=["relative", "dot-relative", "escaped", "absolute", "windows", "stdin"],
)
def test_artifact_uri(path, uri):
    assert artifact_uri(path) == uri


def test_real_run_is_valid_sarif(validator, cli, tmp_path):
    out = tmp_path / "report.sarif"
    sbom = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
    result = cli("check", sbom, "--as-of", "2024-10-01", "--output", f"sarif={out}")
    assert result.exit_code == 1, result.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert _errors(validator, document) == []
    [found] = [r for r in document["runs"][0]["results"] if r["ruleId"] == f"enforcer.bans/{KASPERSKY}"]
    assert found["level"] == "error"
    assert found["properties"]["component"]["name"] == "av-engine"
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    assert rules[found["ruleIndex"]]["helpUri"].startswith("https://")
