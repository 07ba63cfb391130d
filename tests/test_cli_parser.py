"""The command line itself: usage errors, help, choices, defaults, the environment, start-up cost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from enforcer._choices import ENGINES, FAIL_ON, REPORT_FORMATS
from enforcer._cli import build_parser
from tests.conftest import FIXTURES, POLICIES, ROOT

KASPERSKY_SBOM = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
ICTS = ("-p", POLICIES / "enforcer" / "decide.rego", "-p", POLICIES / "gov" / "us_commerce_icts_kaspersky.rego")
COMMANDS = (
    [],
    ["check"],
    ["vendor"],
    ["version"],
    ["policy"],
    ["policy", "check"],
    ["policy", "test"],
    ["policy", "list"],
)


def test_the_choices_are_the_library_enums():
    from enforcer._models import FailOn
    from enforcer.engine import EngineChoice
    from enforcer.report import ReportFormat

    assert REPORT_FORMATS == tuple(ReportFormat)
    assert ENGINES == tuple(EngineChoice)
    assert FAIL_ON == tuple(FailOn)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check"], "missing SBOM; try 'enforcer check --help'"),
        (["check", "--explain", "--"], "missing SBOM; try 'enforcer check --help'"),
        (["vendor"], "missing NAME; try 'enforcer vendor --help'"),
        (["vendor", "a", "b"], "unrecognized arguments: b"),
        (["check", "x", "--bogus"], "unrecognized arguments: --bogus; try 'enforcer check --help'"),
        (["check", "x", "--warn-days", "-1"], "--warn-days: -1 is below the minimum 0; try 'enforcer check --help'"),
        (["check", "x", "-j", "abc"], "--jobs: 'abc' is not an integer"),
        (["check", "x", "-j"], "--jobs: expected one argument"),
        (["check", "x", "--opa-timeout", "0.05"], "--opa-timeout: 0.05 is below the minimum 0.1"),
        (["check", "x", "--fail-on-unidentified", "100.5"], "--fail-on-unidentified: 100.5 is above the maximum 100"),
        (["check", "x", "-f", "xml"], "--format: 'xml' is not one of table, json, sarif, junit, markdown, github"),
        (["check", "x", "--warn", "5"], "unrecognized arguments: --warn 5"),
        (["vendor", "x", "--kind", "person"], "--kind: 'person' is not one of auto, organization, domain"),
        (["version", "extra"], "unrecognized arguments: extra; try 'enforcer version --help'"),
        (["bogus"], "no such command 'bogus' (commands: check, vendor, version, policy); try 'enforcer --help'"),
        (["--bogus"], "no such option '--bogus'; try 'enforcer --help'"),
        (["policy", "bogus"], "no such command 'bogus' (commands: check, test, list); try 'enforcer policy --help'"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_a_usage_error_is_one_line_and_exit_2(cli, args, message):
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"enforcer: error: {message}")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda words: " ".join(words) or "enforcer")
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_everywhere(cli, command, flag):
    result = cli(*command, flag)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"usage: {' '.join(['enforcer', *command])}")
    assert result.stderr == ""


@pytest.mark.parametrize("command", [[], ["policy"]], ids=["enforcer", "policy"])
def test_a_group_alone_prints_its_help_as_a_usage_error(cli, command):
    result = cli(*command)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"usage: {' '.join(['enforcer', *command])} [-h] COMMAND ...")
    assert "  check " in result.stderr


def test_arguments_and_options_in_any_order(cli, tmp_path):
    other = tmp_path / "other.cdx.json"
    other.write_bytes(KASPERSKY_SBOM.read_bytes())
    result = cli("check", KASPERSKY_SBOM, "--as-of", "2024-10-01", other, *ICTS, "-f", "JSON", "--fail-on", "Never")
    assert result.exit_code == 0, result.stderr
    assert [len(sbom["findings"]) for sbom in json.loads(result.stdout)["sboms"]] == [1, 1]


def test_operands_after_a_double_dash(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-dash.cdx.json").write_bytes(KASPERSKY_SBOM.read_bytes())
    result = cli("check", *ICTS, "--as-of", "2024-10-01", "-f", "json", "--", "-dash.cdx.json")
    assert result.exit_code == 1, result.stderr
    assert [sbom["path"] for sbom in json.loads(result.stdout)["sboms"]] == ["-dash.cdx.json"]


def test_defaults():
    check = build_parser().commands["check"]
    options = vars(check.parse_intermixed_args(["a.json"]))
    defaults = {
        "format": None,  # check() tells --format given from --format left out
        "fail_on": "deny",
        "engine": "embedded",
        "warn_days": 90,
        "jobs": 1,
        "opa_timeout": 10.0,
        "policy": None,
        "fail_on_unidentified": None,
    }
    assert {key: options[key] for key in defaults} == defaults
    assert check.parse_intermixed_args(["a.json", "-p", "x", "--policy", "y"]).policy == [Path("x"), Path("y")]
    test = build_parser().commands["policy"].commands["test"]
    assert test.parse_intermixed_args([]).verbose is True
    assert test.parse_intermixed_args(["-q"]).verbose is False
    assert test.parse_intermixed_args(["-q", "-v"]).verbose is True


def test_options_from_the_environment(monkeypatch):
    monkeypatch.setenv("ENFORCER_OPA_URL", "http://opa.example:8181")
    monkeypatch.setenv("ENFORCER_OPA_TOKEN", "")  # empty: none
    monkeypatch.setenv("OPA", "/opt/opa")
    options = build_parser().commands["vendor"].parse_intermixed_args(["x"])
    assert options.opa_url == "http://opa.example:8181"
    assert options.opa_token is None
    assert options.opa_binary == Path("/opt/opa")
    options = build_parser().commands["vendor"].parse_intermixed_args(["x", "--opa-url", "http://other"])
    assert options.opa_url == "http://other"


def test_opa_server_needs_a_url(cli, monkeypatch):
    monkeypatch.delenv("ENFORCER_OPA_URL", raising=False)
    result = cli("check", KASPERSKY_SBOM, "--engine", "OPA-SERVER")
    assert result.exit_code == 2
    assert result.stderr == "enforcer: error: --engine opa-server needs --opa-url URL (or ENFORCER_OPA_URL)\n"


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["version"], ["check", "-f", "xml", "x"]])
def test_parsing_imports_no_library_code(args):
    code = (
        "import sys\n"
        "from enforcer._cli import run\n"
        f"run({args!r})\n"
        "heavy = ('pydantic', 'msgspec', 'enforcer.report', 'enforcer.engine', 'enforcer._models', 'typer')\n"
        "print([name for name in sys.modules if name.startswith(heavy)], file=sys.__stderr__)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stderr.splitlines()[-1] == "[]"
