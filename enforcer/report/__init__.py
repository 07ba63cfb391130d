"""Reports: one module per output format, mapped from the `--format` choice."""

from __future__ import annotations

from enforcer.report.github import GithubReporter
from enforcer.report.interface import Reporter, ReportFormat
from enforcer.report.json import JsonReporter
from enforcer.report.junit import JunitReporter
from enforcer.report.markdown import MarkdownReporter
from enforcer.report.sarif import SarifReporter
from enforcer.report.table import TableReporter

REPORTERS: dict[ReportFormat, type[Reporter]] = {
    ReportFormat.TABLE: TableReporter,
    ReportFormat.JSON: JsonReporter,
    ReportFormat.SARIF: SarifReporter,
    ReportFormat.JUNIT: JunitReporter,
    ReportFormat.MARKDOWN: MarkdownReporter,
    ReportFormat.GITHUB: GithubReporter,
}

__all__ = ["REPORTERS", "ReportFormat", "Reporter", "reporter_for"]


def reporter_for(format: ReportFormat, *, explain: bool = False) -> Reporter:
    return REPORTERS[format](explain=explain)
