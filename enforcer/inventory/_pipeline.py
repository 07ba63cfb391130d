"""The inventory's one door into the enforcer's pipeline.

Every call the inventory makes into the stages that `enforcer check` runs
(load an SBOM into component records, match identity values, decide
findings in Rego) is in this module, so that when those stages move, this
file alone follows them. Nothing here touches the store.

- `read_sbom`: one SBOM file -> an `ExtractedSbom` (what the store keeps):
  every component record of the load stage (its kind, its identity values
  with their roles and parties, its path), as `check` reads them.
- `Policy`: the policies loaded once (an `Enforcer`): its bans, which stored
  identity values hit which bans (`scan_values`), and the findings and
  verdicts for stored components (`decide`), through the same match index and
  the same batched Rego decision as `check`.
- `QueryMatcher`: the identity rules of `enforcer vendor`, turned around to
  find the stored components that carry a vendor identity.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
from collections.abc import Container, Iterable, Sequence
from typing import Any

import msgspec
import orjson

from enforcer import __version__
from enforcer._checked import Checked
from enforcer._choices import QueryKind
from enforcer._errors import SbomError
from enforcer._models import Ban, BanInfo, Finding, Match, MatchSpec, Phase, SbomResult
from enforcer._records import VALUE_KINDS, ComponentRecord
from enforcer._run import Enforcer, Options
from enforcer.identify import columns as _columns
from enforcer.inventory._text import escape
from enforcer.inventory._types import ExtractedSbom, Occurrence, Outcome, Part, ReadDuplicate, ReadFailure, Value
from enforcer.load import load
from enforcer.load.interface import LoadedSbom
from enforcer.match import index as _index_module
from enforcer.match import normalise as norm
from enforcer.match.index import Evidence, MatchIndex

__all__ = [
    "Policy",
    "QueryMatcher",
    "StoredSbom",
    "expand_paths",
    "extract_bytes",
    "identity_digest",
    "label",
    "read_sbom",
    "read_standard_input",
    "record",
    "scan_values",
    "value_kinds",
]


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
        loaded = load(path)  # no needles: every record, each with its path
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
    return _extracted(path, digest, before.st_size, loaded)


def read_standard_input(known: Container[bytes] = frozenset()) -> Outcome:
    """The SBOM on standard input (`-`), read as `check` reads it; a `ReadFailure` with one line when it cannot be."""
    from enforcer.load import read_source

    try:
        name, data = read_source("-")
        digest = hashlib.sha256(data).digest()
        if digest in known:
            return ReadDuplicate(name, digest)
        return extract_bytes(data, name)
    except SbomError as error:
        return ReadFailure("<stdin>", str(error))


def extract_bytes(data: bytes, path: str) -> ExtractedSbom:
    """An SBOM held in memory, read as `read_sbom` reads its file (raises `SbomError`)."""
    from enforcer.load import detect

    loader = detect(data, path)
    if loader is None:  # pragma: no cover - detect decides on the whole content
        raise SbomError(f"{path}: not an SBOM this tool reads")
    return _extracted(path, hashlib.sha256(data).digest(), len(data), loader.load(data, path).loaded(None))


def _extracted(path: str, digest: bytes, size: int, loaded: LoadedSbom) -> ExtractedSbom:
    records = loaded.records
    product, release = _own_name(loaded, path)
    # A path is stored as a pointer to the record whose own path is everything before the
    # last label, when there is one (nearly always); otherwise as the labels themselves.
    first: dict[tuple[str, ...], int] = {}
    for each in records:
        first.setdefault(each.path, each.index)
    parts: list[Part] = []
    part_of: dict[bytes, int] = {}
    value_keys: dict[tuple[str, str], bytes] = {}
    occurrences: list[Occurrence] = []
    for each in records:
        values: list[Value] = []
        for value_kind, field_name, raw, role, party in each.values:
            stored = escape(raw)
            key = value_keys.get((value_kind, stored))
            if key is None:
                key = value_keys[value_kind, stored] = identity_digest(value_kind, stored)
            values.append((key, value_kind, escape(field_name), stored, role, party))
        part = Part(
            digest=b"",
            name=escape(each.name),
            version=escape(each.version),
            purl=escape(each.purl),
            role=each.place,
            kind=each.kind,
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
        before = each.path[:-1]
        up = first.get(before) if before else None
        prefix = orjson.dumps([escape(label) for label in before]).decode() if before and up is None else None
        ref = None if each.purl and each.ref == each.purl else escape(each.ref)
        occurrences.append((each.index, number, ref, up, prefix))
    return ExtractedSbom(
        path=path,
        digest=digest,
        size=size,
        format=loaded.format_name,
        spec_version=loaded.spec_version,
        product=product,
        release=release,
        records=len(records),
        components=loaded.components,
        unidentified=loaded.unidentified,
        unreadable=loaded.unreadable,
        warnings=list(loaded.warnings),
        parts=parts,
        occurrences=occurrences,
    )


#: endings of SBOM file names, taken off a file name that has to serve as the product's name
_SUFFIXES = (".gz", ".json", ".xml", ".yaml", ".yml", ".spdx", ".cdx", ".bom", ".rdf", ".jsonld", ".tv", ".spdx3")


def _own_name(loaded: LoadedSbom, path: str) -> tuple[str, str]:
    """The product and release an SBOM names for itself (its subject), else the file's name."""
    name, version = loaded.subject
    if name:
        return name, version
    name = os.path.basename(path)
    for suffix in _SUFFIXES:
        name = name.removesuffix(suffix)
    return name or path, ""


