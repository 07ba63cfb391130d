"""`enforcer inventory ...` through the real entry point, on SQLite and PostgreSQL.

Each command is one call of `Inventory` and one render: these tests check
the command line's part (options, the store from --db / ENFORCER_DB / the
configuration, exit codes, one-line errors, outputs that never overwrite an
input) against the library's own answers.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from enforcer.inventory import Inventory
from tests.conftest import FIXTURES, ROOT, CliResult, write_cdx
from tests.inventory.components import CAMERA, LIB

KASPERSKY = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
NEW_BAN = """package enforcer.bans

import rego.v1

bans contains {
	"id": "test-left-pad",
	"vendor": "Left Pad Authors",
	"match": {"purls": ["pkg:npm/left-pad"]},
	"phases": [{"effect": "deny", "from": "2024-01-01", "summary": "a test ban"}],
	"scopes": ["us"],
}
"""
DAY = ("--as-of", "2026-01-15")


def _product(folder: Path, name: str, release: str, components: list[dict[str, Any]]) -> Path:
    root = {"type": "application", "name": name, "version": release, "bom-ref": "root"}
    dependencies = [{"ref": "root", "dependsOn": [c["bom-ref"] for c in components]}]
    return write_cdx(
        folder / f"{name}-{release}.json", components, metadata={"component": root}, dependencies=dependencies
    )


@pytest.fixture
def portfolio(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "sboms"
    folder.mkdir()
    return [
        _product(folder, "gate", "5", [CAMERA, LIB]),
        _product(folder, "plain", "1", [LIB]),
        KASPERSKY,
    ]


def _json(result: CliResult) -> Any:
    assert result.stderr == "" or "warning" in result.stderr, result.stderr
    return json.loads(result.stdout)


def test_add_then_ask(cli: Any, store_url: str, portfolio: list[Path]) -> None:
    db = ("--db", store_url)
    added = cli("inventory", "add", *portfolio, *db, "-f", "json")
    assert added.exit_code == 0, added.stderr
    assert {item["product"] for item in _json(added)["added"]} == {"gate", "plain", "acme-endpoint-agent"}
    again = cli("inventory", "add", portfolio[0], *db)
    assert again.exit_code == 0 and "1 already stored" in again.stdout

    listed = _json(cli("inventory", "list", *db, "-f", "json"))
    assert sorted(item["product"] for item in listed["products"]) == ["acme-endpoint-agent", "gate", "plain"]

    impact = cli("inventory", "impact", *db, *DAY, "--scope", "us", "-f", "json")
    assert impact.exit_code == 1  # denied products fail like `enforcer check`
    document = _json(impact)
    with Inventory(store_url) as inventory:
        expected = inventory.impact(as_of=dt.date(2026, 1, 15), scopes=["us"])
    assert [item["sbom"]["product"] for item in document["products"]] == [p.sbom.product for p in expected.products]
    assert {item["sbom"]["product"]: item["status"] for item in document["products"]} == {
        "acme-endpoint-agent": "deny",
        "gate": "deny",
    }
    never = cli("inventory", "impact", *db, *DAY, "--scope", "us", "--fail-on", "never")
    assert never.exit_code == 0 and "gate" in never.stdout

    found = _json(cli("inventory", "find", "Hangzhou Hikvision", *db, "-f", "json"))
    assert [item["sbom"]["product"] for item in found["products"]] == ["gate"]

    shown = cli("inventory", "show", "gate", *db)
    assert shown.exit_code == 0 and "gate: 1 release stored" in shown.stdout

    removed = cli("inventory", "remove", "plain", *db, "-f", "json")
    assert removed.exit_code == 0 and [item["product"] for item in _json(removed)["removed"]] == ["plain"]
    missing = cli("inventory", "show", "plain", *db)
    assert missing.exit_code == 3 and missing.stderr.startswith("enforcer: error: plain: no such product")
    assert missing.stderr.count("\n") == 1


def test_diff_and_calendar(cli: Any, tmp_path: Path, portfolio: list[Path]) -> None:
    db = ("--db", str(tmp_path / "store.db"))
    assert cli("inventory", "add", *portfolio, *db).exit_code == 0
    new = tmp_path / "next"
    new.mkdir()
    (new / "left_pad.rego").write_text(NEW_BAN, encoding="utf-8")
    change = ("--policy", ROOT / "policies", "--policy", new, "--base-policy", ROOT / "policies")
    diff = cli("inventory", "diff", *change, *db, *DAY, "--scope", "us", "-f", "json")
    assert diff.exit_code == 1  # left-pad is denied by the change
    changes = {(c["product"], c["ban"], c["change"]) for c in _json(diff)["findings"]}
    assert ("plain", "test-left-pad", "added") in changes and ("gate", "test-left-pad", "added") in changes
    same = cli("inventory", "diff", *db, *DAY, "--scope", "us")  # the shipped policies on both sides
    assert same.exit_code == 0

    calendar = cli("inventory", "calendar", *db, "--as-of", "2025-12-01", "--days", "60", "--scope", "us", "-f", "json")
    assert calendar.exit_code == 0
    entries = _json(calendar)["entries"]
    assert any(
        entry["ban"] == "us-fcc-22-84-equipment-authorization:hikvision"
        and [hit["product"] for hit in entry["products"]] == ["gate"]
        for entry in entries
    )


def test_the_store_comes_from_the_environment_and_the_configuration(
    cli: Any, tmp_path: Path, portfolio: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from_env = tmp_path / "env.db"
    monkeypatch.setenv("ENFORCER_DB", str(from_env))
    assert cli("inventory", "add", portfolio[1]).exit_code == 0
    assert from_env.exists()
    project = tmp_path / "project"
    project.mkdir()
    (project / "enforcer.toml").write_text('db = "portfolio.db"\n', encoding="utf-8")
    monkeypatch.delenv("ENFORCER_DB")
    monkeypatch.chdir(project)
    assert cli("inventory", "add", portfolio[0]).exit_code == 0
    assert (project / "portfolio.db").exists()  # relative to the configuration file
    listed = _json(cli("inventory", "list", "-f", "json"))
    assert [item["product"] for item in listed["products"]] == ["gate"]


def test_errors_are_one_line(cli: Any, tmp_path: Path, portfolio: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "store.db")
    both = cli("inventory", "add", portfolio[0], "--db", db, "--jobs", "2", "--dask", "tcp://127.0.0.1:1")
    assert both.exit_code == 2
    assert both.stderr == (
        "enforcer: error: --dask and --jobs contradict each other; give one; try 'enforcer inventory add --help'\n"
    )
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    partly = cli("inventory", "add", portfolio[1], broken, "--db", db)
    assert partly.exit_code == 3  # the others are stored
    assert "1 could not be read" in partly.stdout
    refused = cli("inventory", "impact", "--db", db, "-o", db)
    assert refused.exit_code == 2 and "would overwrite an input file" in refused.stderr
    password = cli("inventory", "list", "--db", "postgresql://someone:s3cret@127.0.0.1:1/x")
    assert password.exit_code == 3 and "s3cret" not in password.stderr and password.stderr.count("\n") == 1
    monkeypatch.setenv("ENFORCER_DB", "store\n.db")
    control = cli("inventory", "list")
    assert control.exit_code == 2
    assert control.stderr == "enforcer: error: ENFORCER_DB: a control character in the store's path or URL\n"


def test_an_answer_goes_to_a_file(cli: Any, tmp_path: Path, portfolio: list[Path]) -> None:
    db = ("--db", str(tmp_path / "store.db"))
    assert cli("inventory", "add", *portfolio, *db).exit_code == 0
    target = tmp_path / "impact.md"
    result = cli("inventory", "impact", *db, *DAY, "--scope", "us", "-f", "markdown", "-o", target)
    assert result.exit_code == 1 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("# Portfolio impact")


def test_the_command_line_imports_no_database_library() -> None:
    """Nor the inventory's commands, until one of them runs (or help lists them)."""
    names = "('sqlalchemy', 'alembic', 'psycopg', 'enforcer.cli.inventory', 'enforcer.cli.policy')"
    code = f"import sys, enforcer.cli; print(sorted(m for m in {names} if m in sys.modules))"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"
    listed = subprocess.run([sys.executable, "-m", "enforcer", "--help"], capture_output=True, text=True, check=True)
    assert "inventory" in listed.stdout and "policy" in listed.stdout


