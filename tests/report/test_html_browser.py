"""The HTML report in a real browser: headless Chromium from Debian, driven by Playwright.

Each test opens a page the renderer wrote and uses it as a reader would
(clicks, selects, types, prints), recording every console message, script
error, dialog, request and Content-Security-Policy violation. Without
Chromium these tests skip, except under CI=true, where they fail.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from enforcer._models import Finding, RunResult
from enforcer.report.html import HtmlReporter, visible
from enforcer.report.interface import component_label
from tests import browser
from tests.conftest import need
from tests.report.conftest import HUAWEI, canonical_result
from tests.report.html_cases import GOOD_URL, HOSTILE, PHASES, contract2_result, hostile_pipeline, hostile_result

RANK = {"deny": 0, "warn": 1, "waived": 2, "allow": 3}
#: records the CSP violations of the page, before any of its scripts runs
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    reason = browser.missing()
    need(reason is None, reason or "")
    with browser.chromium(viewport={"width": 1280, "height": 900}) as context:
        yield context


@dataclass
class Opened:
    """A page in the browser and everything it did."""

    page: Any
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def violations(self) -> list[str]:
        found: list[str] = self.page.evaluate("window.__violations")
        return found

    def rows(self) -> list[tuple[str, str, str]]:
        """The findings rows a reader sees: (status, ban, component)."""
        found: list[list[str]] = self.page.evaluate(
            """Array.from(document.querySelectorAll("tr.finding")).filter((tr) => tr.checkVisibility())
               .map((tr) => [tr.cells[1].textContent, tr.cells[2].textContent, tr.cells[4].textContent])"""
        )
        return [(status, ban, component) for status, ban, component in found]

    def quiet(self) -> None:
        """Nothing went wrong: no console message, script error, dialog or CSP violation."""
        assert (self.console, self.errors, self.dialogs, self.violations()) == ([], [], [], [])


def write(path: Path, result: RunResult) -> Path:
    path.write_text(HtmlReporter().render(result), encoding="utf-8")
    return path


def open_page(context: Any, url: str) -> Opened:
    page = context.new_page()
    opened = Opened(page)
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda message: opened.console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: opened.errors.append(str(error)))

    def dismiss(dialog: Any) -> None:
        opened.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.on("request", lambda request: opened.requests.append(request.url))
    page.goto(url)
    page.wait_for_selector("html[data-ready]", state="attached", timeout=10_000)
    return opened


@pytest.fixture
def canonical(context: Any, tmp_path: Path) -> Iterator[Opened]:
    opened = open_page(context, write(tmp_path / "canonical.html", canonical_result()).as_uri())
    yield opened
    opened.page.close()


def _row(finding: Finding) -> tuple[str, str, str]:
    return (finding.status, finding.ban, visible(component_label(finding.component)))


def _expected(result: RunResult, keep: Any = lambda finding: True, key: Any = None) -> list[tuple[str, str, str]]:
    findings = [finding for sbom in result.sboms for finding in sbom.findings if keep(finding)]
    return [_row(f) for f in sorted(findings, key=key or (lambda finding: RANK[finding.status]))]


def test_the_page_renders_without_errors(canonical: Opened) -> None:
    canonical.quiet()
    page = canonical.page
    assert page.locator(".gate-word").text_content() == "Gate failed"
    assert canonical.rows() == _expected(canonical_result())
    assert page.locator(".controls").is_visible()
    assert page.locator("svg.timeline").is_visible()


def test_filters_show_only_the_matching_rows(canonical: Opened) -> None:
    page, result = canonical.page, canonical_result()
    page.locator("input[name=status][value=deny]").uncheck()
    assert canonical.rows() == _expected(result, lambda f: f.status != "deny")
    page.locator("input[name=status][value=deny]").check()
    page.locator("select[name=ban]").select_option(label=HUAWEI)
    assert canonical.rows() == _expected(result, lambda f: f.ban == HUAWEI)
    page.locator("select[name=ban]").select_option(label="all bans")
    page.locator("select[name=vendor]").select_option(label="Kaspersky")
    assert canonical.rows() == _expected(result, lambda f: f.vendor == "Kaspersky")
    page.locator("input[name=component]").fill("HMS-")
    assert canonical.rows() == []
    assert page.locator("p.empty").first.is_visible()
    page.locator("select[name=vendor]").select_option(label="all vendors")
    assert canonical.rows() == _expected(result, lambda f: "hms-" in component_label(f.component))
    assert page.locator("output.showing").text_content() == "1 of 5 findings match the filters"
    canonical.quiet()


@pytest.mark.parametrize(
    ("column", "key"),
    [
        ("component", lambda f: component_label(f.component).lower()),
        ("ban", lambda f: f.ban),
        ("vendor", lambda f: f.vendor),
        ("status", lambda f: RANK[f.status]),
    ],
    ids=["component", "ban", "vendor", "status"],
)
def test_a_click_on_a_heading_sorts_and_a_second_reverses(canonical: Opened, column: str, key: Any) -> None:
    page, result = canonical.page, canonical_result()
    findings = [finding for sbom in result.sboms for finding in sbom.findings]
    order = {id(finding): number for number, finding in enumerate(findings)}
    heading = page.locator(f"th button.sort[data-key={column}]")
    if column != "status":  # the page opens sorted by status, ascending
        heading.click()
    assert canonical.rows() == [_row(f) for f in sorted(findings, key=lambda f: (key(f), order[id(f)]))]
    heading.click()
    assert canonical.rows() == [_row(f) for f in _reverse_stable(findings, key, order)]
    assert page.locator(f"th[data-key={column}]").get_attribute("aria-sort") == "descending"


def _reverse_stable(findings: list[Finding], key: Any, order: dict[int, int]) -> list[Finding]:
    """Descending by key; equal keys keep the report's order (as the page's sort does)."""
    groups: dict[Any, list[Finding]] = {}
    for finding in sorted(findings, key=lambda f: order[id(f)]):
        groups.setdefault(key(finding), []).append(finding)
    return [finding for value in sorted(groups, reverse=True) for finding in groups[value]]


def test_a_row_expands_to_its_evidence_and_its_path(canonical: Opened) -> None:
    page, result = canonical.page, canonical_result()
    finding = result.sboms[0].findings[0]
    page.locator("tr.finding").first.click()
    detail = page.locator("tr.detail")
    assert detail.count() == 1 and detail.is_visible()
    cells = detail.locator(".match-table tbody tr").evaluate_all(
        "(rows) => rows.map((tr) => Array.from(tr.cells, (td) => td.textContent))"
    )
    assert cells == [[m.field, m.value, m.alias, m.matcher, m.confidence.value] for m in finding.matches]
    boxes = detail.locator(".dep-path .box")
    texts = boxes.evaluate_all("(boxes) => boxes.map((box) => box.lastChild.textContent)")
    assert texts == finding.component.path
    places = [boxes.nth(number).bounding_box() for number in range(boxes.count())]
    for above, below in zip(places, places[1:], strict=False):  # each step below and to the right of its parent
        assert below["y"] > above["y"] + above["height"] - 1 and below["x"] > above["x"]
    assert page.locator("tr.finding").first.locator("button.toggle").get_attribute("aria-expanded") == "true"
    page.locator("tr.finding").first.click()
    assert page.locator("tr.detail").count() == 0
    page.locator("tr.finding").nth(1).locator("button.toggle").press("Enter")
    assert page.locator("tr.detail").count() == 1
    page.locator("button.expand-all").click()
    assert page.locator("tr.detail").count() == 5
    page.locator("button.collapse-all").click()
    assert page.locator("tr.detail").count() == 0
    canonical.quiet()


def _box(locator: Any) -> dict[str, float]:
    """Where the element's geometry is drawn on the screen (without its stroke)."""
    box: dict[str, float] = locator.evaluate(
        "(e) => { const r = e.getBoundingClientRect(); return {x: r.x, width: r.width}; }"
    )
    return box


