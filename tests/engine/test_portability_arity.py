"""Functions of one name with different arities in different packages.

OPA keeps them apart; rego-cpp compiles the whole program at once and fails on
them. The guard in `enforcer policy check` must point at both definitions,
and the difference must be real (this test fails when rego-cpp fixes it).
"""

from __future__ import annotations

import pytest

from enforcer._errors import EnforcerError
from enforcer.engine.embedded import EmbeddedEngine
from enforcer.engine.interface import PolicyModule
from enforcer.engine.portability import scan_modules

MODULES = [
    PolicyModule("a.rego", "package a\n\nimport rego.v1\n\nf(x) := x\n\nanswer := f(1)\n"),
    PolicyModule("b.rego", "package b\n\nimport rego.v1\n\nf(x, y) := x + y\n"),
]


def test_the_guard_names_both_definitions():
    issues = [issue for issue in scan_modules(MODULES) if issue.rule == "function-arity"]
    assert [(issue.path, issue.line, issue.severity) for issue in issues] == [
        ("a.rego", 5, "error"),
        ("b.rego", 5, "error"),
    ]
    assert "a.f/1 shares its name with b.f/2" in str(issues[0])


def test_one_name_and_one_arity_is_fine():
    same = [MODULES[0], PolicyModule("b.rego", "package b\n\nimport rego.v1\n\nf(x) := x\n")]
    assert [issue for issue in scan_modules(same) if issue.rule == "function-arity"] == []


def test_the_embedded_engine_really_fails_on_it():
    engine = EmbeddedEngine()
    with pytest.raises(EnforcerError):
        engine.load(MODULES)
        engine.query("data.a.answer")


def test_opa_evaluates_it(opa_binary, tmp_path):
    import subprocess

    for module in MODULES:
        (tmp_path / module.path).write_text(module.text)
    result = subprocess.run(
        [opa_binary, "eval", "--format", "raw", "-d", str(tmp_path), "data.a.answer"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "1"
