"""The HTML report's renderer: one self-contained page whose strings never become markup.

What the page does in a browser is tested in test_html_browser.py; here the
document itself is parsed (html.parser) and checked.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import msgspec
import pytest

from enforcer.report.html import (
    HtmlReporter,
    TimelineLane,
    TimelinePhase,
    asset,
    link_url,
    phase_state,
    script_json,
    timeline_svg,
    visible,
)
from tests.conftest import FIXTURES
from tests.report.conftest import HUAWEI, KASPERSKY, clean_result
from tests.report.html_cases import (
    DATA_URL,
    GOOD_URL,
    HOSTILE,
    JS_URL,
    PHASES,
    contract2_result,
    hostile_result,
)

#: every element the page's markup may hold; anything else came from data
ELEMENTS = {
    "html", "head", "meta", "link", "title", "style", "body", "header", "p", "span", "dl", "div", "dt", "dd",
    "small", "code", "strong", "details", "summary", "ul", "li", "nav", "a", "main", "noscript", "section", "h2",
    "h3", "article", "footer", "script", "svg", "defs", "pattern", "rect", "line", "text", "g", "path", "i",
}  # fmt: skip


class Document(HTMLParser):
    """The parsed page: elements with their attributes, the text, and the raw text of script and style blocks."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: list[tuple[str, dict[str, str | None], str]] = []
        self.texts: list[str] = []
        self._block: tuple[str, dict[str, str | None], list[str]] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._block = (tag, dict(attrs), [])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if self._block is not None and tag == self._block[0]:
            self.blocks.append((self._block[0], self._block[1], "".join(self._block[2])))
            self._block = None

    def handle_data(self, data: str) -> None:
        if self._block is not None:
            self._block[2].append(data)
        else:
            self.texts.append(data)

    def handle_comment(self, data: str) -> None:
        raise AssertionError(f"the page holds a comment: {data!r}")

    @property
    def text(self) -> str:
        return "".join(self.texts)

    def all(self, tag: str, cls: str | None = None) -> list[dict[str, str | None]]:
        return [
            attrs
            for name, attrs in self.elements
            if name == tag and (cls is None or cls in (attrs.get("class") or "").split())
        ]

    def data(self) -> dict[str, object]:
        [block] = [text for tag, attrs, text in self.blocks if attrs.get("id") == "enforcer-data"]
        loaded: dict[str, object] = json.loads(block)
        return loaded


def render(result) -> str:
    return HtmlReporter().render(result)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def check_policy(page: Document) -> tuple[str, str]:
    """Assert that the page's Content-Security-Policy admits exactly its inline style and script, and
    comes before them; the style and the script."""
    [meta] = [attrs for attrs in page.all("meta") if attrs.get("http-equiv") == "Content-Security-Policy"]
    directives = dict(item.strip().split(" ", 1) for item in (meta["content"] or "").split(";"))
    [style] = [text for tag, _, text in page.blocks if tag == "style"]
    [script] = [text for tag, attrs, text in page.blocks if tag == "script" and "type" not in attrs]
    assert directives == {
        "default-src": "'none'",
        "style-src": _sha256(style),
        "script-src": _sha256(script),
        "img-src": "data:",
        "base-uri": "'none'",
        "form-action": "'none'",
    }
    # the policy comes before anything it governs
    names = [name for name, _ in page.elements]
    assert names.index("meta") < names.index("style") < names.index("script")
    return style, script


def test_the_policy_admits_exactly_the_inline_style_and_script(result):
    style, script = check_policy(Document(render(result)))
    assert style == asset("page.css") and script == asset("page.js") + "\n" + asset("run.js")


def test_nothing_is_loaded_from_elsewhere(result):
    page = Document(render(result))
    for name, attrs in page.elements:
        assert "src" not in attrs and "srcset" not in attrs, name
        if name == "link":
            assert attrs == {"rel": "icon", "href": "data:,"}
    for _, attrs, text in page.blocks:
        if attrs.get("id") != "enforcer-data":  # the data is text, never loaded
            assert re.findall(r"@import|url\((?!#)|[a-z]+://", text) == []
    assert [attrs["href"] for attrs in page.all("a") if not (attrs["href"] or "").startswith("#")] == [
        "https://www.federalregister.gov/d/2024-13532"
    ]


def test_the_scripts_never_parse_markup_or_code():
    for name in ("page.js", "run.js"):
        text = asset(name)
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
            assert word not in text, (name, word)


def test_data_for_the_script_cannot_end_it():
    text = script_json({"strings": HOSTILE, "</script>": "<!--"})
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == {"strings": HOSTILE, "</script>": "<!--"}


