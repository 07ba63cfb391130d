"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run, tool driver `enforcer`, one rule per ban (`enforcer.bans/<ban id>`,
the Rego package that declares bans and the ban's id). One result per finding:
`deny` is level `error`, `warn` is `warning`, a waived finding is `note` with
an accepted suppression that carries the waiver's reason. `allow` findings
(a ban matched but no phase is in effect) are left out: code scanning is for
what needs action, and the JSON report keeps them. Each result points at the
SBOM file and names the component as a logical location; its properties
carry the ban id, the verdict, the component's purl and what matched.
SBOMs that could not be read are tool execution notifications, and the run
fails (`executionSuccessful: false`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

import msgspec
import orjson

from enforcer._models import BanInfo, Finding, RunResult, SbomResult
from enforcer.report.interface import Reporter, bans_of, component_label, first_url, unidentified_percent

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#: The Rego package whose `bans` set declares every ban: the namespace of rule ids.
RULE_NAMESPACE = "enforcer.bans"

_LEVEL = {"deny": "error", "warn": "warning", "waived": "note"}


def rule_id(ban: str) -> str:
    return f"{RULE_NAMESPACE}/{ban}"


class SarifReporter(Reporter):
    extension = "sarif"

    def render(self, result: RunResult) -> str:
        return orjson.dumps(to_sarif(result), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode() + "\n"


def to_sarif(result: RunResult) -> dict[str, Any]:
    """The SARIF log as plain data."""
    bans = bans_of(result)
    rule_index = {ban_id: number for number, ban_id in enumerate(bans)}
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}
    for sbom in result.sboms:
        uri = artifact_uri(sbom.path)
        if uri is not None and uri not in artifact_index:
            artifact_index[uri] = len(artifacts)
            artifacts.append(_artifact(sbom, uri))
    results = [
        _result(sbom, finding, rule_index[finding.ban], artifact_index)
        for sbom in result.sboms
        for finding in sbom.findings
        if finding.status in _LEVEL
    ]
    totals = result.totals()
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "enforcer",
                "version": result.tool_version,
                "semanticVersion": result.tool_version,
                "rules": [_rule(ban) for ban in bans.values()],
            }
        },
        "invocations": [_invocation(result, artifact_index)],
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {
            "asOf": result.as_of.isoformat(),
            "scopes": result.scopes,
            "warnDays": result.warn_days,
            "engine": result.engine,
            "policies": result.policies,
            "summary": {
                "sboms": len(result.sboms),
                "components": totals["components"],
                "unidentified": totals["unidentified"],
                "unidentifiedPercent": unidentified_percent(totals["components"], totals["unidentified"]),
                "deny": totals["deny"],
                "warn": totals["warn"],
                "waived": totals["waived"],
                "allow": totals["allow"],
                "errors": totals["errors"],
            },
            "unusedWaivers": result.unused_waivers,
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def artifact_uri(path: str) -> str | None:
    """The SBOM's location as a URI reference: relative paths stay relative (code scanning
    resolves them against the repository root), absolute ones become `file:` URIs; stdin has none.
    """
    if path == "<stdin>":
        return None
    pure: PurePath = PureWindowsPath(path) if "\\" in path or PureWindowsPath(path).drive else PurePosixPath(path)
    posix = pure.as_posix()
    if pure.is_absolute():
        prefix = "file:///" if not posix.startswith("/") else "file://"
        return prefix + quote(posix, safe="/:")
    return quote(posix.removeprefix("./"), safe="/")


def _artifact(sbom: SbomResult, uri: str) -> dict[str, Any]:
    properties: dict[str, Any] = {"components": sbom.components, "unidentified": sbom.unidentified}
    if sbom.format:
        properties["format"] = sbom.format
    if sbom.error is not None:
        properties["error"] = sbom.error
    return {"location": {"uri": uri}, "roles": ["analysisTarget"], "properties": properties}


def _rule(ban: BanInfo) -> dict[str, Any]:
    title = ban.title or f"Software from {ban.vendor} is banned"
    help_lines = [f"{ban.vendor}: {title}."]
    if ban.scopes:
        help_lines.append(f"Scopes: {', '.join(ban.scopes)}.")
    if ban.references:
        help_lines.append("References:")
        help_lines.extend(f"- {reference}" for reference in ban.references)
    rule: dict[str, Any] = {
        "id": rule_id(ban.id),
        "name": ban.id,
        "shortDescription": {"text": f"Banned vendor: {ban.vendor}"},
        "fullDescription": {"text": title},
        "help": {"text": "\n".join(help_lines)},
        "defaultConfiguration": {"level": "error", "enabled": ban.enabled},
        "properties": {
            "vendor": ban.vendor,
            "scopes": list(ban.scopes),
            "references": list(ban.references),
            "tags": ["supply-chain", "vendor-ban"],
        },
    }
    url = first_url(ban.references)
    if url is not None:
        rule["helpUri"] = url
    return rule


def _result(sbom: SbomResult, finding: Finding, rule_number: int, artifact_index: dict[str, int]) -> dict[str, Any]:
    component = finding.component
    label = component_label(component)
    location: dict[str, Any] = {
        "logicalLocations": [
            {
                "name": label,
                "fullyQualifiedName": " > ".join(component.path) if component.path else label,
                "kind": "module",
            }
        ]
    }
    uri = artifact_uri(sbom.path)
    if uri is not None:
        location["physicalLocation"] = {"artifactLocation": {"uri": uri, "index": artifact_index[uri]}}
    best = finding.matches[0] if finding.matches else None
    matched = f'; matched {best.field} "{best.value}"' if best is not None else ""
    text = f"{label} comes from {finding.vendor}, banned by {finding.ban}: {finding.reason}{matched}"
    properties: dict[str, Any] = {
        "ban": finding.ban,
        "vendor": finding.vendor,
        "verdict": finding.verdict.value,
        "status": finding.status,
        "component": {
            "ref": component.ref,
            "name": component.name,
            "version": component.version,
            "kind": component.kind,
        },
        "purl": component.purl,
        "matches": msgspec.to_builtins(finding.matches),
    }
    if finding.coverage is not None:
        properties["coverage"] = msgspec.to_builtins(finding.coverage)
    if finding.phase is not None:
        properties["phase"] = msgspec.to_builtins(finding.phase)
    result: dict[str, Any] = {
        "ruleId": rule_id(finding.ban),
        "ruleIndex": rule_number,
        "kind": "fail",
        "level": _LEVEL[finding.status],
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {"enforcerFinding/v1": _fingerprint(sbom.path, finding)},
        "properties": properties,
    }
    if finding.waiver is not None:
        properties["waiver"] = msgspec.to_builtins(finding.waiver)
        if finding.waived:
            result["suppressions"] = [
                {
                    "kind": "external",
                    "status": "accepted",
                    "justification": f"waiver {finding.waiver.id} until {finding.waiver.expires.isoformat()}"
                    f" ({finding.waiver.approved_by}): {finding.waiver.reason}",
                }
            ]
    return result


def _fingerprint(path: str, finding: Finding) -> str:
    """Stable across runs: the SBOM, the ban and the component, not the verdict or the date."""
    component = finding.component
    key = "\0".join((path, finding.ban, component.ref, component.name, component.version, component.purl))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _invocation(result: RunResult, artifact_index: dict[str, int]) -> dict[str, Any]:
    notifications: list[dict[str, Any]] = []
    for sbom in result.sboms:
        uri = artifact_uri(sbom.path)
        locations = (
            [{"physicalLocation": {"artifactLocation": {"uri": uri, "index": artifact_index[uri]}}}]
            if uri is not None
            else []
        )
        if sbom.error is not None:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": sbom.error},
                    "locations": locations,
                    "descriptor": {"id": "sbom-error"},
                }
            )
        notifications.extend(
            {
                "level": "warning",
                "message": {"text": f"{sbom.path}: {warning}"},
                "locations": locations,
                "descriptor": {"id": "sbom-warning"},
            }
            for warning in sbom.warnings
        )
    notifications.extend(
        {
            "level": "note",
            "message": {"text": f"waiver {waiver} matched no finding"},
            "descriptor": {"id": "unused-waiver"},
        }
        for waiver in result.unused_waivers
    )
    invocation: dict[str, Any] = {
        "executionSuccessful": not any(sbom.error is not None for sbom in result.sboms),
        "toolExecutionNotifications": notifications,
    }
    if result.started_at is not None:
        invocation["startTimeUtc"] = result.started_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return invocation
