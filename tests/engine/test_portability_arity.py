"""Functions of one name with different arities in different packages.

OPA keeps them apart; rego-cpp compiles the whole program at once and fails on
them. The guard in `enforcer policy check` must point at both definitions,
and the difference must be real (this test fails when rego-cpp fixes it).
"""

from __future__ import annotations

import subprocess
import sys

from enforcer.engine.interface import PolicyModule
from enforcer.policy.portability import scan_modules
from tests.conftest import ROOT

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


_CHILD = """
import sys
from enforcer._errors import EnforcerError
from enforcer.engine.embedded import EmbeddedEngine
from enforcer.engine.interface import PolicyModule
modules = [PolicyModule(sys.argv[1], sys.argv[2]), PolicyModule(sys.argv[3], sys.argv[4])]
engine = EmbeddedEngine()
try:
    engine.load(modules)
    print("answer", engine.query("data.a.answer"))
except EnforcerError as error:
    print("error", error)
    sys.exit(3)
"""


def test_the_embedded_engine_really_fails_on_it():
    # in a child process: rego-cpp sometimes reports the clash and sometimes crashes on it
    argv = [sys.executable, "-c", _CHILD]
    for module in MODULES:
        argv += [module.path, module.text]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode != 0, result.stdout
    assert not result.stdout.startswith("answer"), result.stdout


def test_opa_evaluates_it(opa_binary, tmp_path):
    for module in MODULES:
        (tmp_path / module.path).write_text(module.text)
    result = subprocess.run(
        [opa_binary, "eval", "--format", "raw", "-d", str(tmp_path), "data.a.answer"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "1"
