"""Spot checks: `enforcer vendor NAME`, one identity checked against every ban.

The query (an organisation name, or a domain, URL, e-mail address, purl, CPE
or hash given instead; its kind is detected) becomes one component record
that goes through the same match index and the same batched policy decision
as an SBOM, so a spot check and `enforcer check` always agree. What a ban
covers depends on the kind of component (contract 2): a purl's type says it
(a Maven package is a library), or `component_kind` does; otherwise the kind
is unknown, which most bans treat as covered. A query for a person's name
(`person=True`) is matched as an SBOM's author would be. The result
says which bans match, through which of their aliases, and the verdict on
the as-of date; bans outside the selected scopes and disabled bans that would
match are listed too, without a verdict.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

import msgspec
import orjson

from enforcer._choices import ListingFormat, QueryKind
from enforcer._errors import EnforcerError
from enforcer._models import Confidence, CoverageInfo, MatchEvidence, PhaseInfo, WaiverInfo
from enforcer._records import CPE, HASH, NAME, ORG, ORGANIZATION, PERSON, PURL, URL, ComponentRecord, Value
from enforcer.identify import kinds
from enforcer.identify.fields import value as identity
from enforcer.match import normalise as norm
from enforcer.match.index import MatchIndex

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
    coverage: CoverageInfo | None = None


class SpotCheckResult(msgspec.Struct, frozen=True, kw_only=True):
    """The answer to `enforcer vendor QUERY`."""

    query: str
    kind: QueryKind
    #: the kind of component the query was checked as (`enforcer.identify.kinds`)
    component_kind: str = kinds.UNKNOWN
    #: the query was checked as a person's name
    person: bool = False
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


def query_values(query: str, kind: QueryKind, *, person: bool = False) -> tuple[list[Value], list[str]]:
    """The identity values a component with this identity would carry, and their keys."""
    if kind is QueryKind.ORGANIZATION:
        keys = list(norm.org_keys(query))
        role, field = ("author", "person") if person else ("supplier", "organization")
        party = PERSON if person else ORGANIZATION
        if person:  # a person's name is no product name
            return [(ORG, field, query, role, party)], keys
        return [(ORG, field, query, role, party), identity(NAME, "name", query)], keys
    if kind is QueryKind.DOMAIN:
        hosts = list(norm.domains_in(query))
        if not hosts:
            raise SpotCheckError(f"{query!r}: no domain name in it (e.g. 'kaspersky.com' or 'https://kaspersky.com/x')")
        return [identity(URL, "domain", query)], hosts
    if kind is QueryKind.PURL:
        parts = norm.purl_path(query)
        if parts is None:
            raise SpotCheckError(f"{query!r}: not a purl ('pkg:TYPE/NAMESPACE/NAME@VERSION')")
        ptype, path, _ = parts
        values = [identity(PURL, "purl", query)]
        name = path.rsplit("/", 1)[-1]
        if name:
            values.append(identity(NAME, "name", name))
        return values, [f"pkg:{ptype}/{path}"]
    if kind is QueryKind.CPE:
        vendor = norm.cpe_vendor(query)
        if vendor is None:
            raise SpotCheckError(
                f"{query!r}: not a CPE with a vendor ('cpe:2.3:a:VENDOR:PRODUCT:...' or 'cpe:/a:VENDOR')"
            )
        return [identity(CPE, "cpe", query)], [vendor]
    if kind is QueryKind.HASH:
        if not _HEX.fullmatch(query.strip()):
            raise SpotCheckError(f"{query!r}: not a hexadecimal digest")
        return [identity(HASH, "hash", query.strip())], [norm.hash_key(query)]
    return query_values(query, detect_kind(query), person=person)


def spot_check(
    enforcer: Enforcer,
    query: str,
    kind: QueryKind = QueryKind.AUTO,
    *,
    component_kind: str | None = None,
    person: bool = False,
) -> SpotCheckResult:
    """Which bans match the query, through which alias, and the policy's verdict on the as-of date.

    `component_kind`: what kind of component to check the identity as
    (default: the kind a purl's type implies, else unknown). `person`: the
    query is a person's name (an author), not an organisation's.
    """
    query = query.strip()
    if not query:
        raise SpotCheckError("the query is empty: give a vendor name, domain, URL, e-mail, purl, CPE or hash")
    if kind is QueryKind.AUTO:
        kind = detect_kind(query)
    if component_kind is not None and component_kind not in kinds.KINDS:
        raise SpotCheckError(f"{component_kind!r} is not a component kind (one of {', '.join(kinds.KINDS)})")
    if person and kind is not QueryKind.ORGANIZATION:
        raise SpotCheckError(f"{query!r}: a person's name is a name, not {_KIND_WORDS.get(kind, kind.value)}")
    values, keys = query_values(query, kind, person=person)
    name = next((value[2] for value in values if value[0] == NAME), "")
    purl = query if kind is QueryKind.PURL else ""
    record = ComponentRecord(
        index=0,
        ref=query,
        name=name,
        purl=purl,
        kind=component_kind or kinds.from_purl(purl),
        values=values,
        path=(query,),
    )
    checked = enforcer.match_records("<query>", [record])
    [decided] = enforcer.decide([checked])
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
            coverage=finding.coverage,
        )
        for finding in decided.findings
    ]
    decided_ids = {finding.ban for finding in decided.findings}
    for match in checked.matches:
        ban = enforcer.index.bans[match.ban]
        if ban.id not in decided_ids:
            reason = f"applies to {', '.join(ban.scopes) or 'no scope'}"
            matches.append(_undecided(ban.id, ban.vendor, ban.title, "out-of-scope", reason, match.evidence))
    matches.extend(_disabled_matches(enforcer, record))
    matches.sort(key=lambda match: (_ORDER.index(match.status), match.ban))
    options = enforcer.options
    return SpotCheckResult(
        query=query,
        kind=kind,
        component_kind=record.kind,
        person=person,
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
    index = MatchIndex(disabled)
    return [
        _undecided(
            index.bans[match.ban].id,
            index.bans[match.ban].vendor,
            index.bans[match.ban].title,
            "disabled",
            index.bans[match.ban].disabled_reason,
            match.evidence,
        )
        for match in index.match([record]).matches
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
    read_as = "a person's name" if result.person else _KIND_WORDS.get(result.kind, result.kind.value)
    lines = [
        f"{result.query}  (read as {read_as}; key {keys}; checked as {kinds.with_article(result.component_kind)})",
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
        coverage = match.coverage
        if (
            coverage is not None
            and coverage.decision not in ("covered", "product")
            and coverage.reason not in match.reason
        ):
            lines.append(f"        coverage: {coverage.reason}")
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
