"""The opa-server engine against real OPA servers started on loopback."""

from __future__ import annotations

import datetime as dt
import json
import signal
import time
import urllib.request
from pathlib import Path

import msgspec
import pytest

from enforcer._errors import EngineConnectionError, EngineError, PolicyCompileError
from enforcer._run import Enforcer, Options
from enforcer.engine.interface import PolicyModule
from enforcer.engine.opa_server import OpaServerEngine, _data_path
from enforcer.policy import find_modules
from tests.conftest import FIXTURES, POLICIES, OpaServer, free_port

KASPERSKY_SBOM = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
LIBRARY = POLICIES / "enforcer"
KASPERSKY_BAN = POLICIES / "gov" / "us_commerce_icts_kaspersky.rego"
# The decision library and one ban: every push recompiles the server's modules,
# so the tests keep the set small.
SMALL_SET = ("-p", str(LIBRARY), "-p", str(KASPERSKY_BAN))

BANS = """package enforcer.bans

import rego.v1

bans contains {
	"id": "server-test-ban",
	"vendor": "Server Test",
	"match": {"organizations": ["AO Kaspersky Lab"]},
	"phases": [{"effect": "deny", "from": "2024-01-01", "summary": "test phase"}],
}
"""


def policy_ids(url: str) -> list[str]:
    with urllib.request.urlopen(f"{url}/v1/policies", timeout=5) as answer:
        return sorted(item["id"] for item in json.load(answer)["result"])


def put_policy(url: str, ident: str, text: str) -> None:
    request = urllib.request.Request(f"{url}/v1/policies/{ident}", data=text.encode(), method="PUT")
    with urllib.request.urlopen(request, timeout=5):
        pass


def delete_policy(url: str, ident: str) -> None:
    request = urllib.request.Request(f"{url}/v1/policies/{ident}", method="DELETE")
    with urllib.request.urlopen(request, timeout=5):
        pass


@pytest.fixture
def modules(tmp_path: Path) -> list[PolicyModule]:
    bans = tmp_path / "bans.rego"
    bans.write_text(BANS, encoding="utf-8")
    return find_modules([LIBRARY, bans])


def test_pushes_under_its_own_prefix_and_removes_only_that(opa_server: OpaServer, modules: list[PolicyModule]) -> None:
    put_policy(opa_server.url, "someone/else.rego", "package someone.else\n\nallow := true\n")
    try:
        engine = OpaServerEngine(opa_server.url)
        with engine:
            engine.load(modules)
            bans = engine.query("data.enforcer.bans.bans")
            pushed = engine.pushed
            during = policy_ids(opa_server.url)
        assert [ban["id"] for ban in bans] == ["server-test-ban"]
        assert len(pushed) == len(modules)
        assert all(ident.startswith("enforcer/") for ident in pushed)
        assert set(pushed) <= set(during) and "someone/else.rego" in during
        assert policy_ids(opa_server.url) == ["someone/else.rego"]
    finally:
        delete_policy(opa_server.url, "someone/else.rego")


def test_no_push_uses_what_the_server_has(opa_server: OpaServer, modules: list[PolicyModule]) -> None:
    with OpaServerEngine(opa_server.url) as loader:
        loader.load(modules)
        with OpaServerEngine(opa_server.url, push=False) as engine:
            engine.load([])
            assert engine.pushed == []
            assert [ban["id"] for ban in engine.query("data.enforcer.bans.bans")] == ["server-test-ban"]
        assert len(policy_ids(opa_server.url)) == len(modules)  # closing a no-push engine removes nothing


def test_no_push_without_the_library_is_a_clear_error(opa_server: OpaServer) -> None:
    with OpaServerEngine(opa_server.url, push=False) as engine, pytest.raises(EngineError) as error:
        engine.load([])
    assert str(error.value).startswith(f"OPA server {opa_server.url}: data.enforcer.contract_version is undefined")


def test_a_module_that_does_not_compile_names_its_file_and_line(opa_server: OpaServer, tmp_path: Path) -> None:
    broken = tmp_path / "broken.rego"
    broken.write_text(
        "package enforcer.bans\n\nimport rego.v1\n\nbans contains x if {\n\ty := 1\n}\n", encoding="utf-8"
    )
    engine = OpaServerEngine(opa_server.url)
    with engine, pytest.raises(PolicyCompileError) as error:
        engine.load(find_modules([LIBRARY, broken]))
    message = str(error.value)
    assert message.startswith(f"OPA server {opa_server.url}: {broken}:5:")
    assert "var x is unsafe" in message and "\n" not in message
    assert not [ident for ident in policy_ids(opa_server.url) if ident.startswith("enforcer/")]


