"""The reporter interface: one class per output format."""

from __future__ import annotations

import enum
from abc import ABC, abstractmethod

from enforcer._models import RunResult


class ReportFormat(str, enum.Enum):
    """The `--format` choices."""

    TABLE = "table"
    JSON = "json"


class Reporter(ABC):
    """Renders a run's result as text. Output is deterministic for equal input."""

    #: the file extension of this format
    extension: str = "txt"

    def __init__(self, *, explain: bool = False) -> None:
        self.explain = explain

    @abstractmethod
    def render(self, result: RunResult) -> str:
        """The whole report, ending with a newline."""
