"""The options: declared once and shared, their defaults, the environment, any case, any order."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from enforcer._choices import ENGINES, FAIL_ON, REPORT_FORMATS
from enforcer.cli import app
from enforcer.cli._adapter import Command, new_app, subcommands
from enforcer.cli._options import (
    EngineOptions,
    Given,
    ProjectOptions,
    Selection,
    Waivers,
    bounded,
    choice,
    command,
    date,
)
from tests.conftest import FIXTURES, POLICIES

KASPERSKY_SBOM = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
ICTS = ("-p", POLICIES / "enforcer" / "decide.rego", "-p", POLICIES / "gov" / "us_commerce_icts_kaspersky.rego")


def _command(*path: str) -> Any:
    command: Any = get_command(app)
    for name in path:
        command = subcommands(command)[name]
    return command


def parse(*args: str, command: tuple[str, ...] = ("check",)) -> dict[str, Any]:
    """What the command's parser makes of `args`, as typer hands it to the command (nothing runs)."""
    return dict(_command(*command).make_context(" ".join(command), list(args)).params)


def test_the_choices_are_the_library_enums():
    from enforcer._models import FailOn
    from enforcer.engine import EngineChoice
    from enforcer.report import ReportFormat

    assert REPORT_FORMATS == tuple(ReportFormat)
    assert ENGINES == tuple(EngineChoice)
    assert FAIL_ON == tuple(FailOn)


SHARED = {
    ("check",): (Selection, EngineOptions, ProjectOptions),
    ("vendor",): (Selection, EngineOptions, ProjectOptions),
    ("policy", "list"): (Selection, EngineOptions, ProjectOptions),
    ("policy", "check"): (EngineOptions, ProjectOptions),
}


@pytest.mark.parametrize("path", list(SHARED), ids=" ".join)
def test_the_shared_options_are_one_declaration(path):
    """Every command that selects bans or talks to an engine has the same options, with the same help."""
    params = {param.name: param for param in _command(*path).params}
    reference = {param.name: param for param in _command("check").params}
    for option_set in SHARED[path]:
        for field in option_set.__dataclass_fields__:
            assert field in params, f"enforcer {' '.join(path)} lacks {field} of {option_set.__name__}"
            mine, theirs = params[field], reference[field]
            assert (mine.opts, mine.help, mine.default, mine.envvar) == (
                theirs.opts,
                theirs.help,
                theirs.default,
                theirs.envvar,
            )


def probe(*args: str) -> dict[str, Any]:
    """What a command built on the option sets receives for `args`: a real typer command that keeps its arguments."""
    seen: dict[str, Any] = {}
    probe_app = new_app("A command that keeps what it is given.")

    @probe_app.command("probe", cls=Command)
    @command
    def keep(*, selection: Selection, engine: EngineOptions, waivers: Waivers = None, given: Given) -> int:
        seen.update(vars(selection), **vars(engine), waivers=waivers, given=given)
        return 0

    assert probe_app(args=list(args), prog_name="probe", standalone_mode=False) == 0
    return seen


@pytest.fixture(autouse=True)
def _no_configuration(tmp_path, monkeypatch):
    """No enforcer.toml or pyproject.toml found from the working directory, no OPA options in the environment."""
    monkeypatch.chdir(tmp_path)
    for name in ("OPA", "ENFORCER_OPA_URL", "ENFORCER_OPA_TOKEN"):
        monkeypatch.delenv(name, raising=False)


def test_defaults_of_the_option_sets():
    assert probe() == {
        "policy": None,
        "as_of": None,
        "scope": None,
        "warn_days": 90,
        "engine": "embedded",
        "opa_url": None,
        "opa_token": None,
        "no_push": False,
        "insecure": False,
        "ca_cert": None,
        "opa_timeout": 10.0,
        "opa_binary": None,
        "waivers": None,
        "given": set(),
    }


