"""An engine that answers "undefined" or "empty" for a ban table the policies define fails the run.

Undefined and defined-but-empty are told apart; a partial set is never
undefined, and one with literal members is never empty: an engine that says
otherwise is not evaluating these policies (a server without them, a load
balancer's replica, a broken binary). A redirect is never followed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from enforcer.engine.embedded import EmbeddedEngine
from enforcer.engine.interface import UnexpectedAnswerError
from enforcer.policy import BANS_QUERY, find_modules
from tests.conftest import OpaServer, start_opa_server
from tests.engine._hostile import (
    KASPERSKY_BAN,
    KASPERSKY_SBOM,
    LIBRARY,
    SMALL_SET,
    Behaviour,
    HostileServer,
    Request,
    answer,
    answering,
    clean_sbom,
    fake_opa,
    run_enforcer,
)

HINT = "does the server hold these policies? a load balancer may have sent the query to a replica without them"

EMPTY_BY_DESIGN = """package enforcer.bans

import rego.v1

# a ban that applies only when a flag in the data is set: none today
bans contains ban if {
	data.flags.enabled
	ban := {"id": "flagged", "vendor": "Flagged", "match": {"organizations": ["Flagged Ltd"]}, "phases": []}
}
"""


def _server_answering(data_answer: bytes) -> Callable[[Request], bytes]:
    """Policy uploads accepted; every data query answered with `data_answer`."""

    def pick(request: Request) -> bytes:
        if request.path.startswith("/v1/policies/"):
            return answer(200, b"{}")
        return answer(200, data_answer)

    return pick


@pytest.mark.parametrize(
    ("data_answer", "problem"),
    [
        (b"{}", f"data.enforcer.bans.bans is undefined, though the policies define it ({HINT})"),
        (b'{"result": []}', f"data.enforcer.bans.bans is empty, though the policies give it 1 literal member ({HINT})"),
    ],
    ids=["undefined", "empty"],
)
def test_a_server_without_the_bans_fails_the_run(
    hostile: Callable[[Behaviour], HostileServer], tmp_path: Path, data_answer: bytes, problem: str
) -> None:
    server = hostile(answering(_server_answering(data_answer)))
    run = run_enforcer(
        "check", KASPERSKY_SBOM, *SMALL_SET, "--engine", "opa-server", "--opa-url", server.url, timeout=60
    )
    assert run.code == 3, run.stderr
    assert run.error_line() == f"enforcer: error: OPA server {server.url}: {problem}"


def test_a_redirect_is_an_error_naming_where_it_points(hostile: Callable[[Behaviour], HostileServer]) -> None:
    replica = hostile(answering(_server_answering(b'{"result": []}')))

    def pick(request: Request) -> bytes:
        if request.path.startswith("/v1/policies/"):
            return answer(200, b"{}")
        return answer(307, b"", headers={"Location": f"{replica.url}{request.path}"})

    balancer = hostile(answering(pick))
    run = run_enforcer(
        "check", KASPERSKY_SBOM, *SMALL_SET, "--engine", "opa-server", "--opa-url", balancer.url, timeout=60
    )
    assert run.code == 3, run.stderr
    assert run.error_line() == (
        f"enforcer: error: OPA server {balancer.url}: data.enforcer.bans.bans: HTTP 307 redirect to"
        f" {replica.url}/v1/data/enforcer/bans/bans (the enforcer follows no redirect: give --opa-url the server"
        " that answers)"
    )
    assert not replica.requests, "the redirect was not followed"


@pytest.fixture
def library_only_opa(opa_binary: str, tmp_path: Path):
    """A real OPA server holding the decision library and no bans (a replica the bans never reached)."""
    server = start_opa_server(opa_binary, tmp_path / "opa.log", str(LIBRARY / "decide.rego"))
    yield server
    server.stop()


def test_a_real_server_without_the_bans_fails_a_no_push_run(library_only_opa: OpaServer) -> None:
    run = run_enforcer(
        "check",
        KASPERSKY_SBOM,
        *SMALL_SET,
        "--engine",
        "opa-server",
        "--opa-url",
        library_only_opa.url,
        "--no-push",
        "--as-of",
        "2024-10-01",
        timeout=60,
    )
    assert run.code == 3, run.stderr
    assert run.error_line() == (
        f"enforcer: error: OPA server {library_only_opa.url}: data.enforcer.bans.bans is undefined,"
        f" though the policies define it ({HINT})"
    )


@pytest.mark.parametrize(
    ("output", "problem"),
    [
        ("{}", "is undefined, though the policies define it"),
        ('{"result": [{"expressions": [{"value": [], "text": "data.enforcer.bans.bans"}]}]}', "is empty, though"),
    ],
    ids=["undefined", "empty"],
)
def test_an_opa_binary_without_the_bans_fails_the_run(tmp_path: Path, output: str, problem: str) -> None:
    opa = fake_opa(tmp_path, version="1.22.2", check="ok", eval=output)
    run = run_enforcer(
        "check",
        KASPERSKY_SBOM,
        *SMALL_SET,
        "--engine",
        "opa",
        "--opa-binary",
        opa,
        env={"ENFORCER_CACHE_DIR": "off"},
        timeout=60,
    )
    assert run.code == 3, run.stderr
    line = run.error_line()
    assert line.startswith(f"enforcer: error: opa engine: data.enforcer.bans.bans {problem}"), line
    assert line.endswith("(is the binary Open Policy Agent?)")


@pytest.mark.parametrize("engine", ["embedded", "opa"])
def test_a_set_that_is_empty_by_design_passes(tmp_path: Path, engine: str, opa_binary: str) -> None:
    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / "flagged.rego").write_text(EMPTY_BY_DESIGN, encoding="utf-8")
    run = run_enforcer(
        "check", clean_sbom(tmp_path), "-p", policies, "--engine", engine, "--opa-binary", opa_binary, timeout=60
    )
    assert run.code == 0, run.stderr


def test_a_kept_answer_is_checked_with_the_same_call(tmp_path: Path) -> None:
    engine = EmbeddedEngine()
    engine.load(find_modules([LIBRARY, KASPERSKY_BAN]))
    with pytest.raises(UnexpectedAnswerError, match="is empty, though the policies give it 1 literal member"):
        engine.check_answer(BANS_QUERY, [], source="the cached ban table")
    with pytest.raises(UnexpectedAnswerError, match="is undefined, though the policies define it"):
        engine.check_answer(BANS_QUERY, None, source="the cached ban table")
    engine.check_answer(BANS_QUERY, orjson.loads(orjson.dumps(engine.query(BANS_QUERY))))
    engine.check_answer("data.enforcer.waivers.waivers", None)  # no module defines waivers: undefined is fine
