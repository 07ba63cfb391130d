"""`enforcer policy test` and `enforcer policy check`: on OPA and on the embedded engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import POLICIES

LIBRARY = POLICIES / "enforcer"

PASSING = """package demo_test

import rego.v1

test_adds if 1 + 1 == 2

todo_test_later if false
"""

FAILING = """package demo_test

import rego.v1

test_adds if 1 + 1 == 2

test_is_wrong if 1 + 1 == 3
"""

# `with input as` over a rule that calls a built-in on input crashes rego-cpp.
CRASHING = """package crash_test

import rego.v1

double := input.n * 2

test_crashes_rego_cpp if {
	double == 4 with input as {"n": 2}
}
"""

PORTABLE = """package portable_test

import rego.v1

double := input.n * 2

test_key_by_key if {
	double == 4 with input.n as 2
}
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(params=["opa", "embedded"])
def runner(request: pytest.FixtureRequest) -> tuple[str, ...]:
    if request.param == "opa":
        request.getfixturevalue("opa_binary")
        return ()
    return ("--embedded",)


def test_the_library_tests_pass(cli, runner: tuple[str, ...]) -> None:
    result = cli("policy", "test", LIBRARY, *runner)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "data.enforcer.decide_test.test_on_the_first_day_of_the_deny_phase_denies: PASS" in result.stdout
    assert "data.enforcer.reference_test.test_the_longest_word_prefix_per_ban: PASS" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("PASS: ")
    assert "0 failed, 0 errors" in result.stderr


def test_a_failing_test_exits_1(cli, runner: tuple[str, ...], tmp_path: Path) -> None:
    write(tmp_path, "demo_test.rego", FAILING)
    result = cli("policy", "test", tmp_path, *runner)
    assert result.exit_code == 1
    assert "data.demo_test.test_is_wrong: FAIL" in result.stdout
    assert "data.demo_test.test_adds: PASS" in result.stdout
    assert result.stdout.splitlines()[-2:] == ["PASS: 1/2", "FAIL: 1/2"]
    assert result.stderr.endswith("1 passed, 1 failed, 0 errors, 0 skipped; exit 1\n")


def test_same_report_on_both_engines(cli, opa_binary: str, tmp_path: Path) -> None:
    write(tmp_path, "demo_test.rego", PASSING)
    on_opa = cli("policy", "test", tmp_path)
    on_embedded = cli("policy", "test", tmp_path, "--embedded")
    assert on_opa.exit_code == on_embedded.exit_code == 0

    def shape(text: str) -> list[str]:
        return [line.split(" (")[0] for line in text.splitlines()]

    assert shape(on_opa.stdout) == shape(on_embedded.stdout)
    assert "data.demo_test.todo_test_later: SKIPPED" in on_opa.stdout


def test_a_crash_of_the_embedded_engine_fails_one_test(cli, tmp_path: Path) -> None:
    write(tmp_path, "crash_test.rego", CRASHING)
    write(tmp_path, "portable_test.rego", PORTABLE)
    result = cli("policy", "test", tmp_path, "--embedded")
    assert result.exit_code == 1
    assert "data.portable_test.test_key_by_key: PASS" in result.stdout
    crashed = next(line for line in result.stdout.splitlines() if "test_crashes_rego_cpp" in line)
    assert "ERROR" in crashed and "the embedded engine crashed (signal" in crashed
    assert f"`with input as` at {tmp_path / 'crash_test.rego'}:8 is a known cause" in crashed
    assert f"enforcer: warning: {tmp_path / 'crash_test.rego'}:8:" in result.stderr


def test_the_crashing_test_passes_on_opa(cli, opa_binary: str, tmp_path: Path) -> None:
    write(tmp_path, "crash_test.rego", CRASHING)
    assert cli("policy", "test", tmp_path).exit_code == 0


def test_a_test_file_that_does_not_compile_exits_3(cli, runner: tuple[str, ...], tmp_path: Path) -> None:
    write(tmp_path, "broken_test.rego", "package broken_test\n\ntest_x if {\n")
    result = cli("policy", "test", tmp_path, *runner)
    assert result.exit_code == 3
    assert result.stderr.startswith("enforcer: error: ")
    assert "broken_test.rego" in result.stderr and len(result.stderr.splitlines()) == 1


