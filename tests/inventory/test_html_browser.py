"""The inventory's HTML pages in a real browser: headless Chromium from Debian, driven by Playwright.

The impact and calendar pages of a real store are opened and used as a
reader would (filters, sorting, expanding, printing), recording every console
message, script error, dialog, request and Content-Security-Policy
violation. Without Chromium these tests skip, except under CI=true, where
they fail.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from enforcer.inventory import CalendarResult, ImpactResult, Inventory, ProductImpact
from enforcer.inventory.html import render_html
from enforcer.report.html import visible
from enforcer.report.interface import component_label
from tests import browser
from tests.conftest import need
from tests.inventory import html_cases as cases
from tests.report.html_cases import GOOD_URL, HOSTILE, JS_URL
from tests.report.test_html_browser import Opened, open_page

RANK = {"deny": 0, "warn": 1, "waived": 2, "allow": 3, "none": 4}
HIKVISION = "us-fcc-22-84-equipment-authorization:hikvision"
Row = tuple[str, str, str]

#: what a reader sees of the products table: (status, product, release) of each row shown
ROWS = """Array.from(document.querySelectorAll("tr.product-row")).filter((tr) => tr.checkVisibility())
    .map((tr) => [tr.cells[1].textContent, tr.cells[2].textContent, tr.cells[3].textContent])"""
#: whatever a hostile string could have done to the page
DAMAGE = """() => ({
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    injected: document.querySelectorAll("img, iframe, object, embed, b, base, form, #pwned").length,
    scripts: document.scripts.length,
    styles: document.querySelectorAll("style").length,
    sheets: document.styleSheets.length,
    handlers: Array.from(document.querySelectorAll("*")).flatMap((e) =>
        Array.from(e.attributes).filter((a) => a.name.startsWith("on")).map((a) => e.tagName + " " + a.name)),
    links: Array.from(document.querySelectorAll("a[href]"), (a) => a.getAttribute("href"))
        .filter((href) => !href.startsWith("#")),
    body: getComputedStyle(document.body).display,
})"""


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    reason = browser.missing()
    need(reason is None, reason or "")
    with browser.chromium(viewport={"width": 1280, "height": 900}) as context:
        yield context


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("inventory-html-browser")


@pytest.fixture(scope="module")
def answers(folder: Path) -> dict[str, Any]:
    return cases.build(folder)[2]


@pytest.fixture(scope="module")
def pages(folder: Path, answers: dict[str, Any]) -> dict[str, Path]:
    written = {}
    for kind in ("impact", "full", "calendar"):
        written[kind] = folder / f"{kind}.html"
        written[kind].write_text(render_html(answers[kind]), encoding="utf-8")
    return written


@pytest.fixture
def opened(context: Any, pages: dict[str, Path]) -> Iterator[Callable[[str], Opened]]:
    """Open a page of the portfolio by kind (impact, full, calendar); closed at the end of the test."""
    tabs: list[Opened] = []

    def open_kind(kind: str) -> Opened:
        tab = open_page(context, pages[kind].as_uri())
        tabs.append(tab)
        return tab

    yield open_kind
    for tab in tabs:
        tab.page.close()


def rows(tab: Opened) -> list[Row]:
    found: list[list[str]] = tab.page.evaluate(ROWS)
    return [(status, product, release) for status, product, release in found]


def _row(item: ProductImpact) -> Row:
    return (item.status, visible(item.sbom.product), visible(item.sbom.release))


def _expected(result: ImpactResult, keep: Callable[[ProductImpact], bool] = lambda item: True) -> list[Row]:
    return [_row(item) for item in result.products if keep(item)]


def _bans(item: ProductImpact) -> set[str]:
    return {finding.ban for finding in item.findings}


# -- impact --------------------------------------------------------------------------------


def test_the_impact_page_lists_every_product(opened: Callable[[str], Opened], answers: dict[str, Any]) -> None:
    for kind in ("impact", "full"):
        tab = opened(kind)
        tab.quiet()
        result: ImpactResult = answers[kind]
        assert rows(tab) == _expected(result)  # worst first, as the answer orders them
        page = tab.page
        assert page.locator(".controls").is_visible() and page.locator("svg.timeline").is_visible()
        total = len(result.products)
        assert page.locator("output.showing").text_content() == f"{total} product releases"
        first = page.locator("tr.product-row").first
        assert first.locator("td.col-bans .ban-id").all_text_contents() == [visible(b) for b in result.products[0].bans]
        boxes = page.locator("input[name=status]").evaluate_all("(inputs) => inputs.map((i) => i.value)")
        assert boxes == (
            ["deny", "warn", "waived", "allow", "none"] if kind == "full" else ["deny", "warn", "waived", "allow"]
        )


def test_filters_show_only_the_matching_products(opened: Callable[[str], Opened], answers: dict[str, Any]) -> None:
    tab = opened("full")
    page, result = tab.page, answers["full"]
    page.locator("input[name=status][value=deny]").uncheck()
    assert rows(tab) == _expected(result, lambda item: item.status != "deny")
    page.locator("input[name=status][value=none]").uncheck()
    assert rows(tab) == _expected(result, lambda item: item.status not in ("deny", "none"))
    page.locator("input[name=status][value=deny]").check()
    page.locator("input[name=status][value=none]").check()
    page.locator("select[name=ban]").select_option(label=HIKVISION)
    hikvision = _expected(result, lambda item: HIKVISION in _bans(item))
    assert len(hikvision) == 2 and rows(tab) == hikvision
    page.locator("input[name=product]").fill("GATE")
    assert rows(tab) == _expected(result, lambda item: item.sbom.product == "gate-controller")
    assert (
        page.locator("output.showing").text_content()
        == f"1 of {len(result.products)} product releases match the filters"
    )
    page.locator("select[name=ban]").select_option(label="all bans")
    page.locator("input[name=product]").fill("drone")
    assert rows(tab) == _expected(result, lambda item: item.sbom.product == "drone-app") and len(rows(tab)) == 2
    page.locator("input[name=product]").fill("no such product")
    assert rows(tab) == [] and page.locator("p.empty").is_visible()
    page.locator("input[name=product]").fill("")
    assert rows(tab) == _expected(result)
    tab.quiet()


def _keys() -> dict[str, Callable[[ProductImpact], Any]]:
    return {
        "status": lambda item: RANK[item.status],
        "product": lambda item: item.sbom.product.lower(),
        "ban": lambda item: "\n".join(item.bans) if item.bans else "\uffff",
        "earliest": lambda item: str(item.earliest) if item.earliest else "\uffff",
    }


@pytest.mark.parametrize("column", ["status", "product", "ban", "earliest"])
def test_a_click_on_a_heading_sorts_and_a_second_reverses(
    opened: Callable[[str], Opened], answers: dict[str, Any], column: str
) -> None:
    tab = opened("full")
    result: ImpactResult = answers["full"]
    key = _keys()[column]
    order = {id(item): number for number, item in enumerate(result.products)}
    heading = tab.page.locator(f"th button.sort[data-key={column}]")
    if column != "status":  # the page opens sorted by status, ascending
        heading.click()
    ascending = sorted(result.products, key=lambda item: (key(item), order[id(item)]))
    assert rows(tab) == [_row(item) for item in ascending]
    assert len({key(item) for item in result.products}) > 2  # the order says something
    heading.click()
    groups: dict[Any, list[ProductImpact]] = {}
    for item in result.products:
        groups.setdefault(key(item), []).append(item)
    descending = [item for value in sorted(groups, reverse=True) for item in groups[value]]
    assert rows(tab) == [_row(item) for item in descending]
    assert tab.page.locator(f"th[data-key={column}]").get_attribute("aria-sort") == "descending"
    tab.quiet()


def test_a_product_expands_to_its_findings_with_their_evidence_and_path(
    opened: Callable[[str], Opened], answers: dict[str, Any]
) -> None:
    tab = opened("impact")
    page, result = tab.page, answers["impact"]
    item = result.products[0]
    assert len(item.findings) == 2
    page.locator("tr.product-row").first.click()
    detail = page.locator("tr.detail")
    assert detail.count() == 1 and detail.is_visible()
    assert page.locator("tr.product-row").first.locator("button.toggle").get_attribute("aria-expanded") == "true"
    assert detail.locator(".product-facts dd").first.text_content() == visible(item.sbom.path)
    cards = detail.locator("li.finding-card")
    assert cards.count() == len(item.findings)
    for number, finding in enumerate(item.findings):
        card = cards.nth(number)
        head = [
            finding.status,
            visible(finding.ban),
            visible(component_label(finding.component)),
        ]
        assert card.locator(".finding-head > *").all_text_contents()[:3] == head
        assert card.locator("p.reason").text_content() == visible(finding.reason)
        columns = ["field", "value", "alias", "matcher", "confidence"]
        columns += [name for name in ("role", "party") if any(getattr(m, name) for m in finding.matches)]
        cells = card.locator(".match-table tbody tr").evaluate_all(
            "(rows) => rows.map((tr) => Array.from(tr.cells, (td) => td.textContent))"
        )
        assert cells == [
            [m.confidence.value if name == "confidence" else visible(getattr(m, name)) for name in columns]
            for m in finding.matches
        ]
        if finding.coverage is not None:
            decision = card.locator(".decision dd").all_text_contents()
            assert any(text.startswith(finding.coverage.decision) for text in decision)
        boxes = card.locator(".dep-path .box")
        texts = boxes.evaluate_all("(boxes) => boxes.map((box) => box.lastChild.textContent)")
        assert texts == [visible(step) for step in finding.component.path]
        places = [boxes.nth(n).bounding_box() for n in range(boxes.count())]
        for above, below in zip(places, places[1:], strict=False):
            assert below["y"] > above["y"] + above["height"] - 1 and below["x"] > above["x"]
    page.locator("tr.product-row").first.click()
    assert page.locator("tr.detail").count() == 0
    page.locator("tr.product-row").nth(1).locator("button.toggle").press("Enter")
    assert page.locator("tr.detail").count() == 1
    page.locator("button.expand-all").click()
    assert page.locator("tr.detail").count() == len(result.products)
    assert page.locator("li.finding-card").count() == sum(len(i.findings) for i in result.products)
    page.locator("button.collapse-all").click()
    assert page.locator("tr.detail").count() == 0
    tab.quiet()


def test_a_ban_card_shows_its_products_in_the_table(opened: Callable[[str], Opened], answers: dict[str, Any]) -> None:
    tab = opened("full")
    page, result = tab.page, answers["full"]
    matched = sorted({finding.ban for item in result.products for finding in item.findings})
    number = matched.index(HIKVISION)
    page.locator(f"#ban-{number} button.show-ban").click()
    assert page.locator("select[name=ban]").input_value() == str(number)
    assert rows(tab) == _expected(result, lambda item: HIKVISION in _bans(item))
    assert page.locator("#products").bounding_box()["y"] <= 1  # scrolled to the table
    tab.quiet()


def _box(locator: Any) -> dict[str, float]:
    box: dict[str, float] = locator.evaluate(
        "(e) => { const r = e.getBoundingClientRect(); return {x: r.x, width: r.width}; }"
    )
    return box


def _axis(page: Any) -> Callable[[dt.date], float]:
    axis = _box(page.locator("line.tl-axis"))
    start = dt.date.fromisoformat(page.locator("line.tl-axis").get_attribute("data-start") or "")
    end = dt.date.fromisoformat(page.locator("line.tl-axis").get_attribute("data-end") or "")

    def x(day: dt.date) -> float:
        return float(axis["x"] + axis["width"] * (day - start).days / (end - start).days)

    return x


def test_the_impact_timeline_draws_one_bar_per_phase_at_its_dates(
    opened: Callable[[str], Opened], answers: dict[str, Any]
) -> None:
    tab = opened("impact")
    page, result = tab.page, answers["impact"]
    matched = {finding.ban for item in result.products for finding in item.findings}
    phases = [phase for ban in result.bans if ban.id in matched for phase in ban.phases]
    assert page.locator("rect.tl-bar").count() == len(phases) > 3
    x = _axis(page)
    right = _box(page.locator("line.tl-axis"))
    for phase in phases:
        selector = f'rect.tl-bar[data-from="{phase.from_}"]' + (f'[data-until="{phase.until}"]' if phase.until else "")
        bar = _box(page.locator(selector).first)
        assert bar["x"] == pytest.approx(x(phase.from_), abs=0.5), phase
        end = x(phase.until) if phase.until else right["x"] + right["width"]
        assert bar["x"] + bar["width"] == pytest.approx(end, abs=0.5), phase
        window = _box(page.locator(f'rect.tl-window[data-until="{phase.from_}"]').first)
        assert window["x"] == pytest.approx(x(phase.from_ - dt.timedelta(days=result.warn_days)), abs=0.5)
    marker = _box(page.locator("g.tl-asof line"))
    assert marker["x"] + marker["width"] / 2 == pytest.approx(x(result.as_of), abs=0.5)
    tab.quiet()


def _no_damage(tab: Opened) -> dict[str, Any]:
    found: dict[str, Any] = tab.page.evaluate(DAMAGE)
    links = found.pop("links")
    assert found == {
        "pwned": None,
        "injected": 0,
        "scripts": 2,
        "styles": 1,
        "sheets": 1,
        "handlers": [],
        "body": "block",
    }
    assert all(link.startswith(("https://", "http://")) for link in links), links
    assert tab.dialogs == []
    tab.quiet()
    return {"links": links}


def test_hostile_strings_never_run_on_the_impact_page(opened: Callable[[str], Opened], answers: dict[str, Any]) -> None:
    tab = opened("impact")
    page = tab.page
    page.locator("button.expand-all").click()
    for link in page.locator("a").all()[:5]:
        link.hover()
    found = _no_damage(tab)
    assert GOOD_URL in found["links"] and JS_URL not in found["links"]
    h = HOSTILE
    first = page.locator("tr.product-row").first
    assert first.locator("td.col-product").text_content() == h[0]
    assert first.locator("td.col-release").text_content() == h[1]
    hostile = page.locator("li.finding-card", has=page.locator(f'code.col-ban:text-is("{cases.HOSTILE_BAN}")'))
    assert hostile.locator(".finding-head .component").text_content() == f"{h[1]}@{h[2]}"
    assert hostile.locator(".finding-head .kind").text_content() == "library"
    texts = hostile.locator(".dep-path .box").evaluate_all("(boxes) => boxes.map((b) => b.lastChild.textContent)")
    assert texts == [f"{h[0]}@{h[1]}", f"{h[4]}@2.0", f"{h[1]}@{h[2]}"]
    card = page.locator("article.ban-card", has=page.locator(f'h3 code:text-is("{cases.HOSTILE_BAN}")'))
    assert card.locator("h3").text_content().startswith(h[0])
    assert card.locator("p.title").text_content() == h[1] + h[2]
    assert card.locator("ul.ban-products li").all_text_contents() == [f"deny {h[0]} {h[1]}"]
    assert card.locator("ul.references li").all_text_contents()[:3] == [
        JS_URL,
        "data:text/html,<script>alert(7)</script>",
        h[5],
    ]
    assert page.locator("text.tl-ban", has_text=cases.HOSTILE_BAN).text_content().startswith(h[0])


def test_hostile_strings_never_run_on_the_calendar_page(opened: Callable[[str], Opened]) -> None:
    tab = opened("calendar")
    page = tab.page
    found = _no_damage(tab)
    assert found["links"] == []
    h = HOSTILE
    entry = page.locator("article.phase-entry", has=page.locator(f'code.ban-id:text-is("{cases.HOSTILE_BAN}")'))
    assert entry.locator("p.summary").text_content() == h[5]
    assert entry.locator("p.phase-head").text_content().startswith(f"deny {cases.HOSTILE_BAN} · {h[0]}")
    assert entry.locator("tbody tr").evaluate_all(
        "(rows) => rows.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent])"
    ) == [[h[0], h[1]]]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        self.server.seen.append(self.path)  # type: ignore[attr-defined]


@pytest.fixture
def served(pages: dict[str, Path]) -> Iterator[tuple[str, list[str]]]:
    """The portfolio's pages on a loopback HTTP server: its base URL, and the path of every request it saw."""
    folder = pages["impact"].parent
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    server.seen = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", server.seen  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.mark.parametrize("kind", ["impact", "calendar"])
def test_nothing_is_fetched_but_the_page(context: Any, served: tuple[str, list[str]], kind: str) -> None:
    base, seen = served
    url = f"{base}{kind}.html"
    tab = open_page(context, url)
    page = tab.page
    if kind == "impact":
        page.locator("button.expand-all").click()
        page.locator("select[name=ban]").select_option(index=1)
    else:
        page.locator("input[name=hitting]").check()
    page.emulate_media(media="print")
    page.emulate_media(media="screen")
    assert tab.requests == [url]
    assert seen == [f"/{kind}.html"]
    tab.quiet()
    blocked = page.evaluate(browser.PROBE_REQUESTS)
    assert blocked == ["blocked", "blocked"]
    assert seen == [f"/{kind}.html"]
    assert sorted(violation.split()[0] for violation in tab.violations()) == ["connect-src", "img-src"]
    page.close()


