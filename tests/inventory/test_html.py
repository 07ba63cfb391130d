"""The inventory's HTML pages (impact, calendar) from a real store: structure, escaping, policy, determinism.

The documents are parsed (html.parser) and checked here; what they do in a
browser is tested in test_html_browser.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import msgspec
import pytest

from enforcer.inventory import CalendarResult, ImpactResult, Inventory, InventoryError
from enforcer.inventory import html as inventory_html
from enforcer.inventory.html import render_html
from enforcer.inventory.report import InventoryFormat, render
from enforcer.report.html import asset, link_url, visible
from enforcer.report.interface import component_label
from tests.inventory import html_cases as cases
from tests.report.html_cases import DATA_URL, GOOD_URL, HOSTILE, JS_URL
from tests.report.test_html import ELEMENTS, Document, check_policy

#: the elements the inventory pages' markup may hold beside the run page's
PAGE_ELEMENTS = ELEMENTS | {"button", "ol", "time"}
RANK = {"deny": 0, "warn": 1, "waived": 2, "allow": 3, "none": 4}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("inventory-html")


@pytest.fixture(scope="module")
def built(folder: Path) -> tuple[Path, list[Path], dict[str, Any]]:
    return cases.build(folder)


@pytest.fixture(scope="module")
def store(built: tuple[Path, list[Path], dict[str, Any]]) -> Path:
    """A SQLite store holding the portfolio."""
    return built[0]


@pytest.fixture(scope="module")
def policy(built: tuple[Path, list[Path], dict[str, Any]]) -> list[Path]:
    return built[1]


@pytest.fixture(scope="module")
def answers(built: tuple[Path, list[Path], dict[str, Any]]) -> dict[str, Any]:
    return built[2]


def _pages(answers: dict[str, Any]) -> dict[str, Document]:
    return {kind: Document(render_html(answers[kind])) for kind in ("impact", "calendar")}


def _text(page: Document) -> str:
    return " ".join(page.text.split())


# -- the format and the shell ------------------------------------------------------------


@pytest.mark.parametrize("kind", ["impact", "calendar"])
def test_render_writes_the_page_of_impact_and_calendar(answers: dict[str, Any], kind: str) -> None:
    text = render(answers[kind], InventoryFormat.HTML)
    assert text == render(answers[kind], "html") == render_html(answers[kind])
    assert text.startswith("<!DOCTYPE html>\n") and text.endswith("</html>\n")
    assert Document(text).data()["kind"] == kind


def test_html_of_another_answer_is_one_clear_error(store: Path, policy: list[Path], folder: Path) -> None:
    with Inventory(store) as inventory:
        others = {
            "diff": inventory.diff(policy, as_of=cases.IMPACT_DAY),
            "find": inventory.find("Hangzhou Hikvision"),
            "list": inventory.list(),
            "show": inventory.show("gate-controller"),
            "add": inventory.add([folder / "sboms" / "gate.json"]),
        }
    for kind, result in others.items():
        with pytest.raises(InventoryError) as raised:
            render(result, "html")
        assert str(raised.value) == f"html is for impact and calendar, not for {kind}"
    with pytest.raises(InventoryError, match="html is for impact and calendar answers, not for DiffResult"):
        render_html(others["diff"])  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["impact", "calendar"])
def test_the_policy_admits_exactly_the_inline_style_and_script(answers: dict[str, Any], kind: str) -> None:
    style, script = check_policy(_pages(answers)[kind])
    assert style == asset("page.css") + "\n" + asset("inventory.css")
    assert script == asset("page.js") + "\n" + asset("inventory.js")


@pytest.mark.parametrize("kind", ["impact", "calendar"])
def test_nothing_is_loaded_and_only_http_citations_are_links(answers: dict[str, Any], kind: str) -> None:
    page = _pages(answers)[kind]
    for name, attrs in page.elements:
        assert "src" not in attrs and "srcset" not in attrs and "style" not in attrs, name
        if name == "link":
            assert attrs == {"rel": "icon", "href": "data:,"}
    for _, attrs, text in page.blocks:
        if attrs.get("id") != "enforcer-data":
            assert re.findall(r"@import|url\((?!#)|[a-z]+://", text) == []
    links = [attrs["href"] or "" for attrs in page.all("a") if not (attrs["href"] or "").startswith("#")]
    for href in links:
        assert link_url(href) == href and href.startswith(("http://", "https://")), href
    for attrs in page.all("a"):
        if not (attrs["href"] or "").startswith("#"):
            assert attrs["rel"] == "noopener noreferrer"
    if kind == "impact":  # the bans' citations: the hostile ban's only good one is a link, the rest text
        assert GOOD_URL in links and JS_URL not in links and DATA_URL not in links
        assert not [href for href in links if "example.org" in href]
        for reference in (JS_URL, DATA_URL, cases.BAD_LINK):
            assert reference in page.text
    else:  # the calendar cites nothing
        assert links == []


def test_every_in_page_link_has_its_target(answers: dict[str, Any]) -> None:
    for page in _pages(answers).values():
        ids = {attrs.get("id") for _, attrs in page.elements}
        targets = {(attrs["href"] or "")[1:] for attrs in page.all("a") if (attrs["href"] or "").startswith("#")}
        assert targets and targets <= ids


@pytest.mark.parametrize("kind", ["impact", "calendar"])
def test_hostile_strings_stay_text(answers: dict[str, Any], kind: str) -> None:
    page = _pages(answers)[kind]
    assert {name for name, _ in page.elements} <= PAGE_ELEMENTS
    for name, attrs in page.elements:
        assert not [attr for attr in attrs if attr.startswith("on")], (name, attrs)
        assert attrs.get("id") != "pwned"
    assert len(page.all("script")) == 2 and len(page.all("style")) == 1
    shown = page.text
    data = json.dumps(page.data(), ensure_ascii=False)
    h = HOSTILE
    if kind == "impact":
        # the product and its release in the ban's card, the ban's vendor, title and summaries in the markup
        for string in (h[0], h[1], h[1] + h[2], h[4] + h[3], h[5]):
            assert visible(string) in shown, string
        # the product, its release, the component's name and version, its path in the data
        for string in (h[0], h[1], h[2], h[4]):
            assert json.dumps(visible(string), ensure_ascii=False)[1:-1] in data, string
    else:
        for string in (h[0], h[5]):  # the vendor, the summary of the phase that starts in the window
            assert visible(string) in shown, string
        for string in (h[0], h[1]):  # the product and its release
            assert json.dumps(visible(string), ensure_ascii=False)[1:-1] in data, string
    # nothing in the data can end its script element
    [block] = [text for _, attrs, text in page.blocks if attrs.get("id") == "enforcer-data"]
    assert not set(block) & {"<", ">", "&", "\u2028", "\u2029"}


def test_the_script_never_parses_markup_or_code() -> None:
    text = asset("inventory.js")
    for word in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "Function(",
        ".href",
        ".src",
    ):
        assert word not in text, word


@pytest.mark.parametrize("kind", ["impact", "calendar", "quiet", "empty_calendar"])
def test_the_same_answer_gives_the_same_bytes(answers: dict[str, Any], kind: str) -> None:
    result = answers[kind]
    again = msgspec.convert(msgspec.to_builtins(result), type(result))
    assert render_html(again) == render_html(result)


def test_asking_again_gives_the_same_page(store: Path, policy: list[Path], answers: dict[str, Any]) -> None:
    """The timings of an answer change from one run to the next; the page does not show them."""
    with Inventory(store) as inventory:
        impact = inventory.impact(policy, as_of=cases.IMPACT_DAY, scopes=cases.SCOPES)
        calendar = inventory.calendar(
            cases.CALENDAR_DAYS, policy, as_of=cases.CALENDAR_DAY, scopes=cases.SCOPES, all_releases=True
        )
    assert render_html(impact) == render_html(answers["impact"])
    assert render_html(calendar) == render_html(answers["calendar"])
    timed = msgspec.structs.replace(impact, timings={"total": 123.456})
    assert render_html(timed) == render_html(impact)


def test_the_page_is_the_same_on_either_backend(
    store_url: str, tmp_path: Path, folder: Path, policy: list[Path]
) -> None:
    """The same SBOMs in a store on SQLite or PostgreSQL: the same pages, byte for byte."""
    with Inventory(store_url) as inventory:
        assert not inventory.add(cases.portfolio_files(folder / "sboms")).failures
    mine = cases.answers(store_url, policy)
    reference = cases.answers(folder / "store.db", policy)
    for kind in ("impact", "full", "calendar"):
        assert render_html(mine[kind]) == render_html(reference[kind]), kind


# -- impact ------------------------------------------------------------------------------


def test_the_impact_headline(answers: dict[str, Any]) -> None:
    impact: ImpactResult = answers["impact"]
    text = _text(_pages(answers)["impact"])
    totals = impact.totals()
    denied = sum(1 for item in impact.products if item.status == "deny")
    warned = sum(1 for item in impact.products if item.status == "warn")
    assert denied >= 2 and warned >= 1
    assert f"{denied} products denied {warned} product warned; {len(impact.products)} product releases listed" in text
    assert f"of {impact.sboms} SBOMs" in text
    assert "".join(f"{status} findings{totals[status]}" for status in ("deny", "warn", "waived", "allow")) in text
    assert (
        f"as of {impact.as_of} · scopes us · {impact.sboms} SBOMs considered (the latest release of each product)"
        in text
    )
    assert f"warning window {impact.warn_days} days" in text
    assert f"engine {impact.engine}" in text
    assert f"{len(impact.policies)} policy files" in text


def test_a_quiet_portfolio_says_so(answers: dict[str, Any]) -> None:
    impact: ImpactResult = answers["quiet"]
    assert impact.products == []
    page = Document(render_html(impact))
    text = _text(page)
    assert "No product denied or warned" in text and "No product is denied or warned." in text
    assert page.all("svg") == [] and page.all("div", "controls") == [] and page.all("section") == []
    assert page.data() == {"kind": "impact", "bans": [], "products": []}


def test_the_data_holds_every_product_and_its_findings(answers: dict[str, Any]) -> None:
    for kind in ("impact", "full"):
        impact: ImpactResult = answers[kind]
        data: Any = Document(render_html(impact)).data()
        matched = sorted({finding.ban for item in impact.products for finding in item.findings})
        assert data["bans"] == [visible(ban) for ban in matched]
        assert len(data["products"]) == len(impact.products)
        for item, product in zip(impact.products, data["products"], strict=True):
            assert (product["product"], product["release"], product["path"]) == (
                visible(item.sbom.product),
                visible(item.sbom.release),
                visible(item.sbom.path),
            )
            assert product["status"] == item.status
            assert [data["bans"][ban] for ban in product["bans"]] == [visible(ban) for ban in item.bans]
            assert product["earliest"] == (item.earliest.isoformat() if item.earliest else None)
            assert product["components"] == item.components
            findings = product["findings"]
            assert [(f["status"], data["bans"][f["ban"]]) for f in findings] == [
                (f.status, visible(f.ban)) for f in item.findings
            ]
            for finding, shown in zip(item.findings, findings, strict=True):
                assert shown["label"] == visible(component_label(finding.component))
                assert shown["path"] == [visible(step) for step in finding.component.path]
                assert [(m["field"], m["value"]) for m in shown["matches"]] == [
                    (visible(m.field), visible(m.value)) for m in finding.matches
                ]
                assert ("coverage" in shown) == (finding.coverage is not None)
    full: Any = Document(render_html(answers["full"])).data()
    assert {product["status"] for product in full["products"]} == {"deny", "warn", "allow", "none"}


def _cards(page: Document, text: str) -> dict[str, list[str]]:
    """Per ban card (by its id attribute): the products it lists, as shown."""
    cards: dict[str, list[str]] = {}
    for match in re.finditer(r'<article class="ban-card" id="([^"]+)">(.*?)</article>', text, re.S):
        items = re.findall(r'<ul class="ban-products">(.*?)</ul>', match.group(2), re.S)
        names = re.findall(r"<li>(.*?)</li>", items[0], re.S) if items else []
        cards[match.group(1)] = [Document(item).text for item in names]
    return cards


def test_products_by_ban(answers: dict[str, Any]) -> None:
    for kind in ("impact", "full"):
        impact: ImpactResult = answers[kind]
        text = render_html(impact)
        page = Document(text)
        matched = sorted({finding.ban for item in impact.products for finding in item.findings})
        cards = _cards(page, text)
        assert list(cards) == [f"ban-{number}" for number in range(len(matched))]
        for number, ban in enumerate(matched):
            worst: dict[tuple[str, str], str] = {}
            for item in impact.products:
                statuses = [f.status for f in item.findings if f.ban == ban]
                if statuses:
                    worst[(item.sbom.product, item.sbom.release)] = min(statuses, key=RANK.__getitem__)
            expected = [
                f"{status} {visible(product)} {visible(release)}"
                for (product, release), status in sorted(worst.items(), key=lambda pair: (RANK[pair[1]], pair[0]))
            ]
            assert cards[f"ban-{number}"] == expected, ban
            assert f'data-ban="{number}"' in text
    hostile = _text(Document(render_html(answers["impact"])))
    assert f"Hits 1 product release Show in the products table deny {visible(HOSTILE[0])}" in hostile


def test_a_ban_card_lists_the_first_products_and_counts_the_rest(
    answers: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    impact: ImpactResult = answers["full"]
    hikvision = "us-fcc-22-84-equipment-authorization:hikvision"
    hit = sum(1 for item in impact.products if any(f.ban == hikvision for f in item.findings))
    assert hit == 2
    monkeypatch.setattr(inventory_html, "MAX_BAN_PRODUCTS", 1)
    text = render_html(impact)
    number = sorted({f.ban for item in impact.products for f in item.findings}).index(hikvision)
    assert len(_cards(Document(text), text)[f"ban-{number}"]) == 1
    card = re.search(rf'id="ban-{number}">(.*?)</article>', text, re.S)
    assert card is not None and '<li class="more">…and 1 more</li>' in card.group(1)
    assert "Hits 2 product releases" in card.group(1)


def test_the_impact_timeline_draws_every_phase_of_the_bans_that_matched(answers: dict[str, Any]) -> None:
    impact: ImpactResult = answers["impact"]
    page = Document(render_html(impact))
    matched = {finding.ban for item in impact.products for finding in item.findings}
    declared = {ban.id: ban for ban in impact.bans}
    assert matched <= set(declared)
    expected = sorted(
        (str(phase.from_), str(phase.until) if phase.until else None)
        for ban_id in matched
        for phase in declared[ban_id].phases
    )
    bars = page.all("rect", "tl-bar")
    assert sorted((bar["data-from"], bar.get("data-until")) for bar in bars) == expected
    assert [attrs["data-date"] for attrs in page.all("g", "tl-asof")] == [str(impact.as_of)]
    windows = page.all("rect", "tl-window")
    assert len(windows) == len(bars)  # the warning window of each phase is shaded
    # the hostile ban: in effect since 2024, its second phase within the warning window
    states = [attrs["class"] for attrs in page.all("g", "tl-phase")]
    assert "tl-phase tl-deny tl-soon" in states and "tl-phase tl-deny tl-now" in states
    assert f"deny from {cases.LATER_PHASE} · in 5 days" in _text(page)
    assert f"deny from {cases.SOON} · in 45 days" in _text(page)


# -- calendar ----------------------------------------------------------------------------


def test_the_calendar_lists_every_phase_by_date(answers: dict[str, Any]) -> None:
    calendar: CalendarResult = answers["calendar"]
    text = render_html(calendar)
    page = Document(text)
    assert calendar.entries and any(entry.products for entry in calendar.entries)
    dates = [attrs["data-date"] for attrs in page.all("li", "day")]
    assert dates == sorted({str(entry.date) for entry in calendar.entries})
    articles = page.all("article", "phase-entry")
    assert [attrs["id"] for attrs in articles] == [f"entry-{number}" for number in range(len(calendar.entries))]
    for number, entry in enumerate(calendar.entries):
        article = re.search(rf'id="entry-{number}" data-entry="{number}">(.*?)</article>', text, re.S)
        assert article is not None
        shown = _text(Document(article.group(1)))
        assert shown.startswith(f"{entry.effect} {visible(entry.ban)} · {visible(entry.vendor)}")
        assert visible(entry.summary) in shown
        if entry.products:
            assert f"Will hit {len(entry.products)} product release" in shown
            assert f'<div class="hits" data-entry="{number}">' in article.group(1)
        else:
            assert "No stored product will be hit." in shown
    data: Any = page.data()
    assert data["entries"] == [
        [
            {
                "product": visible(hit.product),
                "release": visible(hit.release),
                "status": hit.status,
                "components": [visible(component) for component in hit.components],
            }
            for hit in entry.products
        ]
        for entry in calendar.entries
    ]
    head = _text(page)
    hit = {(p.product, p.release) for entry in calendar.entries for p in entry.products}
    assert f"{len(calendar.entries)} phases start from {calendar.as_of} to {calendar.until};" in head
    assert f"{len(hit)} product releases will be hit" in head
    assert f"from {calendar.as_of} to {calendar.until} ({cases.CALENDAR_DAYS} days) · scopes us" in head
    in_days = (calendar.entries[0].date - calendar.as_of).days
    assert f"{calendar.entries[0].date} in {in_days} days" in head


def test_the_calendar_timeline_marks_each_phase_and_the_window(answers: dict[str, Any]) -> None:
    calendar: CalendarResult = answers["calendar"]
    page = Document(render_html(calendar))
    bars = page.all("rect", "tl-bar")
    phases = {(entry.ban, entry.effect, entry.date, entry.summary) for entry in calendar.entries}
    assert len(bars) == len(phases)
    assert sorted(bar["data-from"] or "" for bar in bars) == sorted(str(date) for _, _, date, _ in phases)
    assert all("data-until" not in bar for bar in bars)  # from the day it starts, open-ended
    [span] = page.all("rect", "tl-span")
    assert (span["data-from"], span["data-until"]) == (str(calendar.as_of), str(calendar.until))
    assert page.all("rect", "tl-window") == []  # a calendar has no warning window
    [axis] = page.all("line", "tl-axis")
    start = dt.date.fromisoformat(axis["data-start"] or "")
    end = dt.date.fromisoformat(axis["data-end"] or "")
    assert start <= calendar.as_of and calendar.until < end
    left, right = float(axis["x1"] or 0), float(axis["x2"] or 0)

    def x(day: dt.date) -> float:
        return left + (right - left) * (day - start).days / (end - start).days

    assert float(span["x"] or 0) == pytest.approx(x(calendar.as_of), abs=0.06)
    assert float(span["x"] or 0) + float(span["width"] or 0) == pytest.approx(x(calendar.until), abs=0.11)
    lanes = [attrs["href"] for attrs in page.all("a") if (attrs["href"] or "").startswith("#entry-")]
    first = {}
    for number, entry in enumerate(calendar.entries):
        first.setdefault(entry.ban, number)
    assert sorted(lanes) == sorted(f"#entry-{number}" for number in first.values())


def test_an_empty_calendar_says_so(answers: dict[str, Any]) -> None:
    calendar: CalendarResult = answers["empty_calendar"]
    assert calendar.entries == []
    page = Document(render_html(calendar))
    assert "No phase starts from 2000-01-01 to 2000-01-01." in _text(page)
    assert page.all("svg") == [] and page.all("div", "controls") == []
    assert page.data() == {"kind": "calendar", "entries": []}
