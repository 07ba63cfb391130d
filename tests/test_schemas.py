"""The committed JSON Schemas (schemas/) are generated from the contract's models, and `enforcer schema` prints them.

After a change to a model that is meant, run the tests with
`ENFORCER_UPDATE_SNAPSHOTS=1` to write the files anew, and review the diff.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from enforcer._choices import SCHEMA_FILES
from enforcer._models import CONTRACT_VERSION, REPORT_SCHEMA_VERSION
from enforcer.contract import bans
from enforcer.contract.schemas import MODELS, WAIVER_VERSION, generate
from tests.conftest import FIXTURES, ROOT

SCHEMAS = ROOT / "schemas"
UPDATE = os.environ.get("ENFORCER_UPDATE_SNAPSHOTS", "") == "1"


def committed(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((SCHEMAS / SCHEMA_FILES[name]).read_text(encoding="utf-8"))
    return document


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(committed(name), format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_the_committed_schema_is_what_the_model_generates(name):
    path = SCHEMAS / SCHEMA_FILES[name]
    text = generate(name)
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    model = MODELS[name][0]
    assert path.is_file(), f"{path} is missing: run the tests with ENFORCER_UPDATE_SNAPSHOTS=1 to write it"
    assert path.read_text(encoding="utf-8") == text, (
        f"schemas/{path.name} is not what {model.__module__}.{model.__name__} generates: run the tests with"
        " ENFORCER_UPDATE_SNAPSHOTS=1 to write it anew, review the diff, and bump the version in the file name"
        " if the change removes or renames a field or changes a type"
    )


def test_schemas_holds_these_files_and_no_others():
    assert sorted(path.name for path in SCHEMAS.iterdir()) == sorted(SCHEMA_FILES.values())


def test_each_file_is_named_with_the_version_it_describes():
    assert SCHEMA_FILES == {
        "report": f"report-{REPORT_SCHEMA_VERSION}.json",
        "ban": f"ban-{bans.CONTRACT_VERSION}.json",
        "waiver": f"waiver-{WAIVER_VERSION}.json",
    }
    assert str(bans.CONTRACT_VERSION) == CONTRACT_VERSION
    assert committed("report")["properties"]["schema_version"]["const"] == REPORT_SCHEMA_VERSION


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_each_schema_is_a_valid_json_schema_with_descriptions(name):
    schema = committed(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["description"] and schema["title"].endswith(f"version {SCHEMA_FILES[name].split('-')[1][:-5]}")


# -- the CLI ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_enforcer_schema_prints_the_committed_file(cli, name):
    result = cli("schema", name.upper() if name == "ban" else name)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (SCHEMAS / SCHEMA_FILES[name]).read_text(encoding="utf-8")


def test_enforcer_schema_of_an_unknown_name_is_a_usage_error(cli):
    result = cli("schema", "sarif")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "enforcer: error: NAME: 'sarif' is not one of report, ban, waiver; try 'enforcer schema --help'"
    )
    assert result.stdout == ""


def test_enforcer_schema_reads_the_file_without_pydantic():
    code = (
        "import sys, io, contextlib; from enforcer.cli import run\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out): code = run(['schema', 'waiver'])\n"
        "assert code == 0 and out.getvalue().startswith('{'), code\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('pydantic', 'pydantic_core')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- the ban and waiver schemas on real policies and waiver files ----------------------------------


def declared_bans(*paths: Path) -> list[dict[str, Any]]:
    """The ban table as the policies declare it: raw data, before any validation."""
    from enforcer.engine import create_engine
    from enforcer.policy import BANS_QUERY, find_modules

    with create_engine("embedded") as engine:
        engine.load(find_modules(list(paths)))
        raw = engine.query(BANS_QUERY)
    assert isinstance(raw, list) and raw
    return raw


def test_every_ban_the_policies_declare_follows_the_ban_schema():
    from enforcer.policy import shipped_policies

    raw = declared_bans(shipped_policies(), FIXTURES / "worked-example" / "policies")
    check = validator("ban")
    problems = {ban.get("id", "?"): [error.message for error in check.iter_errors(ban)] for ban in raw}
    assert {ban: found for ban, found in problems.items() if found} == {}
    assert any("covers" in ban for ban in raw) and any("covers" not in ban for ban in raw)  # contract 2 and 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda ban: ban.pop("phases"), "phases"),
        (lambda ban: ban.update(vendors=ban.pop("vendor")), "vendor"),
        (lambda ban: ban.update(reviewed="2024-13-45"), "reviewed"),
        (lambda ban: ban["covers"].update(kinds=["gadget"]), "kinds"),
    ],
    ids=["missing", "renamed", "bad-date", "unknown-kind"],
)
def test_a_broken_ban_breaks_the_schema(change, field):
    from enforcer.policy import shipped_policies

    ban = next(ban for ban in declared_bans(shipped_policies()) if "covers" in ban)
    assert not list(validator("ban").iter_errors(ban))
    change(ban)
    errors = list(validator("ban").iter_errors(ban))
    assert errors, ban
    assert any(field in error.message or field in error.json_path for error in errors), [e.message for e in errors]


def test_the_waiver_files_follow_the_waiver_schema_or_break_it_where_they_are_broken():
    from enforcer.policy.tables import _read_waiver_file  # the enforcer's reading: YAML dates stay strings

    check = validator("waiver")
    files = sorted((FIXTURES / "waivers").glob("*.yaml")) + sorted((FIXTURES / "waivers").glob("*.json"))
    files.append(FIXTURES / "worked-example" / "waivers.yaml")
    seen = {}
    for path in files:
        entries = _read_waiver_file(path)
        seen[path.name] = sorted({error.validator for entry in entries for error in check.iter_errors(entry)})
    broken = {name for name, errors in seen.items() if errors}
    assert broken == {"bad-date.yaml", "missing-field.json"}, seen
    assert seen["missing-field.json"] == ["required"]