def test_a_conflict_at_query_time_names_the_rule(opa_server: OpaServer, tmp_path: Path) -> None:
    conflict = tmp_path / "conflict.rego"
    conflict.write_text('package enforcer.bans\n\nvendor := "a"\n\nvendor := "b"\n', encoding="utf-8")
    with OpaServerEngine(opa_server.url) as engine:
        engine.load(find_modules([conflict]))
        with pytest.raises(EngineError) as error:
            engine.query("data.enforcer.bans.vendor")
    assert f"{conflict}:5:" in str(error.value)
    assert "conflicting values" in str(error.value)


def test_modules_that_depend_on_each_other_are_pushed_in_any_order(opa_server: OpaServer, tmp_path: Path) -> None:
    (tmp_path / "a.rego").write_text("package p\n\nuses := data.q.helper(2)\n", encoding="utf-8")
    (tmp_path / "b.rego").write_text("package q\n\nhelper(x) := x * 21\n", encoding="utf-8")
    with OpaServerEngine(opa_server.url) as engine:
        engine.load(find_modules([tmp_path]))
        assert engine.query("data.p.uses") == 42


def test_an_undefined_value_is_none(opa_server: OpaServer, modules: list[PolicyModule]) -> None:
    with OpaServerEngine(opa_server.url) as engine:
        engine.load(modules)
        assert engine.query("data.enforcer.no_such_rule") is None
        assert engine.query("data.enforcer.decide", {"findings": []}) == {}


def test_connection_refused_is_one_clear_line() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    started = time.monotonic()
    with OpaServerEngine(url, timeout=2) as engine, pytest.raises(EngineConnectionError) as error:
        engine.load([PolicyModule("x.rego", "package x\n")])
    assert str(error.value) == f"OPA server {url}: connection refused (is OPA running there?)"
    assert time.monotonic() - started < 5


def test_server_going_down_mid_run_is_a_clear_error_not_a_hang(
    private_opa: OpaServer, modules: list[PolicyModule]
) -> None:
    engine = OpaServerEngine(private_opa.url, timeout=2)
    engine.load(modules)
    assert engine.query("data.enforcer.contract_version") == "2"
    private_opa.stop()
    started = time.monotonic()
    with pytest.raises(EngineConnectionError) as error:
        engine.query("data.enforcer.decide", {"findings": []})
    assert str(error.value) == f"OPA server {private_opa.url}: connection refused (is OPA running there?)"
    assert time.monotonic() - started < 5
    engine.close()  # the server is gone: closing gives up quietly


def test_a_server_that_stops_answering_times_out(private_opa: OpaServer, modules: list[PolicyModule]) -> None:
    # the policies go in with a generous timeout (a busy machine may take more than 0.5 s to
    # compile them); the query that meets the stopped server has the short one
    loader = OpaServerEngine(private_opa.url, timeout=60)
    loader.load(modules)
    engine = OpaServerEngine(private_opa.url, timeout=0.5, push=False)
    private_opa.process.send_signal(signal.SIGSTOP)
    started = time.monotonic()
    try:
        with pytest.raises(EngineConnectionError) as error:
            engine.query("data.enforcer.contract_version")
    finally:
        private_opa.process.send_signal(signal.SIGCONT)
    assert str(error.value) == f"OPA server {private_opa.url}: no answer within 0.5 s (--opa-timeout)"
    assert time.monotonic() - started < 5
    engine.close()
    loader.close()


@pytest.mark.parametrize("token", [None, "wrong-token"], ids=["no-token", "wrong-token"])
def test_a_refused_token_is_a_clear_error(token_opa: OpaServer, modules: list[PolicyModule], token: str | None) -> None:
    with OpaServerEngine(token_opa.url, opa_token=token) as engine, pytest.raises(EngineConnectionError) as error:
        engine.load(modules)
    message = str(error.value)
    assert message.startswith(f"OPA server {token_opa.url}: unauthorized")
    assert message.endswith("(check --opa-token or ENFORCER_OPA_TOKEN)")


def test_a_refused_token_on_a_query(token_opa: OpaServer) -> None:
    with OpaServerEngine(token_opa.url, opa_token="wrong-token", push=False) as engine:
        with pytest.raises(EngineConnectionError) as error:
            engine.query("data.enforcer.decide", {"findings": []})
    assert str(error.value).startswith(f"OPA server {token_opa.url}: HTTP 401 unauthorized")


