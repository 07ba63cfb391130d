"""Whether the native scanner (`enforcer_scan`, built from `native/`) is here and in use.

Kept apart from `cyclonedx_native` so that `enforcer version` can say it
without importing the loaders.
"""

from __future__ import annotations

from types import ModuleType

from enforcer._env import native_enabled

#: the version of `enforcer_scan` this code speaks to (its `__version__`, major.minor)
COMPATIBLE = "0.1"
_MODULE: ModuleType | None | bool = None


def switched_off() -> bool:
    """`ENFORCER_NATIVE=0` (or off, no, false) keeps every SBOM on the Python path."""
    return not native_enabled()


def native_module() -> ModuleType | None:
    """The `enforcer_scan` module, or None (not installed, of another version, or switched off)."""
    global _MODULE
    if _MODULE is None:
        _MODULE = False
        if not switched_off():
            try:
                import enforcer_scan
            except ImportError:
                pass
            else:
                version = str(getattr(enforcer_scan, "__version__", ""))
                if version == COMPATIBLE or version.startswith(COMPATIBLE + "."):
                    _MODULE = enforcer_scan
    return _MODULE if isinstance(_MODULE, ModuleType) else None


def describe() -> str:
    """For `enforcer version`: whether CycloneDX JSON goes through the native scanner."""
    module = native_module()
    if module is not None:
        return f"native scanner {module.__version__}"
    if switched_off():
        return "native scanner switched off by ENFORCER_NATIVE=0"
    return "native scanner not installed: pure Python"
