"""Under an address-space limit (ulimit -v) rego-cpp's allocator cannot start in, one line and exit 3, not SIGABRT.

snmalloc reserves 256 GiB of address space (not memory) when librego_shared
loads, and aborts the process ("Failed to initialise snmalloc") when it
cannot. The embedded engine checks RLIMIT_AS before it loads the library.
"""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from tests.engine._hostile import KASPERSKY_SBOM, clean_sbom, run_enforcer

EIGHT_GIB = 8 << 30


def _limit_address_space() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (EIGHT_GIB, EIGHT_GIB))


def test_an_8_gib_limit_is_one_line_on_a_clean_sbom(tmp_path: Path) -> None:
    run = run_enforcer("check", clean_sbom(tmp_path), preexec_fn=_limit_address_space, timeout=60)
    assert run.code == 3, f"exit {run.code}: {run.stderr[-300:]}"
    line = run.error_line()
    assert line.startswith(
        "enforcer: error: embedded engine: the address-space limit (ulimit -v) is 8 GiB, and rego-cpp's allocator"
        " reserves 256 GiB of address space (not memory) when it loads: it needs a limit of at least"
    ), line
    assert line.endswith("or unlimited); or use --engine opa")
    assert "snmalloc" not in run.stderr


@pytest.mark.parametrize("command", [("policy", "list"), ("policy", "check")])
def test_every_command_on_the_embedded_engine_says_so(command: tuple[str, ...]) -> None:
    run = run_enforcer(*command, preexec_fn=_limit_address_space, timeout=60)
    assert run.code == 3
    assert "the address-space limit (ulimit -v) is 8 GiB" in run.stderr
    assert "Failed to initialise snmalloc" not in run.stderr


def test_the_opa_engine_runs_under_the_same_limit(opa_binary: str) -> None:
    run = run_enforcer(
        "check",
        KASPERSKY_SBOM,
        "--engine",
        "opa",
        "--opa-binary",
        opa_binary,
        "--as-of",
        "2024-10-01",
        preexec_fn=_limit_address_space,
        timeout=120,
    )
    assert run.code == 1, run.stderr


def test_a_limit_large_enough_is_fine(tmp_path: Path) -> None:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (300 << 30, resource.RLIM_INFINITY))

    run = run_enforcer("check", clean_sbom(tmp_path), preexec_fn=limit, timeout=60)
    assert run.code == 0, run.stderr