def test_the_right_token_is_let_in(token_opa: OpaServer, modules: list[PolicyModule]) -> None:
    with OpaServerEngine(token_opa.url, opa_token="s3cret-token") as engine:
        engine.load(modules)
        assert [ban["id"] for ban in engine.query("data.enforcer.bans.bans")] == ["server-test-ban"]


def test_tls_needs_a_trusted_certificate(tls_opa: tuple[OpaServer, Path], modules: list[PolicyModule]) -> None:
    server, _ = tls_opa
    with OpaServerEngine(server.url) as engine, pytest.raises(EngineConnectionError) as error:
        engine.load(modules)
    assert (
        str(error.value) == f"OPA server {server.url}: TLS certificate not trusted (give --ca-cert FILE, or --insecure)"
    )


@pytest.mark.parametrize("how", ["ca-cert", "insecure"])
def test_tls_with_a_ca_bundle_or_insecure(
    tls_opa: tuple[OpaServer, Path], modules: list[PolicyModule], how: str
) -> None:
    server, cert = tls_opa
    options = {"ca_cert": str(cert)} if how == "ca-cert" else {"tls_verify": False}
    with OpaServerEngine(server.url, **options) as engine:
        engine.load(modules)
        assert engine.query("data.enforcer.contract_version") == "2"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://127.0.0.1:8181", "not an http:// or https:// URL"),
        ("http://127.0.0.1:port", "the port is not a number"),
    ],
    ids=["scheme", "port"],
)
def test_a_bad_url(url: str, message: str) -> None:
    with pytest.raises(EngineError) as error:
        OpaServerEngine(url)
    assert str(error.value) == f"OPA server {url}: {message}"


@pytest.mark.parametrize(
    ("query", "path"),
    [
        ("data.enforcer.decide", "enforcer/decide"),
        ('data.enforcer["bans"].bans', "enforcer/bans/bans"),
        ('data["a.b"].c', "a%2Eb/c"),
        ("data", ""),
        ("data.x == 1", None),
        ("input.x", None),
    ],
    ids=["dotted", "bracket", "dot-in-segment", "root", "expression", "input"],
)
def test_queries_map_to_data_api_paths(query: str, path: str | None) -> None:
    assert _data_path(query) == path


def test_the_whole_run_matches_the_embedded_engine(opa_server: OpaServer) -> None:
    results = {}
    for engine, options in (("opa-server", {"opa_url": opa_server.url}), ("embedded", {})):
        options_ = Options(
            policies=[LIBRARY, KASPERSKY_BAN], as_of=dt.date(2024, 10, 1), engine=engine, engine_options=options
        )
        with Enforcer(options_) as enforcer:
            result = enforcer.run([str(KASPERSKY_SBOM)])
        results[engine] = [msgspec.to_builtins(finding) for sbom in result.sboms for finding in sbom.findings]
    assert results["opa-server"] == results["embedded"]
    assert results["embedded"]
    assert not [ident for ident in policy_ids(opa_server.url) if ident.startswith("enforcer/")]


def test_cli_check_on_the_server(cli, opa_server: OpaServer) -> None:
    result = cli(
        "check",
        KASPERSKY_SBOM,
        *SMALL_SET,
        "--as-of",
        "2024-10-01",
        "--engine",
        "opa-server",
        "--opa-url",
        opa_server.url,
    )
    assert result.exit_code == 1
    assert "deny" in result.stdout


def test_cli_unreachable_server_exits_3_with_one_line(cli) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    result = cli("check", KASPERSKY_SBOM, "--engine", "opa-server", "--opa-url", url)
    assert result.exit_code == 3
    assert result.stderr == f"enforcer: error: OPA server {url}: connection refused (is OPA running there?)\n"


def test_cli_token_from_the_environment(cli, token_opa: OpaServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENFORCER_OPA_TOKEN", "s3cret-token")
    result = cli(
        "check",
        KASPERSKY_SBOM,
        *SMALL_SET,
        "--as-of",
        "2024-10-01",
        "--engine",
        "opa-server",
        "--opa-url",
        token_opa.url,
    )
    assert result.exit_code == 1, result.stderr


def test_a_path_prefix_rides_along() -> None:
    engine = OpaServerEngine("https://gw.example.com/opa/")
    assert engine._client.root_url == "https://gw.example.com:443/opa/v1"
    engine.close()
