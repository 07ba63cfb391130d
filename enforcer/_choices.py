"""Choices of the CLI that the command line needs before any work starts.

Kept apart from the modules that do the work, so that parsing the command
line of `enforcer check` does not import the spot-check and listing code.
"""

from __future__ import annotations

import enum


class ListingFormat(enum.StrEnum):
    """The `--format` choices of `enforcer policy list` and `enforcer vendor`."""

    TABLE = "table"
    JSON = "json"


class QueryKind(enum.StrEnum):
    """What the spot-check query is (`--kind`; `auto` detects it)."""

    AUTO = "auto"
    ORGANIZATION = "organization"
    DOMAIN = "domain"
    PURL = "purl"
    CPE = "cpe"
    HASH = "hash"
