"""Thousands of bans load in seconds on the embedded engine, and as the same set OPA gives.

rego-cpp builds a set of objects in time quadratic in its size (it computes
the key of every member again for each one it adds): 3,000 bans took 99 s.
Members that modules state as literals are read as arrays instead, and
merged as a set here (each once, in Rego's order).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import orjson
import pytest

from enforcer._errors import PolicyCompileError
from enforcer.engine.embedded import EmbeddedEngine
from enforcer.engine.opa_cli import OpaCliEngine
from enforcer.policy import BANS_QUERY, find_modules
from tests.conftest import POLICIES
from tests.engine._hostile import LIBRARY


def _ban(number: int) -> dict[str, object]:
    return {
        "id": f"generated-{number:05d}",
        "vendor": f"Vendor {number}",
        "match": {"organizations": [f"Vendor {number} Ltd"], "domains": [f"vendor{number}.example"]},
        "phases": [{"effect": "deny", "from": "2024-01-01", "summary": "generated"}],
        "scopes": ["us"],
    }


def generate(directory: Path, count: int, *, per_file: int) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for first in range(0, count, per_file):
        rules = [f"bans contains {json.dumps(_ban(n), indent=1)}" for n in range(first, min(count, first + per_file))]
        text = "package enforcer.bans\n\nimport rego.v1\n\n" + "\n\n".join(rules) + "\n"
        (directory / f"bans_{first:05d}.rego").write_text(text, encoding="utf-8")
    return directory


def test_three_thousand_bans_load_in_seconds(tmp_path: Path) -> None:
    generate(tmp_path / "one-per-file", 2000, per_file=1)
    generate(tmp_path / "one-file", 3000, per_file=3000)
    modules = find_modules([tmp_path / "one-per-file", tmp_path / "one-file", LIBRARY])
    engine = EmbeddedEngine()
    engine.load(modules)
    started = time.monotonic()
    bans = engine.query(BANS_QUERY)
    elapsed = time.monotonic() - started
    # the first 2,000 are in both directories: a set holds each once
    assert [ban["id"] for ban in bans] == [f"generated-{n:05d}" for n in range(3000)]
    assert elapsed < 30, f"{elapsed:.1f} s"  # 99 s before


#: what the literal reading must get right: duplicates, equal numbers, rules that are not literals
MIXED = {
    "a.rego": """package enforcer.bans

import rego.v1

bans contains {"id": "same", "n": 1}

bans contains {"id": "same", "n": 1.0}

bans contains {"id": "raw", "text": `a "raw" string`, "list": [3, -2, true, null, 1.5e3]}

bans contains "a plain string"
""",
    "b.rego": """package enforcer.bans

import rego.v1

# a literal member and a rule in one module: the module is evaluated whole
bans contains {"id": "same", "n": 1}

bans contains {"id": concat("-", ["built", "here"])}

helper := 2
""",
    "c.rego": """package enforcer.bans

import future.keywords.contains

bans contains {"id": "zz-last", "nested": {"b": [1, 2], "a": {}}}
""",
    "d.rego": """package enforcer.bans

import rego.v1

bans contains ban if {
	some n in numbers.range(1, 2)
	ban := {"id": sprintf("computed-%d", [n]), "n": n * data.enforcer.bans.helper}
}
""",
}


def test_the_literal_reading_gives_the_set_opa_gives(tmp_path: Path, opa_binary: str) -> None:
    for name, text in MIXED.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    modules = find_modules([tmp_path])
    embedded = EmbeddedEngine()
    embedded.load(modules)
    assert embedded.policy_text().literal_split(BANS_QUERY) is not None  # the literal reading applies
    with OpaCliEngine(opa_binary) as opa:
        opa.load(modules)
        expected = opa.query(BANS_QUERY)
    found = embedded.query(BANS_QUERY)
    assert _canonical(found) == _canonical(expected)
    assert len(found) == len(expected) == 7


def test_the_shipped_ban_table_is_the_one_opa_gives(opa_binary: str) -> None:
    modules = find_modules([POLICIES])
    embedded = EmbeddedEngine()
    embedded.load(modules)
    with OpaCliEngine(opa_binary) as opa:
        opa.load(modules)
        expected = opa.query(BANS_QUERY)
    assert _canonical(embedded.query(BANS_QUERY)) == _canonical(expected)


def test_a_literal_that_does_not_compile_is_reported_at_its_place(tmp_path: Path) -> None:
    bad = tmp_path / "bad.rego"
    bad.write_text('package enforcer.bans\n\nimport rego.v1\n\nbans contains {"id": "x\\q"}\n', encoding="utf-8")
    engine = EmbeddedEngine()
    engine.load(find_modules([tmp_path]))
    with pytest.raises(PolicyCompileError) as error:
        engine.query(BANS_QUERY)
    assert str(error.value).startswith(f"{bad}:5:16: ")


def _canonical(values: list[object]) -> list[bytes]:
    def normal(value: object) -> object:
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, list):
            return [normal(item) for item in value]
        if isinstance(value, dict):
            return {key: normal(item) for key, item in value.items()}
        return value

    return sorted(orjson.dumps(normal(value), option=orjson.OPT_SORT_KEYS) for value in values)
