"""The contract (what people write: bans, waivers) and the results (what they read).

The ban contract is versioned by `CONTRACT_VERSION`; the JSON report by
`REPORT_SCHEMA_VERSION`. Both are documented in the README.

The types are msgspec structs: importing and building them is cheap, and a
check of a small SBOM is dominated by start-up. Bans and waivers are validated
with `msgspec.convert` (`enforcer._policy`): msgspec checks the field types and
the `Meta` constraints, `__post_init__` the rules that need several values.
Dates are `datetime.date`, which msgspec reads only from `YYYY-MM-DD` strings
(or dates), never from datetimes or numbers. Results are built by the enforcer
from values it has already checked, so they are constructed directly, without
validation.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Annotated, Any, Literal

import msgspec

CONTRACT_VERSION = "1"
REPORT_SCHEMA_VERSION = "1"

# `\Z`, not `$`: msgspec matches with Python's `re`, where `$` also matches before a final newline
_ID = r"^[A-Za-z0-9][A-Za-z0-9._:-]*\Z"
_HEX = re.compile(r"^[0-9a-fA-F]{32,128}$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}$")
_PURL_PATTERN = re.compile(r"^pkg:(\*|[a-zA-Z][a-zA-Z0-9.+-]*)/(@|%40)?[^\s@?#*]+(\.\*|/\*|\*)?$")


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


class FieldError(ValueError):
    """A rule of the contract that one field of an object breaks, raised by its `__post_init__`.

    msgspec reports such an error at the path of the whole object; `field` says
    which of its fields is wrong, so the message can name it.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class _Strict(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    """Immutable, and an unknown field is an error: a misspelt field must not be dropped silently.

    None of the types can take part in a reference cycle, so the garbage
    collector need not track them (`gc=False`): a large run builds many.
    Subclasses say `frozen=True` again for mypy, which does not see it inherited;
    `kw_only=True` is not inherited at all.
    """


NonEmptyStr = Annotated[str, msgspec.Meta(min_length=1)]


class MatchSpec(_Strict, frozen=True, kw_only=True):
    """How to recognise a vendor's software in an SBOM."""

    organizations: list[NonEmptyStr] = []
    domains: list[NonEmptyStr] = []
    cpe_vendors: list[NonEmptyStr] = []
    purls: list[NonEmptyStr] = []
    products: list[NonEmptyStr] = []
    hashes: list[NonEmptyStr] = []

    def __post_init__(self) -> None:
        for value in self.domains:
            if not _DOMAIN.match(value.lower().rstrip(".")):
                raise FieldError("domains", f"{value!r} is not a domain name (e.g. 'example.com')")
        for value in self.purls:
            if not _PURL_PATTERN.match(value):
                raise FieldError(
                    "purls",
                    f"{value!r} is not a purl pattern ('pkg:TYPE/NAMESPACE[/NAME]', TYPE may be '*',"
                    " a trailing '.*', '/*' or '*' is allowed)",
                )
        for value in self.hashes:
            if not _HEX.match(value):
                raise FieldError("hashes", f"{value!r} is not a hexadecimal digest")

    def is_empty(self) -> bool:
        return not any((self.organizations, self.domains, self.cpe_vendors, self.purls, self.products, self.hashes))


class Phase(_Strict, frozen=True, kw_only=True):
    """One step of a ban: from a date, an effect applies."""

    effect: Literal["deny", "warn"]
    from_: dt.date = msgspec.field(name="from")
    until: dt.date | None = None
    summary: NonEmptyStr

    def __post_init__(self) -> None:
        if self.until is not None and self.until <= self.from_:
            raise ValueError(f"until ({self.until}) must be after from ({self.from_})")


class Ban(_Strict, frozen=True, kw_only=True):
    """A vendor ban, as the policies declare it in `data.enforcer.bans.bans`."""

    id: Annotated[str, msgspec.Meta(pattern=_ID)]
    vendor: NonEmptyStr
    title: str = ""
    match: MatchSpec
    phases: Annotated[list[Phase], msgspec.Meta(min_length=1)]
    scopes: list[NonEmptyStr] = []
    references: list[NonEmptyStr] = []
    enabled: bool = True
    disabled_reason: str = ""
    confidence: str = "confirmed"
    notes: str = ""
    # TEMP: contract-2 passthrough until the lead's contract-2 models land (see notes/contract2.md).
    covers: dict[str, Any] | None = None
    reviewed: dt.date | None = None
    contract: int = 1

    def __post_init__(self) -> None:
        if self.match.is_empty():
            raise FieldError("match", "names no organization, domain, CPE vendor, purl, product or hash")
        if not self.enabled and not self.disabled_reason:
            raise FieldError("disabled_reason", "a disabled ban must say why")


class WaiverTarget(_Strict, frozen=True, kw_only=True):
    """Which components a waiver covers: any listed purl pattern, name or bom-ref."""

    purls: list[NonEmptyStr] = []
    names: list[NonEmptyStr] = []
    refs: list[NonEmptyStr] = []


class Waiver(_Strict, frozen=True, kw_only=True):
    """An exception to a ban, with an owner, a reason and an end date."""

    id: Annotated[str, msgspec.Meta(pattern=_ID)]
    ban: NonEmptyStr
    components: WaiverTarget
    expires: dt.date
    reason: NonEmptyStr
    approved_by: NonEmptyStr

    def __post_init__(self) -> None:
        target = self.components
        if not (target.purls or target.names or target.refs):
            raise FieldError("components", "names no purl pattern, name or ref")


# ---------------------------------------------------------------------------
# Results: what the enforcer reports.


class MatchEvidence(_Strict, frozen=True, kw_only=True):
    """What matched: the SBOM field, its raw value, the key, the matcher, and the ban's alias."""

    field: str
    value: str
    key: str
    matcher: str
    confidence: Confidence
    #: the ban's own spelling that gave the key ("AO Kaspersky Lab" for "kaspersky lab")
    alias: str = ""


class ComponentInfo(_Strict, frozen=True, kw_only=True):
    """The component a finding is about."""

    ref: str
    name: str
    version: str = ""
    purl: str = ""
    path: list[str] = []


class PhaseInfo(_Strict, frozen=True, kw_only=True):
    """The phase a decision is about, as the decision library returns it."""

    effect: Literal["deny", "warn"]
    date: dt.date
    summary: str


class WaiverInfo(_Strict, frozen=True, kw_only=True):
    """The waiver a decision applied (or found expired), as the decision library returns it."""

    id: str
    status: Literal["applied", "expired"]
    expires: dt.date
    reason: str
    approved_by: str


class Finding(_Strict, frozen=True, kw_only=True):
    """One banned-vendor match in one component, with the policy's verdict."""

    component: ComponentInfo
    ban: str
    vendor: str
    verdict: Verdict
    phase: PhaseInfo | None = None
    reason: str
    matches: list[MatchEvidence]
    waiver: WaiverInfo | None = None

    @property
    def waived(self) -> bool:
        return self.waiver is not None and self.waiver.status == "applied"

    @property
    def status(self) -> str:
        """The verdict, or `waived` when an active waiver turned a deny/warn into allow."""
        return "waived" if self.waived else self.verdict.value


class SbomResult(_Strict, frozen=True, kw_only=True):
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


class BanInfo(_Strict, frozen=True, kw_only=True):
    """A ban as reports cite it (SARIF rules, JUnit test cases)."""

    id: str
    vendor: str
    title: str = ""
    references: list[str] = []
    scopes: list[str] = []
    enabled: bool = True


class RunResult(_Strict, frozen=True, kw_only=True):
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
        return totals

    def exit_code(self, fail_on: FailOn, *, max_unidentified_percent: float | None = None) -> int:
        """The process exit code; the one place it is computed.

        3 when any SBOM could not be checked, 1 when a verdict reaches `fail_on`
        (or coverage is below the demanded share), else 0.
        """
        totals = self.totals()
        if totals["errors"]:
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
