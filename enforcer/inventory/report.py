"""The inventory's answers as text: a table, JSON, Markdown or SARIF (and HTML for impact and calendar).

    render(result, InventoryFormat.TABLE)

`result` is what an `Inventory` method returns. JSON is every field of the
result (plus its totals), keys sorted, with `kind` naming the answer and
`schema_version` its shape. SARIF (2.1.0) is for the answers that point at
components: `impact` is rendered by the enforcer's own SARIF reporter (the
same rules, levels, locations and fingerprints as `check`), `diff`,
`calendar` and `find` by the small log builder below. Values from SBOMs are
made safe as the enforcer's reports make them: control characters visible in
tables, Markdown punctuation escaped in cells.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Callable, Sequence
from typing import Any

import msgspec
import orjson

from enforcer import __version__
from enforcer._models import Finding, RunResult, SbomResult
from enforcer._printable import printable
from enforcer.inventory._errors import InventoryError
from enforcer.inventory._results import (
    AddResult,
    CalendarResult,
    DiffResult,
    FindResult,
    ImpactResult,
    ProductDetail,
    ProductSummary,
    RemoveResult,
    SbomRef,
)
from enforcer.inventory.html import render_html
from enforcer.report.interface import component_label
from enforcer.report.markdown import _cell, _code
from enforcer.report.sarif import SARIF_SCHEMA, SARIF_VERSION, artifact_uri, to_sarif

__all__ = ["SCHEMA_VERSION", "InventoryFormat", "render", "to_document"]

#: the shape of the JSON documents (bumped when a field changes meaning or goes)
SCHEMA_VERSION = "1"

Result = (
    ImpactResult
    | DiffResult
    | CalendarResult
    | FindResult
    | AddResult
    | ProductDetail
    | RemoveResult
    | list[ProductSummary]
)


class InventoryFormat(enum.StrEnum):
    """The `--format` choices of the inventory commands."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    SARIF = "sarif"
    HTML = "html"


