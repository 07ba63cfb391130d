"""Markdown: a short summary for `$GITHUB_STEP_SUMMARY` or a pull-request comment.

A headline with the counts per verdict, one table row per SBOM (components,
those without identity, the counts), then the findings that need attention
(deny, warn, waived; at most `MAX_FINDINGS` rows, the rest counted). Paths,
component names and ban ids are code spans (no markup, no @-mentions); free
text is escaped, so nothing from an SBOM can inject markup or HTML.
"""

from __future__ import annotations

import re

from enforcer._models import Finding, RunResult, SbomResult
from enforcer.report.interface import Reporter, component_label, unidentified_percent

#: Rows of the findings table; a pull-request comment is limited in size.
MAX_FINDINGS = 50
_SHOWN = ("deny", "warn", "waived")
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


class MarkdownReporter(Reporter):
    extension = "md"

    def render(self, result: RunResult) -> str:
        totals = result.totals()
        counts = ", ".join(f"{totals[status]} {status}" for status in ("deny", "warn", "waived", "allow"))
        sboms = len(result.sboms)
        lines = [
            f"## enforcer: {counts}",
            "",
            f"{sboms} SBOM{'s' if sboms != 1 else ''}, {totals['components']} components,"
            f" {totals['unidentified']} without identity"
            f" ({unidentified_percent(totals['components'], totals['unidentified'])}),"
            f" {totals['errors']} unreadable; as of {result.as_of.isoformat()}"
            + (f", scopes {_cell(', '.join(result.scopes))}" if result.scopes else ""),
            "",
            "| SBOM | components | without identity | deny | warn | waived | allow |",
            "|---|--:|--:|--:|--:|--:|--:|",
        ]
        lines.extend(_sbom_row(sbom) for sbom in result.sboms)
        attention = [(sbom, finding) for sbom in result.sboms for finding in sbom.findings if finding.status in _SHOWN]
        if attention:
            lines += ["", "| status | SBOM | component | ban | reason |", "|---|---|---|---|---|"]
            lines.extend(_finding_row(sbom, finding) for sbom, finding in attention[:MAX_FINDINGS])
            if len(attention) > MAX_FINDINGS:
                lines += ["", f"…and {len(attention) - MAX_FINDINGS} more findings: see the full report."]
        if result.unused_waivers:
            lines += ["", f"Unused waivers (matched nothing): {_cell(', '.join(result.unused_waivers))}"]
        return "\n".join(lines) + "\n"


def _sbom_row(sbom: SbomResult) -> str:
    if sbom.error is not None:
        return f"| {_code(sbom.path)} | **error**: {_cell(sbom.error.removeprefix(sbom.path + ': '))} | | | | | |"
    counts = " | ".join(str(sbom.count(status)) for status in ("deny", "warn", "waived", "allow"))
    return f"| {_code(sbom.path)} | {sbom.components} | {sbom.unidentified} | {counts} |"


def _finding_row(sbom: SbomResult, finding: Finding) -> str:
    status = f"**{finding.status}**" if finding.status == "deny" else finding.status
    cells = (_code(sbom.path), _code(component_label(finding.component)), _code(finding.ban), _cell(finding.reason))
    return f"| {status} | " + " | ".join(cells) + " |"


def _cell(text: str) -> str:
    """Plain text safe inside a table cell: one line, Markdown punctuation escaped, no HTML."""
    text = " ".join(text.split())
    text = _SPECIAL.sub(r"\\\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("@", "&#64;")


def _code(text: str) -> str:
    """A code span on one line; `|` stays escaped, as tables need even inside code."""
    text = " ".join(text.split()).replace("|", "\\|")
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest or text.startswith(" ") else ""
    return f"{fence}{pad}{text}{pad}{fence}" if text else ""
