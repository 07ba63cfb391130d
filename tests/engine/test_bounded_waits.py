"""Every wait on OPA ends within --opa-timeout: a server that trickles its answer, an `opa` that hangs."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from enforcer._errors import EngineConnectionError
from enforcer.engine.opa_cli import find_opa
from enforcer.engine.opa_server import OpaServerEngine
from tests.engine._hostile import (
    SMALL_SET,
    Behaviour,
    HostileServer,
    alive,
    children_of,
    clean_sbom,
    fake_opa,
    run_enforcer,
    trickling,
)

#: headers complete, then a body that never ends (one byte every half second)
BODY_TRICKLE = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n"


@pytest.mark.parametrize(
    ("head", "push"),
    [(b"", True), (BODY_TRICKLE, False)],
    ids=["status-line-trickles-on-push", "body-trickles-on-query"],
)
def test_a_trickling_server_times_out_end_to_end(
    hostile: Callable[[Behaviour], HostileServer], tmp_path: Path, head: bytes, push: bool
) -> None:
    server = hostile(trickling(head))
    run = run_enforcer(
        "check",
        clean_sbom(tmp_path),
        *SMALL_SET,
        "--engine",
        "opa-server",
        "--opa-url",
        server.url,
        "--opa-timeout",
        "1",
        *(() if push else ("--no-push",)),
        timeout=60,
    )
    assert run.code == 3
    assert run.error_line() == f"enforcer: error: OPA server {server.url}: no answer within 1 s (--opa-timeout)"
    assert run.seconds < 10
    assert server.requests, "the server was asked"


def test_the_deadline_covers_the_whole_request(hostile: Callable[[Behaviour], HostileServer]) -> None:
    server = hostile(trickling(BODY_TRICKLE, interval=0.1))
    engine = OpaServerEngine(server.url, push=False, timeout=1.5)
    started = time.monotonic()
    with pytest.raises(EngineConnectionError) as error:
        engine.query("data.enforcer.contract_version")
    elapsed = time.monotonic() - started
    assert str(error.value) == f"OPA server {server.url}: no answer within 1.5 s (--opa-timeout)"
    assert 1.4 < elapsed < 4
    engine.close()


def test_a_hanging_opa_version_is_killed_with_its_children(tmp_path: Path) -> None:
    opa = fake_opa(tmp_path, version="hang")
    run = run_enforcer(
        "check", clean_sbom(tmp_path), "--engine", "opa", "--opa-binary", opa, "--opa-timeout", "1", timeout=60
    )
    assert run.code == 3
    assert run.error_line() == (
        f"enforcer: error: opa engine: {opa}: `opa version` gave no answer within 1 s (--opa-timeout)"
    )
    assert run.seconds < 10
    _assert_all_gone(children_of(opa))


def test_a_hanging_opa_eval_is_killed_with_its_children(tmp_path: Path) -> None:
    opa = fake_opa(tmp_path, version="1.22.2", check="ok", eval="hang")
    run = run_enforcer(
        "check",
        clean_sbom(tmp_path),
        *SMALL_SET,
        "--engine",
        "opa",
        "--opa-binary",
        opa,
        "--opa-timeout",
        "1",
        env={"ENFORCER_CACHE_DIR": "off"},
        timeout=60,
    )
    assert run.code == 3
    assert run.error_line() == (
        "enforcer: error: opa engine: data.enforcer.bans.bans: no answer within 1 s (--opa-timeout)"
    )
    assert run.seconds < 10
    _assert_all_gone(children_of(opa))


def test_a_hanging_candidate_is_passed_over_when_looking_for_opa(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opa = fake_opa(tmp_path, version="hang")
    monkeypatch.setenv("OPA", str(opa))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    started = time.monotonic()
    found = find_opa(timeout=0.5)
    assert found != str(opa)
    assert time.monotonic() - started < 5
    _assert_all_gone(children_of(opa))


def _assert_all_gone(pids: list[int]) -> None:
    assert pids, "the fake opa started a child"
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in pids if alive(pid)], "a child of the opa process is still running"
