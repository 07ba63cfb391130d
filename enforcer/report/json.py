"""The JSON report: a documented, versioned schema (see the README)."""

from __future__ import annotations

from typing import Any

import msgspec
import orjson

from enforcer._models import Finding, RunResult, SbomResult
from enforcer.report.interface import Reporter


class JsonReporter(Reporter):
    extension = "json"

    def render(self, result: RunResult) -> str:
        return orjson.dumps(to_document(result), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode() + "\n"


def to_document(result: RunResult) -> dict[str, Any]:
    """The report as plain data, in the shape of schema version 2 (its schema: `enforcer.contract.report`)."""
    totals = result.totals()
    return {
        "schema_version": result.schema_version,
        "tool": {"name": "enforcer", "version": result.tool_version},
        "as_of": result.as_of.isoformat(),
        "scopes": result.scopes,
        "warn_days": result.warn_days,
        "engine": result.engine,
        "policies": result.policies,
        "summary": {
            "sboms": len(result.sboms),
            "components": totals["components"],
            "unidentified": totals["unidentified"],
            "deny": totals["deny"],
            "warn": totals["warn"],
            "waived": totals["waived"],
            "allow": totals["allow"],
            "errors": totals["errors"],
        },
        "sboms": [_sbom(sbom) for sbom in result.sboms],
        "unused_waivers": result.unused_waivers,
    }


def _sbom(sbom: SbomResult) -> dict[str, Any]:
    return {
        "path": sbom.path,
        "format": sbom.format,
        "spec_version": sbom.spec_version,
        "components": sbom.components,
        "unidentified": sbom.unidentified,
        "unreadable": sbom.unreadable,
        "out_of_scope": sbom.out_of_scope,
        "warnings": sbom.warnings,
        "error": sbom.error,
        "findings": [_finding(finding) for finding in sbom.findings],
    }


def _finding(finding: Finding) -> dict[str, Any]:
    document: dict[str, Any] = msgspec.to_builtins(finding)
    document["status"] = finding.status
    return document
