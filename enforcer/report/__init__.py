"""Reports: one module per output format, mapped from the `--format` choice.

`REPORTERS` maps each format to its reporter class; the modules are imported
when a format is first used, so a run pays only for the formats it writes.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from enforcer.report.interface import Reporter, ReportFormat

_MODULES: dict[ReportFormat, tuple[str, str]] = {
    ReportFormat.TABLE: ("enforcer.report.table", "TableReporter"),
    ReportFormat.JSON: ("enforcer.report.json", "JsonReporter"),
    ReportFormat.SARIF: ("enforcer.report.sarif", "SarifReporter"),
    ReportFormat.JUNIT: ("enforcer.report.junit", "JunitReporter"),
    ReportFormat.MARKDOWN: ("enforcer.report.markdown", "MarkdownReporter"),
    ReportFormat.GITHUB: ("enforcer.report.github", "GithubReporter"),
    ReportFormat.HTML: ("enforcer.report.html", "HtmlReporter"),
}


class _Reporters(Mapping[ReportFormat, type[Reporter]]):
    """format -> reporter class, importing each module on first use."""

    def __getitem__(self, format: ReportFormat) -> type[Reporter]:
        module, name = _MODULES[ReportFormat(format)]
        reporter: type[Reporter] = getattr(importlib.import_module(module), name)
        return reporter

    def __iter__(self) -> Iterator[ReportFormat]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


REPORTERS: Mapping[ReportFormat, type[Reporter]] = _Reporters()

__all__ = ["REPORTERS", "ReportFormat", "Reporter", "reporter_for"]


def reporter_for(format: ReportFormat, *, explain: bool = False) -> Reporter:
    return REPORTERS[format](explain=explain)
