"""Shared test fixtures: the shared corpus, the CLI, and real OPA.

`../shared` (the SBOM corpus, schemas and reference facts) sits beside the
checkout in CI; tests that need it skip without it. Tests that need OPA use
the `opa_binary` fixture: they skip with the reason when no OPA 1.x is found,
except under `CI=true`, where a missing OPA fails them.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ENFORCER_SHARED", ROOT.parent / "shared"))
FIXTURES = ROOT / "fixtures"
POLICIES = ROOT / "policies"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

#: real servers any test may use: PostgreSQL (`pg_url`, `store_url`) and a Dask cluster (`dask_cluster`)
pytest_plugins = ["tests._servers"]


def need(condition: bool, reason: str) -> None:
    """Skip when a prerequisite is missing, but fail under CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests use a cache of their own, never the user's ~/.cache/enforcer."""
    os.environ["ENFORCER_CACHE_DIR"] = str(tmp_path_factory.mktemp("enforcer-cache"))


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
class OpaServer:
    """A real `opa run --server` on a loopback port, started by the tests."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_opa_server(binary: str, log: Path, *extra: str, scheme: str = "http", health_ok: bool = True) -> OpaServer:
    """Start `opa run --server` on a free loopback port and wait until it answers /health.

    `extra` holds more `opa run` arguments (authentication, TLS, files to load).
    With `health_ok=False` any HTTP answer counts as up (a server that refuses
    anonymous requests answers /health with 401).
    """
    import ssl
    import time
    import urllib.error
    import urllib.request

    context = None
    if scheme == "https":
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    for _attempt in range(3):
        port = free_port()
        url = f"{scheme}://127.0.0.1:{port}"
        with log.open("ab") as stream:
            process = subprocess.Popen(
                [binary, "run", "--server", "--addr", f"127.0.0.1:{port}", "--log-level", "error", *extra],
                stdout=stream,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        server = OpaServer(url, process, log)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=1, context=context):
                    return server
            except urllib.error.HTTPError:
                if not health_ok:
                    return server
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.05)
        server.stop()
    raise RuntimeError(f"opa run --server did not come up; see {log}: {log.read_text(errors='replace')[-400:]}")


@pytest.fixture(scope="session")
def opa_server(opa_binary: str, tmp_path_factory: pytest.TempPathFactory):
    """One real OPA server for the whole test session, stopped at the end."""
    server = start_opa_server(opa_binary, tmp_path_factory.mktemp("opa-server") / "opa.log")
    yield server
    server.stop()


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str | os.PathLike[str], input: str | bytes | None = None) -> CliResult:
    """Run `enforcer ARGS` in this process: its exit code and what it printed.

    stdin holds `input` (bytes underneath, as `-` reads sys.stdin.buffer).
    """
    from enforcer.cli import run

    data = input.encode() if isinstance(input, str) else input or b""
    stdout, stderr = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = run([str(a) for a in args])
    finally:
        sys.stdin = saved
    return CliResult(code, stdout.getvalue(), stderr.getvalue())


@pytest.fixture
def cli():
    """Run the enforcer CLI in process: cli("check", "x.json", ...) -> CliResult."""
    return run_cli


def write_cdx(path: Path, components: Sequence[dict[str, object]], **top: object) -> Path:
    """Write a small CycloneDX 1.5 JSON SBOM for a test."""
    import json

    document: dict[str, object] = {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1}
    document.update(top)
    document["components"] = list(components)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path