def test_print_shows_every_product_with_its_findings(opened: Callable[[str], Opened], answers: dict[str, Any]) -> None:
    tab = opened("full")
    page, result = tab.page, answers["full"]
    page.locator("input[name=product]").fill("no such product")
    assert rows(tab) == []
    page.emulate_media(media="print")
    page.wait_for_function(f"() => document.querySelectorAll('tr.detail').length === {len(result.products)}")
    assert rows(tab) == _expected(result)
    assert page.locator("li.finding-card").count() == sum(len(item.findings) for item in result.products)
    assert page.locator(".controls").is_hidden() and page.locator("nav.contents").is_hidden()
    assert page.locator("button.show-ban").first.is_hidden()
    page.emulate_media(media="screen")
    page.wait_for_function("() => document.querySelectorAll('tr.detail').length === 0")
    assert rows(tab) == []
    tab.quiet()


# -- many products -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def large(folder: Path) -> ImpactResult:
    """230 products, each with a Hikvision camera, the first with 60."""
    store = folder / "large.db"
    with Inventory(store) as inventory:
        added = inventory.add(cases.large_portfolio(folder / "large", 230, 60))
        assert not added.failures
        return inventory.impact(as_of=cases.IMPACT_DAY, scopes=cases.SCOPES)


def test_a_large_portfolio_is_drawn_a_page_at_a_time(context: Any, folder: Path, large: ImpactResult) -> None:
    assert len(large.products) == 230 and len(large.products[0].findings) == 60
    path = folder / "large.html"
    path.write_text(render_html(large), encoding="utf-8")
    tab = open_page(context, path.as_uri())
    page = tab.page
    assert page.locator("tr.product-row").count() == 200
    more = page.locator("main button.more")
    assert more.text_content() == "Show 30 more (30 not shown yet)"
    more.click()
    assert page.locator("tr.product-row").count() == 230 and more.is_hidden()
    assert rows(tab) == _expected(large)
    # the first product's 60 findings: 50 drawn, then the rest on request
    page.locator("tr.product-row").first.click()
    assert page.locator("tr.detail li.finding-card").count() == 50
    page.locator("tr.detail button.more").click()
    assert page.locator("tr.detail li.finding-card").count() == 60
    assert page.locator("tr.detail button.more").count() == 0
    # a filter starts again from the first page
    page.locator("input[name=product]").fill("product-0")
    assert page.locator("tr.product-row").count() == 200
    tab.quiet()
    page.close()


