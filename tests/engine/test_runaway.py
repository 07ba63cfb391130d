"""A rule that never ends is stopped on the embedded engine (ENFORCER_EVAL_TIMEOUT), with one line and exit 3."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from enforcer._errors import EngineError
from enforcer.engine.embedded import EmbeddedEngine
from enforcer.policy import BANS_QUERY, find_modules
from tests.engine._hostile import LIBRARY, clean_sbom, run_enforcer

#: rego-cpp builds a set in time quadratic in its size: nine million pairs never finish
RUNAWAY = """package enforcer.bans

import rego.v1

bans contains ban if {
	count({[i, j] | some i in numbers.range(1, 3000); some j in numbers.range(1, 3000)}) > 0
	ban := {
		"id": "runaway",
		"vendor": "Runaway",
		"match": {"organizations": ["Runaway Ltd"]},
		"phases": [{"effect": "deny", "from": "2024-01-01", "summary": "never decided"}],
	}
}
"""

FINE = """package enforcer.bans

import rego.v1

bans contains {
	"id": "fine",
	"vendor": "Fine",
	"match": {"organizations": ["Fine Ltd"]},
	"phases": [{"effect": "deny", "from": "2024-01-01", "summary": "decided"}],
}
"""


def _policy(directory: Path, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "bans.rego").write_text(text, encoding="utf-8")
    return directory


def test_a_runaway_rule_stops_the_check_with_one_line(tmp_path: Path) -> None:
    policies = _policy(tmp_path / "policies", RUNAWAY)
    run = run_enforcer(
        "check",
        clean_sbom(tmp_path),
        "-p",
        policies,
        env={"ENFORCER_EVAL_TIMEOUT": "2", "ENFORCER_CACHE_DIR": "off"},
        timeout=60,
    )
    assert run.code == 3, run.stderr
    assert run.error_line() == (
        "enforcer: error: embedded engine: data.enforcer.bans.bans: evaluation stopped after 2 s"
        " (ENFORCER_EVAL_TIMEOUT): a rule that never ends, or set the limit higher"
    )
    assert run.seconds < 20


def test_the_engine_answers_again_after_a_stopped_query(tmp_path: Path) -> None:
    engine = EmbeddedEngine(eval_timeout=1)
    engine.load(find_modules([_policy(tmp_path / "runaway", RUNAWAY), LIBRARY]))
    started = time.monotonic()
    with pytest.raises(EngineError, match="evaluation stopped after 1 s"):
        engine.query(BANS_QUERY)
    assert time.monotonic() - started < 10
    assert engine.query("data.enforcer.contract_version") == "2"


def test_within_the_limit_nothing_changes(tmp_path: Path) -> None:
    engine = EmbeddedEngine(eval_timeout=30)
    engine.load(find_modules([_policy(tmp_path / "fine", FINE), LIBRARY]))
    assert [ban["id"] for ban in engine.query(BANS_QUERY)] == ["fine"]
    assert engine.query("data.enforcer.decisions", {"findings": [], "as_of": "2024-06-01"}) == []


@pytest.mark.parametrize("value", ["soon", "-1"])
def test_a_bad_limit_is_one_line(tmp_path: Path, value: str) -> None:
    run = run_enforcer("check", clean_sbom(tmp_path), env={"ENFORCER_EVAL_TIMEOUT": value})
    assert run.code == 2
    assert run.error_line() == (f"enforcer: error: ENFORCER_EVAL_TIMEOUT={value!r}: not a number of seconds (or `off`)")


def test_off_evaluates_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENFORCER_EVAL_TIMEOUT", "off")
    engine = EmbeddedEngine()
    assert engine.eval_timeout is None
    engine.load(find_modules([_policy(tmp_path / "fine", FINE), LIBRARY]))
    assert [ban["id"] for ban in engine.query(BANS_QUERY)] == ["fine"]