def test_standard_input_is_an_sbom_too(cli: Any, tmp_path: Path, portfolio: list[Path]) -> None:
    db = ("--db", str(tmp_path / "store.db"))
    first = cli("inventory", "add", "-", portfolio[1], *db, "-f", "json", input=portfolio[0].read_bytes())
    assert first.exit_code == 0, first.stderr
    assert sorted(item["product"] for item in _json(first)["added"]) == ["gate", "plain"]
    again = cli("inventory", "add", "-", *db, input=portfolio[0].read_bytes())
    assert again.exit_code == 0 and "1 already stored" in again.stdout
    empty = cli("inventory", "add", "-", *db, input=b"")
    assert empty.exit_code == 3 and "<stdin>: empty file" in empty.stdout


def test_impact_and_calendar_write_their_pages(cli: Any, tmp_path: Path, portfolio: list[Path]) -> None:
    from enforcer.inventory.html import render_html

    db = ("--db", str(tmp_path / "store.db"))
    assert cli("inventory", "add", *portfolio, *db).exit_code == 0
    page = tmp_path / "impact.html"
    impact = cli("inventory", "impact", *db, *DAY, "--scope", "us", "-f", "html", "-o", page)
    assert impact.exit_code == 1 and impact.stdout == ""  # the gate as with any format
    with Inventory(str(tmp_path / "store.db")) as inventory:
        same = inventory.impact((), as_of=dt.date(2026, 1, 15), scopes=["us"])
        calendar_answer = inventory.calendar(60, (), as_of=dt.date(2025, 12, 1), scopes=["us"])
    assert page.read_text(encoding="utf-8") == render_html(same)
    calendar = cli("inventory", "calendar", *db, "--as-of", "2025-12-01", "--days", "60", "--scope", "us", "-f", "HTML")
    assert calendar.exit_code == 0 and calendar.stdout == render_html(calendar_answer)
    assert calendar.stdout.startswith("<!DOCTYPE html>")
    other = cli("inventory", "diff", *db, "-f", "html")
    assert other.exit_code == 2 and other.stderr.count("\n") == 1 and "html" in other.stderr
