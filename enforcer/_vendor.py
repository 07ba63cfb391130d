"""Spot checks: `enforcer vendor NAME`, one identity checked against every ban.

The query (an organisation name, or a domain, URL, e-mail address, purl, CPE
or hash given instead; its kind is detected) becomes a one-component document
that goes through the same match index and the same batched policy decision
as an SBOM, so a spot check and `enforcer check` always agree. The result
says which bans match, through which of their aliases, and the verdict on
the as-of date; bans outside the selected scopes and disabled bans that would
match are listed too, without a verdict.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import msgspec
import orjson

from enforcer._choices import ListingFormat, QueryKind
from enforcer._errors import EnforcerError
from enforcer._models import Confidence, MatchEvidence, PhaseInfo, WaiverInfo
from enforcer.match import normalise as norm
from enforcer.match.index import MatchIndex
from enforcer.sbom.interface import CPE, HASH, NAME, ORG, PURL, URL, ComponentRecord, SbomDocument

if TYPE_CHECKING:
    from enforcer._run import Enforcer

_HEX = re.compile(r"[0-9a-fA-F]{32,128}")
_EMAIL = re.compile(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+")
#: Statuses from worst to mildest; the spot check's verdict is the worst.
_ORDER = ("deny", "warn", "waived", "allow", "out-of-scope", "disabled")


class SpotCheckError(EnforcerError):
    """The spot-check query is empty or not of the kind it was given as."""


class SpotMatch(msgspec.Struct, frozen=True, kw_only=True):
    """One ban that matches the query, and what the policy says about it."""

    ban: str
    vendor: str
    title: str = ""
    #: deny | warn | waived | allow, or out-of-scope / disabled (no verdict)
    status: str
    reason: str
    phase: PhaseInfo | None = None
    matches: list[MatchEvidence]
    waiver: WaiverInfo | None = None


class SpotCheckResult(msgspec.Struct, frozen=True, kw_only=True):
    """The answer to `enforcer vendor QUERY`."""

    query: str
    kind: QueryKind
    #: the normalised keys the query was looked up by
    keys: list[str]
    as_of: dt.date
    scopes: list[str]
    warn_days: int
    engine: str
    bans: list[SpotMatch]

    @property
    def verdict(self) -> str:
        """The worst status among the bans in scope: deny, warn, waived, allow; or none."""
        statuses = {match.status for match in self.bans}
        return next((status for status in _ORDER[:4] if status in statuses), "none")

    @property
    def exit_code(self) -> int:
        """1 when a ban denies the query on the as-of date, else 0."""
        return 1 if self.verdict == "deny" else 0


def detect_kind(query: str) -> QueryKind:
    """The kind of a query, from its form.

    >>> [detect_kind(q).value for q in ("pkg:npm/@kaspersky/sdk", "cpe:/a:kaspersky", "support.kaspersky.com")]
    ['purl', 'cpe', 'domain']
    >>> [detect_kind(q).value for q in ("https://x.example/a", "dev@kaspersky.ru", "Kaspersky Lab")]
    ['domain', 'domain', 'organization']
    """
    text = query.strip()
    lower = text.lower()
    if lower.startswith("pkg:"):
        return QueryKind.PURL
    if lower.startswith("cpe:"):
        return QueryKind.CPE
    if _HEX.fullmatch(text):
        return QueryKind.HASH
    if "://" in text or lower.startswith("mailto:") or _EMAIL.fullmatch(text):
        return QueryKind.DOMAIN
    if " " not in text and "." in text.strip(".") and norm.host_key(text.split("/", 1)[0]):
        return QueryKind.DOMAIN
    return QueryKind.ORGANIZATION


def query_values(query: str, kind: QueryKind) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The identity values a component with this identity would carry, and their keys."""
    if kind is QueryKind.ORGANIZATION:
        key = norm.org_key(query)
        return [(ORG, "organization", query), (NAME, "name", query)], [key] if key else []
    if kind is QueryKind.DOMAIN:
        hosts = list(norm.domains_in(query))
        if not hosts:
            raise SpotCheckError(f"{query!r}: no domain name in it (e.g. 'kaspersky.com' or 'https://kaspersky.com/x')")
        return [(URL, "domain", query)], hosts
    if kind is QueryKind.PURL:
        parts = norm.purl_path(query)
        if parts is None:
            raise SpotCheckError(f"{query!r}: not a purl ('pkg:TYPE/NAMESPACE/NAME@VERSION')")
        ptype, path, _ = parts
        values = [(PURL, "purl", query)]
        name = path.rsplit("/", 1)[-1]
        if name:
            values.append((NAME, "name", name))
        return values, [f"pkg:{ptype}/{path}"]
    if kind is QueryKind.CPE:
        vendor = norm.cpe_vendor(query)
        if vendor is None:
            raise SpotCheckError(
                f"{query!r}: not a CPE with a vendor ('cpe:2.3:a:VENDOR:PRODUCT:...' or 'cpe:/a:VENDOR')"
            )
        return [(CPE, "cpe", query)], [vendor]
    if kind is QueryKind.HASH:
        if not _HEX.fullmatch(query.strip()):
            raise SpotCheckError(f"{query!r}: not a hexadecimal digest")
        return [(HASH, "hash", query.strip())], [norm.hash_key(query)]
    return query_values(query, detect_kind(query))


