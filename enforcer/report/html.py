"""HTML: one self-contained page per run, for people to read, filter and print.

The module has three parts, so that later pages (impact, calendar) can reuse
the first two:

- **The shell** (`render_page`): a whole document with the style sheet and the
  scripts of `html_assets/` inlined, the data for the scripts as JSON in a
  `<script type="application/json">`, and a Content-Security-Policy meta tag
  that admits exactly those inline blocks (their SHA-256 hashes, computed
  here) and nothing else: no request can leave the page.
- **The timeline** (`TimelineLane`, `timeline_svg`): bans' phases as bars on a
  date axis (inline SVG), each phase's warning window shaded and the as-of
  date marked.
- **The run page** (`HtmlReporter`): the headline (gate, counts, as-of date,
  scopes, policies), the findings of each SBOM (a table that `run.js` builds
  from the embedded data: filter, sort, expand to the evidence and the drawn
  dependency path), the timeline of the bans that matched, and those bans with
  their citations.

Safety: every string from an SBOM or a policy is hostile. The markup built
here escapes every such string (`_text`); the data for the scripts escapes
`<`, `>`, `&`, U+2028 and U+2029 (`script_json`), so no value can close the
script element; the scripts build their DOM with `textContent` only. Only
http(s) citations become links (`link_url`), with `rel="noopener noreferrer"`.

The page is deterministic: the same result gives the same bytes (the start
time is the run's, which `SOURCE_DATE_EPOCH` fixes).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import importlib.resources
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import orjson

from enforcer._models import BanInfo, Finding, MatchEvidence, RunResult, SbomResult
from enforcer.report.interface import Reporter, ban_selected, bans_of, component_label, unidentified_percent

#: The statuses of a finding, worst first: the order of counts, filters and sorting.
STATUSES = ("deny", "warn", "waived", "allow")
#: Loader warnings listed per SBOM; the rest are counted.
MAX_WARNINGS = 50
#: Characters of a ban's label in the timeline (the whole text is in its tooltip and the ban list).
MAX_LANE_LABEL = 110

# C0 and C1 controls (but tab and line feed), DEL, and the line and paragraph separators -> visible escapes
_CONTROL = {
    code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    for code in [*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]
}
_SCRIPT_UNSAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}
_URL_FORBIDDEN = re.compile(r"[\x00-\x20\x7f-\x9f\"'<>`\\]")


# -- fields the results do not carry yet ------------------------------------------------


# -- text and data that cross into the page ---------------------------------------------


def visible(text: str) -> str:
    """The text with control characters shown as escapes (`\\x07`), so none can hide or reflow what is around it."""
    return text.translate(_CONTROL)


def escape(text: object) -> str:
    """Any value as HTML text or attribute value: visible and escaped (`<`, `>`, `&`, both quotes)."""
    return html.escape(visible(str(text)), quote=True)


def script_json(data: object) -> str:
    """JSON for a `<script type="application/json">`: nothing in it can end the element or start a comment.

    `<`, `>` and `&` become `\\u` escapes (which JSON.parse reads back), and so do
    U+2028 and U+2029 for scripts that would eval the text.
    """
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode("utf-8").translate(_SCRIPT_UNSAFE)


def link_url(reference: str) -> str | None:
    """The reference when it is an absolute http(s) URL with a host, else None (then it is shown as text)."""
    if _URL_FORBIDDEN.search(reference):
        return None
    try:
        parts = urlsplit(reference)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return reference


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@cache
def asset(name: str) -> str:
    """A file of `html_assets/` (package data), read once."""
    return importlib.resources.files("enforcer.report").joinpath("html_assets", name).read_text(encoding="utf-8")


# -- the shell ---------------------------------------------------------------------------


def render_page(
    *,
    title: str,
    body: str,
    data: object,
    scripts: Sequence[str],
    styles: Sequence[str] = ("page.css",),
) -> str:
    """A whole self-contained document: `body` (markup already escaped) in the shell.

    `styles` and `scripts` name files of `html_assets/`; each kind is inlined as
    one block. `data` goes into `<script id="enforcer-data" type="application/json">`,
    where the scripts read it. The Content-Security-Policy admits the two
    inline blocks by hash, images only as `data:` URLs, and nothing else.
    """
    style = "\n".join(asset(name) for name in styles)
    script = "\n".join(asset(name) for name in scripts)
    policy = "; ".join(
        (
            "default-src 'none'",
            f"style-src {_csp_hash(style)}",
            f"script-src {_csp_hash(script)}",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>{style}</style>\n"
        "</head>\n<body>\n"
        f"{body}"
        f'<script id="enforcer-data" type="application/json">{script_json(data)}</script>\n'
        f"<script>{script}</script>\n"
        "</body>\n</html>\n"
    )


# -- the timeline ------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelinePhase:
    """One phase of a ban: from `start` (to `until`, or open-ended) the `effect` applies."""

    effect: str
    start: dt.date
    until: dt.date | None
    summary: str


@dataclass(frozen=True)
class TimelineLane:
    """One ban on the timeline: its label, where its details are (`anchor`), its phases."""

    anchor: str
    label: str
    phases: tuple[TimelinePhase, ...]


# geometry of the timeline, in SVG user units (the drawing scales to the page width)
_WIDTH = 960
_PLOT_LEFT = 232
_PLOT_RIGHT = 944
_AXIS_TOP = 34
_HEADER_ROW = 20
_PHASE_ROW = 18
_BAR = 11
_GAP = 8


def phase_state(phase: TimelinePhase, as_of: dt.date, warn_days: int) -> str:
    """Where the phase stands on `as_of`: ended, in effect (`now`), in its warning window (`soon`), or `later`."""
    if phase.until is not None and phase.until <= as_of:
        return "ended"
    if phase.start <= as_of:
        return "now"
    if phase.start - dt.timedelta(days=warn_days) <= as_of:
        return "soon"
    return "later"


def state_words(phase: TimelinePhase, as_of: dt.date, warn_days: int) -> str:
    state = phase_state(phase, as_of, warn_days)
    if state == "ended":
        return f"ended {phase.until}"
    if state == "now":
        return "in effect"
    days = (phase.start - as_of).days
    return f"in {days} day{'s' if days != 1 else ''}"


def timeline_range(
    lanes: Iterable[TimelineLane], as_of: dt.date, warn_days: int, also: Iterable[dt.date] = ()
) -> tuple[dt.date, dt.date]:
    """The axis: from 1 January of the earliest date shown (`also`: more dates) to 1 January after the latest."""
    dates = [as_of, *also]
    for lane in lanes:
        for phase in lane.phases:
            dates.extend((phase.start, phase.start - dt.timedelta(days=warn_days)))
            if phase.until is not None:
                dates.append(phase.until)
    return dt.date(min(dates).year, 1, 1), dt.date(max(dates).year + 1, 1, 1)


def timeline_svg(
    lanes: Sequence[TimelineLane],
    *,
    as_of: dt.date,
    warn_days: int,
    window: tuple[dt.date, dt.date] | None = None,
) -> str:
    """The lanes as an inline SVG: one bar per phase at its dates, warning windows shaded, `as_of` marked.

    Each bar carries `data-from` (and `data-until`), the axis line `data-start`
    and `data-end`, so a reader (or a test) can check positions against dates.
    `window` (a calendar's days) is shaded behind the lanes, as a `rect.tl-span`.
    """
    start, end = timeline_range(lanes, as_of, warn_days, window or ())
    span = (end - start).days

    def x(day: dt.date) -> float:
        return _PLOT_LEFT + (_PLOT_RIGHT - _PLOT_LEFT) * (day - start).days / span

    bottom = _AXIS_TOP + sum(_HEADER_ROW + _PHASE_ROW * len(lane.phases) + _GAP for lane in lanes) + 4
    height = bottom + 18
    parts = [
        f'<svg class="timeline" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" height="{height}"'
        ' role="img" aria-labelledby="timeline-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="timeline-title">Ban phases on a date axis, the as-of date marked</title>',
        '<defs><pattern id="tl-hatch" width="6" height="6" patternUnits="userSpaceOnUse"'
        ' patternTransform="rotate(45)"><rect class="tl-hatch-bg" width="6" height="6"/>'
        '<line class="tl-hatch-line" x1="0" y1="0" x2="0" y2="6"/></pattern></defs>',
    ]
    years = range(start.year, end.year + 1)
    minor = end.year - start.year <= 4
    for year in years:
        tick = x(dt.date(year, 1, 1))
        parts.append(f'<line class="tl-grid" x1="{tick:.1f}" y1="{_AXIS_TOP - 6}" x2="{tick:.1f}" y2="{bottom}"/>')
        if year < end.year:
            middle = x(dt.date(year, 7, 2))
            parts.append(f'<text class="tl-year" x="{middle:.1f}" y="{_AXIS_TOP - 14}">{year}</text>')
            if minor:
                for month in (4, 7, 10):
                    tick = x(dt.date(year, month, 1))
                    parts.append(
                        f'<line class="tl-minor" x1="{tick:.1f}" y1="{_AXIS_TOP - 4}"'
                        f' x2="{tick:.1f}" y2="{_AXIS_TOP}"/>'
                    )
    parts.append(
        f'<line class="tl-axis" x1="{_PLOT_LEFT}" y1="{_AXIS_TOP}" x2="{_PLOT_RIGHT}" y2="{_AXIS_TOP}"'
        f' data-start="{start}" data-end="{end}"/>'
    )
    if window is not None:
        left, right = x(window[0]), x(window[1])
        parts.append(
            f'<rect class="tl-span" x="{left:.1f}" y="{_AXIS_TOP}" width="{right - left:.1f}"'
            f' height="{bottom - _AXIS_TOP}" data-from="{window[0]}" data-until="{window[1]}"/>'
        )
    y = _AXIS_TOP
    for lane in lanes:
        y += _GAP
        label = lane.label if len(lane.label) <= MAX_LANE_LABEL else lane.label[: MAX_LANE_LABEL - 1] + "…"
        parts.append(
            f'<g class="tl-lane"><a href="#{lane.anchor}"><text class="tl-ban" x="4" y="{y + 14}">{escape(label)}'
            f"<title>{escape(lane.label)}</title></text></a>"
        )
        y += _HEADER_ROW
        for phase in lane.phases:
            state = phase_state(phase, as_of, warn_days)
            effect = phase.effect if phase.effect in ("deny", "warn") else "other"
            middle = y + _PHASE_ROW / 2
            top = middle - _BAR / 2
            words = f"{phase.effect} from {phase.start} · {state_words(phase, as_of, warn_days)}"
            tooltip = f"{phase.effect} from {phase.start}" + (f" until {phase.until}" if phase.until else "")
            tooltip += f": {phase.summary}"
            parts.append(
                f'<g class="tl-phase tl-{effect} tl-{state}"><title>{escape(tooltip)}</title>'
                f'<text class="tl-label" x="14" y="{middle + 4:.1f}">{escape(words)}</text>'
            )
            window_start = max(x(phase.start - dt.timedelta(days=warn_days)), _PLOT_LEFT)
            if warn_days > 0:
                parts.append(
                    f'<rect class="tl-window" x="{window_start:.1f}" y="{top:.1f}"'
                    f' width="{x(phase.start) - window_start:.1f}" height="{_BAR}"'
                    f' data-from="{phase.start - dt.timedelta(days=warn_days)}" data-until="{phase.start}"/>'
                )
            bar_end = x(phase.until) if phase.until is not None else _PLOT_RIGHT
            until = f' data-until="{phase.until}"' if phase.until is not None else ""
            parts.append(
                f'<rect class="tl-bar" x="{x(phase.start):.1f}" y="{top:.1f}" width="{bar_end - x(phase.start):.1f}"'
                f' height="{_BAR}" data-from="{phase.start}"{until}/>'
            )
            if phase.until is None:  # open-ended: an arrow at the end of the axis
                parts.append(
                    f'<path class="tl-open" d="M{_PLOT_RIGHT:.1f} {top - 2:.1f} l7 {_BAR / 2 + 2:.1f}'
                    f' l-7 {_BAR / 2 + 2:.1f} z"/>'
                )
            parts.append("</g>")
            y += _PHASE_ROW
        parts.append("</g>")
    marker = x(as_of)
    label_x = min(max(marker, _PLOT_LEFT + 44), _PLOT_RIGHT - 44)
    parts.append(
        f'<g class="tl-asof" data-date="{as_of}"><line x1="{marker:.1f}" y1="{_AXIS_TOP - 2}" x2="{marker:.1f}"'
        f' y2="{bottom + 2}"/><text x="{label_x:.1f}" y="{bottom + 14}">as of {as_of}</text></g>'
    )
    parts.append("</svg>")
    return "".join(parts)


def timeline_legend(warn_days: int) -> str:
    """The key to the timeline's colours and marks (markup)."""
    items = [
        ("tl-key-deny", "deny phase"),
        ("tl-key-warn", "warn phase"),
        ("tl-key-window", f"warning window ({warn_days} days before a phase)"),
        ("tl-key-ended", "ended"),
        ("tl-key-later", "not yet in its warning window"),
        ("tl-key-asof", "the as-of date"),
    ]
    return (
        '<ul class="legend">'
        + "".join(f'<li><i class="{cls}"></i>{escape(words)}</li>' for cls, words in items)
        + "</ul>"
    )


# -- the run page ------------------------------------------------------------------------


class HtmlReporter(Reporter):
    extension = "html"

    def render(self, result: RunResult) -> str:
        bans = bans_of(result)
        matched = sorted({finding.ban for sbom in result.sboms for finding in sbom.findings})
        anchors = {ban_id: f"ban-{number}" for number, ban_id in enumerate(matched)}
        totals = result.totals()
        gate, _why = _gate(totals)
        title = f"enforcer: gate {gate} — " + ", ".join(f"{totals[status]} {status}" for status in STATUSES)
        body = "".join(
            (
                _headline(result, bans),
                _contents(result, bool(matched)),
                _findings_section(result),
                _timeline_section(result, [bans[ban_id] for ban_id in matched], anchors),
                _footer(result),
            )
        )
        return render_page(title=title, body=body, data=page_data(result, matched), scripts=("page.js", "run.js"))


def _gate(totals: Mapping[str, int]) -> tuple[str, str]:
    """ "passed" or "failed", and why, for `--fail-on deny` (the default; the page does not know the flag)."""
    failures = []
    if totals["errors"]:
        failures.append(f"{plural(totals['errors'], 'SBOM')} could not be checked")
    if totals["deny"]:
        failures.append(f"{plural(totals['deny'], 'finding')} denied")
    if failures:
        return "failed", "; ".join(failures)
    if totals["warn"]:
        return "passed", f"no finding denied; {plural(totals['warn'], 'warning')} (these fail with --fail-on warn)"
    return "passed", "no finding denied or warned"


def plural(count: int, word: str, words: str = "") -> str:
    return f"{count} {word if count == 1 else words or word + 's'}"


def _headline(result: RunResult, bans: Mapping[str, BanInfo]) -> str:
    totals = result.totals()
    gate, why = _gate(totals)
    counts = "".join(
        f'<div class="count st-{status}"><dt>{status}</dt><dd>{totals[status]}</dd></div>' for status in STATUSES
    )
    counts += (
        f'<div class="count unidentified"><dt>unidentified</dt><dd>{totals["unidentified"]}'
        f" <small>of {totals['components']} components"
        f" ({unidentified_percent(totals['components'], totals['unidentified'])})</small></dd></div>"
    )
    if result.scopes:
        scopes = "scopes " + ", ".join(f"<code>{escape(scope)}</code>" for scope in result.scopes)
    else:
        scopes = "all jurisdictions (no <code>--scope</code> given)"
    selected = [ban for ban in bans.values() if ban_selected(ban, result.scopes)]
    enabled = sum(1 for ban in selected if ban.enabled)
    facts = [
        f"as of <strong>{result.as_of}</strong>",
        scopes,
        f"{plural(enabled, 'ban')} applied"
        + (f" ({len(selected) - enabled} disabled)" if len(selected) != enabled else ""),
        f"warning window {plural(result.warn_days, 'day')}",
        f"{plural(len(result.sboms), 'SBOM')}",
        f"engine {escape(result.engine)}",
    ]
    policies = "".join(f"<li><code>{escape(policy)}</code></li>" for policy in result.policies)
    policy_block = (
        f'<details class="policies"><summary>{plural(len(result.policies), "policy file")}</summary>'
        f"<ul>{policies}</ul></details>"
        if result.policies
        else '<p class="policies">no policy files listed</p>'
    )
    return (
        f'<header class="headline gate-{gate}">\n'
        f'<p class="gate"><span class="gate-word">Gate {gate}</span> <span class="why">{escape(why)}</span></p>\n'
        f'<dl class="counts">{counts}</dl>\n'
        f'<p class="facts">{" · ".join(facts)}</p>\n'
        f"{policy_block}\n"
        "</header>\n"
    )


def _contents(result: RunResult, timeline: bool) -> str:
    items = [
        f'<li><a href="#sbom-{number}">{escape(sbom.path)}</a> {_sbom_counts(sbom)}</li>'
        for number, sbom in enumerate(result.sboms)
    ]
    if timeline:
        items.append('<li><a href="#timeline">Ban timeline and citations</a></li>')
    return f'<nav class="contents" aria-label="Contents"><ul>{"".join(items)}</ul></nav>\n'


def _sbom_counts(sbom: SbomResult) -> str:
    if sbom.error is not None:
        return '<span class="badge st-error">error</span>'
    return " ".join(
        f'<span class="badge st-{status}">{count} {status}</span>'
        for status in STATUSES
        if (count := sbom.count(status))
    )


def _findings_section(result: RunResult) -> str:
    parts = [
        '<main id="findings">\n<h2>Findings</h2>\n',
        '<div id="controls" class="controls" hidden></div>\n',
        '<noscript><p class="note">Filtering, sorting and the evidence of each finding need JavaScript;'
        " the findings are in the JSON block at the end of this file.</p></noscript>\n",
    ]
    for number, sbom in enumerate(result.sboms):
        parts.append(_sbom_section(number, sbom))
    parts.append("</main>\n")
    return "".join(parts)


def _sbom_section(number: int, sbom: SbomResult) -> str:
    head = f'<section class="sbom" id="sbom-{number}">\n<h3><code>{escape(sbom.path)}</code></h3>\n'
    if sbom.error is not None:
        message = sbom.error.removeprefix(sbom.path + ": ")
        return head + f'<p class="error">Could not be checked: {escape(message)}</p>\n</section>\n'
    facts = [escape(sbom.format) if sbom.format else "format unknown", plural(sbom.components, "component")]
    if sbom.unidentified:
        facts.append(
            f"{sbom.unidentified} without identity ({unidentified_percent(sbom.components, sbom.unidentified)})"
        )
    if sbom.unreadable:
        facts.append(f"{sbom.unreadable} unreadable")
    if sbom.out_of_scope:
        facts.append(f"{plural(sbom.out_of_scope, 'match', 'matches')} outside the selected scopes not shown")
    parts = [head, f'<p class="facts">{" · ".join(facts)}</p>\n']
    if sbom.warnings:
        shown = "".join(f"<li>{escape(warning)}</li>" for warning in sbom.warnings[:MAX_WARNINGS])
        more = len(sbom.warnings) - MAX_WARNINGS
        if more > 0:
            shown += f"<li>…and {more} more</li>"
        parts.append(f'<ul class="warnings">{shown}</ul>\n')
    if sbom.findings:
        parts.append(f'<div class="findings" data-sbom="{number}"></div>\n')
    else:
        parts.append('<p class="clean">No banned vendor found.</p>\n')
    parts.append("</section>\n")
    return "".join(parts)


def ban_lane(ban: BanInfo, findings: Iterable[Finding], anchor: str) -> TimelineLane:
    """A ban's lane: its declared phases when the result carries them, else the phases its findings name."""
    phases: set[TimelinePhase] = set()
    if ban.phases:
        phases = {TimelinePhase(phase.effect, phase.from_, phase.until, phase.summary) for phase in ban.phases}
    else:
        phases = {
            TimelinePhase(finding.phase.effect, finding.phase.date, None, finding.phase.summary)
            for finding in findings
            if finding.phase is not None
        }
    label = f"{ban.vendor} — {ban.id}"
    return TimelineLane(anchor, label, tuple(sorted(phases, key=lambda p: (p.start, p.effect, p.summary))))


def _timeline_section(result: RunResult, bans: list[BanInfo], anchors: Mapping[str, str]) -> str:
    if not bans:
        return ""
    by_ban: dict[str, list[Finding]] = {}
    for sbom in result.sboms:
        for finding in sbom.findings:
            by_ban.setdefault(finding.ban, []).append(finding)
    lanes = [ban_lane(ban, by_ban[ban.id], anchors[ban.id]) for ban in bans]
    drawn = [lane for lane in lanes if lane.phases]
    parts = [
        '<section id="timeline">\n<h2>Ban timeline</h2>\n',
        '<p class="note">Every ban that matched, its phases on a date axis: what is in effect on the as-of date'
        " bites now, what starts within the warning window warns, what starts later bites later.</p>\n",
    ]
    if drawn:
        parts.append(timeline_legend(result.warn_days))
        parts.append(
            f'<div class="timeline-frame">{timeline_svg(drawn, as_of=result.as_of, warn_days=result.warn_days)}</div>\n'
        )
    parts.append('<div class="bans">\n')
    for ban, lane in zip(bans, lanes, strict=True):
        parts.append(
            ban_card(ban, lane, by_ban[ban.id], anchors[ban.id], as_of=result.as_of, warn_days=result.warn_days)
        )
    parts.append("</div>\n</section>\n")
    return "".join(parts)


def ban_card(
    ban: BanInfo,
    lane: TimelineLane,
    findings: Sequence[Finding],
    anchor: str,
    *,
    as_of: dt.date,
    warn_days: int,
    extra: str = "",
) -> str:
    """A ban's card: vendor, id, counts of its findings, title, scopes, phases, `extra` (markup), citations."""
    counts = " ".join(
        f'<span class="badge st-{status}">{count} {status}</span>'
        for status in STATUSES
        if (count := sum(1 for finding in findings if finding.status == status))
    )
    facts = []
    if ban.scopes:
        facts.append("scopes " + ", ".join(f"<code>{escape(scope)}</code>" for scope in ban.scopes))
    if not ban.enabled:
        facts.append("<strong>disabled</strong>")
    if ban.reviewed:
        facts.append(f"reviewed {escape(ban.reviewed)}")
    facts.append(f"covers {escape(ban.covers)}")
    parts = [
        f'<article class="ban-card" id="{anchor}">\n'
        f"<h3>{escape(ban.vendor)} <code>{escape(ban.id)}</code> {counts}</h3>\n",
    ]
    if ban.title:
        parts.append(f'<p class="title">{escape(ban.title)}</p>\n')
    if facts:
        parts.append(f'<p class="facts">{" · ".join(facts)}</p>\n')
    if lane.phases:
        items = "".join(
            f'<li><span class="badge st-{escape(phase.effect)}">{escape(phase.effect)}</span>'
            f" from <strong>{phase.start}</strong>"
            + (f" until <strong>{phase.until}</strong>" if phase.until else "")
            + f" ({escape(state_words(phase, as_of, warn_days))}): {escape(phase.summary)}</li>"
            for phase in lane.phases
        )
        parts.append(f'<ul class="phases">{items}</ul>\n')
    parts.append(extra)
    if ban.references:
        parts.append('<p class="cites">Citations:</p>\n<ul class="references">')
        for reference in ban.references:
            url = link_url(reference)
            if url is not None:
                parts.append(f'<li><a href="{escape(url)}" rel="noopener noreferrer">{escape(reference)}</a></li>')
            else:
                parts.append(f"<li>{escape(reference)}</li>")
        parts.append("</ul>\n")
    parts.append("</article>\n")
    return "".join(parts)


def _footer(result: RunResult) -> str:
    parts = ['<footer class="footer">\n']
    if result.unused_waivers:
        waivers = ", ".join(f"<code>{escape(waiver)}</code>" for waiver in result.unused_waivers)
        parts.append(f"<p>Unused waivers (matched nothing): {waivers}</p>\n")
    started = result.started_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if result.started_at else ""
    parts.append(
        f"<p>enforcer {escape(result.tool_version)}, report schema {escape(result.schema_version)}"
        + (f", run started {started}" if started else "")
        + "</p>\n</footer>\n"
    )
    return "".join(parts)


# -- the data the page's script reads ----------------------------------------------------


def page_data(result: RunResult, matched: list[str]) -> dict[str, Any]:
    """What `run.js` reads: the matched bans and, per SBOM, its findings (strings made visible)."""
    ban_index = {ban_id: number for number, ban_id in enumerate(matched)}
    return {
        "bans": [visible(ban_id) for ban_id in matched],
        "sboms": [[finding_data(finding, ban_index) for finding in sbom.findings] for sbom in result.sboms],
    }


def finding_data(finding: Finding, ban_index: Mapping[str, int]) -> dict[str, Any]:
    component = finding.component
    data: dict[str, Any] = {
        "status": finding.status,
        "ban": ban_index[finding.ban],
        "vendor": visible(finding.vendor),
        "name": visible(component.name),
        "version": visible(component.version),
        "label": visible(component_label(component)),
        "purl": visible(component.purl),
        "ref": visible(component.ref),
        "path": [visible(step) for step in component.path],
        "reason": visible(finding.reason),
        "matches": [_match_data(match) for match in finding.matches],
    }
    if finding.phase is not None:
        data["phase"] = {
            "effect": finding.phase.effect,
            "date": finding.phase.date.isoformat(),
            "summary": visible(finding.phase.summary),
        }
    if finding.waiver is not None:
        waiver = finding.waiver
        data["waiver"] = {
            "id": visible(waiver.id),
            "status": waiver.status,
            "expires": waiver.expires.isoformat(),
            "reason": visible(waiver.reason),
            "approved_by": visible(waiver.approved_by),
        }
    if component.kind != "unknown":  # an unknown kind is said by the coverage reason, where it matters
        data["kind"] = visible(component.kind)
    if finding.coverage is not None:
        data["coverage"] = {"decision": finding.coverage.decision, "reason": visible(finding.coverage.reason)}
    return data


def _match_data(match: MatchEvidence) -> dict[str, str]:
    data = {
        "field": visible(match.field),
        "value": visible(match.value),
        "alias": visible(match.alias),
        "matcher": visible(match.matcher),
        "confidence": str(match.confidence),
    }
    if match.role:
        data["role"] = visible(match.role)
    if match.party:
        data["party"] = visible(match.party)
    return data
