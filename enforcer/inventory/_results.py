"""What the inventory answers: plain msgspec structs that a reporter renders.

Findings are the enforcer's own `Finding` (component with its path, ban,
verdict, phase, reason, evidence, waiver), so an inventory answer and a
`check` report say the same thing in the same words.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from enforcer._models import BanInfo, ComponentInfo, Finding, MatchEvidence

#: statuses from worst to mildest
STATUS_ORDER = ("deny", "warn", "waived", "allow")


def worst(statuses: list[str]) -> str:
    """The worst of some statuses (deny, warn, waived, allow), or "none"."""
    present = set(statuses)
    return next((status for status in STATUS_ORDER if status in present), "none")


class SbomRef(msgspec.Struct, frozen=True, kw_only=True):
    """One stored SBOM: which product and release, which file."""

    product: str
    release: str
    path: str
    #: sha256 of the file, hex
    digest: str
    format: str
    components: int
    added_at: dt.datetime
    latest: bool = True


# -- add ------------------------------------------------------------------------------


class AddedSbom(msgspec.Struct, frozen=True, kw_only=True):
    """An SBOM stored by `add` (status "added" or "replaced"), or found already stored ("duplicate")."""

    path: str
    product: str
    release: str
    digest: str
    components: int
    status: str


class AddFailure(msgspec.Struct, frozen=True, kw_only=True):
    """An SBOM `add` could not read; nothing of it was stored."""

    path: str
    error: str


class AddResult(msgspec.Struct, frozen=True, kw_only=True):
    added: list[AddedSbom] = []
    duplicates: list[AddedSbom] = []
    failures: list[AddFailure] = []

    @property
    def exit_code(self) -> int:
        """3 when any SBOM could not be read (the others are stored), else 0."""
        return 3 if self.failures else 0


# -- impact ---------------------------------------------------------------------------


class ProductImpact(msgspec.Struct, frozen=True, kw_only=True):
    """One product (one release) and what the policies say about it."""

    sbom: SbomRef
    #: the worst status of its findings: deny, warn, waived, allow, or none
    status: str
    #: the bans with a deny or warn finding
    bans: list[str]
    #: the earliest date of a phase behind a deny or warn finding
    earliest: dt.date | None
    findings: list[Finding]
    #: components of the SBOM (and those without identity), as `check` counts them
    components: int = 0
    unidentified: int = 0
    out_of_scope: int = 0
    warnings: list[str] = []


class ImpactResult(msgspec.Struct, frozen=True, kw_only=True):
    """Every product with a deny or warn finding (with `full`, every SBOM considered and every finding)."""

    as_of: dt.date
    scopes: list[str]
    warn_days: int
    engine: str
    policies: list[str]
    all_releases: bool
    #: SBOMs considered (the latest release of each product, or every release)
    sboms: int
    products: list[ProductImpact]
    bans: list[BanInfo] = []
    unused_waivers: list[str] = []
    #: seconds spent: matching stored values, reading the store, deciding
    timings: dict[str, float] = {}

    def totals(self) -> dict[str, int]:
        totals = dict.fromkeys(STATUS_ORDER, 0)
        for item in self.products:
            for finding in item.findings:
                totals[finding.status] += 1
        totals["products"] = sum(1 for item in self.products if item.status in ("deny", "warn"))
        totals["sboms"] = self.sboms
        return totals

    def exit_code(self, fail_on: str = "deny") -> int:
        """1 when a finding reaches `fail_on` (deny, warn or never), else 0."""
        totals = self.totals()
        if fail_on == "deny":
            return 1 if totals["deny"] else 0
        if fail_on == "warn":
            return 1 if totals["deny"] or totals["warn"] else 0
        return 0


# -- diff -----------------------------------------------------------------------------


class FindingChange(msgspec.Struct, frozen=True, kw_only=True):
    """A finding that appears, disappears or changes status between two policy sets."""

    product: str
    release: str
    #: added | removed | changed
    change: str
    ban: str
    vendor: str
    component: ComponentInfo
    #: the status under the base and the new policies (None: no such finding)
    base: str | None
    new: str | None
    base_reason: str = ""
    new_reason: str = ""


class ProductChange(msgspec.Struct, frozen=True, kw_only=True):
    """A product whose worst status changes (none: no finding)."""

    product: str
    release: str
    base: str
    new: str


class DiffResult(msgspec.Struct, frozen=True, kw_only=True):
    as_of: dt.date
    scopes: list[str]
    warn_days: int
    base_policies: list[str]
    new_policies: list[str]
    all_releases: bool
    sboms: int
    products: list[ProductChange]
    findings: list[FindingChange]
    timings: dict[str, float] = {}

    @property
    def exit_code(self) -> int:
        """1 when the new policies deny or warn about a finding the base let through more mildly, else 0."""
        rank = {status: number for number, status in enumerate((*STATUS_ORDER, None))}
        worse = any(change.new in ("deny", "warn") and rank[change.new] < rank[change.base] for change in self.findings)
        return 1 if worse else 0


# -- calendar -------------------------------------------------------------------------


class CalendarHit(msgspec.Struct, frozen=True, kw_only=True):
    """A product a phase will hit: its status on the phase's first day and the components."""

    product: str
    release: str
    status: str
    components: list[str]


class CalendarEntry(msgspec.Struct, frozen=True, kw_only=True):
    """A phase that starts within the window, and the products it will hit."""

    date: dt.date
    ban: str
    vendor: str
    effect: str
    summary: str
    scopes: list[str]
    products: list[CalendarHit]


class CalendarResult(msgspec.Struct, frozen=True, kw_only=True):
    as_of: dt.date
    until: dt.date
    scopes: list[str]
    all_releases: bool
    sboms: int
    entries: list[CalendarEntry]


# -- find -----------------------------------------------------------------------------


class FoundComponent(msgspec.Struct, frozen=True, kw_only=True):
    """A component that carries the identity asked for, and what matched."""

    component: ComponentInfo
    kind: str
    matches: list[MatchEvidence]


class FoundProduct(msgspec.Struct, frozen=True, kw_only=True):
    sbom: SbomRef
    components: list[FoundComponent]


class FindResult(msgspec.Struct, frozen=True, kw_only=True):
    query: str
    #: how the query was read: organization, domain, purl, cpe or hash
    read_as: str
    keys: list[str]
    all_releases: bool
    sboms: int
    products: list[FoundProduct]


# -- list, show, remove ---------------------------------------------------------------


class ProductSummary(msgspec.Struct, frozen=True, kw_only=True):
    product: str
    releases: int
    latest: SbomRef


class ProductDetail(msgspec.Struct, frozen=True, kw_only=True):
    product: str
    #: oldest first; the last one is the latest
    releases: list[SbomRef]


class RemoveResult(msgspec.Struct, frozen=True, kw_only=True):
    removed: list[SbomRef]
