"""The enforcer's own types: bans and waivers as it works with them, and the results it reports.

The contract (what people may write in a ban or a waiver) is validated by the
pydantic models of `enforcer.contract`; once validated, a ban becomes the
light `Ban` struct here, which is what the match index and the decision work
with. A cached, already validated ban table is turned into these structs
directly (`msgspec.convert`), so a check with a warm cache never imports
pydantic. Results are built by the enforcer from values it has already
checked, so they are constructed directly.

The ban contract is versioned by `CONTRACT_VERSION`; the JSON report by
`REPORT_SCHEMA_VERSION` (its pydantic model is `enforcer.contract.report`).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Literal

import msgspec

CONTRACT_VERSION = "2"
REPORT_SCHEMA_VERSION = "2"


class Verdict(enum.StrEnum):
    """What the policy decided for one finding."""

    DENY = "deny"
    WARN = "warn"
    ALLOW = "allow"


class FailOn(enum.StrEnum):
    """Which verdicts make `enforcer check` exit 1."""

    DENY = "deny"
    WARN = "warn"
    NEVER = "never"


class Confidence(enum.StrEnum):
    """How sure a matcher is that a component comes from the banned vendor."""

    EXACT = "exact"
    STRONG = "strong"
    WEAK = "weak"


class _Plain(msgspec.Struct, frozen=True, gc=False, kw_only=True):
    """Immutable, and never tracked by the garbage collector (none can take part in a cycle)."""


class MatchSpec(_Plain, frozen=True, kw_only=True):
    """How to recognise a vendor's software in an SBOM."""

    organizations: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    cpe_vendors: tuple[str, ...] = ()
    purls: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    hashes: tuple[str, ...] = ()


class Products(_Plain, frozen=True, kw_only=True):
    """Products an instrument names."""

    names: tuple[str, ...] = ()
    app_ids: tuple[str, ...] = ()
    purls: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not (self.names or self.app_ids or self.purls)


class Excludes(_Plain, frozen=True, kw_only=True):
    kinds: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    purls: tuple[str, ...] = ()


class Covers(_Plain, frozen=True, kw_only=True):
    """What an instrument covers (contract 2); a contract-1 ban covers every kind."""

    kinds: tuple[str, ...] = ("*",)
    products: Products = Products()
    only_products: bool = False
    excludes: Excludes = Excludes()
    outside: Literal["warn", "allow"] = "warn"
    unknown_kind: Literal["covered", "outside"] = "covered"

    def describe(self) -> str:
        """The coverage in a few words ("device, firmware; products: TikTok")."""
        parts = []
        if self.only_products:
            parts.append("only the named products")
        elif "*" in self.kinds:
            parts.append("every kind")
        else:
            parts.append(", ".join(self.kinds))
        named = [*self.products.names, *self.products.app_ids, *self.products.purls]
        if named:
            parts.append("products: " + ", ".join(named[:4]) + (", ..." if len(named) > 4 else ""))
        excluded = [*self.excludes.kinds, *self.excludes.names, *self.excludes.purls]
        if excluded:
            parts.append("except " + ", ".join(excluded[:4]) + (", ..." if len(excluded) > 4 else ""))
        return "; ".join(parts)


EVERYTHING = Covers()


class Phase(_Plain, frozen=True, kw_only=True):
    """One step of a ban: from a date, an effect applies."""

    effect: Literal["deny", "warn"]
    from_: dt.date = msgspec.field(name="from")
    until: dt.date | None = None
    summary: str


class Ban(_Plain, frozen=True, kw_only=True):
    """A validated vendor ban."""

    contract: int | None = None
    id: str
    vendor: str
    title: str = ""
    match: MatchSpec
    covers: Covers | None = None
    phases: tuple[Phase, ...]
    scopes: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    enabled: bool = True
    disabled_reason: str = ""
    confidence: str = "confirmed"
    reviewed: dt.date | None = None
    notes: str = ""

    @property
    def coverage(self) -> Covers:
        """What the ban covers: its `covers`, or everything (contract 1)."""
        return self.covers or EVERYTHING


class WaiverTarget(_Plain, frozen=True, kw_only=True):
    """Which components a waiver covers: any listed purl pattern, name or bom-ref."""

    purls: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()


class Waiver(_Plain, frozen=True, kw_only=True):
    """A validated exception to a ban, with an owner, a reason and an end date."""

    id: str
    ban: str
    components: WaiverTarget
    expires: dt.date
    reason: str
    approved_by: str


# ---------------------------------------------------------------------------
# Results: what the enforcer reports.


class MatchEvidence(_Plain, frozen=True, kw_only=True):
    """What matched: the SBOM field, its raw value, the key, the matcher, and the ban's alias."""

    field: str
    value: str
    key: str
    matcher: str
    confidence: Confidence
    #: the ban's own spelling that gave the key ("AO Kaspersky Lab" for "kaspersky lab")
    alias: str = ""
    #: what the field says about the vendor: supplier, manufacturer, author, purl, ... (`enforcer.identify.fields`)
    role: str = ""
    #: organization, person, or "" (the value names no party)
    party: str = ""