def render(result: Result, format: InventoryFormat | str = InventoryFormat.TABLE) -> str:
    """The answer as text in one format, ending with a newline."""
    chosen = InventoryFormat(format)
    if chosen is InventoryFormat.JSON:
        return orjson.dumps(to_document(result), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode() + "\n"
    kind = _kind(result)
    if chosen is InventoryFormat.HTML:
        if not isinstance(result, ImpactResult | CalendarResult):
            raise InventoryError(f"html is for impact and calendar, not for {kind}")
        return render_html(result)
    if chosen is InventoryFormat.SARIF:
        sarif = _SARIF.get(kind)
        if sarif is None:
            raise InventoryError(f"SARIF is for impact, diff, calendar and find, not for {kind}")
        return orjson.dumps(sarif(result), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode() + "\n"
    lines = _TEXT[kind](result, chosen is InventoryFormat.MARKDOWN)
    # values come from SBOMs: a newline or an escape sequence must not start a line or drive a terminal
    return "\n".join(printable(line) for line in lines).rstrip("\n") + "\n"


def to_document(result: Result) -> dict[str, Any]:
    """The answer as plain data (what the JSON format writes)."""
    kind = _kind(result)
    body: Any = msgspec.to_builtins(result)
    document: dict[str, Any] = {"kind": kind, "schema_version": SCHEMA_VERSION, "tool_version": __version__}
    if isinstance(result, list):
        document["products"] = body
        return document
    document.update(body)
    if isinstance(result, ImpactResult):
        document["totals"] = result.totals()
        document.pop("timings", None)
    elif isinstance(result, DiffResult):
        document.pop("timings", None)
    elif isinstance(result, AddResult):
        document["exit_code"] = result.exit_code
    return document


def _kind(result: Result) -> str:
    if isinstance(result, list):
        return "list"
    kinds = {
        ImpactResult: "impact",
        DiffResult: "diff",
        CalendarResult: "calendar",
        FindResult: "find",
        AddResult: "add",
        ProductDetail: "show",
        RemoveResult: "remove",
    }
    return kinds[type(result)]


# -- text and Markdown -------------------------------------------------------------------------


def _table(rows: Sequence[Sequence[str]], markdown: bool, code: Sequence[int] = ()) -> list[str]:
    """Rows (the first is the header) as aligned columns, or a Markdown table."""
    if markdown:
        header, *body = rows
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        for row in body:
            cells = [_code(cell) if number in code else _cell(cell) for number, cell in enumerate(row)]
            lines.append("| " + " | ".join(cells) + " |")
        return lines
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]


def _value(text: str, markdown: bool) -> str:
    """A value from an SBOM or a query in running text: a code span in Markdown."""
    return _code(text) if markdown else text


def _scopes(scopes: list[str]) -> str:
    return f"scopes {', '.join(scopes)}" if scopes else "all scopes"


def _which(all_releases: bool) -> str:
    return "every release" if all_releases else "the latest release of each product"


def _impact_text(result: Any, markdown: bool) -> list[str]:
    impact: ImpactResult = result
    totals = impact.totals()
    denied = sum(1 for item in impact.products if item.status == "deny")
    warned = sum(1 for item in impact.products if item.status == "warn")
    head = (
        f"as of {impact.as_of}, {_scopes(impact.scopes)}: {impact.sboms} SBOMs ({_which(impact.all_releases)});"
        f" {denied} denied, {warned} warned ({totals['deny']} deny and {totals['warn']} warn findings)"
    )
    lines = ["# Portfolio impact", "", head, ""] if markdown else [head, ""]
    if not impact.products:
        return [*lines, "no product is denied or warned"]
    rows = [("STATUS", "PRODUCT", "RELEASE", "BANS", "EARLIEST", "COMPONENTS")]
    for item in impact.products:
        banned = sorted({component_label(f.component) for f in item.findings if f.status in ("deny", "warn")})
        rows.append(
            (
                item.status,
                item.sbom.product,
                item.sbom.release,
                ", ".join(item.bans),
                str(item.earliest or ""),
                ", ".join(banned[:3]) + (f" (+{len(banned) - 3})" if len(banned) > 3 else ""),
            )
        )
    lines += _table(rows, markdown, code=(1, 2, 3, 5))
    if not markdown:
        lines.append("")
        for item in impact.products:
            lines.append(f"{item.sbom.product} {item.sbom.release}  ({item.sbom.path})")
            lines.extend(f"  {_finding_line(finding)}" for finding in item.findings)
    if impact.unused_waivers:
        lines += ["", f"unused waivers (matched nothing): {', '.join(impact.unused_waivers)}"]
    return lines


def _finding_line(finding: Finding) -> str:
    path = " > ".join(finding.component.path) or component_label(finding.component)
    return f"{finding.status:<6} {finding.ban}  {path}  {finding.reason}"


def _diff_text(result: Any, markdown: bool) -> list[str]:
    diff: DiffResult = result
    head = (
        f"as of {diff.as_of}, {_scopes(diff.scopes)}: {diff.sboms} SBOMs ({_which(diff.all_releases)});"
        f" {_count(len(diff.products), 'product')} {'changes' if len(diff.products) == 1 else 'change'},"
        f" {_count(len(diff.findings), 'finding')} {'changes' if len(diff.findings) == 1 else 'change'}"
    )
    lines = ["# Policy change", "", head, ""] if markdown else [head, ""]
    if diff.products:
        changed: list[tuple[str, ...]] = [("PRODUCT", "RELEASE", "BEFORE", "AFTER")]
        changed += [(item.product, item.release, item.base, item.new) for item in diff.products]
        lines += [*_table(changed, markdown, code=(0, 1)), ""]
    if diff.findings:
        rows = [("CHANGE", "PRODUCT", "BAN", "COMPONENT", "BEFORE", "AFTER", "REASON")]
        rows += [
            (
                change.change,
                change.product,
                change.ban,
                component_label(change.component),
                change.base or "-",
                change.new or "-",
                change.new_reason or change.base_reason,
            )
            for change in diff.findings
        ]
        lines += _table(rows, markdown, code=(1, 2, 3))
    else:
        lines.append("no finding changes")
    return lines


def _calendar_text(result: Any, markdown: bool) -> list[str]:
    calendar: CalendarResult = result
    head = f"phases starting {calendar.as_of} to {calendar.until}, {_scopes(calendar.scopes)}: {calendar.sboms} SBOMs"
    lines = ["# Ban calendar", "", head, ""] if markdown else [head, ""]
    if not calendar.entries:
        return [*lines, "no phase starts in this window"]
    # the phases that hit a product; the others are counted (JSON and SARIF list them all)
    hitting = [entry for entry in calendar.entries if entry.products]
    others = len(calendar.entries) - len(hitting)
    verbs = "starts in the window and hits" if others == 1 else "start in the window and hit"
    rest = [f"{_count(others, 'other phase')} {verbs} no product"]
    if not hitting:
        return [*lines, "no phase in this window hits a stored product", *rest]
    rows = [("DATE", "EFFECT", "BAN", "VENDOR", "PRODUCTS HIT", "SUMMARY")]
    for entry in hitting:
        hit = ", ".join(f"{p.product} {p.release}" for p in entry.products)
        rows.append((str(entry.date), entry.effect, entry.ban, entry.vendor, hit, entry.summary))
    return lines + _table(rows, markdown, code=(2, 4)) + ([""] + rest if others else [])


def _find_text(result: Any, markdown: bool) -> list[str]:
    found: FindResult = result
    keys = ", ".join(repr(key) for key in found.keys) or "none"
    head = (
        f"{_value(found.query, markdown)}  (read as {found.read_as}; key {_value(keys, markdown)}):"
        f" {len(found.products)} of {found.sboms} SBOMs"
        f" ({_which(found.all_releases)})"
    )
    lines = ["# Vendor search", "", head, ""] if markdown else [head, ""]
    rows = [("PRODUCT", "RELEASE", "COMPONENT", "MATCHED", "PATH")]
    for product in found.products:
        for item in product.components:
            best = item.matches[0]
            matched = f"{best.matcher} {best.field}={best.value!r} ({best.confidence.value})"
            path = " > ".join(item.component.path)
            rows.append((product.sbom.product, product.sbom.release, component_label(item.component), matched, path))
    return lines + (_table(rows, markdown, code=(0, 1, 2, 4)) if len(rows) > 1 else ["no stored SBOM holds it"])


def _list_text(result: Any, markdown: bool) -> list[str]:
    products: list[ProductSummary] = result
    lines = ["# Stored products", ""] if markdown else []
    if not products:
        return [*lines, "the store holds no SBOM"]
    rows = [("PRODUCT", "RELEASES", "LATEST", "COMPONENTS", "FORMAT", "ADDED")]
    rows += [
        (
            item.product,
            str(item.releases),
            item.latest.release,
            str(item.latest.components),
            item.latest.format,
            item.latest.added_at.isoformat(),
        )
        for item in products
    ]
    return lines + _table(rows, markdown, code=(0, 2))


def _releases(releases: list[SbomRef], markdown: bool) -> list[str]:
    rows = [("RELEASE", "LATEST", "COMPONENTS", "FORMAT", "ADDED", "PATH", "SHA256")]
    rows += [
        (
            item.release,
            "yes" if item.latest else "",
            str(item.components),
            item.format,
            item.added_at.isoformat(),
            item.path,
            item.digest[:16],
        )
        for item in releases
    ]
    return _table(rows, markdown, code=(0, 5, 6))


def _show_text(result: Any, markdown: bool) -> list[str]:
    detail: ProductDetail = result
    count = len(detail.releases)
    head = f"{_value(detail.product, markdown)}: {count} release{'' if count == 1 else 's'} stored"
    return [*(["# Product", "", head, ""] if markdown else [head, ""]), *_releases(detail.releases, markdown)]


def _remove_text(result: Any, markdown: bool) -> list[str]:
    removed: RemoveResult = result
    head = f"removed {_count(len(removed.removed), 'SBOM')}"
    return [*(["# Removed", "", head, ""] if markdown else [head, ""]), *_releases(removed.removed, markdown)]


def _add_text(result: Any, markdown: bool) -> list[str]:
    added: AddResult = result
    replaced = sum(1 for item in added.added if item.status == "replaced")
    head = (
        f"stored {_count(len(added.added) - replaced, 'SBOM')}, replaced {_count(replaced, 'release')},"
        f" {len(added.duplicates)} already stored, {len(added.failures)} could not be read"
    )
    lines = ["# SBOMs added", "", head, ""] if markdown else [head]
    if markdown:
        rows = [("STATUS", "PRODUCT", "RELEASE", "COMPONENTS", "PATH")]
        rows += [
            (item.status, item.product, item.release, str(item.components), item.path)
            for item in [*added.added, *added.duplicates]
        ]
        lines += _table(rows, markdown, code=(1, 2, 4))
    lines += [f"error: {failure.error}" for failure in added.failures]
    return lines


_TEXT: dict[str, Callable[[Any, bool], list[str]]] = {
    "impact": _impact_text,
    "diff": _diff_text,
    "calendar": _calendar_text,
    "find": _find_text,
    "list": _list_text,
    "show": _show_text,
    "remove": _remove_text,
    "add": _add_text,
}


# -- SARIF -------------------------------------------------------------------------------------


def _impact_sarif(result: Any) -> dict[str, Any]:
    """The enforcer's SARIF log of the impact, one SBOM per affected product release."""
    impact: ImpactResult = result
    sboms = [
        SbomResult(
            path=item.sbom.path,
            format=item.sbom.format,
            components=item.components,
            unidentified=item.unidentified,
            warnings=item.warnings,
            findings=item.findings,
            out_of_scope=item.out_of_scope,
        )
        for item in impact.products
    ]
    run = RunResult(
        tool_version=__version__,
        as_of=impact.as_of,
        scopes=impact.scopes,
        warn_days=impact.warn_days,
        engine=impact.engine,
        policies=impact.policies,
        sboms=sboms,
        unused_waivers=impact.unused_waivers,
        bans=impact.bans,
    )
    log = to_sarif(run)
    products = {item.sbom.path: item.sbom for item in impact.products}
    for entry in log["runs"][0]["results"]:
        location = entry["locations"][0].get("physicalLocation", {}).get("artifactLocation", {})
        for path, sbom in products.items():
            if artifact_uri(path) == location.get("uri"):
                entry["properties"]["product"] = sbom.product
                entry["properties"]["release"] = sbom.release
                break
    return log


def _log(kind: str, rules: dict[str, str], results: list[dict[str, Any]], properties: dict[str, Any]) -> dict[str, Any]:
    ids = sorted(rules)
    index = {rule: number for number, rule in enumerate(ids)}
    for entry in results:
        entry["ruleIndex"] = index[entry["ruleId"]]
    run = {
        "tool": {
            "driver": {
                "name": "enforcer",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [
                    {"id": rule, "name": rule.split("/", 1)[-1], "shortDescription": {"text": rules[rule]}}
                    for rule in ids
                ],
            }
        },
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {"inventory": kind, **properties},
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _location(product: str, release: str, label: str, path: Sequence[str]) -> dict[str, Any]:
    return {
        "logicalLocations": [
            {"name": label, "fullyQualifiedName": " > ".join([f"{product} {release}", *path]), "kind": "module"}
        ]
    }


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


_LEVEL = {"deny": "error", "warn": "warning", "waived": "note", "allow": "note"}


def _diff_sarif(result: Any) -> dict[str, Any]:
    """A result per finding the change adds or makes worse (or removes: level none)."""
    diff: DiffResult = result
    rules: dict[str, str] = {}
    results = []
    for change in diff.findings:
        rule = f"enforcer.bans/{change.ban}"
        rules[rule] = f"Banned vendor: {change.vendor}"
        label = component_label(change.component)
        before, after = change.base or "no finding", change.new or "no finding"
        results.append(
            {
                "ruleId": rule,
                "kind": "fail" if change.new in ("deny", "warn") else "pass",
                "level": _LEVEL.get(change.new or "", "none") if change.new in ("deny", "warn") else "none",
                "message": {
                    "text": f"{change.product} {change.release}: {label} ({change.ban}) {change.change}:"
                    f" {before} -> {after}"
                },
                "locations": [_location(change.product, change.release, label, change.component.path)],
                "partialFingerprints": {
                    "enforcerInventoryChange/v1": _fingerprint(
                        change.product, change.release, change.ban, change.component.ref, label
                    )
                },
                "properties": {
                    "change": change.change,
                    "base": change.base,
                    "new": change.new,
                    "product": change.product,
                },
            }
        )
    return _log("diff", rules, results, {"asOf": diff.as_of.isoformat(), "scopes": diff.scopes})


def _calendar_sarif(result: Any) -> dict[str, Any]:
    calendar: CalendarResult = result
    rules: dict[str, str] = {}
    results = []
    for entry in calendar.entries:
        rule = f"enforcer.bans/{entry.ban}"
        rules[rule] = f"Banned vendor: {entry.vendor}"
        for hit in entry.products:
            components = ", ".join(hit.components)
            results.append(
                {
                    "ruleId": rule,
                    "kind": "review",
                    "level": "none",
                    "message": {
                        "text": f"{hit.product} {hit.release}: from {entry.date}, {entry.effect} ({entry.summary}):"
                        f" {components}"
                    },
                    "locations": [_location(hit.product, hit.release, components, [])],
                    "partialFingerprints": {
                        "enforcerInventoryPhase/v1": _fingerprint(entry.ban, str(entry.date), hit.product, hit.release)
                    },
                    "properties": {"date": entry.date.isoformat(), "effect": entry.effect, "status": hit.status},
                }
            )
    return _log("calendar", rules, results, {"asOf": calendar.as_of.isoformat(), "until": calendar.until.isoformat()})


def _find_sarif(result: Any) -> dict[str, Any]:
    found: FindResult = result
    rule = "enforcer.inventory/find"
    results = []
    for product in found.products:
        for item in product.components:
            label = component_label(item.component)
            best = item.matches[0]
            results.append(
                {
                    "ruleId": rule,
                    "kind": "informational",
                    "level": "none",
                    "message": {
                        "text": f"{product.sbom.product} {product.sbom.release}: {label}"
                        f" ({best.matcher} {best.value!r})"
                    },
                    "locations": [_location(product.sbom.product, product.sbom.release, label, item.component.path)],
                    "partialFingerprints": {
                        "enforcerInventoryFind/v1": _fingerprint(found.query, product.sbom.digest, item.component.ref)
                    },
                }
            )
    return _log("find", {rule: f"Components with the identity {found.query!r}"}, results, {"query": found.query})


_SARIF: dict[str, Callable[[Any], dict[str, Any]]] = {
    "impact": _impact_sarif,
    "diff": _diff_sarif,
    "calendar": _calendar_sarif,
    "find": _find_sarif,
}


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"
