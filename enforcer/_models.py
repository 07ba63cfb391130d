"""Pydantic models for what people write (bans, waivers) and read (results).

The ban contract is versioned by `CONTRACT_VERSION`; the JSON report by
`REPORT_SCHEMA_VERSION`. Both are documented in the README.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

CONTRACT_VERSION = "1"
REPORT_SCHEMA_VERSION = "1"

_ID = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"
_HEX = re.compile(r"^[0-9a-fA-F]{32,128}$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}$")
_PURL_PATTERN = re.compile(r"^pkg:(\*|[a-zA-Z][a-zA-Z0-9.+-]*)/(@|%40)?[^\s@?#*]+(\.\*|/\*)?$")


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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


NonEmptyStr = Annotated[str, Field(min_length=1)]


class MatchSpec(_Strict):
    """How to recognise a vendor's software in an SBOM."""

    organizations: list[NonEmptyStr] = []
    domains: list[NonEmptyStr] = []
    cpe_vendors: list[NonEmptyStr] = []
    purls: list[NonEmptyStr] = []
    products: list[NonEmptyStr] = []
    hashes: list[NonEmptyStr] = []

    @field_validator("domains")
    @classmethod
    def _domains(cls, values: list[str]) -> list[str]:
        for value in values:
            if not _DOMAIN.match(value.lower().rstrip(".")):
                raise ValueError(f"{value!r} is not a domain name (e.g. 'example.com')")
        return values

    @field_validator("purls")
    @classmethod
    def _purls(cls, values: list[str]) -> list[str]:
        for value in values:
            if not _PURL_PATTERN.match(value):
                raise ValueError(
                    f"{value!r} is not a purl pattern ('pkg:TYPE/NAMESPACE[/NAME]', TYPE may be '*',"
                    " a trailing '.*' or '/*' is allowed)"
                )
        return values

    @field_validator("hashes")
    @classmethod
    def _hashes(cls, values: list[str]) -> list[str]:
        for value in values:
            if not _HEX.match(value):
                raise ValueError(f"{value!r} is not a hexadecimal digest")
        return values

    def is_empty(self) -> bool:
        return not any((self.organizations, self.domains, self.cpe_vendors, self.purls, self.products, self.hashes))


class Phase(_Strict):
    """One step of a ban: from a date, an effect applies."""

    effect: Literal["deny", "warn"]
    from_: dt.date = Field(alias="from")
    until: dt.date | None = None
    summary: NonEmptyStr

    @field_validator("from_", "until", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        return _strict_date(value)

    @model_validator(mode="after")
    def _ordered(self) -> Phase:
        if self.until is not None and self.until <= self.from_:
            raise ValueError(f"until ({self.until}) must be after from ({self.from_})")
        return self


class Ban(_Strict):
    """A vendor ban, as the policies declare it in `data.enforcer.bans.bans`."""

    id: Annotated[str, Field(pattern=_ID)]
    vendor: NonEmptyStr
    title: str = ""
    match: MatchSpec
    phases: Annotated[list[Phase], Field(min_length=1)]
    scopes: list[NonEmptyStr] = []
    references: list[NonEmptyStr] = []
    enabled: bool = True
    disabled_reason: str = ""
    confidence: str = "confirmed"
    notes: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> Ban:
        if self.match.is_empty():
            raise ValueError("match: names no organization, domain, CPE vendor, purl, product or hash")
        if not self.enabled and not self.disabled_reason:
            raise ValueError("disabled_reason: a disabled ban must say why")
        return self


class WaiverTarget(_Strict):
    """Which components a waiver covers: any listed purl pattern, name or bom-ref."""

    purls: list[NonEmptyStr] = []
    names: list[NonEmptyStr] = []
    refs: list[NonEmptyStr] = []


class Waiver(_Strict):
    """An exception to a ban, with an owner, a reason and an end date."""

    id: Annotated[str, Field(pattern=_ID)]
    ban: NonEmptyStr
    components: WaiverTarget
    expires: dt.date
    reason: NonEmptyStr
    approved_by: NonEmptyStr

    @field_validator("expires", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        return _strict_date(value)

    @model_validator(mode="after")
    def _targets(self) -> Waiver:
        target = self.components
        if not (target.purls or target.names or target.refs):
            raise ValueError("components: names no purl pattern, name or ref")
        return self


def _strict_date(value: Any) -> Any:
    """Accept only YYYY-MM-DD strings (or dates), never datetimes or numbers."""
    if value is None or isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a valid calendar date") from None


# ---------------------------------------------------------------------------
# Results: what the enforcer reports.


class MatchEvidence(_Strict):
    """What matched: the SBOM field, its raw value, the key, the matcher, and the ban's alias."""

    field: str
    value: str
    key: str
    matcher: str
    confidence: Confidence
    #: the ban's own spelling that gave the key ("AO Kaspersky Lab" for "kaspersky lab")
    alias: str = ""


class ComponentInfo(_Strict):
    """The component a finding is about."""

    ref: str
    name: str
    version: str = ""
    purl: str = ""
    path: list[str] = []


class PhaseInfo(_Strict):
    effect: Literal["deny", "warn"]
    date: dt.date
    summary: str


class WaiverInfo(_Strict):
    id: str
    status: Literal["applied", "expired"]
    expires: dt.date
    reason: str
    approved_by: str


class Finding(_Strict):
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


class SbomResult(_Strict):
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


class BanInfo(_Strict):
    """A ban as reports cite it (SARIF rules, JUnit test cases)."""

    id: str
    vendor: str
    title: str = ""
    references: list[str] = []
    scopes: list[str] = []
    enabled: bool = True


class RunResult(_Strict):
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
