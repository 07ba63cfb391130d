"""diff, calendar and find, the match cache, and another engine: each agrees with plain `impact`."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from enforcer._vendor import SpotCheckError
from enforcer.inventory import ImpactResult, Inventory
from tests.conftest import FIXTURES, POLICIES, write_cdx
from tests.inventory.components import CAMERA, LIB, NORTHWIND

KASPERSKY = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
#: a drone: the 2025 listing of foreign-made drones covers the equipment (DJI's SDK, a library, it does not)
DJI = {
    "type": "device",
    "name": "mavic-3-pro",
    "version": "4.16.4",
    "manufacturer": {"name": "SZ DJI Technology Co., Ltd."},
    "bom-ref": "dji",
}
DJI_SDK = {
    "type": "library",
    "name": "dji-sdk",
    "version": "4.16.4",
    "purl": "pkg:maven/com.dji/dji-sdk@4.16.4",
    "bom-ref": "dji-sdk",
}

NEW_BAN = """package enforcer.bans

import rego.v1

bans contains {
	"id": "test-northwind-2025",
	"vendor": "Northwind Devices",
	"match": {"organizations": ["Northwind Devices Inc."]},
	"phases": [{"effect": "deny", "from": "2025-01-01", "summary": "test ban of Northwind devices"}],
	"scopes": ["us"],
}
"""


def _product(folder: Path, name: str, release: str, components: list[dict[str, Any]]) -> Path:
    root = {"type": "application", "name": name, "version": release, "bom-ref": "root"}
    dependencies = [{"ref": "root", "dependsOn": [c["bom-ref"] for c in components]}]
    return write_cdx(
        folder / f"{name}-{release}.json", components, metadata={"component": root}, dependencies=dependencies
    )


@pytest.fixture
def stocked(store_url: str, tmp_path: Path) -> Inventory:
    files = [
        _product(tmp_path, "drone-app", "1", [DJI, DJI_SDK, LIB]),
        _product(tmp_path, "drone-app", "2", [LIB]),  # DJI dropped in the latest release
        _product(tmp_path, "gate", "5", [CAMERA, NORTHWIND, LIB]),
        _product(tmp_path, "plain", "1", [LIB]),
        _product(tmp_path, "edge", "1", [NORTHWIND, LIB]),  # nothing banned until the new pack's Northwind ban
        KASPERSKY,
    ]
    inventory = Inventory(store_url)
    assert not inventory.add(files).failures
    return inventory


@pytest.fixture(scope="module")
def new_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped policies with one ban gone (DJI/Autel), one added (Northwind) and one moved (Kaspersky, ICTS)."""
    folder = tmp_path_factory.mktemp("pack") / "policies"
    shutil.copytree(POLICIES, folder)
    (folder / "gov" / "us_fcc_covered_list_2025_12_uas.rego").unlink()
    (folder / "gov" / "us_fcc_covered_list_2025_12_uas_test.rego").unlink()
    (folder / "gov" / "test_northwind.rego").write_text(NEW_BAN, encoding="utf-8")
    icts = folder / "gov" / "us_commerce_icts_kaspersky.rego"
    text = icts.read_text(encoding="utf-8")
    icts.write_text(
        text.replace('"from": "2024-07-20"', '"from": "2030-07-20"').replace(
            '"from": "2024-09-29"', '"from": "2030-09-29"'
        )
    )
    return folder


def _statuses(result: ImpactResult) -> dict[tuple[str, str, str, str], str]:
    return {
        (item.sbom.product, item.sbom.release, f.ban, f.component.ref): f.status
        for item in result.products
        for f in item.findings
    }