def test_the_timeline_draws_one_bar_per_phase_at_its_date(context: Any, tmp_path: Path) -> None:
    opened = open_page(context, write(tmp_path / "c2.html", contract2_result()).as_uri())
    page = opened.page
    axis = _box(page.locator("line.tl-axis"))
    start = dt.date.fromisoformat(page.locator("line.tl-axis").get_attribute("data-start") or "")
    end = dt.date.fromisoformat(page.locator("line.tl-axis").get_attribute("data-end") or "")

    def x(day: dt.date) -> float:
        return float(axis["x"] + axis["width"] * (day - start).days / (end - start).days)

    phases = [phase for ban in PHASES.values() for phase in ban]
    assert page.locator("rect.tl-bar").count() == len(phases)
    for phase in phases:
        selector = f'rect.tl-bar[data-from="{phase.from_}"]' + (f'[data-until="{phase.until}"]' if phase.until else "")
        bar = _box(page.locator(selector))
        assert bar["x"] == pytest.approx(x(phase.from_), abs=0.5), phase
        right = x(phase.until) if phase.until else axis["x"] + axis["width"]
        assert bar["x"] + bar["width"] == pytest.approx(right, abs=0.5), phase
        window = _box(page.locator(f'rect.tl-window[data-until="{phase.from_}"]'))
        assert window["x"] == pytest.approx(x(phase.from_ - dt.timedelta(days=90)), abs=0.5)
    marker = _box(page.locator("g.tl-asof line"))
    assert marker["x"] + marker["width"] / 2 == pytest.approx(x(dt.date(2025, 3, 1)), abs=0.5)
    # the page is narrower: the drawing scales, the positions still match the dates
    page.set_viewport_size({"width": 760, "height": 900})
    axis = _box(page.locator("line.tl-axis"))
    bar = _box(page.locator('rect.tl-bar[data-from="2022-11-25"]'))
    assert bar["x"] == pytest.approx(x(dt.date(2022, 11, 25)), abs=0.5)
    opened.quiet()
    page.close()


