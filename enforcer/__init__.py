"""Enforce government vendor bans on SBOMs: Rego states and decides, Python finds."""

from __future__ import annotations

__version__ = "0.1.0"

from enforcer._errors import (  # noqa: E402
    BanValidationError,
    EnforcerError,
    EngineConnectionError,
    EngineError,
    PolicyCompileError,
    PolicyError,
    SbomError,
    SbomParseError,
    UnsupportedSbomError,
)
from enforcer._models import (  # noqa: E402
    Ban,
    FailOn,
    Finding,
    RunResult,
    SbomResult,
    Verdict,
    Waiver,
)
from enforcer._run import Enforcer, Options, check  # noqa: E402

__all__ = [
    "__version__",
    "Ban",
    "BanValidationError",
    "Enforcer",
    "EnforcerError",
    "EngineConnectionError",
    "EngineError",
    "FailOn",
    "Finding",
    "Options",
    "PolicyCompileError",
    "PolicyError",
    "RunResult",
    "SbomError",
    "SbomParseError",
    "SbomResult",
    "UnsupportedSbomError",
    "Verdict",
    "Waiver",
    "check",
]
