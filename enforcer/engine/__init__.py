"""Policy engines: embedded rego-cpp (default), an OPA server, the opa binary."""

from __future__ import annotations

import enum
from typing import Any

from enforcer._errors import EngineError
from enforcer.engine.interface import PolicyEngine, PolicyModule

__all__ = ["EngineChoice", "PolicyEngine", "PolicyModule", "create_engine"]


class EngineChoice(enum.StrEnum):
    """The `--engine` choices."""

    EMBEDDED = "embedded"
    OPA_SERVER = "opa-server"
    OPA = "opa"


def create_engine(name: str, **options: Any) -> PolicyEngine:
    """Build the engine called `name`.

    Options (all optional; each engine takes the ones it needs):
      opa_url, opa_token, push (bool), tls_verify (bool), ca_cert (path),
      timeout (seconds) for `opa-server`; opa_binary (path), timeout for
      `opa`; eval_timeout (seconds; else $ENFORCER_EVAL_TIMEOUT, 60) for
      `embedded`.
    """
    if name == EngineChoice.EMBEDDED.value:
        from enforcer.engine.embedded import EmbeddedEngine

        return EmbeddedEngine(**options)
    if name == EngineChoice.OPA_SERVER.value:
        try:
            from enforcer.engine.opa_server import OpaServerEngine  # type: ignore[import-not-found,unused-ignore]
        except ImportError:
            raise EngineError("the opa-server engine is not available in this build") from None
        engine: PolicyEngine = OpaServerEngine(**options)
        return engine
    if name == EngineChoice.OPA.value:
        try:
            from enforcer.engine.opa_cli import OpaCliEngine  # type: ignore[import-not-found,unused-ignore]
        except ImportError:
            raise EngineError("the opa engine is not available in this build") from None
        engine = OpaCliEngine(**options)
        return engine
    raise EngineError(f"unknown engine {name!r} (choose from: {', '.join(e.value for e in EngineChoice)})")