def _hostile_checks(opened: Opened) -> None:
    page = opened.page
    if page.locator("button.expand-all").count():
        page.locator("button.expand-all").click()
    page.locator("a").first.hover()
    found = page.evaluate(
        """() => ({
        pwned: window.__pwned === undefined ? null : String(window.__pwned),
        injected: document.querySelectorAll("img, iframe, object, embed, b, base, form, #pwned").length,
        scripts: document.scripts.length,
        styles: document.querySelectorAll("style").length,
        sheets: document.styleSheets.length,
        svgs: document.querySelectorAll("svg").length,
        handlers: Array.from(document.querySelectorAll("*")).flatMap((e) =>
            Array.from(e.attributes).filter((a) => a.name.startsWith("on")).map((a) => e.tagName + " " + a.name)),
        links: Array.from(document.querySelectorAll("a[href]"), (a) => a.getAttribute("href"))
            .filter((href) => !href.startsWith("#")),
        body: getComputedStyle(document.body).display,
    })"""
    )
    assert found == {
        "pwned": None,
        "injected": 0,
        "scripts": 2,
        "styles": 1,
        "sheets": 1,
        "svgs": 1,
        "handlers": [],
        "links": [GOOD_URL],
        "body": "block",
    }
    assert opened.dialogs == []
    opened.quiet()