def test_diff_equals_the_difference_of_two_impacts(stocked: Inventory, new_pack: Path) -> None:
    day = dt.date(2026, 1, 15)
    with stocked:
        # the Covered List's own ban of DJI binds US telecom providers (us-telecom)
        scopes = ["us", "us-telecom"]
        diff = stocked.diff([new_pack], [POLICIES], as_of=day, scopes=scopes, all_releases=True)
        before = _statuses(stocked.impact([POLICIES], as_of=day, scopes=scopes, all_releases=True, full=True))
        after = _statuses(stocked.impact([new_pack], as_of=day, scopes=scopes, all_releases=True, full=True))
    expected = {
        key: (before.get(key), after.get(key)) for key in set(before) | set(after) if before.get(key) != after.get(key)
    }
    got = {(c.product, c.release, c.ban, c.component.ref): (c.base, c.new) for c in diff.findings}
    assert got == expected
    changes = {c.change for c in diff.findings}
    assert changes == {"added", "removed", "changed"}
    assert ("gate", "5", "test-northwind-2025", "nw") in got and got["gate", "5", "test-northwind-2025", "nw"] == (
        None,
        "deny",
    )
    assert got["drone-app", "1", "us-fcc-covered-list-2025-12-uas:dji", "dji"] == ("deny", None)
    products = {(p.product, p.release): (p.base, p.new) for p in diff.products}
    assert products[("edge", "1")] == ("none", "deny")
    # still denied: the equipment-authorization ban of DJI's drones stays in the new pack
    assert ("drone-app", "1") not in products and ("plain", "1") not in products
    assert diff.exit_code == 1  # a finding gets worse (gate, edge: Northwind now denied)
    assert diff.sboms == 6


def test_calendar_lists_the_phases_and_whom_they_hit(stocked: Inventory) -> None:
    day = dt.date(2025, 12, 1)
    with stocked:
        calendar = stocked.calendar(60, as_of=day, scopes=["us"], all_releases=True)
        assert calendar.until == dt.date(2026, 1, 30)
        assert calendar.entries, "the pack has phases in December 2025"
        assert all("us" in entry.scopes for entry in calendar.entries)  # outside the selected scopes: not listed
        every = stocked.calendar(60, as_of=day, all_releases=True)
        assert {entry.ban for entry in every.entries} > {entry.ban for entry in calendar.entries}
        for entry in calendar.entries:
            assert day <= entry.date <= calendar.until
            on_the_day = stocked.impact(as_of=entry.date, scopes=["us"], all_releases=True, full=True)
            hit = {
                (item.sbom.product, item.sbom.release)
                for item in on_the_day.products
                for f in item.findings
                if f.ban == entry.ban
                and f.phase is not None
                and f.phase.date == entry.date
                and f.status in ("deny", "warn", "waived")
            }
            assert {(p.product, p.release) for p in entry.products} == hit, entry.ban
    named = {(e.ban, p.product) for e in calendar.entries for p in e.products}
    # for everyone in the US (scope us), DJI's drones are the equipment-authorization ban's from 2025-12-22
    assert ("us-fcc-22-84-equipment-authorization:dji", "drone-app") in named
    assert ("us-fcc-22-84-equipment-authorization:hikvision", "gate") in named
    assert all(p.product != "plain" for e in calendar.entries for p in e.products)


def test_find_uses_the_vendor_identity_rules(stocked: Inventory) -> None:
    with stocked:
        kaspersky = stocked.find("Kaspersky Lab")
        assert [p.sbom.product for p in kaspersky.products] == ["acme-endpoint-agent"]
        assert kaspersky.read_as == "organization" and kaspersky.keys == ["kaspersky lab"]
        dji_latest = stocked.find("pkg:maven/com.dji/dji-sdk")
        assert dji_latest.products == []  # the latest release of drone-app has no DJI SDK
        dji = stocked.find("pkg:maven/com.dji/dji-sdk", all_releases=True)
        assert [(p.sbom.product, p.sbom.release) for p in dji.products] == [("drone-app", "1")]
        [component] = dji.products[0].components
        assert component.component.path == ("drone-app@1", "dji-sdk@4.16.4") and component.matches[0].matcher == "purl"
        camera = stocked.find("Hangzhou Hikvision")  # a prefix of the manufacturer's name
        assert [p.sbom.product for p in camera.products] == ["gate"]
        assert camera.products[0].components[0].matches[0].matcher == "organization-prefix"
        assert camera.products[0].components[0].kind == "device"  # CycloneDX type, kept for contract 2
        assert dji.products[0].components[0].kind == "library"
        assert stocked.find("example.org").products == []
        with pytest.raises(SpotCheckError):
            stocked.find("   ")
        with pytest.raises(SpotCheckError):
            stocked.find("Kaspersky", kind="domain")


