"""The inventory's one door into the enforcer's pipeline.

Every call the inventory makes into the stages that `enforcer check` runs
(load an SBOM into component records, build the match index, match identity
values, decide findings in Rego) is in this module, so that when those
stages move, this file alone follows them. Nothing here touches the store.

- `read_sbom`: one SBOM file -> an `ExtractedSbom` (what the store keeps):
  the loaders' records, the identity values (kind, field, raw) and the path of
  every component, as `check` would report it.
- `Policy`: the policies loaded once (an `Enforcer`): its bans, which stored
  identity values hit which bans (`scan_values`), and the findings and
  verdicts for stored components (`decide`), through the same match index and
  the same batched Rego decision as `check`.
- `QueryMatcher`: the identity rules of `enforcer vendor`, turned around to
  find the stored components that carry a vendor identity.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import msgspec
import orjson

from enforcer import __version__
from enforcer._choices import QueryKind
from enforcer._errors import SbomError
from enforcer._models import (
    Ban,
    BanInfo,
    ComponentInfo,
    Confidence,
    Finding,
    MatchEvidence,
    MatchSpec,
    Phase,
    SbomResult,
)
from enforcer._run import Enforcer, Options, Pending
from enforcer.inventory._text import escape
from enforcer.inventory._types import ExtractedSbom, Occurrence, Outcome, Part, ReadDuplicate, ReadFailure, Value
from enforcer.match import index as _index_module
from enforcer.match import normalise as norm
from enforcer.match.index import Evidence, MatchIndex, ScanResult
from enforcer.match.prefilter import Column, _relevant, candidate_rows
from enforcer.sbom import load
from enforcer.sbom.interface import ComponentRecord, SbomDocument

__all__ = [
    "COMPONENT_KINDS",
    "Policy",
    "QueryMatcher",
    "StoredSbom",
    "expand_paths",
    "extract_bytes",
    "identity_digest",
    "read_sbom",
    "scan_values",
    "value_kinds",
]

#: the component kinds of ban contract 2
COMPONENT_KINDS = frozenset(
    "application framework library container platform operating-system device device-driver firmware file"
    " machine-learning-model data cryptographic-asset service unknown".split()
)
#: purl types that name a language ecosystem: a component without a declared kind is a library
_LIBRARY_PURLS = frozenset(
    "maven npm pypi golang cargo nuget gem composer hex pub cocoapods swift conan cran hackage github bitbucket"
    " gitlab cpan luarocks julia carthage".split()
)
_CONTAINER_PURLS = frozenset({"docker", "oci"})


# -- reading ------------------------------------------------------------------------------------


def identity_digest(kind: str, raw: str) -> bytes:
    """The key of one identity value in the store (16 bytes of BLAKE2b over kind and stored text)."""
    return hashlib.blake2b(f"{kind}\x1f{raw}".encode(), digest_size=16).digest()


_PART_KEY = msgspec.msgpack.Encoder()


def read_sbom(path: str, known: Container[bytes] = frozenset()) -> Outcome:
    """Read one SBOM as `check` reads it; an unreadable one is a `ReadFailure` with one line.

    `known`: digests (sha256 of the file) already stored; such a file is not parsed again.
    """
    try:
        before = os.stat(path)
        with open(path, "rb") as file:
            digest = hashlib.file_digest(file, "sha256").digest()
        if digest in known:
            return ReadDuplicate(path, digest)
        document = load(path)
        records = list(document.records())
        paths = document.record_paths(records)
        after = os.stat(path)
    except SbomError as error:
        return ReadFailure(path, str(error))
    except FileNotFoundError:
        return ReadFailure(path, f"{path}: no such file")
    except IsADirectoryError:
        return ReadFailure(path, f"{path}: is a directory")
    except PermissionError:
        return ReadFailure(path, f"{path}: permission denied")
    except OSError as error:
        return ReadFailure(path, f"{path}: cannot read: {error.strerror or error}")
    if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns):
        return ReadFailure(path, f"{path}: changed while it was read; add it again")
    return _extracted(path, digest, before.st_size, document, records, paths)


def _extracted(
    path: str,
    digest: bytes,
    size: int,
    document: SbomDocument,
    records: list[ComponentRecord],
    paths: list[list[str]],
) -> ExtractedSbom:
    counts = _counts(document, records)
    kinds = _component_kinds(document, records)
    product, release = _own_name(document, records, path)
    # A path is stored as a pointer to the record whose own path is everything before the
    # last label, when there is one (nearly always); otherwise as the labels themselves.
    first: dict[tuple[str, ...], int] = {}
    for record, chain in zip(records, paths, strict=True):
        first.setdefault(tuple(chain), record.index)
    parts: list[Part] = []
    part_of: dict[bytes, int] = {}
    value_keys: dict[tuple[str, str], bytes] = {}
    occurrences: list[Occurrence] = []
    for record, chain, kind in zip(records, paths, kinds, strict=True):
        values: list[Value] = []
        for value_kind, field_name, raw in record.values:
            stored = escape(raw)
            key = value_keys.get((value_kind, stored))
            if key is None:
                key = value_keys[value_kind, stored] = identity_digest(value_kind, stored)
            values.append((key, value_kind, escape(field_name), stored))
        part = Part(
            digest=b"",
            name=escape(record.name),
            version=escape(record.version),
            purl=escape(record.purl),
            role=record.kind,
            kind=kind,
            values=values,
        )
        part.digest = hashlib.blake2b(
            _PART_KEY.encode((part.name, part.version, part.purl, part.role, part.kind, [v[1:] for v in values])),
            digest_size=16,
        ).digest()
        number = part_of.get(part.digest)
        if number is None:
            number = part_of[part.digest] = len(parts)
            parts.append(part)
        before = tuple(chain[:-1])
        up = first.get(before) if before else None
        prefix = orjson.dumps([escape(label) for label in before]).decode() if before and up is None else None
        ref = None if record.purl and record.ref == record.purl else escape(record.ref)
        occurrences.append((record.index, number, ref, up, prefix))
    return ExtractedSbom(
        path=path,
        digest=digest,
        size=size,
        format=document.format_name,
        spec_version=document.spec_version,
        product=product,
        release=release,
        records=len(records),
        components=counts.components,
        unidentified=counts.unidentified,
        unreadable=document.unreadable,
        warnings=list(document.warnings),
        parts=parts,
        occurrences=occurrences,
    )


def extract_bytes(data: bytes, path: str) -> ExtractedSbom:
    """An SBOM held in memory, read as `read_sbom` reads its file (raises `SbomError`)."""
    from enforcer.sbom import detect

    loader = detect(data, path)
    if loader is None:  # pragma: no cover - detect decides on the whole content
        raise SbomError(f"{path}: not an SBOM this tool reads")
    document = loader.load(data, path)
    records = list(document.records())
    return _extracted(path, hashlib.sha256(data).digest(), len(data), document, records, document.record_paths(records))


def _counts(document: SbomDocument, records: list[ComponentRecord]) -> ScanResult:
    """The components and those without identity, counted as `check` counts them (its loader's scan)."""
    from enforcer.sbom.cyclonedx_stream import StreamingCycloneDxDocument

    empty = MatchIndex([])
    if isinstance(document, StreamingCycloneDxDocument):  # its scan would read the file again
        return empty.scan_records(records)
    return document.scan(empty)


def _own_name(document: SbomDocument, records: list[ComponentRecord], path: str) -> tuple[str, str]:
    """The product and release an SBOM names for itself: its own (metadata / described) component."""
    for record in records:
        if record.kind == "metadata" and record.name and record.ref != "metadata":
            return record.name, record.version
    by_ref = {record.ref: record for record in reversed(records)}
    for root in document.roots:
        described = by_ref.get(root)
        if described is not None and described.name:
            return described.name, described.version
    for root in document.roots:
        label = document.label_of(root)
        if label and label != root and label != "(document)":
            return label, ""
    name = os.path.basename(path)
    for suffix in (
        ".gz",
        ".json",
        ".xml",
        ".yaml",
        ".yml",
        ".spdx",
        ".cdx",
        ".bom",
        ".rdf",
        ".jsonld",
        ".tv",
        ".spdx3",
    ):
        name = name.removesuffix(suffix)
    return name or path, ""


def _component_kinds(document: SbomDocument, records: list[ComponentRecord]) -> list[str]:
    """The contract-2 kind of each record: declared (CycloneDX `type`), else from the purl type."""
    declared = _cyclonedx_types(document, len(records))
    kinds = []
    for number, record in enumerate(records):
        own = getattr(record, "component_kind", None)  # the records will carry it (contract 2)
        kind = own if isinstance(own, str) and own else declared[number] if declared else ""
        if record.kind == "service":
            kind = "service"
        if kind not in COMPONENT_KINDS:
            kind = _kind_from_purl(record.purl)
        kinds.append(kind)
    return kinds


def _cyclonedx_types(document: SbomDocument, count: int) -> list[str] | None:
    """The CycloneDX `type` of each record, in record order, when the document keeps them."""
    from enforcer.sbom.cyclonedx_json import CycloneDxJsonDocument, _walk
    from enforcer.sbom.cyclonedx_stream import StreamingCycloneDxDocument

    if not isinstance(document, CycloneDxJsonDocument) or isinstance(document, StreamingCycloneDxDocument):
        return None
    bom = document.bom
    types: list[str] = []
    metadata = bom.metadata
    if metadata is not None and metadata.component is not None:
        types.append(metadata.component.type)
        types.extend(item[0].type for item in _walk(metadata.component.components or (), 1, 0))
    elif metadata is not None and (metadata.supplier or metadata.manufacture or metadata.manufacturer):
        types.append("")
    types.extend(item[0].type for item in _walk(bom.components or (), 0, -1))
    types.extend("service" for _ in range(count - len(types)))
    return types if len(types) == count else None


def _kind_from_purl(purl: str) -> str:
    if purl.startswith("pkg:"):
        ptype = purl[4:].lstrip("/").split("/", 1)[0].lower()
        if ptype in _LIBRARY_PURLS:
            return "library"
        if ptype in _CONTAINER_PURLS:
            return "container"
    return "unknown"


# -- deciding -----------------------------------------------------------------------------------


#: what `Enforcer._raw` gives for an SBOM's matches: (component, ban number, evidence, best confidence)
Raw = list[tuple[ComponentInfo, int, list[MatchEvidence], Confidence]]


@dataclass
class StoredSbom:
    """The stored components of one SBOM that may match, as records, with their paths."""

    #: the SBOM as `check` reports it before the findings (path, format, counts, warnings)
    result: SbomResult
    records: list[ComponentRecord]
    #: the path of each record, in the order of `records`
    paths: list[list[str]]
    #: the component kind of each record (contract 2 vocabulary), in the order of `records`
    kinds: list[str] = field(default_factory=list)
    #: what the store calls each record's component: equal parts have equal values (matched once)
    parts: list[int] = field(default_factory=list)


class _KnownPaths(SbomDocument):
    """A document whose paths are known already (read from the store)."""

    format = "stored"

    def __init__(self, stored: StoredSbom) -> None:
        super().__init__(stored.result.path)
        self._paths = {record.index: path for record, path in zip(stored.records, stored.paths, strict=True)}

    @property
    def component_count(self) -> int:
        return len(self._paths)

    def records(self) -> Iterator[ComponentRecord]:
        raise NotImplementedError("a stored SBOM is matched from its records")

    def record_paths(self, records: list[ComponentRecord]) -> list[list[str]]:
        return [self._paths[record.index] for record in records]


#: the fields of a ban that do not change what it matches
_NOT_MATCHING = frozenset(
    {"id", "vendor", "title", "phases", "scopes", "references", "enabled", "disabled_reason", "confidence", "notes"}
)


def _matcher_source() -> bytes:
    """What the matching code is: its source when readable, else the version (part of every fingerprint)."""
    digest = hashlib.sha256(__version__.encode())
    for module in (norm, _index_module):
        try:
            with open(str(module.__file__), "rb") as file:
                digest.update(file.read())
        except (OSError, TypeError):
            pass
    return digest.digest()


_MATCHER = _matcher_source()


def match_fingerprint(ban: Ban) -> str:
    """What a ban matches, as a key: equal for bans that match the same values, whatever their dates."""
    document = {key: value for key, value in msgspec.to_builtins(ban).items() if key not in _NOT_MATCHING}
    body = orjson.dumps(document, option=orjson.OPT_SORT_KEYS)
    return hashlib.blake2b(_MATCHER + body, digest_size=16).hexdigest()


class Policy:
    """The policies, loaded once, as `check` loads them: engine, bans, match index, waivers."""

    def __init__(
        self,
        policies: Sequence[os.PathLike[str] | str] = (),
        *,
        as_of: dt.date | None = None,
        scopes: Sequence[str] = (),
        warn_days: int = 90,
        waivers: Sequence[os.PathLike[str] | str] = (),
        engine: str = "embedded",
        engine_options: dict[str, Any] | None = None,
    ) -> None:
        options = Options(
            policies=[str(path) for path in policies],
            scopes=list(scopes),
            warn_days=warn_days,
            waivers=[str(path) for path in waivers],
            engine=engine,
            engine_options=dict(engine_options or {}),
        )
        if as_of is not None:
            options.as_of = as_of
        self._enforcer = Enforcer(options)

    def close(self) -> None:
        self._enforcer.close()

    def __enter__(self) -> Policy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def as_of(self) -> dt.date:
        return self._enforcer.options.as_of

    @property
    def scopes(self) -> list[str]:
        return sorted(self._enforcer.options.scopes)

    @property
    def warn_days(self) -> int:
        return self._enforcer.options.warn_days

    @property
    def engine(self) -> str:
        return self._enforcer.engine.describe()

    @property
    def policy_files(self) -> list[str]:
        return [module.path for module in self._enforcer.modules]

    @property
    def bans(self) -> list[Ban]:
        """Every ban the policies declare (enabled or not)."""
        return list(self._enforcer.bans)

    @property
    def ban_infos(self) -> list[BanInfo]:
        return self._enforcer.result([]).bans

    def unused_waivers(self, findings: Sequence[Finding]) -> list[str]:
        used = self._enforcer._covering | {f.waiver.id for f in findings if f.waiver is not None}
        return sorted(waiver.id for waiver in self._enforcer.waivers if waiver.id not in used)

    def fingerprints(self) -> dict[str, Ban]:
        """One ban per distinct match fingerprint, for every ban the match index holds."""
        found: dict[str, Ban] = {}
        for ban in self._enforcer.index.bans:
            found.setdefault(match_fingerprint(ban), ban)
        return found

    def decide(self, stored: Sequence[StoredSbom], *, as_of: dt.date | None = None) -> list[SbomResult]:
        """The `SbomResult` that `check` gives for each SBOM (the records must include every one that matches)."""
        enforcer = self._enforcer
        pending = []
        # A component's findings depend on its values alone: each stored component is matched and
        # grouped (`Enforcer._raw`) once; an occurrence takes them with its own ref and path.
        grouped: dict[int, Raw] = {}
        for item in stored:
            if len(item.parts) != len(item.records):
                found = enforcer.index.scan_records(item.records).findings
                pending.append(Pending(item.result, enforcer._raw(_KnownPaths(item), found)))
                continue
            raw: Raw = []
            for part, each, path in zip(item.parts, item.records, item.paths, strict=True):
                template = grouped.get(part)
                if template is None:
                    hits = enforcer.index.scan_records([each]).findings
                    template = grouped[part] = enforcer._raw(_KnownPaths(StoredSbom(item.result, [each], [path])), hits)
                if template:
                    component = template[0][0]
                    if component.ref != each.ref or component.path != path:
                        component = msgspec.structs.replace(component, ref=each.ref, path=path)
                    raw.extend((component, number, matches, best) for _, number, matches, best in template)
            pending.append(Pending(item.result, raw))
        saved = enforcer.options.as_of
        if as_of is not None:
            enforcer.options.as_of = as_of
        try:
            return enforcer.decide(pending)
        finally:
            enforcer.options.as_of = saved


def scan_values(bans: dict[str, Ban], values: Sequence[tuple[int, str, str]]) -> dict[str, list[int]]:
    """For each fingerprint, the ids of the identity values (id, kind, raw) that hit its ban.

    The values go through the same pre-filter as the fast path (`match.prefilter`),
    then the exact lookups of a match index built from these bans.
    """
    found: dict[str, list[int]] = {fingerprint: [] for fingerprint in bans}
    if not bans or not values:
        return found
    index = MatchIndex([msgspec.structs.replace(ban, enabled=True) for ban in bans.values()])
    by_number = list(bans)
    by_kind: dict[str, tuple[list[int], list[str]]] = {}
    for identity, kind, raw in values:
        ids, raws = by_kind.setdefault(kind, ([], []))
        ids.append(identity)
        raws.append(raw)
    for kind, (ids, raws) in by_kind.items():
        if kind not in MatchIndex._dispatch:
            continue
        lookup = index.lookup_function(kind)
        rows = candidate_rows(index, [Column(kind, _constant(raws))], len(raws))
        for row in rows:
            for number in dict.fromkeys(hit[0] for hit in lookup(raws[row])):
                found[by_number[number]].append(ids[row])
    return found


def _constant(values: list[str]) -> Callable[[], list[str]]:
    return lambda: values


def value_kinds(bans: Iterable[Ban]) -> set[str]:
    """The kinds of identity value that can hit any of these bans (the others need not be read)."""
    index = MatchIndex([msgspec.structs.replace(ban, enabled=True) for ban in bans])
    return {kind for kind in MatchIndex._dispatch if _relevant(index, kind)}


def expand_paths(paths: Sequence[str]) -> list[str]:
    """The SBOM files named by paths, directories (searched) and glob patterns, as `check` finds them."""
    from enforcer._batch import expand_paths as expand

    return expand(paths)


class QueryMatcher:
    """Which stored components carry a vendor identity (`enforcer vendor`'s rules, turned around).

    The query becomes a ban that names only it (an organisation name also as
    product words, as `enforcer vendor` looks it up), so a component is found
    exactly when a ban naming that identity would match it.
    """

    def __init__(self, query: str, kind: QueryKind = QueryKind.AUTO) -> None:
        from enforcer._vendor import SpotCheckError, detect_kind, query_values

        text = query.strip()
        if not text:
            raise SpotCheckError("the query is empty: give a vendor name, domain, URL, e-mail, purl, CPE or hash")
        self.query = text
        self.kind = detect_kind(text) if kind is QueryKind.AUTO else kind
        _, self.keys = query_values(text, self.kind)
        spec: dict[str, list[str]]
        if self.kind is QueryKind.ORGANIZATION:
            spec = {"organizations": [text], "products": [text]}
        elif self.kind is QueryKind.DOMAIN:
            spec = {"domains": list(self.keys)}
        elif self.kind is QueryKind.PURL:
            spec = {"purls": list(self.keys)}
        elif self.kind is QueryKind.CPE:
            spec = {"cpe_vendors": list(self.keys)}
        else:
            spec = {"hashes": [text]}
        try:
            match = msgspec.convert(spec, MatchSpec)
        except msgspec.ValidationError as error:
            raise SpotCheckError(f"{text!r}: cannot be looked up as {self.kind.value}: {error}") from None
        phase = Phase(effect="warn", from_=dt.date(1970, 1, 1), summary="query")
        self.ban = Ban(id="query", vendor=text, match=match, phases=[phase])
        self.index = MatchIndex([self.ban])

    def scan_values(self, values: Sequence[tuple[int, str, str]]) -> list[int]:
        """The ids of the identity values (id, kind, raw) the query matches."""
        return scan_values({"query": self.ban}, values)["query"]

    def evidence(self, records: Sequence[ComponentRecord]) -> list[tuple[ComponentRecord, list[Evidence]]]:
        """The records that match, with what matched (ban number, matcher, confidence, key, field, raw)."""
        return [
            (found.record, list(dict.fromkeys(found.evidence))) for found in self.index.scan_records(records).findings
        ]


def record(
    index: int, ref: str, name: str, version: str, purl: str, role: str, values: list[tuple[str, str, str]]
) -> ComponentRecord:
    """A component record rebuilt from the store."""
    return ComponentRecord(index=index, ref=ref, name=name, version=version, purl=purl, kind=role, values=values)


def label(name: str, version: str, ref: str) -> str:
    """The label a record has in paths (name@version, or its ref): `ComponentRecord.label`."""
    return ComponentRecord(index=0, ref=ref, name=name, version=version).label()
