"""Whether the native scanner (`enforcer._scan`, built from `native/`) is here and in use.

The scanner is a Rust extension module inside the enforcer package: a wheel
carries it, and an editable install (`make dev`) builds it beside the
sources. Everything runs without it, in pure Python, only slower on large
CycloneDX JSON: where no wheel fits and nothing could build it, where its
shared library does not load, or with `ENFORCER_NATIVE=0`.

Kept apart from `cyclonedx_native` so that `enforcer version` can say it
without importing the loaders.
"""

from __future__ import annotations

from types import ModuleType

from enforcer._env import native_enabled

#: the version of the scanner this code speaks to (its `__version__`, major.minor)
COMPATIBLE = "0.1"
_MODULE: ModuleType | None | bool = None
#: why the scanner is not in use, once `native_module` has looked
_WHY_NOT = ""


def switched_off() -> bool:
    """`ENFORCER_NATIVE=0` (or off, no, false) keeps every SBOM on the Python path."""
    return not native_enabled()


def native_module() -> ModuleType | None:
    """The scanner's module, or None (absent, of another version, or switched off)."""
    global _MODULE, _WHY_NOT
    if _MODULE is None:
        _MODULE = False
        if switched_off():
            _WHY_NOT = "native scanner switched off by ENFORCER_NATIVE=0"
        else:
            try:
                from enforcer import _scan
            except ImportError:  # not built, or its shared library does not load here
                _WHY_NOT = "native scanner not installed: pure Python"
            else:
                version = str(getattr(_scan, "__version__", ""))
                if version == COMPATIBLE or version.startswith(COMPATIBLE + "."):
                    _MODULE = _scan
                else:
                    _WHY_NOT = f"native scanner {version or '?'} does not fit this code ({COMPATIBLE}): pure Python"
    return _MODULE if isinstance(_MODULE, ModuleType) else None


def describe() -> str:
    """For `enforcer version`: whether CycloneDX JSON goes through the native scanner."""
    module = native_module()
    if module is not None:
        return f"native scanner {module.__version__}"
    return _WHY_NOT
