"""The human-readable table, the default on a terminal."""

from __future__ import annotations

from enforcer._models import Finding, RunResult, SbomResult
from enforcer._printable import printable
from enforcer.report.interface import Reporter

_MAX_REASON = 90


class TableReporter(Reporter):
    extension = "txt"

    def render(self, result: RunResult) -> str:
        lines: list[str] = []
        for sbom in result.sboms:
            lines.extend(self._sbom(sbom))
            lines.append("")
        if result.unused_waivers:
            lines.append(f"unused waivers (matched nothing): {', '.join(result.unused_waivers)}")
            lines.append("")
        # values come from the SBOM and file names come from anyone: escaped
        return "\n".join(printable(line) for line in lines).rstrip("\n") + "\n"

    def _sbom(self, sbom: SbomResult) -> list[str]:
        if sbom.error is not None:
            return [f"{sbom.path}: ERROR {sbom.error.removeprefix(sbom.path + ': ')}"]
        header = f"{sbom.path}  ({sbom.format}, {_plural(sbom.components, 'component')}"
        if sbom.unidentified:
            header += f", {sbom.unidentified} without identity"
        if sbom.unreadable:
            header += f", {sbom.unreadable} unreadable"
        header += ")"
        lines = [header]
        lines.extend(f"  warning: {warning}" for warning in sbom.warnings)
        if not sbom.findings:
            lines.append("  no banned vendor found")
            return lines
        rows = [("STATUS", "BAN", "COMPONENT", "MATCHED", "REASON")]
        rows.extend(_row(finding) for finding in sbom.findings)
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for number, row in enumerate(rows):
            cells = [row[i].ljust(widths[i]) for i in range(4)]
            lines.append("  " + "  ".join(cells) + "  " + row[4])
            if self.explain and number > 0:
                lines.extend(_explain(sbom.findings[number - 1]))
            elif number > 0 and (waiver := sbom.findings[number - 1].waiver) is not None and waiver.status == "expired":
                # the reason column is clipped; an expired waiver must not be
                lines.append(f"      waiver {waiver.id} expired on {waiver.expires}")
        if sbom.out_of_scope:
            lines.append(f"  ({_plural(sbom.out_of_scope, 'match')} outside the selected scopes not shown)")
        return lines


def _row(finding: Finding) -> tuple[str, str, str, str, str]:
    component = finding.component
    label = component.name or component.ref
    if component.version:
        label += f"@{component.version}"
    best = finding.matches[0]
    matched = f'{best.field}="{_clip(best.value, 40)}"'
    return (finding.status, finding.ban, label, matched, _clip(finding.reason, _MAX_REASON))


def _explain(finding: Finding) -> list[str]:
    lines = []
    if len(finding.component.path) > 1:
        lines.append(f"      path: {' > '.join(finding.component.path)}")
    if finding.component.purl:
        lines.append(f"      purl: {finding.component.purl}")
    lines.append(f"      kind: {finding.component.kind}")
    for match in finding.matches:
        via = f" via alias {match.alias!r}" if match.alias else ""
        role = f"; role {match.role}" + (f", {match.party}" if match.party else "") if match.role else ""
        lines.append(
            f"      matched {match.field}={match.value!r} -> {match.matcher} key {match.key!r}{via}"
            f" ({match.confidence.value}{role})"
        )
    if finding.coverage is not None:
        lines.append(f"      coverage: {finding.coverage.decision}: {finding.coverage.reason}")
    lines.append(f"      reason: {finding.reason}")
    return lines


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _plural(count: int, word: str) -> str:
    if count == 1:
        return f"1 {word}"
    return f"{count} {word}es" if word.endswith("ch") else f"{count} {word}s"