class ComponentInfo(_Plain, frozen=True, kw_only=True):
    """The component a finding is about."""

    ref: str
    name: str
    version: str = ""
    purl: str = ""
    #: the component's kind (`enforcer.identify.kinds`)
    kind: str = "unknown"
    path: tuple[str, ...] = ()


class PhaseInfo(_Plain, frozen=True, kw_only=True):
    """The phase a decision is about, as the decision library returns it."""

    effect: Literal["deny", "warn"]
    date: dt.date
    summary: str


#: matchers whose key is a product a ban names (contract 2: `covers.products`)
PRODUCT_MATCHERS = frozenset({"product-name", "app-id", "product-purl"})


class Match(msgspec.Struct, kw_only=True):
    """One component that matched one ban, before the policy decides (what the match stage hands on)."""

    component: ComponentInfo
    #: the record's index in its SBOM (document order)
    record: int
    #: the ban's number in the match index
    ban: int
    evidence: list[MatchEvidence]
    confidence: Confidence
    #: a product the ban names matched (covers.products)
    product: bool = False
    #: what of the ban's exclusions the component matched, in words ("" when none)
    excluded: str = ""


class CoverageInfo(_Plain, frozen=True, kw_only=True):
    """Whether the ban covers the component, as the decision library says (contract 2)."""

    decision: Literal["covered", "product", "outside", "excluded", "person", "unknown-kind"]
    reason: str = ""


class WaiverInfo(_Plain, frozen=True, kw_only=True):
    """The waiver a decision applied (or found expired), as the decision library returns it."""

    id: str
    status: Literal["applied", "expired"]
    expires: dt.date
    reason: str
    approved_by: str


class Finding(_Plain, frozen=True, kw_only=True):
    """One banned-vendor match in one component, with the policy's verdict."""

    component: ComponentInfo
    ban: str
    vendor: str
    verdict: Verdict
    phase: PhaseInfo | None = None
    reason: str
    matches: list[MatchEvidence]
    waiver: WaiverInfo | None = None
    coverage: CoverageInfo | None = None

    @property
    def waived(self) -> bool:
        return self.waiver is not None and self.waiver.status == "applied"

    @property
    def status(self) -> str:
        """The verdict, or `waived` when an active waiver turned a deny/warn into allow."""
        return "waived" if self.waived else self.verdict.value


class SbomResult(_Plain, frozen=True, kw_only=True):
    """The result of checking one SBOM."""

    path: str
    format: str = ""
    spec_version: str = ""
    components: int = 0
    unidentified: int = 0
    unreadable: int = 0
    warnings: list[str] = []
    findings: list[Finding] = []
    out_of_scope: int = 0
    error: str | None = None

    def count(self, status: str) -> int:
        return sum(1 for finding in self.findings if finding.status == status)


class BanInfo(_Plain, frozen=True, kw_only=True):
    """A ban as reports cite it (SARIF rules, JUnit test cases, the HTML timeline)."""

    id: str
    vendor: str
    title: str = ""
    references: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    enabled: bool = True
    #: what the ban covers, in words ("every kind" for a contract-1 ban)
    covers: str = "every kind"
    phases: tuple[Phase, ...] = ()
    confidence: str = "confirmed"
    reviewed: dt.date | None = None


class RunResult(_Plain, frozen=True, kw_only=True):
    """The result of one `enforcer check` run over one or more SBOMs."""

    schema_version: str = REPORT_SCHEMA_VERSION
    tool_version: str
    as_of: dt.date
    scopes: list[str] = []
    warn_days: int
    engine: str
    policies: list[str] = []
    sboms: list[SbomResult]
    unused_waivers: list[str] = []
    #: every ban the policies declare, sorted by id
    bans: list[BanInfo] = []
    #: when the run started (UTC); SOURCE_DATE_EPOCH fixes it for reproducible reports
    started_at: dt.datetime | None = None

    def totals(self) -> dict[str, int]:
        totals = {"deny": 0, "warn": 0, "allow": 0, "waived": 0}
        for sbom in self.sboms:
            for finding in sbom.findings:
                totals[finding.status] += 1
        totals["errors"] = sum(1 for sbom in self.sboms if sbom.error is not None)
        totals["components"] = sum(sbom.components for sbom in self.sboms)
        totals["unidentified"] = sum(sbom.unidentified for sbom in self.sboms)
        totals["unreadable"] = sum(sbom.unreadable for sbom in self.sboms)
        return totals

    def exit_code(self, fail_on: FailOn, *, max_unidentified_percent: float | None = None) -> int:
        """The process exit code; the one place it is computed.

        3 when any SBOM could not be checked, or holds a component with an
        identity value that could not be read (a supplier of the wrong type:
        the component may be a banned vendor's, so the gate cannot pass);
        1 when a verdict reaches `fail_on` (or coverage is below the demanded
        share), else 0.
        """
        totals = self.totals()
        if totals["errors"] or totals["unreadable"]:
            return 3
        if fail_on is FailOn.DENY and totals["deny"]:
            return 1
        if fail_on is FailOn.WARN and (totals["deny"] or totals["warn"]):
            return 1
        if max_unidentified_percent is not None and self.unidentified_percent() > max_unidentified_percent:
            return 1
        return 0

    def unidentified_percent(self) -> float:
        totals = self.totals()
        return 100.0 * totals["unidentified"] / totals["components"] if totals["components"] else 0.0
