"""An OPA answer larger than ENFORCER_MAX_ANSWER_BYTES (default 256 MiB) is refused with one line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from enforcer._env import DEFAULT_MAX_ANSWER_BYTES
from enforcer.engine._limits import max_answer_bytes
from tests.conftest import OpaServer
from tests.engine._hostile import (
    KASPERSKY_SBOM,
    SMALL_SET,
    Behaviour,
    HostileServer,
    Request,
    answer,
    answering,
    clean_sbom,
    run_enforcer,
)

#: 2,000 bytes of valid JSON
LARGE = b'{"result": "' + b"x" * 1986 + b'"}'


@pytest.mark.parametrize("chunked", [False, True], ids=["with-length", "chunked"])
def test_a_large_answer_from_a_server_is_refused(
    hostile: Callable[[Behaviour], HostileServer], tmp_path: Path, chunked: bool
) -> None:
    def pick(request: Request) -> bytes:
        return answer(200, LARGE, chunked=chunked)

    server = hostile(answering(pick))
    run = run_enforcer(
        "check",
        clean_sbom(tmp_path),
        "--engine",
        "opa-server",
        "--opa-url",
        server.url,
        "--no-push",
        env={"ENFORCER_MAX_ANSWER_BYTES": "1000"},
        timeout=60,
    )
    assert run.code == 3, run.stderr
    assert run.error_line() == (
        f"enforcer: error: OPA server {server.url}: data.enforcer.contract_version: the answer is larger than"
        " 1000 bytes (ENFORCER_MAX_ANSWER_BYTES)"
    )


def test_a_real_servers_ban_table_over_the_cap_is_refused(opa_server: OpaServer) -> None:
    run = run_enforcer(
        "check",
        KASPERSKY_SBOM,
        *SMALL_SET,
        "--engine",
        "opa-server",
        "--opa-url",
        opa_server.url,
        env={"ENFORCER_MAX_ANSWER_BYTES": "1KiB"},
        timeout=60,
    )
    assert run.code == 3, run.stderr
    assert run.error_line() == (
        f"enforcer: error: OPA server {opa_server.url}: data.enforcer.bans.bans: the answer is larger than 1 KiB"
        " (ENFORCER_MAX_ANSWER_BYTES)"
    )


def test_an_opa_process_answer_over_the_cap_is_refused(opa_binary: str) -> None:
    run = run_enforcer(
        "check",
        KASPERSKY_SBOM,
        *SMALL_SET,
        "--engine",
        "opa",
        "--opa-binary",
        opa_binary,
        env={"ENFORCER_MAX_ANSWER_BYTES": "1KiB", "ENFORCER_CACHE_DIR": "off"},
        timeout=60,
    )
    assert run.code == 3, run.stderr
    assert run.error_line() == (
        "enforcer: error: opa engine: data.enforcer.bans.bans: the answer is larger than 1 KiB"
        " (ENFORCER_MAX_ANSWER_BYTES)"
    )


def test_under_the_cap_the_answer_is_read(opa_server: OpaServer) -> None:
    run = run_enforcer(
        "check",
        KASPERSKY_SBOM,
        *SMALL_SET,
        "--engine",
        "opa-server",
        "--opa-url",
        opa_server.url,
        "--as-of",
        "2024-10-01",
        env={"ENFORCER_MAX_ANSWER_BYTES": "1MiB"},
        timeout=60,
    )
    assert run.code == 1, run.stderr


@pytest.mark.parametrize(
    ("value", "size"),
    [("", DEFAULT_MAX_ANSWER_BYTES), ("4096", 4096), ("64 KiB", 65536), ("2m", 2 << 20), ("1GiB", 1 << 30)],
)
def test_the_cap_setting(monkeypatch: pytest.MonkeyPatch, value: str, size: int) -> None:
    monkeypatch.setenv("ENFORCER_MAX_ANSWER_BYTES", value)
    assert max_answer_bytes() == size


def test_a_bad_cap_is_one_line(hostile: Callable[[Behaviour], HostileServer], tmp_path: Path) -> None:
    server = hostile(answering(lambda request: answer(200, b"{}")))
    run = run_enforcer(
        "check",
        clean_sbom(tmp_path),
        "--engine",
        "opa-server",
        "--opa-url",
        server.url,
        env={"ENFORCER_MAX_ANSWER_BYTES": "lots"},
        timeout=60,
    )
    assert run.code == 2
    assert run.error_line() == (
        "enforcer: error: ENFORCER_MAX_ANSWER_BYTES='lots': not a size (a number of bytes, or with KiB, MiB, GiB)"
    )
