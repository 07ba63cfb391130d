"""The synthetic portfolio: fed directly, the store gets exactly what reading the files would give."""

from __future__ import annotations

import statistics
from pathlib import Path

from enforcer.inventory import Inventory
from enforcer.inventory._pipeline import read_sbom
from fixtures import portfolio


def test_the_direct_feed_equals_reading_the_files(tmp_path: Path) -> None:
    world = portfolio.universe()
    paths = portfolio.write_files(40, tmp_path / "files")
    extractor = portfolio.Extractor(world)
    direct = [
        extractor.extracted(spec, str(path)) for spec, path in zip(portfolio.specs(40, 7, world), paths, strict=True)
    ]
    read = [read_sbom(str(path)) for path in paths]
    assert direct == read


def test_the_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    first = portfolio.write_files(5, tmp_path / "a")
    second = portfolio.write_files(5, tmp_path / "b")
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]
    other = portfolio.write_files(5, tmp_path / "c", seed=8)
    assert [path.read_bytes() for path in other] != [path.read_bytes() for path in first]


def test_the_portfolio_looks_like_a_portfolio() -> None:
    world = portfolio.universe()
    specs = list(portfolio.specs(400, 7, world))
    sizes = [len(spec.picks) for spec in specs]
    assert min(sizes) >= 50 and max(sizes) <= 2000 and 250 < statistics.mean(sizes) < 700
    products = {spec.product for spec in specs}
    assert 100 < len(products) < 250  # one to four releases each
    counts: dict[int, int] = {}
    for spec in specs:
        for package, _ in spec.picks:
            counts[package] = counts.get(package, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    assert ranked[0] > 0.8 * len(specs) and ranked[len(ranked) // 2] < 0.02 * len(specs)  # a few everywhere, most rare
    assert any(spec.hardware for spec in specs)
    banned = {world.packages.index(package) for _, package in portfolio.BANNED}
    assert any(package in banned for spec in specs for package, _ in spec.picks)


def test_the_fed_store_has_findings_of_the_government_pack(tmp_path: Path) -> None:
    url = str(tmp_path / "fed.db")
    portfolio.feed(url, 120)
    with Inventory(url) as inventory:
        assert inventory.stats()["sbom"] == 120
        result = inventory.impact(all_releases=True)
    # the devices of the portfolio (Hikvision, Dahua, Hytera cameras and radios) are what the equipment bans cover
    found = {ban.split(":")[0] for item in result.products for ban in item.bans}
    assert found >= {"us-fcc-22-84-equipment-authorization", "us-ndaa-fy2019-sec889"}