def test_no_tests_at_all(cli, runner: tuple[str, ...], tmp_path: Path) -> None:
    write(tmp_path, "plain.rego", "package plain\n\nx := 1\n")
    result = cli("policy", "test", tmp_path, *runner)
    assert result.exit_code == 0
    assert "no test_ rules found" in result.stderr


def test_a_missing_path_exits_3(cli, tmp_path: Path) -> None:
    result = cli("policy", "test", tmp_path / "nope")
    assert result.exit_code == 3
    assert result.stderr == f"enforcer: error: {tmp_path / 'nope'}: no such file or directory\n"


# -- policy check ------------------------------------------------------------------------------

BAN = """package enforcer.bans

import rego.v1

bans contains {{
	"id": "{ident}",
	"vendor": "Check Vendor",
	"match": {{"organizations": ["Check Vendor"]}},
	"phases": [{{"effect": "deny", "from": "{start}", "summary": "a phase"}}],
}}
"""


@pytest.mark.parametrize("engine", ["embedded", "opa"])
def test_policy_check_passes(cli, engine: str, opa_binary: str, tmp_path: Path) -> None:
    bans = write(tmp_path, "bans.rego", BAN.format(ident="check-ok", start="2024-01-01"))
    result = cli("policy", "check", LIBRARY, bans, "--engine", engine)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("enforcer: 3 modules, 1 bans (0 disabled), 0 waivers on ")
    assert result.stdout.rstrip().endswith(": ok")


def test_policy_check_prints_every_broken_ban(cli, tmp_path: Path) -> None:
    one = write(tmp_path, "one.rego", BAN.format(ident="bad-date", start="2024-13-45"))
    two = write(tmp_path, "two.rego", BAN.format(ident="bad id!", start="2024-01-01"))
    result = cli("policy", "check", LIBRARY, one, two)
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("enforcer: error: ")]
    assert f"enforcer: error: {one}: ban 'bad-date': phases.0.from: '2024-13-45' is not a valid calendar date" in errors
    assert any(line.startswith(f"enforcer: error: {two}: ban 'bad id!': id: ") for line in errors)
    assert result.stderr.splitlines()[-1].endswith("2 problem(s); exit 3")


def test_policy_check_flags_rego_that_differs_on_the_embedded_engine(cli, tmp_path: Path) -> None:
    helper = write(
        tmp_path,
        "helper.rego",
        'package enforcer.helpers\n\nimport rego.v1\n\nloud(name) := sprintf("%q", [name])\n\nlowered(x) := lower(x)\n',
    )
    result = cli("policy", "check", LIBRARY, helper)
    assert result.exit_code == 3
    assert (
        f"enforcer: error: {helper}:5: sprintf %q is printed literally by the embedded engine [sprintf-q]"
        in result.stderr
    )
    assert f"enforcer: warning: {helper}:7: lower()/upper() change only ASCII letters" in result.stderr


def test_policy_check_reports_unsafe_variables_the_embedded_engine_accepts(
    cli, opa_binary: str, tmp_path: Path
) -> None:
    sloppy = write(tmp_path, "sloppy.rego", "package enforcer.helpers\n\nimport rego.v1\n\nflag if undefined_var\n")
    result = cli("policy", "check", LIBRARY, sloppy, "--opa-binary", opa_binary)
    assert result.exit_code == 3
    assert f"enforcer: error: {sloppy}:5:9: var undefined_var is unsafe (rego_unsafe_var_error)" in result.stderr


def test_policy_check_reports_a_rule_conflict_that_surfaces_only_at_query_time(cli, tmp_path: Path) -> None:
    clash = write(tmp_path, "clash.rego", 'package enforcer\n\nimport rego.v1\n\n_effect_word := {"deny": "blocked"}\n')
    bans = write(tmp_path, "bans.rego", BAN.format(ident="check-ok", start="2024-01-01"))
    result = cli("policy", "check", LIBRARY, clash, bans)
    assert result.exit_code == 3
    assert (
        "enforcer: error: data.enforcer.decide on 2024-01-01: embedded engine: data.enforcer.decide:" in result.stderr
    )
    assert "complete rules must not produce multiple outputs" in result.stderr
