"""The inventory's `impact` and `calendar` answers as one self-contained HTML page each.

    render_html(result)   # an ImpactResult or a CalendarResult -> the whole document

Both pages live in the shell of the run page (`enforcer.report.html`): the
same style sheet (with `inventory.css`), the same Content-Security-Policy
(nothing but the inlined blocks; no request leaves the page), the same
escaping, the same timeline.

- **impact**: the headline (as-of date, scopes, SBOMs considered, products
  denied and warned, findings by status, policies and engine); the products
  table, built by `inventory.js` from the embedded data a page at a time
  (filter by status, ban and product; sort by status, product, ban and
  earliest date; a row expands to its findings, each with its evidence and
  dependency path drawn as on the run page); the timeline of the bans that
  matched; and the products by ban: each ban's card (phases, citations) with
  the products it hits.
- **calendar**: the window (as-of date to `until`), then every phase that
  starts in it, by date: the ban, its effect and summary, and the products it
  will hit (a table `inventory.js` builds, a page at a time); and the
  timeline of those phases with the window shaded.

Every string from an SBOM, the store or a policy is hostile: the markup here
escapes it (`escape`), the data for the script is `script_json`, the script
builds text nodes only, and only http(s) citations become links. The same
result gives the same bytes (the timings of an answer are not shown).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from enforcer import __version__
from enforcer._models import BanInfo, Finding
from enforcer.inventory._errors import InventoryError
from enforcer.inventory._results import (
    STATUS_ORDER,
    CalendarEntry,
    CalendarHit,
    CalendarResult,
    ImpactResult,
    ProductImpact,
)
from enforcer.report.html import (
    TimelineLane,
    TimelinePhase,
    ban_card,
    ban_lane,
    escape,
    finding_data,
    plural,
    render_page,
    timeline_legend,
    timeline_svg,
    visible,
)
from enforcer.report.interface import ban_selected

__all__ = ["render_html"]

#: products a ban's card lists in the markup (the table shows every one: its ban filter)
MAX_BAN_PRODUCTS = 60
#: loader warnings of a product kept for its detail
MAX_WARNINGS = 10
_RANK = {status: number for number, status in enumerate((*STATUS_ORDER, "none"))}
_SCRIPTS = ("page.js", "inventory.js")
_STYLES = ("page.css", "inventory.css")


def render_html(result: ImpactResult | CalendarResult) -> str:
    """The page of an `impact` or a `calendar` answer: a whole HTML document."""
    if isinstance(result, ImpactResult):
        return _impact_page(result)
    if isinstance(result, CalendarResult):
        return _calendar_page(result)
    raise InventoryError(f"html is for impact and calendar answers, not for {type(result).__name__}")


def _which(all_releases: bool) -> str:
    return "every release" if all_releases else "the latest release of each product"


def _scopes(scopes: Sequence[str]) -> str:
    if scopes:
        return "scopes " + ", ".join(f"<code>{escape(scope)}</code>" for scope in scopes)
    return "all jurisdictions (no scope given)"


def _badge(status: str, words: str | None = None) -> str:
    return f'<span class="badge st-{escape(status)}">{escape(words if words is not None else status)}</span>'


def _product_name(product: str, release: str) -> str:
    return f'<code class="product">{escape(product)}</code> <span class="release">{escape(release)}</span>'


# -- impact ------------------------------------------------------------------------------


def _impact_page(result: ImpactResult) -> str:
    by_ban: dict[str, list[tuple[ProductImpact, Finding]]] = {}
    for item in result.products:
        for finding in item.findings:
            by_ban.setdefault(finding.ban, []).append((item, finding))
    matched = sorted(by_ban)
    bans = {ban.id: ban for ban in result.bans}
    for ban_id in matched:
        if ban_id not in bans:  # a finding of a ban the answer does not describe: what the finding says
            bans[ban_id] = BanInfo(id=ban_id, vendor=by_ban[ban_id][0][1].vendor)
    anchors = {ban_id: f"ban-{number}" for number, ban_id in enumerate(matched)}
    denied = sum(1 for item in result.products if item.status == "deny")
    warned = sum(1 for item in result.products if item.status == "warn")
    title = f"enforcer inventory impact: {plural(denied, 'product')} denied, {warned} warned, as of {result.as_of}"
    lanes = [ban_lane(bans[ban_id], [finding for _, finding in by_ban[ban_id]], anchors[ban_id]) for ban_id in matched]
    body = "".join(
        (
            _impact_headline(result, bans, denied, warned),
            _contents(
                [("products", "Products")]
                + [("timeline", "Ban timeline")] * any(lane.phases for lane in lanes)
                + [("by-ban", "Products by ban")] * bool(matched)
            ),
            _products_section(result),
            _impact_timeline(result, lanes),
            _by_ban_section(result, [bans[ban_id] for ban_id in matched], lanes, by_ban, anchors),
            _footer("impact", result.as_of, result.unused_waivers),
        )
    )
    return render_page(title=title, body=body, data=_impact_data(result, matched), scripts=_SCRIPTS, styles=_STYLES)


def _impact_headline(result: ImpactResult, bans: dict[str, BanInfo], denied: int, warned: int) -> str:
    totals = result.totals()
    if denied:
        word, gate = f"{plural(denied, 'product')} denied", "failed"
        why = f"{plural(warned, 'product')} warned"
    elif warned:
        word, gate = f"{plural(warned, 'product')} warned", "passed"
        why = "no product denied"
    else:
        word, gate = "No product denied or warned", "passed"
        why = ""
    listed = len(result.products)
    why += ("; " if why else "") + f"{plural(listed, 'product release')} listed of {plural(result.sboms, 'SBOM')}"
    counts = "".join(
        f'<div class="count st-{status}"><dt>{status} findings</dt><dd>{totals[status]}</dd></div>'
        for status in STATUS_ORDER
    )
    selected = [ban for ban in bans.values() if ban_selected(ban, result.scopes) and ban.enabled]
    facts = [
        f"as of <strong>{result.as_of}</strong>",
        _scopes(result.scopes),
        f"{plural(result.sboms, 'SBOM')} considered ({_which(result.all_releases)})",
        f"warning window {plural(result.warn_days, 'day')}",
        f"{plural(len(selected), 'ban')} applied",
        f"engine {escape(result.engine)}",
    ]
    return (
        f'<header class="headline gate-{gate}">\n'
        f'<p class="gate"><span class="gate-word">{escape(word)}</span> <span class="why">{escape(why)}</span></p>\n'
        f'<dl class="counts">{counts}</dl>\n'
        f'<p class="facts">{" · ".join(facts)}</p>\n'
        f"{_policies(result.policies)}\n"
        "</header>\n"
    )


def _policies(policies: Sequence[str]) -> str:
    if not policies:
        return '<p class="policies">no policy files listed</p>'
    items = "".join(f"<li><code>{escape(policy)}</code></li>" for policy in policies)
    return (
        f'<details class="policies"><summary>{plural(len(policies), "policy file")}</summary><ul>{items}</ul></details>'
    )


def _contents(items: Sequence[tuple[str, str]]) -> str:
    links = "".join(f'<li><a href="#{anchor}">{escape(words)}</a></li>' for anchor, words in items)
    return f'<nav class="contents" aria-label="Contents"><ul>{links}</ul></nav>\n'


def _products_section(result: ImpactResult) -> str:
    parts = ['<main id="products">\n<h2>Products</h2>\n']
    if not result.products:
        parts.append('<p class="clean">No product is denied or warned.</p>\n</main>\n')
        return "".join(parts)
    parts.append(
        '<div id="controls" class="controls" hidden></div>\n'
        '<noscript><p class="note">The products table (filters, sorting, each product\'s findings) needs'
        " JavaScript; the products and their findings are in the JSON block at the end of this file.</p></noscript>\n"
        '<div class="product-table"></div>\n</main>\n'
    )
    return "".join(parts)


def _impact_timeline(result: ImpactResult, lanes: list[TimelineLane]) -> str:
    drawn = [lane for lane in lanes if lane.phases]
    if not drawn:
        return ""
    svg = timeline_svg(drawn, as_of=result.as_of, warn_days=result.warn_days)
    return (
        '<section id="timeline">\n<h2>Ban timeline</h2>\n'
        '<p class="note">Every ban that matched, its phases on a date axis: what is in effect on the as-of date'
        " bites now, what starts within the warning window warns, what starts later bites later.</p>\n"
        f'{timeline_legend(result.warn_days)}<div class="timeline-frame">{svg}</div>\n</section>\n'
    )


def _by_ban_section(
    result: ImpactResult,
    bans: list[BanInfo],
    lanes: list[TimelineLane],
    by_ban: dict[str, list[tuple[ProductImpact, Finding]]],
    anchors: dict[str, str],
) -> str:
    if not bans:
        return ""
    parts = [
        '<section id="by-ban">\n<h2>Products by ban</h2>\n',
        '<p class="note">Every ban that matched: its phases, its citations, and the products it hits'
        ' (each with the worst status of that ban\'s findings in it).</p>\n<div class="bans">\n',
    ]
    for number, (ban, lane) in enumerate(zip(bans, lanes, strict=True)):
        pairs = by_ban[ban.id]
        findings = [finding for _, finding in pairs]
        parts.append(
            ban_card(
                ban,
                lane,
                findings,
                anchors[ban.id],
                as_of=result.as_of,
                warn_days=result.warn_days,
                extra=_ban_products(number, pairs),
            )
        )
    parts.append("</div>\n</section>\n")
    return "".join(parts)


def _ban_products(number: int, pairs: list[tuple[ProductImpact, Finding]]) -> str:
    """The products one ban hits, worst first: the first MAX_BAN_PRODUCTS, and a button to see all in the table."""
    worst: dict[tuple[str, str], str] = {}
    for item, finding in pairs:
        key = (item.sbom.product, item.sbom.release)
        if key not in worst or _RANK[finding.status] < _RANK[worst[key]]:
            worst[key] = finding.status
    ordered = sorted(worst.items(), key=lambda pair: (_RANK[pair[1]], pair[0]))
    items = "".join(
        f"<li>{_badge(status)} {_product_name(product, release)}</li>"
        for (product, release), status in ordered[:MAX_BAN_PRODUCTS]
    )
    more = len(ordered) - MAX_BAN_PRODUCTS
    if more > 0:
        items += f'<li class="more">…and {more} more</li>'
    return (
        f'<p class="hits-head">Hits {plural(len(ordered), "product release")}'
        f' <button type="button" class="show-ban" data-ban="{number}" hidden>Show in the products table</button></p>\n'
        f'<ul class="ban-products">{items}</ul>\n'
    )


def _footer(kind: str, as_of: dt.date, unused_waivers: Sequence[str] = ()) -> str:
    parts = ['<footer class="footer">\n']
    if unused_waivers:
        waivers = ", ".join(f"<code>{escape(waiver)}</code>" for waiver in unused_waivers)
        parts.append(f"<p>Unused waivers (matched nothing): {waivers}</p>\n")
    parts.append(f"<p>enforcer {escape(__version__)}, inventory {kind} as of {as_of}</p>\n</footer>\n")
    return "".join(parts)


def _impact_data(result: ImpactResult, matched: list[str]) -> dict[str, Any]:
    """What `inventory.js` reads for the products table: the matched bans, and each product with its findings."""
    index = {ban_id: number for number, ban_id in enumerate(matched)}
    return {
        "kind": "impact",
        "bans": [visible(ban_id) for ban_id in matched],
        "products": [_product_data(item, index) for item in result.products],
    }


def _product_data(item: ProductImpact, index: dict[str, int]) -> dict[str, Any]:
    sbom = item.sbom
    return {
        "product": visible(sbom.product),
        "release": visible(sbom.release),
        "path": visible(sbom.path),
        "format": visible(sbom.format),
        "components": item.components,
        "unidentified": item.unidentified,
        "out_of_scope": item.out_of_scope,
        "warnings": [visible(warning) for warning in item.warnings[:MAX_WARNINGS]],
        "more_warnings": max(0, len(item.warnings) - MAX_WARNINGS),
        "status": item.status,
        "bans": [index[ban_id] for ban_id in item.bans if ban_id in index],
        "earliest": item.earliest.isoformat() if item.earliest else None,
        "findings": [finding_data(finding, index) for finding in item.findings],
    }


# -- calendar ----------------------------------------------------------------------------


def _calendar_page(result: CalendarResult) -> str:
    hit = {(product.product, product.release) for entry in result.entries for product in entry.products}
    title = (
        f"enforcer inventory calendar: {plural(len(result.entries), 'phase')} from {result.as_of}"
        f" to {result.until}, {plural(len(hit), 'product release')} hit"
    )
    lanes = _calendar_lanes(result.entries)
    body = "".join(
        (
            _calendar_headline(result, len(hit)),
            _contents([("phases", "Phases by date"), ("timeline", "Timeline")][: 1 + bool(lanes)]),
            _agenda(result),
            _calendar_timeline(result, lanes),
            _footer("calendar", result.as_of),
        )
    )
    data = {
        "kind": "calendar",
        "entries": [[_hit_data(product) for product in entry.products] for entry in result.entries],
    }
    return render_page(title=title, body=body, data=data, scripts=_SCRIPTS, styles=_STYLES)


def _calendar_headline(result: CalendarResult, hit: int) -> str:
    days = (result.until - result.as_of).days
    phases = len(result.entries)
    gate = "failed" if hit else "passed"
    word = f"{plural(phases, 'phase')} start" if phases != 1 else "1 phase starts"
    why = f"from {result.as_of} to {result.until}; {plural(hit, 'product release')} will be hit"
    effects = {effect: sum(1 for entry in result.entries if entry.effect == effect) for effect in ("deny", "warn")}
    counts = "".join(
        f'<div class="count st-{effect}"><dt>{effect} phases</dt><dd>{count}</dd></div>'
        for effect, count in effects.items()
    )
    counts += f'<div class="count"><dt>products hit</dt><dd>{hit}</dd></div>'
    facts = [
        f"from <strong>{result.as_of}</strong> to <strong>{result.until}</strong> ({plural(days, 'day')})",
        _scopes(result.scopes),
        f"{plural(result.sboms, 'SBOM')} considered ({_which(result.all_releases)})",
    ]
    return (
        f'<header class="headline gate-{gate}">\n'
        f'<p class="gate"><span class="gate-word">{escape(word)}</span> <span class="why">{escape(why)}</span></p>\n'
        f'<dl class="counts">{counts}</dl>\n'
        f'<p class="facts">{" · ".join(facts)}</p>\n'
        "</header>\n"
    )


def _in_days(day: dt.date, as_of: dt.date) -> str:
    days = (day - as_of).days
    return "on the as-of date" if days == 0 else f"in {plural(days, 'day')}"


def _agenda(result: CalendarResult) -> str:
    parts = ['<main id="phases">\n<h2>Phases by date</h2>\n']
    if not result.entries:
        parts.append(f'<p class="clean">No phase starts from {result.as_of} to {result.until}.</p>\n</main>\n')
        return "".join(parts)
    parts.append(
        '<div id="controls" class="controls" hidden></div>\n'
        '<noscript><p class="note">The products each phase will hit are listed with JavaScript;'
        " they are in the JSON block at the end of this file.</p></noscript>\n"
        '<ol class="agenda">\n'
    )
    days: dict[dt.date, list[tuple[int, CalendarEntry]]] = {}
    for number, entry in enumerate(result.entries):
        days.setdefault(entry.date, []).append((number, entry))
    for day in sorted(days):
        parts.append(
            f'<li class="day" data-date="{day}"><h3><time datetime="{day}">{day}</time>'
            f" <small>{_in_days(day, result.as_of)}</small></h3>\n"
        )
        parts.extend(_agenda_entry(number, entry) for number, entry in days[day])
        parts.append("</li>\n")
    parts.append("</ol>\n</main>\n")
    return "".join(parts)


def _agenda_entry(number: int, entry: CalendarEntry) -> str:
    facts = [f'<code class="ban-id">{escape(entry.ban)}</code>', escape(entry.vendor)]
    if entry.scopes:
        facts.append("scopes " + ", ".join(f"<code>{escape(scope)}</code>" for scope in entry.scopes))
    effect = entry.effect if entry.effect in ("deny", "warn") else "allow"
    head = f'<p class="phase-head">{_badge(effect, entry.effect)} {" · ".join(facts)}</p>\n'
    summary = f'<p class="summary">{escape(entry.summary)}</p>\n' if entry.summary else ""
    if entry.products:
        hits = (
            f'<p class="hit-count">Will hit {plural(len(entry.products), "product release")}</p>\n'
            f'<div class="hits" data-entry="{number}"></div>\n'
        )
    else:
        hits = '<p class="clean">No stored product will be hit.</p>\n'
    return (
        f'<article class="phase-entry st-{effect}" id="entry-{number}" data-entry="{number}">\n'
        f"{head}{summary}{hits}</article>\n"
    )


def _hit_data(hit: CalendarHit) -> dict[str, Any]:
    return {
        "product": visible(hit.product),
        "release": visible(hit.release),
        "status": hit.status,
        "components": [visible(component) for component in hit.components],
    }


def _calendar_lanes(entries: Sequence[CalendarEntry]) -> list[TimelineLane]:
    """One lane per ban, its phases those of the calendar (first entry of the ban: its anchor), earliest first."""
    phases: dict[str, set[TimelinePhase]] = {}
    first: dict[str, int] = {}
    vendors: dict[str, str] = {}
    for number, entry in enumerate(entries):
        phases.setdefault(entry.ban, set()).add(TimelinePhase(entry.effect, entry.date, None, entry.summary))
        first.setdefault(entry.ban, number)
        vendors.setdefault(entry.ban, entry.vendor)
    return [
        TimelineLane(
            f"entry-{first[ban_id]}",
            f"{vendors[ban_id]} — {ban_id}",
            tuple(sorted(phases[ban_id], key=lambda p: (p.start, p.effect, p.summary))),
        )
        for ban_id in sorted(phases, key=lambda ban_id: (entries[first[ban_id]].date, ban_id))
    ]


def _calendar_timeline(result: CalendarResult, lanes: list[TimelineLane]) -> str:
    if not lanes:
        return ""
    svg = timeline_svg(lanes, as_of=result.as_of, warn_days=0, window=(result.as_of, result.until))
    keys = [
        ("tl-key-deny", "deny phase"),
        ("tl-key-warn", "warn phase"),
        ("tl-key-span", f"the calendar: {result.as_of} to {result.until}"),
        ("tl-key-asof", "the as-of date"),
    ]
    legend = "".join(f'<li><i class="{cls}"></i>{escape(words)}</li>' for cls, words in keys)
    return (
        '<section id="timeline">\n<h2>Timeline</h2>\n'
        '<p class="note">The phases of the calendar on a date axis, each bar from the day it starts.</p>\n'
        f'<ul class="legend">{legend}</ul><div class="timeline-frame calendar-timeline">{svg}</div>\n</section>\n'
    )
