"""Waivers end to end: waived, not hidden; expired; unused; and broken waiver files.

The policies are the decision library and the README's worked example
(`fixtures/worked-example/`): one fictional ban, warning from 2025-01-01 and
denying from 2025-07-01, and an SBOM with one banned component.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from tests._readme import console_examples, output_pattern
from tests.conftest import FIXTURES, POLICIES, ROOT

EXAMPLE = FIXTURES / "worked-example"
WAIVERS = FIXTURES / "waivers"
SBOM = EXAMPLE / "sbom.cdx.json"
POLICY_ARGS = ("-p", POLICIES / "enforcer", "-p", EXAMPLE / "policies")
DENIED = "2025-08-01"  # the ban denies, every example waiver is active
AFTER = "2026-01-01"  # the example waivers expired the day before


def check(cli, *args, as_of=DENIED):
    result = cli("check", SBOM, *POLICY_ARGS, "--as-of", as_of, *args)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def report(cli, *args, as_of=DENIED):
    result = check(cli, "--format", "json", *args, as_of=as_of)
    return result.exit_code, json.loads(result.stdout)


def test_without_a_waiver_the_component_is_denied(cli):
    code, document = report(cli)
    assert code == 1
    [finding] = document["sboms"][0]["findings"]
    assert (finding["component"]["name"], finding["status"], finding["waiver"]) == ("globex-video-sdk", "deny", None)


@pytest.mark.parametrize(
    ("waivers", "waiver_id"),
    [
        (EXAMPLE / "waivers.yaml", "EX-1"),
        (WAIVERS / "globex-by-name.yaml", "EX-NAME"),
        (WAIVERS / "globex-by-ref.json", "EX-REF"),
        (WAIVERS / "globex-purl-prefix.yaml", "EX-PURL"),
    ],
    ids=["purl-any-version", "name", "bom-ref-json", "purl-prefix"],
)
def test_a_waived_finding_is_reported_as_waived(cli, waivers, waiver_id):
    code, document = report(cli, "--waivers", waivers)
    assert code == 0
    [finding] = document["sboms"][0]["findings"]
    assert finding["status"] == "waived"
    assert finding["verdict"] == "allow"
    assert finding["waiver"]["id"] == waiver_id
    assert finding["waiver"]["status"] == "applied"
    assert finding["waiver"]["expires"] == "2025-12-31"
    assert finding["waiver"]["approved_by"] == "security@example.com"
    assert finding["reason"].startswith(f"waived by security@example.com until 2025-12-31 ({waiver_id}): ")
    assert document["summary"]["waived"] == 1
    assert document["unused_waivers"] == []


def test_a_waived_finding_stays_in_the_table(cli):
    result = check(cli, "--waivers", EXAMPLE / "waivers.yaml")
    assert result.exit_code == 0
    assert "waived  example-globex-2025  globex-video-sdk@3.2.1" in result.stdout
    assert "1 waived" in result.stderr


def test_waivers_written_in_rego(cli):
    code, document = report(cli, "-p", WAIVERS / "waivers.rego")
    assert code == 0
    [finding] = document["sboms"][0]["findings"]
    assert (finding["status"], finding["waiver"]["id"]) == ("waived", "EX-REGO")


def test_a_waiver_also_covers_a_warning(cli):
    code, document = report(cli, "--waivers", EXAMPLE / "waivers.yaml", as_of="2025-03-01")
    assert code == 0
    [finding] = document["sboms"][0]["findings"]
    assert (finding["verdict"], finding["status"]) == ("allow", "waived")


def test_the_last_day_of_a_waiver_still_counts(cli):
    code, document = report(cli, "--waivers", EXAMPLE / "waivers.yaml", as_of="2025-12-31")
    assert code == 0
    assert document["sboms"][0]["findings"][0]["status"] == "waived"


def test_an_expired_waiver_no_longer_applies(cli):
    code, document = report(cli, "--waivers", EXAMPLE / "waivers.yaml", as_of=AFTER)
    assert code == 1
    [finding] = document["sboms"][0]["findings"]
    assert finding["status"] == "deny"
    assert finding["waiver"]["status"] == "expired"
    assert finding["reason"].endswith("waiver EX-1 expired on 2025-12-31")
    assert document["unused_waivers"] == []  # it matched: expired, not unused


def test_the_table_says_when_a_waiver_expired(cli):
    result = check(cli, "--waivers", EXAMPLE / "waivers.yaml", as_of=AFTER)
    assert result.exit_code == 1
    assert "      waiver EX-1 expired on 2025-12-31" in result.stdout.splitlines()
    explained = check(cli, "--waivers", EXAMPLE / "waivers.yaml", "--explain", as_of=AFTER)
    assert "waiver EX-1 expired on 2025-12-31" in explained.stdout


def test_a_waiver_that_matches_nothing_is_reported_unused(cli):
    code, document = report(cli, "--waivers", WAIVERS / "unused.yaml")
    assert code == 0
    assert document["unused_waivers"] == ["EX-OLD"]
    table = check(cli, "--waivers", WAIVERS / "unused.yaml")
    assert "unused waivers (matched nothing): EX-OLD" in table.stdout


def test_waiver_files_combine(cli):
    code, document = report(
        cli, "--waivers", WAIVERS / "globex-by-name.yaml", "--waivers", WAIVERS / "globex-by-ref.json"
    )
    assert code == 0
    # both cover the SDK until the same day: the smallest id applies, and the
    # other is not "unused" (it matched the component too)
    assert document["sboms"][0]["findings"][0]["waiver"]["id"] == "EX-NAME"
    assert document["unused_waivers"] == []


def test_the_worked_example_waiver_passes_policy_check(cli):
    result = cli("policy", "check", POLICIES / "enforcer", EXAMPLE / "policies", "--waivers", EXAMPLE / "waivers.yaml")
    assert result.exit_code == 0, result.stderr
    assert "1 waivers" in result.stdout


# -- broken waivers: one line naming the file and the entry, exit 3 ----------------------------

WAIVER = {
    "id": "W-1",
    "ban": "example-globex-2025",
    "components": {"names": ["globex-video-sdk"]},
    "expires": "2025-12-31",
    "reason": "r",
    "approved_by": "a",
}


def _with(**changes: object) -> dict[str, object]:
    waiver = {**WAIVER, **changes}
    return {key: value for key, value in waiver.items() if value is not None}


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "bad-date.yaml",
            (WAIVERS / "bad-date.yaml").read_text(),
            "waivers[0]: waiver 'EX-1': expires: '2025-02-30' is not a valid calendar date",
        ),
        (
            "missing-field.json",
            (WAIVERS / "missing-field.json").read_text(),
            "waivers[0]: waiver 'EX-1': approved_by: required field is missing",
        ),
        (
            "month-13.json",
            json.dumps([WAIVER, _with(id="W-2", expires="2025-13-01")]),
            "waivers[1]: waiver 'W-2': expires: '2025-13-01' is not a valid calendar date",
        ),
        (
            "datetime.json",
            json.dumps([_with(expires="2025-12-31T00:00:00Z")]),
            "waivers[0]: waiver 'W-1': expires: '2025-12-31T00:00:00Z' is not a date in the form YYYY-MM-DD",
        ),
        (
            "no-expiry.yaml",
            "- id: W-1\n  ban: b\n  components: {names: [x]}\n  reason: r\n  approved_by: a\n",
            "waivers[0]: waiver 'W-1': expires: required field is missing",
        ),
        (
            "no-id.json",
            json.dumps([_with(id=None)]),
            "waivers[0]: a waiver without an id: id: required field is missing",
        ),
        (
            "no-targets.json",
            json.dumps([_with(components={})]),
            "waivers[0]: waiver 'W-1': components names no purl pattern, name or ref",
        ),
        (
            "typo.json",
            json.dumps([{**WAIVER, "approved": "x"}]),
            "waivers[0]: waiver 'W-1': approved: unknown field (see the policy contract in the README)",
        ),
        (
            "twice.json",
            json.dumps([WAIVER, WAIVER]),
            "waivers[1]: waiver 'W-1': id already used by the waiver in ",
        ),
        ("not-a-list.yaml", "waivers: {id: W-1}\n", "expected a list of waivers (or an object with a `waivers` list)"),
        ("empty.yaml", "", "expected a list of waivers (or an object with a `waivers` list)"),
        ("broken.yaml", "waivers:\n  - id: [W-1\n", "not valid YAML (line 3, column 1)"),
        ("broken.json", "[{", "not valid JSON"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 24 else None,
)
def test_a_broken_waiver_file_is_one_clear_error(cli, tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = check(cli, "--waivers", path)
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("enforcer: error:")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"enforcer: error: {path}: ")
    assert message in errors[0]
    assert result.stdout == ""


def test_a_missing_waiver_file(cli, tmp_path):
    result = check(cli, "--waivers", tmp_path / "nope.yaml")
    assert result.exit_code == 3
    assert f"enforcer: error: {tmp_path / 'nope.yaml'}: no such waiver file" in result.stderr


def test_a_broken_rego_waiver_names_its_policy_file(cli, tmp_path):
    policy = tmp_path / "waivers.rego"
    policy.write_text(
        "package enforcer.waivers\n\nimport rego.v1\n\n"
        'waivers contains {"id": "W-9", "ban": "example-globex-2025", "components": {"refs": ["x"]},'
        ' "expires": "2025-02-30", "reason": "r", "approved_by": "a"}\n'
    )
    result = check(cli, "-p", policy)
    assert result.exit_code == 3
    assert f"enforcer: error: {policy}: waiver 'W-9': expires: '2025-02-30' is not a valid calendar date" in (
        result.stderr
    )


# -- the worked example's `opa test` tests --------------------------------------------------


@pytest.mark.opa
def test_the_worked_example_opa_tests_pass(opa_binary):
    result = subprocess.run(
        [opa_binary, "test", str(POLICIES / "enforcer"), str(EXAMPLE / "policies"), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    outcomes = {entry["name"]: "fail" not in entry and "error" not in entry for entry in json.loads(result.stdout)}
    assert len(outcomes) >= 7 and all(outcomes.values()), outcomes
    assert "test_denied_again_after_the_waiver_expires" in outcomes


def test_the_worked_example_files_exist():
    for path in (EXAMPLE / "policies" / "globex.rego", EXAMPLE / "policies" / "globex_test.rego", SBOM):
        assert Path(path).is_file()


# -- the README's worked example: every `$ enforcer ...` block runs and prints what it shows --------


README_EXAMPLES = console_examples("## For security teams", "enforcer ")


def test_the_readme_has_the_worked_example():
    assert len(README_EXAMPLES) >= 7


@pytest.mark.parametrize(
    ("command", "output"), README_EXAMPLES, ids=[f"block-{n}" for n in range(len(README_EXAMPLES))]
)
def test_a_readme_example_prints_what_it_shows(cli, monkeypatch, command, output):
    monkeypatch.chdir(ROOT)
    result = cli(*shlex.split(command)[1:])
    shown = result.stdout + result.stderr
    assert re.fullmatch(output_pattern(output), shown), f"$ {command}\n{shown}"
