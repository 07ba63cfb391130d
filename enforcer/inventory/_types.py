"""What a reader (a local process or a Dask worker) sends back to the one writer.

One `ExtractedSbom` per SBOM: everything a later decision needs, its
components already in the store's text form (`_text.escape`; the few
per-SBOM strings are escaped by the writer) and with the digests that
deduplicate identity values and components computed, so the writer only writes. The
structs are encoded with msgpack (`encode_outcomes`), compactly (arrays, not
maps): a Dask worker sends a few hundred bytes per component.

This module imports neither SQLAlchemy nor the enforcer's pipeline: a worker
imports what it needs to read, nothing more.
"""

from __future__ import annotations

import msgspec

#: one identity value of a component: (identity digest, kind, field, raw)
Value = tuple[bytes, str, str, str]
#: one component of an SBOM at one position:
#: (position, index into `ExtractedSbom.parts`, ref or None when the ref is the purl,
#:  position of the node before it on its path or None, the path before it as JSON or None)
Occurrence = tuple[int, int, str | None, int | None, str | None]


class Part(msgspec.Struct, array_like=True, gc=False):
    """A distinct component of an SBOM: what is shared by every SBOM that lists the same one."""

    digest: bytes
    name: str
    version: str
    purl: str
    #: what the record is in its SBOM: component | metadata | service
    role: str
    #: the component kind (contract 2 vocabulary), "unknown" when not declared
    kind: str
    values: list[Value]


class ExtractedSbom(msgspec.Struct, array_like=True, gc=False, tag="sbom"):
    """One SBOM read: its identity, its counts, its components and their paths."""

    path: str
    digest: bytes
    size: int
    format: str
    spec_version: str
    #: the product and release the SBOM names for itself ("" when it names none)
    product: str
    release: str
    records: int
    components: int
    unidentified: int
    unreadable: int
    warnings: list[str]
    parts: list[Part]
    occurrences: list[Occurrence]


class ReadFailure(msgspec.Struct, array_like=True, gc=False, tag="failure"):
    """An SBOM that could not be read, and why (one line)."""

    path: str
    error: str


class ReadDuplicate(msgspec.Struct, array_like=True, gc=False, tag="duplicate"):
    """An SBOM whose bytes the store already holds: not parsed again."""

    path: str
    digest: bytes


Outcome = ExtractedSbom | ReadFailure | ReadDuplicate

_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder(list[Outcome])


def encode_outcomes(outcomes: list[Outcome]) -> bytes:
    return _ENCODER.encode(outcomes)


def decode_outcomes(data: bytes) -> list[Outcome]:
    return _DECODER.decode(data)
