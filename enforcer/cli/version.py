"""`enforcer version`."""

from __future__ import annotations

from enforcer import __version__
from enforcer.cli._errors import EXIT_OK


def version() -> int:
    """Print the enforcer version, and whether the native scanner is in use."""
    from enforcer._native import describe

    print(f"enforcer {__version__} ({describe()})")
    return EXIT_OK
