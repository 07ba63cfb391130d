"""Shared test fixtures: the shared corpus, the CLI, and real OPA.

`../shared` (the SBOM corpus, schemas and reference facts) sits beside the
checkout in CI; tests that need it skip without it. Tests that need OPA use
the `opa_binary` fixture: they skip with the reason when no OPA 1.x is found,
except under `CI=true`, where a missing OPA fails them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ENFORCER_SHARED", ROOT.parent / "shared"))
FIXTURES = ROOT / "fixtures"
POLICIES = ROOT / "policies"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need(condition: bool, reason: str) -> None:
    """Skip when a prerequisite is missing, but fail under CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not here (the shared corpus sits beside the checkout in CI)")
    return SHARED


def find_opa() -> str | None:
    candidates = [os.environ.get("OPA"), str(ROOT / ".tools" / "bin" / "opa"), shutil.which("opa")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            try:
                out = subprocess.run([candidate, "version"], capture_output=True, text=True, timeout=30).stdout
            except (OSError, subprocess.TimeoutExpired):
                continue
            if out.startswith("Version: 1."):
                return candidate
    return None


@pytest.fixture(scope="session")
def opa_binary() -> str:
    path = find_opa()
    need(path is not None, "no OPA 1.x binary (set OPA=..., or run `make opa`)")
    assert path is not None
    return path


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli():
    """Run the enforcer CLI in process: cli("check", "x.json", ...) -> CliResult."""
    from enforcer._cli import app

    def run(*args: str | os.PathLike[str], input: str | bytes | None = None) -> CliResult:
        runner = CliRunner()
        result = runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


def write_cdx(path: Path, components: Sequence[dict[str, object]], **top: object) -> Path:
    """Write a small CycloneDX 1.5 JSON SBOM for a test."""
    import json

    document: dict[str, object] = {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1}
    document.update(top)
    document["components"] = list(components)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path
