"""The HTML report of a large run: render time, page size, and how soon Chromium makes it usable.

A generated CycloneDX SBOM of 100,000 components, one in 100 from a banned
vendor, is checked in process; the result is rendered (`--format html`) and
the page opened in headless Chromium (Debian's, through Playwright) on a fresh
tab, five times. Measured per open:

- ready: from the start of navigation to the end of the page's script (every
  table built, the controls wired: `performance.mark("enforcer-ready")`);
- wall: from `page.goto` to the ready mark seen by the test;
- filter, sort, expand all: the time the page's handler takes for a filter
  keystroke, a click on a column heading and "Expand all" (synchronous
  re-rendering, measured in the page).

Two cases: the comparison bans (Kaspersky, NDAA section 889): 1,000 findings;
the whole government pack: 7,333 findings. Target: ready within 2 s for the
1,000 findings (the summary prints PASS or FAIL).

A third case: `enforcer inventory impact --format html` of a store of 2,000
products (one holding 1,000 banned cameras).

    make bench-html      (also part of make bench-quick)
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.conftest import COMPARISON_POLICIES, DATA, Registry, median_of, sbom
from enforcer._models import RunResult
from enforcer._run import Enforcer, Options
from enforcer.report.html import HtmlReporter
from tests import browser

OPENS = 5
CASES = {"1k findings": COMPARISON_POLICIES, "whole pack": []}

_INTERACT = """async () => {
  const timed = (action) => { const start = performance.now(); action(); return performance.now() - start; };
  const input = document.querySelector("input[name=component]");
  const filter = timed(() => { input.value = "a"; input.dispatchEvent(new Event("input")); });
  const sort = timed(() => document.querySelector("th button.sort[data-key=component]").click());
  const expand = timed(() => document.querySelector("button.expand-all").click());
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return {
    ready: performance.getEntriesByName("enforcer-ready")[0].startTime,
    filter, sort, expand,
    rows: document.querySelectorAll("tr.finding").length,
  };
}"""


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    reason = browser.missing()
    if reason is not None:
        pytest.skip(reason)
    with browser.chromium(viewport={"width": 1280, "height": 900}) as context:
        yield context


def _check(policies: list[Path]) -> RunResult:
    with Enforcer(Options(as_of=dt.date(2024, 10, 1), policies=policies)) as enforcer:
        return enforcer.run([str(sbom(100_000, banned_every=100))])


def _open(context: Any, url: str) -> dict[str, float]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector("html[data-ready]", state="attached", timeout=60_000)
    wall = time.perf_counter() - start
    figures: dict[str, float] = page.evaluate(_INTERACT)
    page.close()
    assert errors == []
    return {**figures, "wall": wall * 1000}


@pytest.mark.parametrize("case", list(CASES), ids=["1k", "pack"])
def test_html_page(benchmark: Any, registry: Registry, context: Any, case: str) -> None:
    result = _check(CASES[case])
    findings = sum(len(sbom_result.findings) for sbom_result in result.sboms)
    assert result.totals()["components"] == 100_000 and findings > 0
    text = benchmark.pedantic(HtmlReporter().render, args=(result,), rounds=3, iterations=1)
    page = DATA / f"report-100k-{case.replace(' ', '-')}.html"
    page.write_text(text, encoding="utf-8")
    size = page.stat().st_size
    _open(context, page.as_uri())  # one unmeasured open: the browser's own first-use costs
    opens = [_open(context, page.as_uri()) for _ in range(OPENS)]
    median = {name: statistics.median(run[name] for run in opens) for name in opens[0]}
    label = f"html 100k {case}"
    note = f"{findings} findings, page {size / 1e6:.2f} MB"
    registry.record(f"{label}: render", median_of(benchmark), note=note)
    registry.record(f"{label}: ready in chromium", median["ready"] / 1000, note=f"navigation to ready, {note}")
    registry.record(f"{label}: goto to ready", median["wall"] / 1000, note="seen by the test")
    for action in ("filter", "sort", "expand"):
        registry.record(f"{label}: {action}", median[action] / 1000, note="the page's handler")
    print(
        f"\n{label}: {findings} findings, {size:,} bytes; render {median_of(benchmark):.3f} s;"
        f" ready {median['ready']:.0f} ms (max {max(run['ready'] for run in opens):.0f});"
        f" goto to ready {median['wall']:.0f} ms; filter {median['filter']:.0f} ms, sort {median['sort']:.0f} ms,"
        f" expand all {median['expand']:.0f} ms; rows shown {median['rows']:.0f}"
    )


_INTERACT_IMPACT = """async () => {
  const timed = (action) => { const start = performance.now(); action(); return performance.now() - start; };
  const input = document.querySelector("input[name=product]");
  const filter = timed(() => { input.value = "product-1"; input.dispatchEvent(new Event("input")); });
  const expand = timed(() => document.querySelector("button.expand-all").click());
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return {
    ready: performance.getEntriesByName("enforcer-ready")[0].startTime,
    filter, sort: 0, expand,
    rows: document.querySelectorAll("tr.product-row").length,
  };
}"""


def test_inventory_impact_page(benchmark: Any, registry: Registry, context: Any, tmp_path: Path) -> None:
    """`enforcer inventory impact --format html` of 2,000 products (one of them with 1,000 cameras) in Chromium."""
    from enforcer.inventory import Inventory
    from enforcer.inventory.html import render_html
    from tests.inventory.html_cases import large_portfolio

    files = large_portfolio(tmp_path / "sboms", products=2_000, findings=1_000)
    with Inventory(tmp_path / "store.db") as inventory:
        assert not inventory.add(files, jobs=2).failures
        result = inventory.impact(as_of=dt.date(2026, 1, 15), scopes=["us"])
    findings = sum(len(item.findings) for item in result.products)
    assert len(result.products) == 2_000 and findings >= 2_999
    text = benchmark.pedantic(render_html, args=(result,), rounds=3, iterations=1)
    page = DATA / "inventory-impact-2000-products.html"
    page.write_text(text, encoding="utf-8")
    size = page.stat().st_size

    def open_once() -> dict[str, float]:
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        start = time.perf_counter()
        tab.goto(page.as_uri(), wait_until="commit")
        tab.wait_for_selector("html[data-ready]", state="attached", timeout=60_000)
        wall = time.perf_counter() - start
        figures: dict[str, float] = tab.evaluate(_INTERACT_IMPACT)
        tab.close()
        assert errors == []
        return {**figures, "wall": wall * 1000}

    open_once()
    opens = [open_once() for _ in range(OPENS)]
    median = {name: statistics.median(run[name] for run in opens) for name in opens[0]}
    label = "html inventory impact 2,000 products"
    note = f"{findings} findings, page {size / 1e6:.2f} MB"
    registry.record(f"{label}: render", median_of(benchmark), note=note)
    registry.record(f"{label}: ready in chromium", median["ready"] / 1000, note=f"navigation to ready, {note}")
    registry.record(f"{label}: goto to ready", median["wall"] / 1000, note="seen by the test")
    for action in ("filter", "expand"):
        registry.record(f"{label}: {action}", median[action] / 1000, note="the page's handler")
    print(
        f"\n{label}: {findings} findings, {size:,} bytes; render {median_of(benchmark):.3f} s;"
        f" ready {median['ready']:.0f} ms; goto to ready {median['wall']:.0f} ms;"
        f" filter {median['filter']:.0f} ms, expand shown {median['expand']:.0f} ms; rows shown {median['rows']:.0f}"
    )
