"""The opa engine: the real `opa` binary, one process per query."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import msgspec
import pytest

from enforcer._errors import EngineConnectionError, EngineError, PolicyCompileError
from enforcer._run import Enforcer, Options
from enforcer.engine.interface import PolicyModule
from enforcer.engine.opa_cli import OpaCliEngine, find_opa, opa_check
from enforcer.policy import find_modules
from tests.conftest import FIXTURES, POLICIES, write_cdx

LIBRARY = POLICIES / "enforcer"
KASPERSKY_BAN = POLICIES / "gov" / "us_commerce_icts_kaspersky.rego"


def test_answers_like_the_embedded_engine(opa_binary: str) -> None:
    results = {}
    for engine, options in (("opa", {"opa_binary": opa_binary}), ("embedded", {})):
        run = Options(
            policies=[LIBRARY, KASPERSKY_BAN], as_of=dt.date(2024, 10, 1), engine=engine, engine_options=options
        )
        with Enforcer(run) as enforcer:
            result = enforcer.run([str(FIXTURES / "sboms" / "kaspersky-supplier.cdx.json")])
        results[engine] = [msgspec.to_builtins(finding) for sbom in result.sboms for finding in sbom.findings]
    assert results["opa"] == results["embedded"]
    assert [finding["verdict"] for finding in results["opa"]] == ["deny"]


def test_an_undefined_value_is_none_and_false_is_false(opa_binary: str) -> None:
    with OpaCliEngine(opa_binary) as engine:
        engine.load([PolicyModule("p.rego", "package p\n\nno := false\n")])
        assert engine.query("data.p.missing") is None
        assert engine.query("data.p.no") is False
        assert engine.query("data.p", {"x": 1}) == {"no": False}


def test_one_process_per_query_not_per_component(opa_binary: str, tmp_path: Path, cli) -> None:
    """A wrapper around the real binary logs each run: the count does not grow with the components."""
    log = tmp_path / "calls.log"
    wrapper = tmp_path / "opa"
    wrapper.write_text(f'#!/bin/sh\necho "$1" >> "{log}"\nexec "{opa_binary}" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    components = [{"name": f"lib-{n}", "supplier": {"name": "AO Kaspersky Lab"}} for n in range(300)]
    sbom = write_cdx(tmp_path / "many.cdx.json", components)
    result = cli(
        "check", sbom, "-p", LIBRARY, "-p", KASPERSKY_BAN, "--as-of", "2024-10-01",
        "--engine", "opa", "--opa-binary", wrapper,
    )  # fmt: skip
    assert result.exit_code == 1, result.stderr
    calls = log.read_text().split()
    assert calls.count("eval") == 3  # bans, waivers, the batched decisions
    assert calls.count("check") == 1
    assert len(calls) <= 6


def test_a_compile_error_names_the_module_not_the_copy(opa_binary: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.rego"
    broken.write_text("package p\n\nimport rego.v1\n\nr if {\n\tx == 1\n}\n", encoding="utf-8")
    with OpaCliEngine(opa_binary) as engine, pytest.raises(PolicyCompileError) as error:
        engine.load(find_modules([broken]))
    assert str(error.value).startswith(f"{broken}:6:")
    assert "var x is unsafe" in str(error.value)


def test_a_conflict_names_the_module(opa_binary: str, tmp_path: Path) -> None:
    conflict = tmp_path / "conflict.rego"
    conflict.write_text('package p\n\nv := "a"\n\nv := "b"\n', encoding="utf-8")
    with OpaCliEngine(opa_binary) as engine:
        engine.load(find_modules([conflict]))
        with pytest.raises(EngineError) as error:
            engine.query("data.p.v")
    message = str(error.value)
    assert message.startswith(f"opa engine: data.p.v: {conflict}:5:")
    assert "tmp" not in message.replace(str(tmp_path), "")
    assert "\n" not in message


@pytest.mark.parametrize("name", ["missing", "not-executable"])
def test_a_missing_binary_is_a_clear_error(name: str, tmp_path: Path) -> None:
    binary = tmp_path / name
    if name == "not-executable":
        binary.write_text("#!/bin/sh\n", encoding="utf-8")
        binary.chmod(0o644)
    with pytest.raises(EngineConnectionError) as error:
        OpaCliEngine(str(binary))
    assert str(error.value) == f"opa engine: {binary}: no such executable"


def test_no_binary_anywhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OPA", str(tmp_path / "missing"))
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("enforcer.engine.opa_cli.LOCAL_OPA", tmp_path / "missing-too")
    assert find_opa() is None
    with pytest.raises(EngineConnectionError) as error:
        OpaCliEngine()
    assert "no OPA 1.x binary found" in str(error.value)


def test_cli_with_a_missing_binary_exits_3(cli, tmp_path: Path) -> None:
    sbom = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
    result = cli("check", sbom, "--engine", "opa", "--opa-binary", tmp_path / "opa")
    assert result.exit_code == 3
    assert result.stderr == f"enforcer: error: opa engine: {tmp_path / 'opa'}: no such executable\n"


def test_a_binary_that_is_not_opa(tmp_path: Path) -> None:
    fake = tmp_path / "opa"
    fake.write_text("#!/bin/sh\necho hello\n", encoding="utf-8")
    fake.chmod(0o755)
    with pytest.raises(EngineConnectionError) as error:
        OpaCliEngine(str(fake))
    assert str(error.value) == f"opa engine: {fake}: does not run as `opa version`"


def test_opa_check_lists_every_error(opa_binary: str, tmp_path: Path) -> None:
    one = tmp_path / "one.rego"
    one.write_text("package one\n\nimport rego.v1\n\nr if x\n", encoding="utf-8")
    two = tmp_path / "two.rego"
    two.write_text("package two\n\nimport rego.v1\n\ns if y\n", encoding="utf-8")
    problems = opa_check(opa_binary, find_modules([one, two]))
    assert sorted(problems) == sorted(
        [f"{one}:5:6: var x is unsafe (rego_unsafe_var_error)", f"{two}:5:6: var y is unsafe (rego_unsafe_var_error)"]
    )
    assert opa_check(opa_binary, find_modules([LIBRARY])) == []


def test_the_engine_cleans_its_copies(opa_binary: str) -> None:
    engine = OpaCliEngine(opa_binary)
    engine.load(find_modules([LIBRARY]))
    copies = list(engine._files)
    assert copies and all(os.path.isfile(copy) for copy in copies)
    engine.close()
    assert not any(os.path.exists(copy) for copy in copies)