class QueryDocument(SbomDocument):
    """A document of one component carrying the query's identity values."""

    format = "query"
    encoding = ""

    def __init__(self, record: ComponentRecord) -> None:
        super().__init__("<query>")
        self.record = record

    @property
    def component_count(self) -> int:
        return 1

    def records(self) -> Iterator[ComponentRecord]:
        yield self.record


def spot_check(enforcer: Enforcer, query: str, kind: QueryKind = QueryKind.AUTO) -> SpotCheckResult:
    """Which bans match the query, through which alias, and the policy's verdict on the as-of date."""
    query = query.strip()
    if not query:
        raise SpotCheckError("the query is empty: give a vendor name, domain, URL, e-mail, purl, CPE or hash")
    if kind is QueryKind.AUTO:
        kind = detect_kind(query)
    values, keys = query_values(query, kind)
    name = next((raw for value_kind, _, raw in values if value_kind == NAME), "")
    record = ComponentRecord(index=0, ref=query, name=name, purl=query if kind is QueryKind.PURL else "", values=values)
    pending = enforcer.match_document(QueryDocument(record))
    [decided] = enforcer.decide([pending])
    by_id = {ban.id: ban for ban in enforcer.bans}
    matches = [
        SpotMatch(
            ban=finding.ban,
            vendor=finding.vendor,
            title=by_id[finding.ban].title,
            status=finding.status,
            reason=finding.reason,
            phase=finding.phase,
            matches=finding.matches,
            waiver=finding.waiver,
        )
        for finding in decided.findings
    ]
    decided_ids = {finding.ban for finding in decided.findings}
    for _, number, evidence, _ in pending.raw:
        ban = enforcer.index.bans[number]
        if ban.id not in decided_ids:
            reason = f"applies to {', '.join(ban.scopes) or 'no scope'}"
            matches.append(_undecided(ban.id, ban.vendor, ban.title, "out-of-scope", reason, evidence))
    matches.extend(_disabled_matches(enforcer, record))
    matches.sort(key=lambda match: (_ORDER.index(match.status), match.ban))
    options = enforcer.options
    return SpotCheckResult(
        query=query,
        kind=kind,
        keys=keys,
        as_of=options.as_of,
        scopes=sorted(options.scopes),
        warn_days=options.warn_days,
        engine=enforcer.engine.describe(),
        bans=matches,
    )


