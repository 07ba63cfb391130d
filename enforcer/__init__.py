"""Enforce government vendor bans on SBOMs: Rego states and decides, Python finds.

The public API is re-exported here. Names are imported on first use (PEP 562),
so `import enforcer` and the CLI's quick commands do not pay for the models, the
Rego engine and the loaders until they need them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "BanValidationError": "enforcer._errors",
    "EnforcerError": "enforcer._errors",
    "EngineConnectionError": "enforcer._errors",
    "EngineError": "enforcer._errors",
    "PolicyCompileError": "enforcer._errors",
    "PolicyError": "enforcer._errors",
    "SbomError": "enforcer._errors",
    "SbomParseError": "enforcer._errors",
    "UnsupportedSbomError": "enforcer._errors",
    "Ban": "enforcer._models",
    "FailOn": "enforcer._models",
    "Finding": "enforcer._models",
    "RunResult": "enforcer._models",
    "SbomResult": "enforcer._models",
    "Verdict": "enforcer._models",
    "Waiver": "enforcer._models",
    "Enforcer": "enforcer._run",
    "Options": "enforcer._run",
    "check": "enforcer._run",
    "spot_check": "enforcer._vendor",
    "list_bans": "enforcer.policy.listing",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'enforcer' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from enforcer._errors import (
        BanValidationError as BanValidationError,
    )
    from enforcer._errors import (
        EnforcerError as EnforcerError,
    )
    from enforcer._errors import (
        EngineConnectionError as EngineConnectionError,
    )
    from enforcer._errors import (
        EngineError as EngineError,
    )
    from enforcer._errors import (
        PolicyCompileError as PolicyCompileError,
    )
    from enforcer._errors import (
        PolicyError as PolicyError,
    )
    from enforcer._errors import (
        SbomError as SbomError,
    )
    from enforcer._errors import (
        SbomParseError as SbomParseError,
    )
    from enforcer._errors import (
        UnsupportedSbomError as UnsupportedSbomError,
    )
    from enforcer._models import Ban as Ban
    from enforcer._models import FailOn as FailOn
    from enforcer._models import Finding as Finding
    from enforcer._models import RunResult as RunResult
    from enforcer._models import SbomResult as SbomResult
    from enforcer._models import Verdict as Verdict
    from enforcer._models import Waiver as Waiver
    from enforcer._run import Enforcer as Enforcer
    from enforcer._run import Options as Options
    from enforcer._run import check as check
    from enforcer._vendor import spot_check as spot_check
    from enforcer.policy.listing import list_bans as list_bans
