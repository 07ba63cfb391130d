"""The policy engine interface: load Rego modules, answer queries.

Three engines implement it and must give identical answers (the tests check):
the embedded rego-cpp interpreter (`regopy`), a running OPA server, and the
`opa` binary.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True)
class PolicyModule:
    """One Rego file: where it came from and its text."""

    path: str
    text: str


class PolicyEngine(ABC):
    """Evaluates queries against a set of Rego modules."""

    name: ClassVar[str]
    #: the most findings one `data.enforcer.decide` query may carry (None: all)
    decide_batch: ClassVar[int | None] = None

    @abstractmethod
    def load(self, modules: Sequence[PolicyModule]) -> None:
        """Compile the modules; raise `PolicyCompileError` naming the file and line."""

    @abstractmethod
    def query(self, query: str, input: Any = None) -> Any:
        """The value of `query` (a reference such as ``data.enforcer.decide``).

        Returns None when the value is undefined; raises `EngineError` when
        evaluation fails.
        """

    def describe(self) -> str:
        """A short description for reports: the engine name and version."""
        return self.name

    def close(self) -> None:  # noqa: B027 - an optional hook, not abstract
        """Release what the engine holds (processes, connections, pushed policies)."""

    def __enter__(self) -> PolicyEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
