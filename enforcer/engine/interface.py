"""The policy engine interface: load Rego modules, answer queries.

Three engines implement it and must give identical answers (the tests check):
the embedded rego-cpp interpreter (`regopy`), a running OPA server, and the
`opa` binary.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from enforcer._errors import EngineError

if TYPE_CHECKING:
    from enforcer.engine._rego_text import PolicyText


@dataclass(frozen=True, slots=True)
class PolicyModule:
    """One Rego file: where it came from and its text."""

    path: str
    text: str


class UnexpectedAnswerError(EngineError):
    """An engine's answer contradicts the policies it was given.

    A partial set (`bans contains ...`) or a rule with a `default` is never
    undefined, and a partial set with literal members is never empty: an
    engine that answers so is not evaluating these policies (an OPA server
    without them, a load balancer's replica, a broken binary, a tampered cache).
    """


class PolicyEngine(ABC):
    """Evaluates queries against a set of Rego modules."""

    name: ClassVar[str]
    #: the most findings one `data.enforcer.decide` query may carry (None: all)
    decide_batch: ClassVar[int | None] = None
    #: said after an unexpected answer: where the policies the engine evaluates come from
    answer_hint: ClassVar[str] = ""
    _given: list[PolicyModule] | None = None
    _text: PolicyText | None = None

    def _note_modules(self, modules: Sequence[PolicyModule], *, replace: bool = False) -> None:
        """Remember the modules this engine evaluates (`check_answer` reads them when it must)."""
        if self._given is None or replace:
            self._given = []
        self._given.extend(modules)
        self._text = None

    def policy_text(self) -> PolicyText:
        """What the text of the modules given to `load` says about their rules (read once, on demand)."""
        if self._text is None:
            from enforcer.engine._rego_text import PolicyText

            self._text = PolicyText(self._given or ())
        return self._text

    def check_answer(self, query: str, value: Any, *, source: str | None = None) -> None:
        """Raise `UnexpectedAnswerError` when `value` cannot be the answer of the loaded policies to `query`.

        Undefined (None) for a rule the modules always define (a partial set,
        a default), or an empty set for a partial set the modules give
        literal members. Every engine checks its own answers; an answer kept
        elsewhere (a cache) can be checked with the same call.
        """
        if value is None or (isinstance(value, list) and not value):
            text = self.policy_text()
            where = source or self.describe()
            hint = f" ({self.answer_hint})" if self.answer_hint else ""
            if value is None and text.always_defined(query):
                raise UnexpectedAnswerError(f"{where}: {query} is undefined, though the policies define it{hint}")
            members = text.literal_members(query) if value is not None else 0
            if members:
                raise UnexpectedAnswerError(
                    f"{where}: {query} is empty, though the policies give it {members} literal"
                    f" member{'s' if members != 1 else ''}{hint}"
                )

    @abstractmethod
    def load(self, modules: Sequence[PolicyModule]) -> None:
        """Compile the modules; raise `PolicyCompileError` naming the file and line."""

    @abstractmethod
    def query(self, query: str, input: Any = None, *, bounded: bool = True) -> Any:
        """The value of `query` (a reference such as ``data.enforcer.decide``).

        Returns None when the value is undefined; raises `EngineError` when
        evaluation fails. `bounded=False` tells an engine that stops runaway
        evaluations that this query is known to end (the shipped decision
        library over its own input), so it may run it without that guard.
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
