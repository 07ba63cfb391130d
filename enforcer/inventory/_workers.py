"""What runs in a reading process: a local worker process or a Dask worker.

A task reads a chunk of SBOM files and returns their outcomes encoded
(`_types.encode_outcomes`): bytes are cheap to send and free of pickling
surprises. The writer (the caller of `Inventory.add`) decodes and stores them.
This module and what it imports need neither SQLAlchemy nor a database.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from enforcer.inventory._types import encode_outcomes

#: digests the store already holds, set once per local worker process (its initializer)
_KNOWN: Container[bytes] = frozenset()


def set_known(known: Container[bytes]) -> None:
    """Initializer of a local worker process: the digests not to read again."""
    global _KNOWN
    _KNOWN = known


def read_chunk(paths: Sequence[str], known: Container[bytes] | None = None) -> bytes:
    """Read SBOM files; their outcomes (read, unreadable, already stored), encoded, in order."""
    from enforcer.inventory._pipeline import read_sbom

    skip = _KNOWN if known is None else known
    return encode_outcomes([read_sbom(path, skip) for path in paths])
