"""The reporter interface: one class per output format."""

from __future__ import annotations

import enum
from abc import ABC, abstractmethod
from collections.abc import Sequence

from enforcer._models import BanInfo, ComponentInfo, RunResult


class ReportFormat(enum.StrEnum):
    """The `--format` choices (and the FORMAT of `--output FORMAT=FILE`)."""

    TABLE = "table"
    JSON = "json"
    SARIF = "sarif"
    JUNIT = "junit"
    MARKDOWN = "markdown"
    GITHUB = "github"
    HTML = "html"


class Reporter(ABC):
    """Renders a run's result as text. Output is deterministic for equal input."""

    #: the file extension of this format
    extension: str = "txt"

    def __init__(self, *, explain: bool = False) -> None:
        self.explain = explain

    @abstractmethod
    def render(self, result: RunResult) -> str:
        """The whole report, ending with a newline."""


# -- helpers the formats share ------------------------------------------------------


def component_label(component: ComponentInfo) -> str:
    """`name@version`, or the bom-ref when the component has no name."""
    label = component.name or component.ref
    return f"{label}@{component.version}" if component.version else label


def bans_of(result: RunResult) -> dict[str, BanInfo]:
    """Every ban of the run by id, sorted: the declared ones and any a finding names."""
    bans = {ban.id: ban for ban in result.bans}
    for sbom in result.sboms:
        for finding in sbom.findings:
            if finding.ban not in bans:
                bans[finding.ban] = BanInfo(id=finding.ban, vendor=finding.vendor)
    return dict(sorted(bans.items()))


def ban_selected(ban: BanInfo, scopes: list[str]) -> bool:
    """Whether a ban applies to the run's `--scope` selection (none selected: every ban)."""
    return not scopes or any(scope in ban.scopes for scope in scopes)


def unidentified_percent(components: int, unidentified: int) -> str:
    """The share of components without identity, with one decimal: `12.5%`."""
    return f"{100.0 * unidentified / components:.1f}%" if components else "0.0%"


def first_url(references: Sequence[str]) -> str | None:
    """The first reference that is an http(s) URL, if any."""
    for reference in references:
        if reference.startswith(("https://", "http://")) and " " not in reference:
            return reference
    return None
