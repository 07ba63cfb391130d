"""The inventory's invariant: `impact` gives exactly what `check` gives on each stored SBOM.

For the shared real corpus, the fixtures and generated portfolios (hypothesis),
on SQLite and on PostgreSQL, under several dates, scopes and waivers: every
SBOM's findings (bans, verdicts, components, paths, evidence, phases, reasons,
waivers) and counts equal those of `Enforcer.run` on the SBOM's file.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enforcer._errors import SbomError
from enforcer._run import Enforcer, Options
from enforcer.inventory import ImpactResult, Inventory
from enforcer.load import load
from tests import test_differential as differential
from tests.conftest import FIXTURES, POLICIES, SHARED
from tests.test_differential import NAMES, components, entities, organisations

POLICY_SET = [POLICIES / "enforcer", FIXTURES / "policies" / "differential"]

WAIVERS = {
    "waivers": [
        *differential.WAIVERS,  # the waivers the fast path's differential tests decide with
        {
            "id": "waive-nothing",
            "ban": "diff-debian",
            "components": {"names": ["no-such-component"]},
            "expires": "2030-01-01",
            "reason": "unused on purpose",
            "approved_by": "ciso@example.com",
        },
    ]
}

#: (id, as_of, scopes, warn_days, with waivers)
REQUESTS = [
    ("before-any", dt.date(2019, 6, 1), [], 90, False),
    ("warning-window", dt.date(2024, 7, 1), [], 90, True),
    ("scoped", dt.date(2024, 9, 15), ["test-a"], 30, True),
    ("later", dt.date(2025, 7, 1), ["test-a", "test-b"], 400, True),
]


def _files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file() and path.suffix != ".md") if root.is_dir() else []


def _loadable(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        try:
            load(str(path))
        except SbomError:
            continue
        found.append(path)
    return found


def assert_same(result: ImpactResult, paths: list[str], options: Options) -> None:
    """Every SBOM of `result` (stored from `paths`) equals `check`'s result for its file."""
    with Enforcer(options) as enforcer:
        expected = {sbom.path: sbom for sbom in enforcer.run(paths).sboms}
        unused = enforcer.result(list(expected.values())).unused_waivers
    got = {item.sbom.path: item for item in result.products}
    assert set(got) == set(expected), "the store holds other SBOMs than were checked"
    compared = 0
    for path, sbom in expected.items():
        item = got[path]
        assert sbom.error is None
        assert item.findings == sbom.findings, f"{path}: findings differ"
        assert (item.components, item.unidentified, item.out_of_scope) == (
            sbom.components,
            sbom.unidentified,
            sbom.out_of_scope,
        ), f"{path}: counts differ"
        assert item.warnings == sbom.warnings
        compared += len(sbom.findings)
    assert result.unused_waivers == unused
    assert result.sboms == len(paths)


