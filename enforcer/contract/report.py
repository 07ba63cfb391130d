"""The JSON report as a contract: what `enforcer check --format json` writes, schema version 2.

These pydantic models are the report's schema for the programs that read
reports (`schemas/report-2.json` is generated from them; `enforcer schema
report` prints it), and `read_report` is a reader: it validates a report and
returns a `RunReport`. The enforcer itself writes reports from its msgspec
result structs with orjson (`enforcer.report.json`), which is faster; the
tests check that every report it writes validates here and reads back to the
same data.

Compatibility: a report of schema version 2 has every field below (null
where a model says so). A reader ignores fields it does not know: adding a
field keeps the version, while removing or renaming one, changing its type,
or giving a value a new meaning bumps it (`REPORT_SCHEMA_VERSION`).

Beyond what a JSON Schema can say, `read_report` checks that the report is
consistent: each finding's status follows from its verdict and waiver, and
the summary adds up to the SBOMs and findings listed.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec
from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from enforcer._errors import ReportError
from enforcer._jsontext import locate
from enforcer.contract._words import validate_json
from enforcer.contract.bans import Kind

__all__ = [
    "ComponentInfo",
    "CoverageInfo",
    "Finding",
    "MatchEvidence",
    "PhaseInfo",
    "RunReport",
    "SbomReport",
    "Summary",
    "Tool",
    "WaiverInfo",
    "read_report",
]

Count = Annotated[int, Field(ge=0)]


class _Report(BaseModel):
    """Immutable and strictly typed; a field the model does not know is ignored (a later addition)."""

    model_config = ConfigDict(extra="ignore", frozen=True, strict=True)


class Tool(_Report):
    """The program that wrote the report."""

    name: Literal["enforcer"] = Field(description="always `enforcer`")
    version: str = Field(description="the enforcer's version")


class Summary(_Report):
    """Counts over every SBOM of the run."""

    sboms: Count = Field(description="SBOMs checked, including those that could not be read")
    components: Count = Field(description="components of every SBOM, at every depth")
    unidentified: Count = Field(
        description="components with no organisation, URL, purl, CPE or hash: nothing a ban can match"
    )
    deny: Count = Field(description="findings whose status is `deny`")
    warn: Count = Field(description="findings whose status is `warn`")
    waived: Count = Field(description="findings whose status is `waived`")
    allow: Count = Field(description="findings whose status is `allow`")
    errors: Count = Field(description="SBOMs that could not be checked (their `error` is set)")


class ComponentInfo(_Report):
    """The component a finding is about."""

    ref: str = Field(description="its reference in the SBOM (CycloneDX bom-ref, SPDX SPDXID), or a label")
    name: str = Field(description="its name as the SBOM writes it")
    version: str = Field(description="its version, or empty")
    purl: str = Field(description="its package URL, or empty")
    kind: Kind = Field(
        description="what the component is, in one vocabulary mapped from CycloneDX `type`, SPDX 2"
        " `primaryPackagePurpose` and SPDX 3 `software_primaryPurpose` (or from the purl type);"
        " `unknown` when nothing says"
    )
    path: list[str] = Field(
        description="the components from the SBOM's root down to this one (`name@version`), or empty"
    )


class MatchEvidence(_Report):
    """One value of the component that matched the ban."""

    field: str = Field(description="the SBOM field, with array positions (`supplier.name`, `authors[1].name`)")
    value: str = Field(description="the raw value of that field")
    key: str = Field(description="the normalised key that was looked up (`kaspersky lab`, `kaspersky.com`)")
    matcher: str = Field(
        description="how it matched: organization, organization-prefix, person-name, domain, cpe-vendor, purl,"
        " group, hash, product, product-name, app-id or product-purl"
    )
    confidence: Literal["exact", "strong", "weak"] = Field(
        description="exact, strong (an organisation prefix, a whole product name) or weak (a person's name,"
        " a word of the component name)"
    )
    alias: str = Field(description="the ban's own spelling that gave the key (`AO Kaspersky Lab`), or empty")
    role: str = Field(
        description="what the field says about the vendor: supplier, manufacturer, publisher, provider, author,"
        " contact, originator, reference, endpoint, purl, group, cpe, hash, name or product; empty when not known"
    )
    party: Literal["organization", "person", ""] = Field(
        description="whom the field names: an organization, a person, or empty (the value names no party)"
    )


class PhaseInfo(_Report):
    """The phase of the ban the verdict is about."""

    effect: Literal["deny", "warn"] = Field(description="the phase's effect")
    date: dt.date = Field(description="the day the phase starts (YYYY-MM-DD)")
    summary: str = Field(description="what the phase forbids, in the ban's words")


class CoverageInfo(_Report):
    """Whether the ban covers the component (contract 2), as the decision library says."""

    decision: Literal["covered", "product", "outside", "excluded", "person", "unknown-kind"] = Field(
        description="covered (of a kind the ban covers), product (a product the ban names), outside (a kind it"
        " does not cover), excluded (the ban excludes it), person (the vendor's name was a person's), or"
        " unknown-kind (the component's kind is unknown and the ban says how to treat that)"
    )
    reason: str = Field(description="why, in a sentence")


class WaiverInfo(_Report):
    """The waiver that names this ban and component: applied, or found expired."""

    id: str = Field(description="the waiver's id")
    status: Literal["applied", "expired"] = Field(description="applied (the finding is waived) or expired")
    expires: dt.date = Field(description="the waiver's last day (YYYY-MM-DD)")
    reason: str = Field(description="why the waiver was granted")
    approved_by: str = Field(description="who approved it")


class Finding(_Report):
    """One component that matched one ban, with the policy's verdict."""

    component: ComponentInfo
    ban: str = Field(description="the ban's id")
    vendor: str = Field(description="the banned vendor")
    verdict: Literal["deny", "warn", "allow"] = Field(description="what the policy decided")
    status: Literal["deny", "warn", "allow", "waived"] = Field(
        description="the verdict, or `waived` when an applied waiver turned it into `allow`"
    )
    phase: PhaseInfo | None = Field(description="the phase the verdict is about, or null (no phase applies)")
    reason: str = Field(description="the verdict in a sentence")
    matches: list[MatchEvidence] = Field(description="every value that matched, best confidence first")
    waiver: WaiverInfo | None = Field(description="the waiver that names this ban and component, or null")
    coverage: CoverageInfo | None = Field(
        description="whether the ban covers the component, or null (decided without coverage)"
    )

    @model_validator(mode="after")
    def _status_follows(self) -> Finding:
        applied = self.waiver is not None and self.waiver.status == "applied"
        expected = "waived" if applied else self.verdict
        if self.status != expected:
            raise PydanticCustomError(
                "contract",
                "status {status} does not follow from the verdict and waiver (expected {expected})",
                {"status": repr(self.status), "expected": repr(expected)},
            )
        return self


