"""The portfolio the inventory's HTML tests render: real SBOMs in a real store, a real hostile ban.

Products: a drone app whose first release holds a DJI drone (its latest does
not), a gate controller with a Hikvision camera, a mobile shop with Huawei's
push SDK (a library: outside what the FCC's Huawei ban covers, a warning), a
plain product, the Kaspersky fixture, and a product whose name, release,
components and path are hostile strings, hit by a hostile ban (its vendor,
title, phase summaries and citations hostile too) with a phase in effect and
one that starts inside the calendar's window.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from enforcer.inventory import Inventory
from tests.conftest import FIXTURES, POLICIES, write_cdx
from tests.inventory.components import CAMERA, LIB, NORTHWIND
from tests.report.html_cases import DATA_URL, GOOD_URL, HOSTILE, JS_URL

IMPACT_DAY = dt.date(2026, 1, 15)
CALENDAR_DAY = dt.date(2025, 12, 1)
CALENDAR_DAYS = 60
SCOPES = ["us"]
HOSTILE_BAN = "hostile-ban-2024"
ORGANIZATION = "Evil <img src=x onerror=alert(1)> Corp"
#: the hostile ban's second phase: inside the calendar's window, within the impact's warning window
LATER_PHASE = dt.date(2026, 1, 20)
SOON_BAN = "test-northwind-2026"
#: the Northwind ban starts 45 days after the impact's as-of date: within its warning window, a warning
SOON = dt.date(2026, 3, 1)
BAD_LINK = 'https://example.org/"><img src=x onerror=alert(8)>'

DJI = {
    "type": "device",
    "name": "mavic-3-pro",
    "version": "4.16.4",
    "manufacturer": {"name": "SZ DJI Technology Co., Ltd."},
    "bom-ref": "dji",
}
HMS = {
    "type": "library",
    "name": "hms-push",
    "version": "6.11.0",
    "purl": "pkg:maven/com.huawei.hms/push@6.11.0",
    "publisher": "Huawei Technologies Co., Ltd.",
    "bom-ref": "hms",
}
BUNDLE = {"type": "library", "name": "vendor-bundle", "version": "2.1", "bom-ref": "bundle"}


def product(folder: Path, file: str, name: str, release: str, components: list[dict[str, Any]]) -> Path:
    """A product's SBOM: its own component on top, a bundle under it, the components under the bundle."""
    root = {"type": "application", "name": name, "version": release, "bom-ref": "root"}
    dependencies = [
        {"ref": "root", "dependsOn": ["bundle"]},
        {"ref": "bundle", "dependsOn": [component["bom-ref"] for component in components]},
    ]
    return write_cdx(folder / file, [BUNDLE, *components], metadata={"component": root}, dependencies=dependencies)


def hostile_policy(folder: Path) -> Path:
    """A folder with a ban made of hostile strings and a ban of Northwind devices that starts soon."""
    h = HOSTILE
    ban = {
        "id": HOSTILE_BAN,
        "vendor": h[0],
        "title": h[1] + h[2],
        "match": {"organizations": [ORGANIZATION]},
        "phases": [
            {"effect": "deny", "from": "2024-01-01", "summary": h[4] + h[3]},
            {"effect": "deny", "from": LATER_PHASE.isoformat(), "summary": h[5]},
        ],
        "scopes": ["us"],
        "references": [JS_URL, DATA_URL, h[5], GOOD_URL, BAD_LINK],
    }
    soon = {
        "id": SOON_BAN,
        "vendor": "Northwind Devices",
        "match": {"organizations": ["Northwind Devices Inc."]},
        "phases": [{"effect": "deny", "from": SOON.isoformat(), "summary": "no Northwind devices"}],
        "scopes": ["us"],
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("hostile.rego", ban), ("northwind.rego", soon)):
        (folder / name).write_text(
            "package enforcer.bans\n\nimport rego.v1\n\nbans contains " + json.dumps(text, indent=1) + "\n",
            encoding="utf-8",
        )
    return folder


def portfolio_files(folder: Path) -> list[Path]:
    """The SBOM files of the portfolio, in the order they are added (the last release of a product is its latest)."""
    folder.mkdir(parents=True, exist_ok=True)
    h = HOSTILE
    evil_middle = {"type": "library", "name": h[4], "version": "2.0", "bom-ref": "evil-middle"}
    evil_child = {
        "type": "library",
        "name": h[1],
        "version": h[2],
        "supplier": {"name": ORGANIZATION},
        "bom-ref": "evil-child",
    }
    evil_root = {"type": "application", "name": h[0], "version": h[1], "bom-ref": "root"}
    evil = write_cdx(
        folder / "evil.cdx.json",
        [evil_middle, evil_child, CAMERA],
        metadata={"component": evil_root},
        dependencies=[
            {"ref": "root", "dependsOn": ["evil-middle", "camera"]},
            {"ref": "evil-middle", "dependsOn": ["evil-child"]},
        ],
    )
    return [
        product(folder, "drone-1.json", "drone-app", "1", [DJI, LIB]),
        product(folder, "drone-2.json", "drone-app", "2", [LIB]),
        product(folder, "gate.json", "gate-controller", "5", [CAMERA, LIB]),
        product(folder, "shop.json", "mobile-shop", "3.2.0", [HMS, LIB]),
        product(folder, "plain.json", "plain", "1", [LIB]),
        product(folder, "edge.json", "edge-gateway", "7", [NORTHWIND, LIB]),
        evil,
        FIXTURES / "sboms" / "kaspersky-supplier.cdx.json",
    ]


def stock(url: str | Path, folder: Path) -> None:
    """Add the portfolio's SBOMs to the store at `url`."""
    with Inventory(url) as inventory:
        added = inventory.add(portfolio_files(folder))
        assert not added.failures, added.failures


def policies(folder: Path) -> list[Path]:
    """The shipped pack and the hostile ban."""
    return [POLICIES, hostile_policy(folder)]


def answers(url: str | Path, policy: list[Path]) -> dict[str, Any]:
    """Every answer the tests render, from the store at `url`."""
    with Inventory(url) as inventory:
        return {
            "impact": inventory.impact(policy, as_of=IMPACT_DAY, scopes=SCOPES),
            "full": inventory.impact(policy, as_of=IMPACT_DAY, scopes=SCOPES, all_releases=True, full=True),
            "calendar": inventory.calendar(CALENDAR_DAYS, policy, as_of=CALENDAR_DAY, scopes=SCOPES, all_releases=True),
            "quiet": inventory.impact(policy, as_of=dt.date(2000, 1, 1), scopes=SCOPES),
            "empty_calendar": inventory.calendar(0, policy, as_of=dt.date(2000, 1, 1)),
        }


def build(folder: Path) -> tuple[Path, list[Path], dict[str, Any]]:
    """A SQLite store of the portfolio in `folder`, the policies, and the answers."""
    store = folder / "store.db"
    stock(store, folder / "sboms")
    policy = policies(folder / "policies")
    return store, policy, answers(store, policy)


def large_portfolio(folder: Path, products: int, findings: int) -> list[Path]:
    """`products` products, each with a Hikvision camera; the first also with `findings` cameras in all."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number in range(products):
        cameras = [
            {**CAMERA, "name": f"camera-{index:03d}", "bom-ref": f"camera-{index}"}
            for index in range(findings if number == 0 else 1)
        ]
        files.append(product(folder, f"p{number}.json", f"product-{number:04d}", "1.0", [*cameras, LIB]))
    return files