# -- deciding -----------------------------------------------------------------------------------


@dataclasses.dataclass
class StoredSbom:
    """The stored components of one SBOM that may match, as records with their paths."""

    #: the SBOM as `check` reports it before the findings (path, format, counts, warnings)
    result: SbomResult
    #: the records, each with its kind, its identity values and its path (`record`)
    records: list[ComponentRecord]
    #: what the store calls each record's component: equal parts have equal values (matched once)
    parts: list[int] = dataclasses.field(default_factory=list)

    @property
    def paths(self) -> list[tuple[str, ...]]:
        return [each.path for each in self.records]

    @property
    def kinds(self) -> list[str]:
        return [each.kind for each in self.records]


#: the fields of a ban that do not change what it matches (its coverage does: named products, exclusions)
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

    @property
    def notices(self) -> list[str]:
        """What a user of these policies should know (a stale pack, no enabled ban), as `check` says it."""
        return list(self._enforcer.notices)

    def in_scope(self, bans: Sequence[Ban]) -> set[str]:
        """The ids of these bans that apply in the selected scopes, as the decision library says."""
        return self._enforcer.decider.in_scope(bans)

    def unused_waivers(self, findings: Sequence[Finding]) -> list[str]:
        used = self._enforcer.decider.covering | {f.waiver.id for f in findings if f.waiver is not None}
        return sorted(waiver.id for waiver in self._enforcer.waivers if waiver.id not in used)

    def fingerprints(self) -> dict[str, Ban]:
        """One ban per distinct match fingerprint, for every ban the match index holds."""
        found: dict[str, Ban] = {}
        for ban in self._enforcer.index.bans:
            found.setdefault(match_fingerprint(ban), ban)
        return found

    def decide(self, stored: Sequence[StoredSbom], *, as_of: dt.date | None = None) -> list[SbomResult]:
        """The `SbomResult` that `check` gives for each SBOM (the records must include every one that matches).

        A component's matches depend on its values, name, purl and kind alone:
        each stored component is matched once, and each of its occurrences
        takes those matches with its own ref, path and position.
        """
        enforcer = self._enforcer
        index = enforcer.index
        checked = []
        templates: dict[int, list[Match]] = {}
        for item in stored:
            if len(item.parts) != len(item.records):
                checked.append(Checked(item.result, index.match(item.records).matches))
                continue
            matches: list[Match] = []
            for part, each in zip(item.parts, item.records, strict=True):
                template = templates.get(part)
                if template is None:
                    template = templates[part] = index.match([each]).matches
                for match in template:
                    component = match.component
                    if component.ref != each.ref or component.path != each.path:
                        component = msgspec.structs.replace(component, ref=each.ref, path=each.path)
                    if component is match.component and match.record == each.index:
                        matches.append(match)
                    else:
                        matches.append(msgspec.structs.replace(match, component=component, record=each.index))
            checked.append(Checked(item.result, matches))
        saved = enforcer.options
        if as_of is not None:
            enforcer.options = dataclasses.replace(saved, as_of=as_of)
        try:
            return enforcer.decide(checked)
        finally:
            enforcer.options = saved