def test_hostile_strings_never_run_and_are_shown_as_text(context: Any, tmp_path: Path) -> None:
    """A hostile SBOM and a hostile ban, through the CLI: every string is shown as it was written."""
    report = hostile_pipeline(tmp_path)
    opened = open_page(context, report.as_uri())
    _hostile_checks(opened)
    page = opened.page
    h = HOSTILE
    assert page.locator("td.component").first.text_content() == f"{h[1]}@{h[2]}library"  # the name, then its kind
    assert page.locator("td.col-ban + td").first.text_content() == h[0]  # the vendor
    assert page.locator("td.reason").first.text_content() == f"banned since 2024-01-01: {h[4]}{h[3]}"
    texts = page.locator(".dep-path .box").evaluate_all("(boxes) => boxes.map((box) => box.lastChild.textContent)")
    assert texts == [f"{h[5]}@{h[3]}", f"{h[4]}@2.0", f"{h[1]}@{h[2]}"]
    assert page.locator("article.ban-card p.title").text_content() == h[1] + h[2]
    assert page.locator("select[name=vendor] option").nth(1).text_content() == h[0]
    assert page.locator("text.tl-ban").first.text_content().startswith(h[0])
    assert page.locator("section.sbom h3").first.text_content().endswith("<img src=x onerror=alert(9)>.cdx.json")
    page.close()


def test_hostile_strings_in_every_field_of_the_result(context: Any, tmp_path: Path) -> None:
    opened = open_page(context, write(tmp_path / "hostile.html", hostile_result()).as_uri())
    _hostile_checks(opened)
    page = opened.page
    h = HOSTILE
    assert page.locator("td.component").first.text_content() == f"{h[0]}@{h[3]}"
    assert page.locator(".m-matcher").first.text_content() == "line\\u2028para\\u2029end"
    assert page.locator(".m-alias").first.text_content() == h[8]
    assert page.locator("ul.references li").all_text_contents()[:3] == [
        "javascript:window.__pwned=6;alert(6)",
        "data:text/html,<script>alert(7)</script>",
        h[0],
    ]
    page.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        self.server.seen.append(self.path)  # type: ignore[attr-defined]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    """The hostile report on a loopback HTTP server: its URL, and the path of every request the server saw."""
    report = hostile_pipeline(tmp_path)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(tmp_path)))
    server.seen = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{report.name}", server.seen  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_nothing_is_fetched_but_the_page(context: Any, served: tuple[str, list[str]]) -> None:
    url, seen = served
    opened = open_page(context, url)
    page = opened.page
    page.locator("button.expand-all").click()
    page.locator("select[name=ban]").select_option(index=1)
    page.emulate_media(media="print")
    page.emulate_media(media="screen")
    assert opened.requests == [url]
    assert seen == ["/report.html"]
    opened.quiet()
    # and the page's policy forbids what a script of its own would try
    blocked = page.evaluate(browser.PROBE_REQUESTS)
    assert blocked == ["blocked", "blocked"]
    assert seen == ["/report.html"]
    assert sorted(violation.split()[0] for violation in opened.violations()) == ["connect-src", "img-src"]
    page.close()


def test_print_shows_every_finding_expanded_and_no_controls(canonical: Opened) -> None:
    page = canonical.page
    page.locator("input[name=status][value=deny]").uncheck()
    page.locator("input[name=component]").fill("av-")
    assert len(canonical.rows()) == 0
    page.emulate_media(media="print")  # the page hears of it at its next frame
    page.wait_for_function("() => document.querySelectorAll('tr.detail').length === 5")
    assert canonical.rows() == _expected(canonical_result())
    assert page.locator("tr.detail").count() == 5
    assert all(page.locator("tr.detail").nth(n).is_visible() for n in range(5))
    assert page.locator(".controls").is_hidden() and page.locator("nav.contents").is_hidden()
    assert page.locator("button.toggle").first.is_hidden()
    assert page.locator("details.policies li").first.is_visible()
    assert page.pdf()[:5] == b"%PDF-"
    page.emulate_media(media="screen")
    page.wait_for_function("() => document.querySelectorAll('tr.detail').length === 0")
    assert len(canonical.rows()) == 0
    assert page.locator(".controls").is_visible()
    canonical.quiet()