@pytest.fixture(scope="module")
def waiver_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("waivers") / "waivers.json"
    path.write_text(json.dumps(WAIVERS), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus(shared: Path) -> list[str]:
    files = _loadable(_files(SHARED / "sboms" / "real")) + _loadable(_files(FIXTURES / "sboms"))
    assert len(files) > 30
    return [str(path) for path in files]


@pytest.mark.parametrize("case", REQUESTS, ids=[case[0] for case in REQUESTS])
def test_impact_equals_check_on_the_real_corpus(
    case: tuple[str, dt.date, list[str], int, bool], corpus: list[str], store_url: str, waiver_file: Path
) -> None:
    _, as_of, scopes, warn_days, with_waivers = case
    waivers = [waiver_file] if with_waivers else []
    with Inventory(store_url) as inventory:
        for number, path in enumerate(corpus):  # one product per file: every file is a latest release
            added = inventory.add([path], product=f"product-{number:03d}")
            assert not added.failures and len(added.added) == 1, added
        result = inventory.impact(
            POLICY_SET, as_of=as_of, scopes=scopes, warn_days=warn_days, waivers=waivers, full=True
        )
    options = Options(policies=POLICY_SET, as_of=as_of, scopes=scopes, warn_days=warn_days, waivers=waivers)
    assert_same(result, corpus, options)
    assert sum(len(item.findings) for item in result.products) > 100  # the comparison means something
    statuses = {finding.status for item in result.products for finding in item.findings}
    if case[0] == "warning-window":
        assert {"deny", "warn", "waived", "allow"} <= statuses


def test_impact_equals_check_on_the_fixtures_with_the_government_pack(store_url: str) -> None:
    fixtures = [str(path) for path in _loadable(_files(FIXTURES / "sboms"))]
    with Inventory(store_url) as inventory:
        for number, path in enumerate(fixtures):
            inventory.add([path], product=f"fixture-{number}")
        result = inventory.impact(as_of=dt.date(2025, 1, 1), full=True)
    assert_same(result, fixtures, Options(as_of=dt.date(2025, 1, 1)))
    assert any(item.status == "deny" for item in result.products)


# -- generated portfolios --------------------------------------------------------------------------

HOSTILE = [
    "O'Brien; DROP TABLE sbom;--",
    'quote"d',
    "nul\x00byte",
    "mark\x01ed",
    "tab\tand\nnewline",
    "😀 emoji",
    "%s %(x)s ?",
]


@st.composite
def portfolio_sbom(draw: st.DrawFn, product: str, release: str) -> dict[str, Any]:
    """A CycloneDX SBOM of a product release: components (some hostile), a dependency graph, duplicates."""
    parts = draw(st.lists(components(), min_size=0, max_size=6))
    for part in parts:
        if draw(st.integers(0, 4)) == 0:
            part["name"] = draw(st.sampled_from(HOSTILE)) + draw(st.sampled_from(NAMES))
        if draw(st.integers(0, 3)) == 0:
            part["publisher"] = draw(st.sampled_from(HOSTILE)) + " " + draw(organisations())
    if parts and draw(st.booleans()):
        parts.append(dict(parts[0]))  # the same component listed twice
    root: dict[str, Any] = {"type": "application", "name": product, "version": release, "bom-ref": "root"}
    if draw(st.booleans()):
        root["supplier"] = draw(entities())
    document: dict[str, Any] = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "version": 1,
        "metadata": {"component": root},
        "components": parts,
    }
    refs = [part["bom-ref"] for part in parts if "bom-ref" in part]
    if refs and draw(st.booleans()):
        edges: dict[str, list[str]] = {"root": refs[: draw(st.integers(1, len(refs)))]}
        for ref in refs:
            children = draw(st.lists(st.sampled_from(refs), max_size=2))
            if children:
                edges.setdefault(ref, []).extend(children)
        document["dependencies"] = [{"ref": ref, "dependsOn": targets} for ref, targets in edges.items()]
    return document


@st.composite
def portfolios(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A few products, some with several releases; some SBOMs identical (stored once)."""
    documents = []
    for number in range(draw(st.integers(1, 4))):
        product = draw(st.sampled_from(["app", "Widget; --", "O'Reilly", "ünïcode", "nul\x00product"])) + f"-{number}"
        documents.extend(draw(portfolio_sbom(product, f"1.{release}")) for release in range(draw(st.integers(1, 2))))
    if draw(st.booleans()):
        documents.append(documents[0])
    return documents


@st.composite
def requests(draw: st.DrawFn) -> tuple[dt.date, list[str], int, bool, bool]:
    day = draw(st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2027, 12, 31)))
    scopes = draw(st.lists(st.sampled_from(["test-a", "test-b", "other"]), max_size=2, unique=True))
    return day, scopes, draw(st.integers(0, 400)), draw(st.booleans()), draw(st.booleans())


GENERATED = settings(
    max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@GENERATED
@given(documents=portfolios(), request_=requests())
def test_impact_equals_check_on_generated_portfolios(
    documents: list[dict[str, Any]],
    request_: tuple[dt.date, list[str], int, bool, bool],
    store_url: str,
    tmp_path: Path,
    waiver_file: Path,
) -> None:
    as_of, scopes, warn_days, with_waivers, all_releases = request_
    # the store lives across examples: each example's products get names of their own
    unique = uuid.uuid4().hex[:8]
    folder = tmp_path / unique
    folder.mkdir()
    for document in documents:
        root = document["metadata"]["component"]
        if not root["name"].endswith(unique):
            root["name"] += f"#{unique}"
    paths = []
    for number, document in enumerate(documents):
        path = folder / f"{number:02d}.cdx.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        paths.append(str(path))
    waivers = [waiver_file] if with_waivers else []
    products = sorted({document["metadata"]["component"]["name"] for document in documents})
    with Inventory(store_url) as inventory:
        added = inventory.add(paths)
        assert not added.failures
        result = inventory.impact(
            POLICY_SET,
            as_of=as_of,
            scopes=scopes,
            warn_days=warn_days,
            waivers=waivers,
            all_releases=all_releases,
            full=True,
            products=products,
        )
        stored = {item.sbom.path for item in result.products}
        # what check sees: the stored SBOMs (each distinct file once; the latest release unless all)
        expected = [item.path for item in added.added if item.path in stored]
        assert len(expected) == len(stored)
        if not all_releases:
            latest = {
                summary.product: summary.latest.path for summary in inventory.list() if summary.product in products
            }
            assert stored == set(latest.values())
    options = Options(policies=POLICY_SET, as_of=as_of, scopes=scopes, warn_days=warn_days, waivers=waivers)
    assert_same(result, expected, options)
