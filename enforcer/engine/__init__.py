"""Policy engines: embedded rego-cpp (default), an OPA server, the opa binary."""

from __future__ import annotations

import enum
from typing import Any

from enforcer._errors import EngineError
from enforcer.engine.interface import PolicyEngine, PolicyModule

__all__ = ["EngineChoice", "PolicyEngine", "PolicyModule", "create_engine"]


class EngineChoice(str, enum.Enum):
    """The `--engine` choices."""

    EMBEDDED = "embedded"


def create_engine(name: str, **options: Any) -> PolicyEngine:
    """Build the engine called `name` with its options."""
    if name == EngineChoice.EMBEDDED.value:
        from enforcer.engine.embedded import EmbeddedEngine

        return EmbeddedEngine()
    raise EngineError(f"unknown engine {name!r} (choose from: {', '.join(e.value for e in EngineChoice)})")