def test_defaults_of_check():
    options = parse("a.json")
    assert {key: options[key] for key in ("format", "fail_on", "jobs", "explain", "fail_on_unidentified")} == {
        "format": "table",
        "fail_on": "deny",
        "jobs": 1,
        "explain": False,
        "fail_on_unidentified": None,
    }


def test_repeated_and_typed_options():
    seen = probe("-p", "x", "--policy", "y", "-s", "us", "--scope", "uk-gov", "--as-of", "2024-02-29", "-w", "w.yaml")
    assert seen["policy"] == [Path("x"), Path("y")]
    assert seen["scope"] == ["us", "uk-gov"]
    assert seen["as_of"] == dt.date(2024, 2, 29)
    assert seen["waivers"] == [Path("w.yaml")]
    assert seen["given"] == {"policy", "scope", "as_of", "waivers"}
    assert probe("--ca-cert", "ca.pem", "--opa-timeout", "2.5", "--insecure")["ca_cert"] == Path("ca.pem")


def test_the_verbosity_pair():
    test = ("policy", "test")
    assert parse(command=test)["verbose"] is True
    assert parse("-q", command=test)["verbose"] is False
    assert parse("-q", "-v", command=test)["verbose"] is True


def test_choices_take_any_case():
    options = parse("a.json", "-f", "SARIF", "--fail-on", "Never")
    assert (options["format"], options["fail_on"]) == ("sarif", "never")
    assert probe("-e", "OPA")["engine"] == "opa"
    assert parse("x", "--kind", "PURL", "-f", "Json", command=("vendor",))["kind"] == "purl"


def test_options_from_the_environment(monkeypatch):
    monkeypatch.setenv("ENFORCER_OPA_URL", "http://opa.example:8181")
    monkeypatch.setenv("ENFORCER_OPA_TOKEN", "")  # empty: none
    monkeypatch.setenv("OPA", "/opt/opa")
    seen = probe()
    assert (seen["opa_url"], seen["opa_token"], seen["opa_binary"]) == (
        "http://opa.example:8181",
        None,
        Path("/opt/opa"),
    )
    assert seen["given"] == {"opa_url", "opa_binary"}  # the environment counts as given: it beats the configuration
    assert probe("--opa-url", "http://other")["opa_url"] == "http://other"
    assert parse(command=("policy", "test"))["opa_binary"] == "/opt/opa"


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


def test_opa_server_needs_a_url(cli, monkeypatch):
    monkeypatch.delenv("ENFORCER_OPA_URL", raising=False)
    result = cli("check", KASPERSKY_SBOM, "--engine", "OPA-SERVER")
    assert result.exit_code == 2
    assert result.stderr == (
        "enforcer: error: --engine opa-server needs --opa-url URL (or ENFORCER_OPA_URL); try 'enforcer check --help'\n"
    )


@pytest.mark.parametrize(
    ("parser", "text", "value"),
    [
        (bounded(int, 0), "0", 0),
        (bounded(int, 0), "12", 12),
        (bounded(float, 0.1), "0.1", 0.1),
        (bounded(float, 0.0, 100.0), "100", 100.0),
        (choice(("table", "json")), "TABLE", "table"),
        (date, "2024-02-29", dt.date(2024, 2, 29)),
    ],
)
def test_a_value_in_range_passes(parser, text, value):
    assert parser(text) == value


@pytest.mark.parametrize(
    ("parser", "text", "message"),
    [
        (bounded(int, 0), "-1", "-1 is below the minimum 0"),
        (bounded(int, 0), "1.5", "'1.5' is not an integer"),
        (bounded(float, 0.1), "inf", "'inf' is not a number"),
        (bounded(float, 0.0, 100.0), "100.01", "100.01 is above the maximum 100"),
        (choice(("table", "json")), "xml", "'xml' is not one of table, json"),
        (date, "2023-02-29", "'2023-02-29' is not a date in the form YYYY-MM-DD"),
    ],
)
def test_a_value_out_of_range_says_why(parser, text, message):
    import typer

    with pytest.raises(typer.BadParameter) as caught:
        parser(text)
    assert caught.value.message == message