# -- calendar ------------------------------------------------------------------------------


def _hits(tab: Opened) -> list[list[list[str]]]:
    """Per phase shown: the rows of its products table (product, release, status, components)."""
    found: list[list[list[str]]] = tab.page.evaluate(
        """Array.from(document.querySelectorAll("article.phase-entry")).filter((a) => a.checkVisibility())
           .map((a) => Array.from(a.querySelectorAll("tbody tr"),
                                  (tr) => Array.from(tr.cells, (td) => td.textContent)))"""
    )
    return found


def _calendar_rows(result: CalendarResult, keep: Callable[[Any], bool] = lambda hit: True) -> list[list[list[str]]]:
    return [
        [
            [visible(hit.product), visible(hit.release), hit.status, ", ".join(visible(c) for c in hit.components)]
            for hit in entry.products
            if keep(hit)
        ]
        for entry in result.entries
    ]


def test_the_calendar_lists_the_products_each_phase_will_hit(
    opened: Callable[[str], Opened], answers: dict[str, Any]
) -> None:
    tab = opened("calendar")
    page, result = tab.page, answers["calendar"]
    tab.quiet()
    assert _hits(tab) == _calendar_rows(result)
    heads = page.locator("article.phase-entry p.phase-head code.ban-id").all_text_contents()
    assert heads == [visible(entry.ban) for entry in result.entries]
    days = page.locator("li.day time").all_text_contents()
    assert days == sorted({str(entry.date) for entry in result.entries})
    assert page.locator("output.showing").text_content() == f"{len(result.entries)} phases"
    # only the phases that hit a stored product
    page.locator("input[name=hitting]").check()
    hitting = [entry for entry in result.entries if entry.products]
    assert 0 < len(hitting) < len(result.entries)
    assert _hits(tab) == [rows for rows in _calendar_rows(result) if rows]
    assert page.locator("output.showing").text_content() == f"{len(hitting)} of {len(result.entries)} phases shown"
    shown_days = [day for day in page.locator("li.day").all() if day.is_visible()]
    assert len(shown_days) == len({entry.date for entry in hitting})
    page.locator("input[name=hitting]").uncheck()
    # a product: the phases that will hit it, and only its rows
    page.locator("input[name=product]").fill("gate")
    expected = [rows for rows in _calendar_rows(result, lambda hit: "gate" in hit.product.lower()) if rows]
    assert expected and _hits(tab) == expected
    page.locator("input[name=product]").fill("")
    assert _hits(tab) == _calendar_rows(result)
    tab.quiet()