def scan_values(bans: dict[str, Ban], values: Sequence[tuple[int, str, str]]) -> dict[str, list[int]]:
    """For each fingerprint, the ids of the identity values (id, kind, raw) that hit its ban.

    The values go through the same pre-filter as the Python loaders
    (`enforcer.identify.columns`), then the exact lookups of a match index
    built from these bans.
    """
    found: dict[str, list[int]] = {fingerprint: [] for fingerprint in bans}
    if not bans or not values:
        return found
    index = MatchIndex([msgspec.structs.replace(ban, enabled=True) for ban in bans.values()])
    needles = index.needles()
    by_number = list(bans)
    by_kind: dict[str, tuple[list[int], list[str]]] = {}
    for identity, kind, raw in values:
        ids, raws = by_kind.setdefault(kind, ([], []))
        ids.append(identity)
        raws.append(raw)
    for kind, (ids, raws) in by_kind.items():
        if kind not in VALUE_KINDS:
            continue
        column = _columns.Column(kind, _constant(raws))
        for row in _columns.candidate_rows(needles, [column], len(raws)):
            for number in dict.fromkeys(hit[0] for hit in index.lookup(kind, raws[row])):
                found[by_number[number]].append(ids[row])
    return found


def _constant(values: list[str]) -> Any:
    return lambda: values


def value_kinds(bans: Iterable[Ban]) -> set[str]:
    """The kinds of identity value that can hit any of these bans (the others need not be read)."""
    needles = MatchIndex([msgspec.structs.replace(ban, enabled=True) for ban in bans]).needles()
    return {kind for kind in VALUE_KINDS if needles.of(kind).active}


def expand_paths(paths: Sequence[str]) -> list[str]:
    """The SBOM files named by paths, directories (searched) and glob patterns, as `check` finds them."""
    from enforcer.load import expand_paths as expand

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
        self.ban = Ban(id="query", vendor=text, match=match, phases=(phase,))
        self.index = MatchIndex([self.ban])

    def scan_values(self, values: Sequence[tuple[int, str, str]]) -> list[int]:
        """The ids of the identity values (id, kind, raw) the query matches."""
        return scan_values({"query": self.ban}, values)["query"]

    def evidence(self, records: Sequence[ComponentRecord]) -> list[tuple[ComponentRecord, list[Evidence]]]:
        """The records that match, with what matched (ban number, matcher, confidence, key, field, raw, role, party)."""
        found = []
        for each in records:
            evidence = self.index.evidence(each)
            if evidence:
                found.append((each, list(dict.fromkeys(evidence))))
        return found


def record(
    index: int,
    ref: str,
    name: str,
    version: str,
    purl: str,
    place: str,
    kind: str,
    values: list[tuple[str, str, str, str, str]],
    path: Sequence[str] = (),
) -> ComponentRecord:
    """A component record rebuilt from the store (its values: kind, field, raw, role, party)."""
    return ComponentRecord(
        index=index,
        ref=ref,
        name=name,
        version=version,
        purl=purl,
        kind=kind,
        place=place,
        values=list(values),
        path=tuple(path),
    )


def label(name: str, version: str, ref: str) -> str:
    """The label a record has in paths (name@version, or its ref): `ComponentRecord.label`."""
    return ComponentRecord(index=0, ref=ref, name=name, version=version).label()