def test_the_match_cache_follows_new_sboms(stocked: Inventory, tmp_path: Path) -> None:
    import sqlalchemy as sa

    day = dt.date(2026, 1, 15)
    with stocked:
        first = stocked.impact(as_of=day, all_releases=True)
        assert "match values" in first.timings
        with stocked._engine.connect() as connection:
            scans = connection.execute(sa.text("SELECT count(*) FROM match_scan")).scalar_one()
        assert 0 < scans < len([b for b in first.bans if b.enabled])  # bans with the same identities share a scan
        again = stocked.impact(as_of=day, all_releases=True)
        assert "match values" not in again.timings  # nothing new to scan
        assert again.products == first.products
        stocked.add([_product(tmp_path, "late", "1", [DJI])])
        later = stocked.impact(as_of=day, all_releases=True)
        assert "match values" in later.timings  # the new values only
        assert ("late", "1") in {(p.sbom.product, p.sbom.release) for p in later.products}
        url = stocked.url if stocked.dialect == "sqlite" else None
    if url is not None:  # a store scanned from scratch agrees
        import msgspec

        fresh = tmp_path / "fresh.db"
        with Inventory(fresh) as other:
            other.add([item.sbom.path for item in reversed(first.products)] + [str(tmp_path / "late-1.json")])
            redone = other.impact(as_of=day, all_releases=True)
        assert _statuses(redone) == _statuses(later)
        assert msgspec.to_builtins(redone.bans) == msgspec.to_builtins(later.bans)


def test_another_engine_decides_alike(stocked: Inventory, opa_binary: str) -> None:
    day = dt.date(2026, 1, 15)
    with stocked:
        embedded = stocked.impact(as_of=day, all_releases=True, full=True)
        binary = stocked.impact(
            as_of=day, all_releases=True, full=True, engine="opa", engine_options={"opa_binary": opa_binary}
        )
    assert [item.findings for item in binary.products] == [item.findings for item in embedded.products]


def test_cached_paths_go_with_their_sbom(store_url: str, tmp_path: Path) -> None:
    """A path worked out once is read from the cache; a removed SBOM takes its cached paths with it."""
    import sqlalchemy as sa

    from enforcer._run import Enforcer, Options

    def product(folder: Path, chain: list[str]) -> Path:
        parts = [{"type": "library", "name": name, "version": "1", "bom-ref": name} for name in chain]
        parts.append({**DJI, "bom-ref": "dji"})
        root = {"type": "application", "name": "app", "version": "1", "bom-ref": "root"}
        refs = ["root", *chain, "dji"]
        dependencies = [{"ref": a, "dependsOn": [b]} for a, b in zip(refs, refs[1:], strict=False)]
        folder.mkdir()
        return write_cdx(folder / "app.json", parts, metadata={"component": root}, dependencies=dependencies)

    day = dt.date(2026, 1, 15)
    first = product(tmp_path / "a", ["outer", "inner"])
    second = product(tmp_path / "b", ["other", "next"])  # the drone at the same position
    with Inventory(store_url) as inventory:
        inventory.add([first])
        before = inventory.impact(as_of=day).products[0].findings[0].component.path
        assert before == ("app@1", "outer@1", "inner@1", "mavic-3-pro@4.16.4")
        with inventory._engine.connect() as connection:
            assert connection.execute(sa.text("SELECT count(*) FROM path_cache")).scalar_one() == 1
        again = inventory.impact(as_of=day).products[0].findings[0].component.path
        assert again == before  # read from the cache
        inventory.remove("app")
        inventory.add([second])  # takes the same SBOM id (the latest was removed)
        result = inventory.impact(as_of=day, full=True)
    with Enforcer(Options(as_of=day)) as enforcer:
        expected = enforcer.run([str(second)]).sboms[0].findings
    assert result.products[0].findings == expected
    assert expected[0].component.path == ("app@1", "other@1", "next@1", "mavic-3-pro@4.16.4")
