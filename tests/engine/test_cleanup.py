"""A run that fails after pushing policies to a shared OPA server deletes exactly what it pushed."""

from __future__ import annotations

import gc
import json
import time
import urllib.request
from pathlib import Path

import pytest

from enforcer._errors import PolicyCompileError
from enforcer.engine.interface import PolicyModule
from enforcer.engine.opa_server import OpaServerEngine
from enforcer.policy import find_modules
from tests.conftest import OpaServer
from tests.engine._hostile import KASPERSKY_SBOM, LIBRARY, run_enforcer

#: compiles (the server takes it), but breaks the contract: found only after the push
BROKEN_BAN = """package enforcer.bans

import rego.v1

bans contains {
	"id": "broken-after-push",
	"vendor": "Broken",
	"match": {"organizations": ["Broken Ltd"]},
}
"""

OTHER = "package someone.else\n\nallow := true\n"


def policy_ids(url: str) -> list[str]:
    with urllib.request.urlopen(f"{url}/v1/policies", timeout=10) as answer:
        return sorted(item["id"] for item in json.load(answer)["result"])


def ours(url: str) -> list[str]:
    return [ident for ident in policy_ids(url) if ident.startswith("enforcer/")]


def put_policy(url: str, ident: str, text: str) -> None:
    request = urllib.request.Request(f"{url}/v1/policies/{ident}", data=text.encode(), method="PUT")
    with urllib.request.urlopen(request, timeout=10):
        pass


def delete_policy(url: str, ident: str) -> None:
    request = urllib.request.Request(f"{url}/v1/policies/{ident}", method="DELETE")
    with urllib.request.urlopen(request, timeout=10):
        pass


@pytest.fixture
def broken_policies(tmp_path: Path) -> Path:
    directory = tmp_path / "policies"
    directory.mkdir()
    (directory / "broken.rego").write_text(BROKEN_BAN, encoding="utf-8")
    return directory


def test_a_run_that_fails_after_the_push_leaves_nothing(private_opa: OpaServer, broken_policies: Path) -> None:
    put_policy(private_opa.url, "someone/else.rego", OTHER)
    run = run_enforcer(
        "check",
        KASPERSKY_SBOM,
        "-p",
        LIBRARY,
        "-p",
        broken_policies,
        "--engine",
        "opa-server",
        "--opa-url",
        private_opa.url,
        "--opa-timeout",
        "30",
        timeout=120,
    )
    assert run.code == 3, run.stderr
    assert run.error_line().startswith(f"enforcer: error: {broken_policies / 'broken.rego'}: ban 'broken-after-push'")
    assert policy_ids(private_opa.url) == ["someone/else.rego"]
    # another client's --no-push run reads nothing this run pushed
    later = run_enforcer(
        "check", KASPERSKY_SBOM, "--engine", "opa-server", "--opa-url", private_opa.url, "--no-push", timeout=60
    )
    assert later.code == 3
    assert later.error_line() == (
        f"enforcer: error: OPA server {private_opa.url}: data.enforcer.contract_version is undefined: the server"
        " has no enforcer decision library loaded (load the policies as a bundle, or drop --no-push)"
    )


def test_a_push_that_fails_part_way_deletes_what_went_in(private_opa: OpaServer, tmp_path: Path) -> None:
    broken = tmp_path / "zz-broken.rego"
    broken.write_text(
        "package enforcer.bans\n\nimport rego.v1\n\nbans contains x if {\n\ty := 1\n}\n", encoding="utf-8"
    )
    engine = OpaServerEngine(private_opa.url, timeout=30)
    with pytest.raises(PolicyCompileError):
        engine.load(find_modules([LIBRARY, broken]))
    assert ours(private_opa.url) == []  # before any close
    engine.close()


def test_an_engine_dropped_without_close_deletes_what_it_pushed(private_opa: OpaServer) -> None:
    engine = OpaServerEngine(private_opa.url, timeout=30)
    engine.load(find_modules([LIBRARY]))
    assert len(ours(private_opa.url)) == len(find_modules([LIBRARY]))
    del engine
    gc.collect()
    assert ours(private_opa.url) == []


def test_close_goes_on_past_an_id_someone_else_deleted(private_opa: OpaServer) -> None:
    put_policy(private_opa.url, "someone/else.rego", OTHER)
    modules = [PolicyModule(f"m{n}.rego", f"package p{n}\n\nx := {n}\n") for n in range(3)]
    engine = OpaServerEngine(private_opa.url, timeout=30)
    engine.load(modules)
    delete_policy(private_opa.url, engine.pushed[-1])  # the newest, the first close deletes
    engine.close()
    assert policy_ids(private_opa.url) == ["someone/else.rego"]
    assert engine.left_behind == []
    engine.close()  # twice is fine


def test_a_server_gone_at_close_is_not_waited_on(private_opa: OpaServer) -> None:
    engine = OpaServerEngine(private_opa.url, timeout=2)
    engine.load([PolicyModule(f"m{n}.rego", f"package p{n}\n\nx := {n}\n") for n in range(3)])
    pushed = engine.pushed
    private_opa.stop()
    started = time.monotonic()
    engine.close()
    assert time.monotonic() - started < 5
    assert sorted(engine.left_behind) == sorted(pushed)
