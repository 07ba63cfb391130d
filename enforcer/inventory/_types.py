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

from collections.abc import Container

import msgspec

#: one identity value of a component: (identity digest, kind, field, raw, role, party)
Value = tuple[bytes, str, str, str, str, str]
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


class _Sbom(msgspec.Struct, array_like=True, gc=False):
    """What is said of one SBOM read, besides its components."""

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


class ExtractedSbom(_Sbom, array_like=True, gc=False, tag="sbom"):
    """One SBOM read: its identity, its counts, its components and their paths."""

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


# -- on the wire --------------------------------------------------------------------------------
#
# Shared libraries are in most SBOMs: the writer already holds most parts an SBOM lists. On the
# wire each part is its digest and its encoded body; the receiver decodes only the bodies of
# parts it does not know, and keeps a stub (the digest alone) for the others.


class _WirePart(msgspec.Struct, array_like=True, gc=False):
    digest: bytes
    body: msgspec.Raw


class _WireSbom(_Sbom, array_like=True, gc=False, tag="sbom"):
    parts: list[_WirePart]
    occurrences: list[Occurrence]


_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder(list[_WireSbom | ReadFailure | ReadDuplicate])
_PART = msgspec.msgpack.Decoder(Part)


def stub(digest: bytes) -> Part:
    """A part known by its digest alone (its component is stored already)."""
    return Part(digest=digest, name="", version="", purl="", role="", kind="", values=[])


def encode_outcomes(outcomes: list[Outcome]) -> bytes:
    wire: list[_WireSbom | ReadFailure | ReadDuplicate] = []
    for outcome in outcomes:
        if isinstance(outcome, ExtractedSbom):
            fields = {name: getattr(outcome, name) for name in outcome.__struct_fields__}
            fields["parts"] = [_WirePart(part.digest, msgspec.Raw(_ENCODER.encode(part))) for part in outcome.parts]
            wire.append(_WireSbom(**fields))
        else:
            wire.append(outcome)
    return _ENCODER.encode(wire)


def decode_outcomes(data: bytes, known: Container[bytes] = frozenset()) -> list[Outcome]:
    """The outcomes; a part whose digest is in `known` comes back as a `stub`."""
    found: list[Outcome] = []
    for outcome in _DECODER.decode(data):
        if isinstance(outcome, _WireSbom):
            fields = {name: getattr(outcome, name) for name in outcome.__struct_fields__}
            fields["parts"] = [
                stub(part.digest) if part.digest in known else _PART.decode(part.body) for part in outcome.parts
            ]
            found.append(ExtractedSbom(**fields))
        else:
            found.append(outcome)
    return found