def test_hostile_strings_stay_text():
    text = render(hostile_result())
    page = Document(text)
    assert {name for name, _ in page.elements} <= ELEMENTS
    for name, attrs in page.elements:
        assert not [attr for attr in attrs if attr.startswith("on")], (name, attrs)
        assert attrs.get("id") != "pwned"
    assert [attrs["href"] for attrs in page.all("a") if not (attrs["href"] or "").startswith("#")] == [GOOD_URL]
    assert len(page.all("script")) == 2 and len(page.all("style")) == 1
    shown = page.text
    for string in HOSTILE[:6]:  # the path, format, engine, vendor, scopes, policies, error... of the markup
        assert visible(string) in shown, string
    for reference in (JS_URL, DATA_URL, 'https://example.org/"><img src=x onerror=alert(8)>'):
        assert reference in shown  # as text, not as a link
    data = json.dumps(page.data(), ensure_ascii=False)
    for string in HOSTILE:
        assert json.dumps(visible(string), ensure_ascii=False)[1:-1] in data, string


@pytest.mark.parametrize(
    ("reference", "link"),
    [
        ("https://www.federalregister.gov/d/2024-13532", True),
        ("http://example.org/a?b=c#d", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" https://example.org/", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("//example.org/", False),
        ("https://", False),
        ("http:/example.org", False),
        ('https://example.org/"onmouseover="alert(1)', False),
        ("https://example.org/ a", False),
        ("https://example.org/<b>", False),
        ("89 FR 52434", False),
        ("https://[::1", False),
    ],
    ids=lambda value: str(value)[:40],
)
def test_only_http_urls_become_links(reference, link):
    assert (link_url(reference) == reference) is link


def test_headline_says_why_the_gate_failed(result):
    page = Document(render(result))
    assert "Gate failed 1 SBOM could not be checked; 2 findings denied" in " ".join(page.text.split())
    assert "scopes us, uk" in page.text
    assert "policies/gov/us.rego" in page.text


def test_an_sbom_says_what_was_left_out(result):
    sbom = msgspec.structs.replace(result.sboms[0], out_of_scope=7)
    text = " ".join(Document(render(msgspec.structs.replace(result, sboms=[sbom]))).text.split())
    assert "3 without identity (2.5%) · 7 matches outside the selected scopes not shown" in text


def test_headline_of_a_clean_run():
    page = Document(render(clean_result()))
    text = " ".join(page.text.split())
    assert "Gate passed no finding denied or warned" in text
    assert "all jurisdictions (no --scope given)" in text
    assert "No banned vendor found." in text
    assert page.all("svg") == []


def test_a_warning_passes_the_gate_and_says_so(result):
    [sbom, *_] = result.sboms
    warn_only = msgspec.structs.replace(
        result, sboms=[msgspec.structs.replace(sbom, findings=[f for f in sbom.findings if f.status == "warn"])]
    )
    text = " ".join(Document(render(warn_only)).text.split())
    assert "Gate passed no finding denied; 1 warning (these fail with --fail-on warn)" in text


def test_fields_of_contract_2_are_shown_when_present():
    page = Document(render(contract2_result()))
    findings = page.data()["sboms"][0]  # type: ignore[index]
    first = findings[0]
    assert first["kind"] == "firmware"
    assert first["coverage"] == {"decision": "covered", "reason": "firmware"}
    assert first["matches"][0]["role"] == "supplier" and first["matches"][0]["party"] == "organization"
    assert "reviewed 2026-12-03" in page.text


def test_fields_of_contract_2_are_left_out_when_absent(result):
    findings = Document(render(result)).data()["sboms"][0]  # type: ignore[index]
    assert findings and not any({"kind", "coverage"} & set(finding) for finding in findings)
    assert not any({"role", "party"} & set(match) for finding in findings for match in finding["matches"])


def _bars(page: Document) -> list[dict[str, str | None]]:
    return page.all("rect", "tl-bar")


def test_the_timeline_draws_every_declared_phase_at_its_date():
    page = Document(render(contract2_result()))
    bars = _bars(page)
    expected = sorted((str(p.from_), str(p.until) if p.until else None) for ps in PHASES.values() for p in ps)
    assert sorted((bar["data-from"], bar.get("data-until")) for bar in bars) == expected
    [axis] = page.all("line", "tl-axis")
    start, end = dt.date.fromisoformat(axis["data-start"] or ""), dt.date.fromisoformat(axis["data-end"] or "")
    assert (start, end) == (dt.date(2018, 1, 1), dt.date(2027, 1, 1))  # 90 days before 2019-01-01 to after 2026-09-01
    left, right = float(axis["x1"] or 0), float(axis["x2"] or 0)

    def x(day: str) -> float:
        return left + (right - left) * (dt.date.fromisoformat(day) - start).days / (end - start).days

    for bar in bars:
        assert float(bar["x"] or 0) == pytest.approx(x(bar["data-from"] or ""), abs=0.06)
        until = bar.get("data-until")
        end_x = x(until) if until else right
        assert float(bar["x"] or 0) + float(bar["width"] or 0) == pytest.approx(end_x, abs=0.11)
    windows = page.all("rect", "tl-window")
    assert len(windows) == len(bars)
    for window in windows:
        days = (
            dt.date.fromisoformat(window["data-until"] or "") - dt.date.fromisoformat(window["data-from"] or "")
        ).days
        assert days == 90


def test_the_timeline_states_what_bites_now_and_later():
    page = Document(render(contract2_result()))
    classes = sorted(" ".join((attrs["class"] or "").split()[1:]) for attrs in page.all("g", "tl-phase"))
    assert classes == [
        "tl-deny tl-ended",
        "tl-deny tl-later",
        "tl-deny tl-now",
        "tl-deny tl-soon",
        "tl-warn tl-later",
        "tl-warn tl-now",
    ]
    text = " ".join(page.text.split())
    assert "deny from 2025-05-01 · in 61 days" in text
    assert "deny from 2019-01-01 · ended 2023-01-01" in text


def test_without_declared_phases_the_timeline_shows_those_the_findings_name(result):
    text = render(result)
    assert sorted(bar["data-from"] or "" for bar in _bars(Document(text))) == ["2021-03-12", "2024-09-29", "2024-12-01"]
    # lanes in the order of ban ids; the allow finding of the third ban names no phase: no lane
    assert re.findall(r'class="tl-ban"[^>]*>([^<]*)', text) == [f"Kaspersky — {KASPERSKY}", f"Huawei — {HUAWEI}"]


@pytest.mark.parametrize(
    ("start", "until", "state"),
    [
        ("2024-06-01", None, "now"),
        ("2024-06-01", "2024-06-02", "ended"),
        ("2024-06-02", "2024-07-01", "now"),
        ("2024-06-03", None, "soon"),
        ("2024-08-31", None, "soon"),
        ("2024-09-01", None, "later"),
    ],
)
def test_phase_state(start, until, state):
    phase = TimelinePhase("deny", dt.date.fromisoformat(start), dt.date.fromisoformat(until) if until else None, "")
    assert phase_state(phase, dt.date(2024, 6, 2), 90) == state


def test_a_lane_label_longer_than_the_column_is_clipped_with_the_whole_text_in_its_tooltip():
    long = "x" * 300
    svg = timeline_svg(
        [TimelineLane("ban-0", long, (TimelinePhase("deny", dt.date(2024, 1, 1), None, "s"),))],
        as_of=dt.date(2024, 6, 1),
        warn_days=0,
    )
    assert f"<title>{long}</title>" in svg and "x" * 109 + "…" in svg
    assert 'class="tl-window"' not in svg  # no warning window when warn_days is 0


def test_the_same_run_gives_the_same_bytes(result):
    assert render(result) == render(msgspec.convert(msgspec.to_builtins(result), type(result)))


def test_the_cli_writes_the_page_and_the_same_input_gives_the_same_bytes(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1727784000")
    sbom = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
    first, second = tmp_path / "first.html", tmp_path / "second.html"
    one = cli("check", sbom, "--as-of", "2024-10-01", "--format", "html", "--output", first)
    two = cli("check", sbom, "--as-of", "2024-10-01", "--output", f"html={second}", "--output", "json=-")
    assert one.exit_code == two.exit_code == 1
    assert first.read_bytes() == second.read_bytes()
    page = Document(first.read_text(encoding="utf-8"))
    assert "run started 2024-10-01 12:00:00 UTC" in page.text
    findings = page.data()["sboms"][0]  # type: ignore[index]
    assert len(findings) == len(json.loads(two.stdout)["sboms"][0]["findings"]) > 0


def test_the_assets_are_package_data():
    package = Path(__file__).resolve().parents[2] / "enforcer" / "report" / "html_assets"
    assert sorted(path.name for path in package.iterdir()) == [
        "inventory.css",
        "inventory.js",
        "page.css",
        "page.js",
        "run.js",
    ]
    assert asset("page.css") == (package / "page.css").read_text(encoding="utf-8")
