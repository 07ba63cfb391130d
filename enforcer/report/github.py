"""GitHub Actions workflow commands: findings as annotations on the SBOM files.

`deny` is `::error`, `warn` is `::warning`, a waived finding is `::notice`;
`allow` findings are left out. An SBOM that could not be read is an
`::error` on that file. A last `::notice` gives the counts, including the
components without identity. Values are escaped as the runner expects
(`%`, CR and LF in messages; also `:` and `,` in properties), so nothing read
from an SBOM can end a command early or start another one.
"""

from __future__ import annotations

from enforcer._models import Finding, RunResult, SbomResult
from enforcer.report.interface import Reporter, component_label, unidentified_percent

_COMMAND = {"deny": "error", "warn": "warning", "waived": "notice"}


class GithubReporter(Reporter):
    extension = "txt"

    def render(self, result: RunResult) -> str:
        lines: list[str] = []
        for sbom in result.sboms:
            if sbom.error is not None:
                lines.append(_command("error", sbom, "enforcer: unreadable SBOM", sbom.error))
                continue
            lines.extend(_finding(sbom, finding) for finding in sbom.findings if finding.status in _COMMAND)
        totals = result.totals()
        counts = ", ".join(f"{totals[status]} {status}" for status in ("deny", "warn", "waived", "allow"))
        sboms = len(result.sboms)
        summary = (
            f"{sboms} SBOM{'s' if sboms != 1 else ''}, {totals['components']} components"
            f" ({totals['unidentified']} without identity,"
            f" {unidentified_percent(totals['components'], totals['unidentified'])}):"
            f" {counts}; {totals['errors']} unreadable"
        )
        lines.append(_command("notice", None, "enforcer", summary))
        return "\n".join(lines) + "\n"


def _finding(sbom: SbomResult, finding: Finding) -> str:
    label = component_label(finding.component)
    title = f"{finding.status}: {finding.vendor} ({finding.ban})"
    message = f"{label} comes from {finding.vendor}: {finding.reason}"
    if finding.component.purl:
        message += f"\npurl: {finding.component.purl}"
    for match in finding.matches:
        message += f'\nmatched {match.field} "{match.value}" ({match.matcher}, {match.confidence.value})'
    if finding.waived and finding.waiver is not None:
        message += (
            f"\nwaived by {finding.waiver.id} until {finding.waiver.expires.isoformat()}: {finding.waiver.reason}"
        )
    return _command(_COMMAND[finding.status], sbom, title, message)


def _command(name: str, sbom: SbomResult | None, title: str, message: str) -> str:
    properties = []
    if sbom is not None and sbom.path != "<stdin>":
        properties.append(f"file={escape_property(sbom.path)}")
    properties.append(f"title={escape_property(title)}")
    return f"::{name} {','.join(properties)}::{escape_data(message)}"


def escape_data(value: str) -> str:
    """A workflow command's message: `%`, CR and LF percent-encoded."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A workflow command's property value: as a message, and `:` and `,` too."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")
