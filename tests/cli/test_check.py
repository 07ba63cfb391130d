"""`enforcer check` end to end: the Kaspersky dates, exit codes, the summary line, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, POLICIES, write_cdx

KASPERSKY_SBOM = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
# The US Commerce ICTS ban alone: the shipped pack has other Kaspersky bans
# (BOD 17-01, NDAA section 1634, the FCC Covered List, ...) with other dates.
ICTS = (
    "--policy",
    POLICIES / "enforcer" / "decide.rego",
    "--policy",
    POLICIES / "gov" / "us_commerce_icts_kaspersky.rego",
)


@pytest.mark.parametrize(
    ("as_of", "code", "status", "reason"),
    [
        ("2024-10-01", 1, "deny", "banned since 2024-09-29"),
        ("2024-08-01", 1, "deny", "banned since 2024-07-20"),
        ("2024-06-01", 0, "warn", "takes effect on 2024-07-20"),
        ("2024-01-01", 0, "allow", "not in effect until 2024-07-20"),
    ],
    ids=["after-updates-ban", "after-sales-ban", "within-warning-window", "long-before"],
)
def test_kaspersky_dates(cli, as_of, code, status, reason):
    result = cli("check", KASPERSKY_SBOM, *ICTS, "--as-of", as_of, "--format", "json")
    assert result.exit_code == code, result.stderr
    report = json.loads(result.stdout)
    [finding] = report["sboms"][0]["findings"]
    assert finding["status"] == status
    assert finding["ban"] == "us-commerce-icts-kaspersky-2024"
    assert reason in finding["reason"]
    assert finding["component"]["name"] == "av-engine"
    assert finding["matches"][0]["field"] == "supplier.name"
    assert finding["matches"][0]["value"] == "AO Kaspersky Lab"
    assert f"exit {code}" in result.stderr


def test_fail_on_warn_fails_the_warning(cli):
    result = cli("check", KASPERSKY_SBOM, *ICTS, "--as-of", "2024-06-01", "--fail-on", "warn")
    assert result.exit_code == 1
    assert "takes effect on 2024-07-20" in result.stdout


def test_fail_on_never_passes_a_denial(cli):
    result = cli("check", KASPERSKY_SBOM, *ICTS, "--as-of", "2024-10-01", "--fail-on", "never")
    assert result.exit_code == 0
    assert "deny" in result.stdout


def test_warn_days_zero_silences_the_early_warning(cli):
    result = cli("check", KASPERSKY_SBOM, *ICTS, "--as-of", "2024-06-01", "--warn-days", "0", "--format", "json")
    [finding] = json.loads(result.stdout)["sboms"][0]["findings"]
    assert finding["status"] == "allow"


def test_summary_line_goes_to_stderr_and_report_to_stdout(cli):
    result = cli("check", KASPERSKY_SBOM, *ICTS, "--as-of", "2024-10-01", "--format", "json")
    json.loads(result.stdout)  # stdout is the report alone
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("enforcer: 1 SBOM, 3 components")


def test_the_summary_says_when_every_jurisdiction_applied(cli):
    """No --scope and no configured scopes: the one summary line says so, and how to choose."""
    result = cli("check", KASPERSKY_SBOM, *ICTS, "--as-of", "2024-10-01")
    [line] = result.stderr.splitlines()
    assert line == (
        "enforcer: 1 SBOM, 3 components (0 without identity): 1 deny, 0 warn, 0 waived, 0 allow;"
        " all jurisdictions applied (choose with --scope or [tool.enforcer] scopes);"
        " exit 1: deny findings fail the gate (--fail-on deny)"
    )
    scoped = cli("check", KASPERSKY_SBOM, *ICTS, "--as-of", "2024-10-01", "--scope", "us")
    [line] = scoped.stderr.splitlines()
    assert "jurisdictions" not in line
    assert line.endswith("; exit 1: deny findings fail the gate (--fail-on deny)")


def test_output_file_gets_the_report(cli, tmp_path):
    out = tmp_path / "report.json"
    result = cli("check", KASPERSKY_SBOM, *ICTS, "--as-of", "2024-10-01", "--format", "json", "--output", out)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(out.read_text())["summary"]["deny"] == 1


def test_output_refuses_to_overwrite_an_input(cli, tmp_path):
    sbom = tmp_path / "sbom.json"
    original = KASPERSKY_SBOM.read_text()
    sbom.write_text(original)
    result = cli("check", sbom, *ICTS, "--output", sbom)
    assert result.exit_code == 2
    assert "would overwrite an input file" in result.stderr
    assert sbom.read_text() == original


def test_scope_outside_the_ban_hides_the_finding(cli, tmp_path):
    policy = tmp_path / "uk.rego"
    policy.write_text(
        "package enforcer.bans\nimport rego.v1\n"
        'bans contains {"id": "uk-test", "vendor": "Other", "match": {"organizations": ["Other Ltd"]},'
        ' "phases": [{"effect": "deny", "from": "2020-01-01", "summary": "test"}], "scopes": ["uk-gov"]}\n'
    )
    args = ["check", KASPERSKY_SBOM, *ICTS, "-p", policy, "--as-of", "2024-10-01"]
    result = cli(*args, "--scope", "uk-gov", "--format", "json")
    assert result.exit_code == 0, result.stderr
    sbom = json.loads(result.stdout)["sboms"][0]
    assert sbom["findings"] == []
    assert sbom["out_of_scope"] == 1
    assert cli(*args, "--scope", "us").exit_code == 1


def test_unknown_scope_is_a_usage_error(cli):
    result = cli("check", KASPERSKY_SBOM, *ICTS, "--scope", "narnia")
    assert result.exit_code == 2
    assert result.stderr == (
        "enforcer: error: no ban has the scope 'narnia' (known: us, us-dod, us-dod-contractor, us-federal,"
        " us-federal-contractor, us-telecom, us-tx-gov); try 'enforcer check --help'\n"
    )


def test_empty_sbom_passes_with_zero_components(cli, tmp_path):
    sbom = write_cdx(tmp_path / "empty.json", [])
    result = cli("check", sbom)
    assert result.exit_code == 0
    assert "0 components" in result.stdout
    assert "0 components" in result.stderr


def test_stdin(cli):
    result = cli("check", "-", *ICTS, "--as-of", "2024-10-01", input=KASPERSKY_SBOM.read_bytes())
    assert result.exit_code == 1
    assert "<stdin>" in result.stdout


# -- bad input: one clear line naming the file and the problem, exit 3 ----------------


def _bad(cli, *args):
    result = cli(*args)
    lines = [line for line in result.stderr.splitlines() if line.startswith("enforcer: error:")]
    assert "Traceback" not in result.stderr + result.stdout
    return result, lines


def test_missing_file(cli, tmp_path):
    result, lines = _bad(cli, "check", tmp_path / "nope.json")
    assert result.exit_code == 3
    assert lines == [f"enforcer: error: {tmp_path / 'nope.json'}: no such file"]


def test_directory_without_sboms(cli, tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    result, lines = _bad(cli, "check", tmp_path)
    assert result.exit_code == 3
    assert lines == [
        f"enforcer: error: {tmp_path}: no SBOM files in this directory"
        " (.json, .xml, .spdx, .cdx, .yaml, .yml, .rdf, .tv, .jsonld, .bom, or .gz)"
    ]


def test_not_json(cli, tmp_path):
    path = tmp_path / "sbom.json"
    path.write_text("this is not json at all\n")
    result, lines = _bad(cli, "check", path)
    assert result.exit_code == 3
    assert len(lines) == 1 and lines[0].startswith(f"enforcer: error: {path}: not an SBOM")


def test_truncated_json_names_line_and_column(cli, tmp_path):
    path = tmp_path / "sbom.json"
    text = KASPERSKY_SBOM.read_text()
    path.write_text(text[: len(text) // 2])
    result, lines = _bad(cli, "check", path)
    assert result.exit_code == 3
    assert len(lines) == 1
    assert lines[0].startswith(f"enforcer: error: {path}: not valid JSON: ")
    assert "(line " in lines[0] and "column " in lines[0]


def test_components_not_a_list(cli, tmp_path):
    path = tmp_path / "sbom.json"
    path.write_text(json.dumps({"bomFormat": "CycloneDX", "specVersion": "1.5", "components": {"name": "x"}}))
    result, lines = _bad(cli, "check", path)
    assert result.exit_code == 3
    assert lines == [f"enforcer: error: {path}: $.components: expected an array, got an object"]


def test_wrong_type_in_a_component_keeps_the_rest_with_a_warning(cli, tmp_path):
    path = write_cdx(
        tmp_path / "sbom.json",
        [{"type": "library", "name": 42}, {"type": "library", "name": "ok", "supplier": {"name": "AO Kaspersky Lab"}}],
    )
    result = cli("check", path, "--as-of", "2024-10-01", "--format", "json")
    assert result.exit_code == 3  # a name that could not be read: the gate cannot pass
    sbom = json.loads(result.stdout)["sboms"][0]
    assert sbom["unreadable"] == 1
    assert sbom["warnings"][0] == (
        "$.components[0].name: expected a string, got a number; an identity value that could not be read"
    )
    assert sbom["components"] == 2


def _policy(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "bad.rego"
    path.write_text("package enforcer.bans\n\nimport rego.v1\n\n" + body)
    return path


def test_rego_syntax_error(cli, tmp_path):
    policy = _policy(tmp_path, "bans contains {\n")
    result, lines = _bad(cli, "check", KASPERSKY_SBOM, "--policy", policy)
    assert result.exit_code == 3
    assert len(lines) == 1
    assert lines[0].startswith(f"enforcer: error: {policy}:")


BAN = (
    '"vendor": "V", "match": {{"organizations": ["V Inc"]}}, '
    '"phases": [{{"effect": "deny", "from": "{date}", "summary": "s"}}]'
)


def test_ban_without_id(cli, tmp_path):
    policy = _policy(tmp_path, "bans contains {" + BAN.format(date="2024-01-01") + "}\n")
    result, lines = _bad(cli, "check", KASPERSKY_SBOM, "--policy", policy)
    assert result.exit_code == 3
    assert lines == [f"enforcer: error: {policy}: a ban without an id: id: required field is missing"]


def test_ban_with_impossible_date(cli, tmp_path):
    policy = _policy(tmp_path, 'bans contains {"id": "x-1", ' + BAN.format(date="2024-13-45") + "}\n")
    result, lines = _bad(cli, "check", KASPERSKY_SBOM, "--policy", policy)
    assert result.exit_code == 3
    assert lines == [f"enforcer: error: {policy}: ban 'x-1': phases.0.from: '2024-13-45' is not a valid calendar date"]


def test_bad_as_of_is_a_usage_error(cli):
    result = cli("check", KASPERSKY_SBOM, *ICTS, "--as-of", "2024-13-45")
    assert result.exit_code == 2
    assert result.stderr == (
        "enforcer: error: --as-of: '2024-13-45' is not a date in the form YYYY-MM-DD; try 'enforcer check --help'\n"
    )


def test_missing_policy_path(cli, tmp_path):
    result, lines = _bad(cli, "check", KASPERSKY_SBOM, "--policy", tmp_path / "none")
    assert result.exit_code == 3
    assert lines == [f"enforcer: error: {tmp_path / 'none'}: no such file or directory"]


def test_every_real_cyclonedx_json_sbom_is_checked(cli, shared):
    """Each real CycloneDX JSON SBOM is checked without error; the malformed one says where it breaks."""
    checked = 0
    for path in sorted((shared / "sboms" / "real").rglob("*.json")):
        if b'"bomFormat"' not in path.read_bytes()[:4096]:
            continue
        result = cli("check", path, "--as-of", "2024-10-01", "--format", "json")
        if path.name.startswith("mandrel-"):
            assert result.exit_code == 3
            assert "not valid JSON: trailing comma in array (line 101, column 7)" in result.stderr
            continue
        assert result.exit_code in (0, 1), f"{path}: {result.stderr}"
        sbom = json.loads(result.stdout)["sboms"][0]
        assert sbom["error"] is None and sbom["components"] > 0, path
        checked += 1
    assert checked >= 17


def test_a_stale_shipped_pack_is_said_once(cli, monkeypatch):
    """The pack's newest review older than the documented age: one warning line, and the run goes on."""
    import enforcer._run

    fresh = cli("check", KASPERSKY_SBOM, "--scope", "us", "--as-of", "2024-10-01")
    assert "last reviewed" not in fresh.stderr
    monkeypatch.setattr(enforcer._run, "PACK_REVIEW_DAYS", -1)
    stale = cli("check", KASPERSKY_SBOM, "--scope", "us", "--as-of", "2024-10-01")
    warnings = [line for line in stale.stderr.splitlines() if "last reviewed" in line]
    assert warnings == [
        "enforcer: warning: the shipped government pack was last reviewed on 2026-12-03, over -1 days ago:"
        " bans may have changed since; update the enforcer or review the pack"
    ]
    assert stale.exit_code == 1