def test_the_calendar_timeline_marks_each_phase_and_the_window(
    opened: Callable[[str], Opened], answers: dict[str, Any]
) -> None:
    tab = opened("calendar")
    page, result = tab.page, answers["calendar"]
    x = _axis(page)
    phases = {(entry.ban, entry.effect, entry.date) for entry in result.entries}
    assert page.locator("rect.tl-bar").count() == len(phases)
    for day in {entry.date for entry in result.entries}:
        bars = page.locator(f'rect.tl-bar[data-from="{day}"]')
        assert bars.count() == sum(1 for phase in phases if phase[2] == day)
        for number in range(bars.count()):
            assert _box(bars.nth(number))["x"] == pytest.approx(x(day), abs=0.5), day
    span = _box(page.locator("rect.tl-span"))
    assert span["x"] == pytest.approx(x(result.as_of), abs=0.5)
    assert span["x"] + span["width"] == pytest.approx(x(result.until), abs=0.5)
    marker = _box(page.locator("g.tl-asof line"))
    assert marker["x"] + marker["width"] / 2 == pytest.approx(x(result.as_of), abs=0.5)
    # a lane's name leads to the ban's first phase in the list
    page.locator("text.tl-ban", has_text=cases.HOSTILE_BAN).click()
    number = next(n for n, entry in enumerate(result.entries) if entry.ban == cases.HOSTILE_BAN)
    assert page.evaluate("location.hash") == f"#entry-{number}"
    tab.quiet()


def test_print_shows_every_phase(opened: Callable[[str], Opened], answers: dict[str, Any]) -> None:
    tab = opened("calendar")
    page, result = tab.page, answers["calendar"]
    page.locator("input[name=product]").fill("no such product")
    assert _hits(tab) == []
    page.emulate_media(media="print")
    page.wait_for_function(
        f"() => document.querySelectorAll('article.phase-entry:not([hidden])').length === {len(result.entries)}"
    )
    assert _hits(tab) == _calendar_rows(result)
    assert page.locator(".controls").is_hidden()
    page.emulate_media(media="screen")
    page.wait_for_function("() => document.querySelectorAll('article.phase-entry:not([hidden])').length === 0")
    tab.quiet()