def _disabled_matches(enforcer: Enforcer, record: ComponentRecord) -> list[SpotMatch]:
    """Disabled bans that would match: the match index leaves them out, a spot check should not."""
    disabled = [msgspec.structs.replace(ban, enabled=True) for ban in enforcer.bans if not ban.enabled]
    if not disabled:
        return []
    index = MatchIndex.build(disabled)
    by_ban: dict[int, list[MatchEvidence]] = {}
    for finding in index.scan_records([record]).findings:
        for number, matcher, confidence, key, field, raw in finding.evidence:
            evidence = MatchEvidence(
                field=field,
                value=raw,
                key=key,
                matcher=matcher,
                confidence=confidence,
                alias=index.alias(number, matcher, key),
            )
            if evidence not in by_ban.setdefault(number, []):
                by_ban[number].append(evidence)
    return [
        _undecided(
            index.bans[number].id,
            index.bans[number].vendor,
            index.bans[number].title,
            "disabled",
            index.bans[number].disabled_reason,
            evidence,
        )
        for number, evidence in sorted(by_ban.items())
    ]


def _undecided(ban: str, vendor: str, title: str, status: str, reason: str, evidence: list[MatchEvidence]) -> SpotMatch:
    return SpotMatch(ban=ban, vendor=vendor, title=title, status=status, reason=reason, matches=evidence)


# -- rendering ---------------------------------------------------------------------

_KIND_WORDS = {
    QueryKind.ORGANIZATION: "an organisation name",
    QueryKind.DOMAIN: "a domain",
    QueryKind.PURL: "a purl",
    QueryKind.CPE: "a CPE",
    QueryKind.HASH: "a hash",
}


def render(result: SpotCheckResult, format: ListingFormat) -> str:
    if format is ListingFormat.JSON:
        return render_json(result)
    return render_table(result)


def render_table(result: SpotCheckResult) -> str:
    keys = ", ".join(repr(key) for key in result.keys) or "none"
    scopes = f"scope {', '.join(result.scopes)}" if result.scopes else "all scopes"
    lines = [
        f"{result.query}  (read as {_KIND_WORDS.get(result.kind, result.kind.value)}; key {keys})",
        f"as of {result.as_of}, {scopes}: {_verdict_words(result)}",
    ]
    decided = [match for match in result.bans if match.status in _ORDER[:4]]
    for match in decided:
        lines += ["", f"{match.status:<7} {match.ban}  ({match.vendor})"]
        # product words say little next to a stronger match of the same ban
        shown = [e for e in match.matches if e.confidence is not Confidence.WEAK] or match.matches
        for evidence in shown:
            via = f" via alias {evidence.alias!r}" if evidence.alias else ""
            lines.append(
                f"        matched {evidence.matcher} {evidence.key!r}{via} ({evidence.confidence.value}),"
                f" from {evidence.field} {evidence.value!r}"
            )
        lines.append(f"        {match.reason}")
    for status, title in (("out-of-scope", "outside the selected scopes"), ("disabled", "disabled")):
        undecided = [match for match in result.bans if match.status == status]
        if undecided:
            lines += ["", f"also matching, {title} (no verdict):"]
            width = max(len(match.ban) for match in undecided)
            lines.extend(f"  {match.ban:<{width}}  {match.reason}" for match in undecided)
    return "\n".join(lines) + "\n"


def _verdict_words(result: SpotCheckResult) -> str:
    verdict = result.verdict
    in_scope = sum(1 for match in result.bans if match.status in _ORDER[:4])
    if verdict == "none":
        others = len(result.bans)
        return "no ban matches" + (f" in scope ({others} outside the scopes or disabled)" if others else "")
    return f"{verdict} ({in_scope} matching ban{'' if in_scope == 1 else 's'})"


def render_json(result: SpotCheckResult) -> str:
    return orjson.dumps(to_document(result), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode() + "\n"


def to_document(result: SpotCheckResult) -> dict[str, Any]:
    document: dict[str, Any] = msgspec.to_builtins(result)
    document["verdict"] = result.verdict
    return document