class SbomReport(_Report):
    """The result of checking one SBOM."""

    path: str = Field(description="the SBOM's path as given, or `<stdin>`")
    format: str = Field(description="the format detected (`CycloneDX 1.5 JSON`), or empty when unreadable")
    spec_version: str = Field(description="the specification version (`1.5`, `2.3`), or empty")
    components: Count = Field(
        description="components at every depth (not counting `metadata.component` or services, checked too)"
    )
    unidentified: Count = Field(description="components with nothing a ban can match")
    unreadable: Count = Field(description="components skipped because their fields had the wrong types")
    out_of_scope: Count = Field(description="matches of bans outside the chosen scopes (no verdict)")
    warnings: list[str] = Field(description="what the loader noticed, a line each")
    error: str | None = Field(description="why the SBOM could not be checked, or null")
    findings: list[Finding] = Field(description="sorted: deny, warn, waived, allow; then ban, component")


class RunReport(_Report):
    """The JSON report of one `enforcer check` run (schema version 2)."""

    schema_version: Literal["2"] = Field(description="the report's schema version: `2`")
    tool: Tool
    as_of: dt.date = Field(description="the date the verdicts are for (YYYY-MM-DD)")
    scopes: list[str] = Field(description="the scope tags chosen; empty: every jurisdiction")
    warn_days: Count = Field(description="the warning window before a phase starts, in days")
    engine: str = Field(description="the policy engine and its version")
    policies: list[str] = Field(description="the Rego files evaluated")
    summary: Summary
    sboms: list[SbomReport] = Field(description="one entry per SBOM, in the order checked")
    unused_waivers: list[str] = Field(description="ids of waivers that matched no finding")

    @model_validator(mode="after")
    def _summary_adds_up(self) -> RunReport:
        statuses = {"deny": 0, "warn": 0, "waived": 0, "allow": 0}
        for sbom in self.sboms:
            for finding in sbom.findings:
                statuses[finding.status] += 1
        expected = {
            "sboms": len(self.sboms),
            "components": sum(sbom.components for sbom in self.sboms),
            "unidentified": sum(sbom.unidentified for sbom in self.sboms),
            **statuses,
            "errors": sum(1 for sbom in self.sboms if sbom.error is not None),
        }
        for name, count in expected.items():
            given = getattr(self.summary, name)
            if given != count:
                raise PydanticCustomError(
                    "contract",
                    "summary.{name} is {given}, but the SBOMs listed add up to {count}",
                    {"name": name, "given": given, "count": count},
                )
        return self


def read_report(text: str | bytes) -> RunReport:
    """The report in `text` (JSON), validated against schema version 2 and checked for consistency.

    Raises `ReportError` with every problem, a line each
    (`sboms.0.findings.1.component.kind: required field is missing`).
    """
    report, problems = validate_json(RunReport, text)
    if report is not None:
        return report
    data = text.encode() if isinstance(text, str) else text
    try:
        msgspec.json.decode(data)
    except msgspec.DecodeError as error:  # said as the loaders say it, with the line and column
        raise ReportError(f"JSON report: not valid JSON: {locate(str(error), data)}") from None
    raise ReportError(*(f"JSON report: {problem}" for problem in problems))
