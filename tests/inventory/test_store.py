"""The store: adding, releases, duplicates, removal, hostile text, atomic SBOMs, schema, URLs and passwords."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from enforcer.inventory import Inventory, InventoryError, default_url
from enforcer.inventory._store import HEAD
from enforcer.inventory._text import escape, unescape
from tests.conftest import FIXTURES, ROOT, write_cdx

KASPERSKY = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
HOSTILE = 'Robert\'); DROP TABLE sbom;-- "x" ; \x00 nul \x01 soh \u2028 \U0001f600'


def sbom(path: Path, product: str, release: str, components: list[dict[str, Any]]) -> Path:
    root = {"type": "application", "name": product, "version": release, "bom-ref": "root"}
    return write_cdx(path, components, metadata={"component": root})


LIB = {"type": "library", "name": "left-pad", "version": "1.3.0", "purl": "pkg:npm/left-pad@1.3.0"}
AV = {
    "type": "application",
    "name": "endpoint-agent",
    "version": "11.0",
    "supplier": {"name": "AO Kaspersky Lab"},
    "bom-ref": "av",
}


def test_releases_latest_duplicates_and_replacement(store_url: str, tmp_path: Path) -> None:
    one = sbom(tmp_path / "a1.json", "shop", "1.0", [LIB])
    two = sbom(tmp_path / "a2.json", "shop", "2.0", [LIB, AV])
    other = sbom(tmp_path / "b.json", "billing", "7", [AV])
    with Inventory(store_url) as inventory:
        first = inventory.add([one, other])
        assert [(a.product, a.release, a.status) for a in first.added] == [
            ("shop", "1.0", "added"),
            ("billing", "7", "added"),
        ]
        second = inventory.add([two, one])
        assert [a.status for a in second.added] == ["added"] and len(second.duplicates) == 1
        assert second.duplicates[0].product == "shop" and second.duplicates[0].release == "1.0"
        listed = {item.product: item for item in inventory.list()}
        assert listed["shop"].releases == 2 and listed["shop"].latest.release == "2.0"
        shown = inventory.show("shop")
        assert [r.release for r in shown.releases] == ["1.0", "2.0"] and [r.latest for r in shown.releases] == [
            False,
            True,
        ]
        # the latest release decides by default; every release with all_releases
        assert {p.sbom.product for p in inventory.impact(as_of=_day("2025-01-01")).products} == {"shop", "billing"}
        every = inventory.impact(as_of=_day("2025-01-01"), all_releases=True, full=True)
        assert sorted((p.sbom.product, p.sbom.release) for p in every.products) == [
            ("billing", "7"),
            ("shop", "1.0"),
            ("shop", "2.0"),
        ]
        # the same release again with other bytes replaces it, and becomes the latest
        again = sbom(
            tmp_path / "a1b.json", "shop", "1.0", [LIB, {**LIB, "name": "right-pad", "purl": "pkg:npm/right-pad@1"}]
        )
        replaced = inventory.add([again])
        assert [a.status for a in replaced.added] == ["replaced"]
        shown = inventory.show("shop")
        assert [(r.release, r.latest, r.components) for r in shown.releases] == [("2.0", False, 2), ("1.0", True, 2)]
        # remove one release, then the product
        removed = inventory.remove("shop", "1.0")
        assert [r.release for r in removed.removed] == ["1.0"]
        assert inventory.show("shop").releases[-1].latest
        inventory.remove("shop")
        assert [item.product for item in inventory.list()] == ["billing"]
        with pytest.raises(InventoryError, match="no such product"):
            inventory.show("shop")


def _day(text: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text)


def test_product_and_release_override_and_defaults(store_url: str, tmp_path: Path) -> None:
    bare = write_cdx(tmp_path / "bare-thing.cdx.json", [LIB])
    with Inventory(store_url) as inventory:
        [added] = inventory.add([bare]).added
        assert added.product == "bare-thing" and added.release.startswith("sha256:") and len(added.release) == 19
        [named] = inventory.add([KASPERSKY], product="Kiosk", release="2026.1").added
        assert (named.product, named.release) == ("Kiosk", "2026.1")
        with pytest.raises(InventoryError, match="applies to one SBOM"):
            inventory.add([KASPERSKY, bare], release="x")
        with pytest.raises(InventoryError, match="jobs or dask"):
            inventory.add([bare], jobs=2, dask="tcp://127.0.0.1:1")
        # `-` is standard input, read once; pytest's is empty, which is a failure of that one input
        [failure] = inventory.add(["-"]).failures
        assert failure.path == "<stdin>" and failure.error


def test_hostile_names_are_stored_and_found_as_written(store_url: str, tmp_path: Path) -> None:
    evil = {**AV, "name": HOSTILE, "version": "1;DELETE", "supplier": {"name": "AO Kaspersky Lab"}, "bom-ref": HOSTILE}
    root = {"type": "application", "name": HOSTILE, "version": "'; --", "bom-ref": "root"}
    path = write_cdx(
        tmp_path / "evil.json",
        [evil, LIB],
        metadata={"component": root},
        dependencies=[{"ref": "root", "dependsOn": [HOSTILE]}],
    )
    with Inventory(store_url) as inventory:
        [added] = inventory.add([path]).added
        assert added.product == HOSTILE and added.release == "'; --"
        [product] = inventory.list()
        assert product.product == HOSTILE
        impact = inventory.impact(as_of=_day("2025-01-01"))
        [item] = impact.products
        assert item.sbom.product == HOSTILE
        assert {f.component.name for f in item.findings} == {HOSTILE}
        assert item.findings[0].component.path == (f"{HOSTILE}@'; --", f"{HOSTILE}@1;DELETE")
        found = inventory.find("Kaspersky Lab")
        assert [p.sbom.product for p in found.products] == [HOSTILE]
        assert inventory.stats()["sbom"] == 1  # nothing dropped a table
        inventory.remove(HOSTILE, "'; --")
        assert inventory.list() == []


def test_nul_is_escaped_in_the_tables(store_url: str, tmp_path: Path) -> None:
    """PostgreSQL text cannot hold NUL: the store keeps an escaped form, the answers the original."""
    path = sbom(tmp_path / "nul.json", "nul\x00app", "1", [{**LIB, "name": "a\x00b"}])
    with Inventory(store_url) as inventory:
        inventory.add([path])
        with inventory._engine.connect() as connection:
            names = set(connection.execute(sa.text("SELECT name FROM component")).scalars())
        assert "\x01a\x010b" in names and not any("\x00" in name for name in names)
        assert [item.product for item in inventory.list()] == ["nul\x00app"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_escape_round_trips(text: str) -> None:
    stored = escape(text)
    assert unescape(stored) == text
    assert "\x00" not in stored
    stored.encode("utf-8")  # no lone surrogate reaches a driver
    if "\x00" not in text and "\x01" not in text and stored == text:
        assert not stored.startswith("\x01")


def test_a_broken_sbom_is_reported_and_nothing_of_it_is_stored(store_url: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.cdx.json"
    broken.write_text('{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"name": "x",}]}')
    missing = tmp_path / "missing.json"
    good = sbom(tmp_path / "good.json", "good", "1", [LIB])
    with Inventory(store_url) as inventory:
        result = inventory.add([broken, good, missing])
        assert [a.product for a in result.added] == ["good"]
        assert [f.path for f in result.failures] == [str(broken), str(missing)]
        assert all("\n" not in f.error and f.error.startswith(f.path) for f in result.failures)
        assert result.exit_code == 3
        assert inventory.stats()["sbom"] == 1


def test_an_sbom_is_stored_whole_or_not_at_all(store_url: str, tmp_path: Path) -> None:
    """A write that fails half-way (a database trigger refuses a component row) leaves nothing behind."""
    first = sbom(tmp_path / "first.json", "first", "1", [LIB])
    second = sbom(tmp_path / "second.json", "second", "1", [AV, {**LIB, "name": "poison", "purl": "pkg:npm/poison@1"}])
    with Inventory(store_url) as inventory:
        inventory.add([first])
        before = inventory.stats()
        with inventory._engine.begin() as connection:
            if inventory.dialect == "sqlite":
                connection.exec_driver_sql(
                    "CREATE TRIGGER poison BEFORE INSERT ON component WHEN NEW.name = 'poison'"
                    " BEGIN SELECT RAISE(ABORT, 'poisoned component'); END"
                )
            else:
                connection.exec_driver_sql(
                    "CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    " IF NEW.name = 'poison' THEN RAISE EXCEPTION 'poisoned component'; END IF; RETURN NEW; END $$"
                )
                connection.exec_driver_sql(
                    "CREATE TRIGGER poison BEFORE INSERT ON component FOR EACH ROW EXECUTE FUNCTION poison()"
                )
        with pytest.raises(InventoryError, match="poisoned component") as error:
            inventory.add([second])
        assert "\n" not in str(error.value)
        assert inventory.stats() == before


# -- URLs, passwords, the default place -------------------------------------------------------------


def test_the_default_store_is_a_file_under_the_data_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ENFORCER_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_url() == str(tmp_path / "data" / "enforcer" / "inventory.db")
    with Inventory() as inventory:
        assert inventory.url == str(tmp_path / "data" / "enforcer" / "inventory.db")
    assert (tmp_path / "data" / "enforcer" / "inventory.db").is_file()
    monkeypatch.setenv("ENFORCER_DB", str(tmp_path / "other.db"))
    assert default_url() == str(tmp_path / "other.db")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u:s3cret@host/db", "unsupported database"),
        ("sqlite://", "give the store a file"),
        ("/no/such/folder/x.db", "no such directory"),
    ],
)
def test_unusable_urls_are_one_line(url: str, message: str) -> None:
    with pytest.raises(InventoryError, match=message) as error:
        Inventory(url)
    assert "s3cret" not in str(error.value) and "\n" not in str(error.value)


def test_a_file_that_is_no_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "text.db"
    path.write_text("not a database, just text " * 100)
    with pytest.raises(InventoryError, match="file is not a database"):
        Inventory(path)


def test_the_password_never_shows(pg_server: str, pg_url: str, caplog: pytest.LogCaptureFixture) -> None:
    from sqlalchemy.engine import make_url

    caplog.set_level(logging.DEBUG)
    right = make_url(pg_url)
    password = right.password
    assert password
    with Inventory(pg_url) as inventory:
        assert str(password) not in inventory.url and str(password) not in repr(inventory)
        assert "***" in inventory.url
    wrong = right.set(password="Wr0ng-pa55word-%/@:").render_as_string(hide_password=False)
    for url, secret in (
        (wrong, "Wr0ng-pa55word"),
        (right.set(database="no_such_db").render_as_string(hide_password=False), str(password)),
    ):
        with pytest.raises(InventoryError) as error:
            Inventory(url)
        text = str(error.value)
        assert secret not in text and "\n" not in text, text
        assert error.value.__cause__ is None and error.value.__suppress_context__
    assert str(password) not in caplog.text and "Wr0ng-pa55word" not in caplog.text


def test_a_url_that_does_not_parse_hides_its_password() -> None:
    with pytest.raises(InventoryError) as error:
        Inventory("postgresql://user:hunter2@[broken")
    assert "hunter2" not in str(error.value)


# -- the schema ---------------------------------------------------------------------------------------


def test_migrations_build_exactly_the_described_schema(store_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from enforcer.inventory._schema import metadata
    from enforcer.inventory._store import _alembic_config

    assert ScriptDirectory.from_config(_alembic_config()).get_current_head() == HEAD
    with Inventory(store_url) as inventory:
        assert inventory.schema_revision == HEAD
        with inventory._engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_an_older_store_is_upgraded_with_its_data(store_url: str, tmp_path: Path) -> None:
    """A store of schema 1 (as the previous release wrote it: no match cache) opens, upgraded, with its SBOMs."""
    from alembic import command

    from enforcer.inventory._store import _alembic_config

    path = sbom(tmp_path / "old.json", "old", "1", [AV])
    with Inventory(store_url) as inventory:
        inventory.add([path])
        expected = inventory.impact(as_of=_day("2025-01-01")).products
        with inventory._engine.begin() as connection:
            config = _alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
    with pytest.raises(InventoryError, match="the store has schema 0001"):
        Inventory(store_url, upgrade=False)
    with Inventory(store_url) as inventory:  # upgrades
        assert inventory.schema_revision == HEAD
        assert inventory.impact(as_of=_day("2025-01-01")).products == expected
    assert [item.sbom.product for item in expected] == ["old"]


def test_a_newer_store_is_refused_in_one_line(store_url: str) -> None:
    with Inventory(store_url) as inventory, inventory._engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(InventoryError) as error:
        Inventory(store_url)
    text = str(error.value)
    assert "newer than this enforcer knows" in text and "0099" in text and "\n" not in text


def test_a_database_of_something_else_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE product (id INTEGER PRIMARY KEY, price REAL)")
    engine.dispose()
    with pytest.raises(InventoryError, match="not an enforcer store"):
        Inventory(path)


def _driver(url: str) -> str:
    if "://" not in url:
        return f"sqlite:///{url}"
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


def test_import_enforcer_and_the_inventory_package_need_no_database_library() -> None:
    code = (
        "import sys, enforcer, enforcer.inventory, enforcer.inventory._workers, enforcer.inventory._pipeline;"
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'psycopg', 'distributed') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert json.loads(out.replace("'", '"')) == []


def test_two_writers_share_values_without_duplicates(store_url: str, tmp_path: Path) -> None:
    """A writer that knows every stored value still sees what another writer stored in between."""
    common = {**AV, "name": "shared-lib", "bom-ref": "s", "supplier": {"name": "Shared Supplier"}}
    first = sbom(tmp_path / "one.json", "one", "1", [LIB])
    second = sbom(tmp_path / "two.json", "two", "1", [common])
    third = sbom(tmp_path / "three.json", "three", "1", [common, LIB])
    with Inventory(store_url) as writer, Inventory(store_url) as other:
        writer.add([first])  # the writer now holds every stored value in memory
        other.add([second])  # another writer stores `shared-lib` and its supplier
        writer.add([third])  # must find them stored, not store them again
        stats = writer.stats()
        with writer._engine.connect() as connection:
            names = connection.exec_driver_sql("SELECT name FROM component ORDER BY name").scalars().all()
    assert stats["sbom"] == 3
    assert names == ["left-pad", "one", "shared-lib", "three", "two"]
