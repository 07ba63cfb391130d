"""What the load stage gives the rest of the pipeline, and what each format's loader implements.

`LoadedSbom` is the stage's output: the SBOM's description (format, counts,
warnings, its subject) and its component records, each with the path from
the SBOM's root. Told what to look for (`Needles`), a loader may return only
the records that can match (a superset of those that do); without needles it
returns every record.

`SbomLoader` recognises one format from its content and parses it into an
`SbomDocument`; the document is the loader's own view of the file, used
inside this stage only.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import msgspec

from enforcer._records import COMPONENT, ELIDED, MAX_PATH, ComponentRecord, Needles, bounded_path


class LoadedSbom(msgspec.Struct, gc=False, kw_only=True):
    """One SBOM, read: what it is, how many components it lists, and the records worth matching."""

    path: str
    #: "CycloneDX" or "SPDX"
    format: str
    #: "json", "xml", "tag-value", "yaml", "rdf" or "json-ld"
    encoding: str
    spec_version: str = ""
    #: components at every depth (not the SBOM's own subject, not services)
    components: int = 0
    #: components with no organisation, URL, purl, CPE or hash
    unidentified: int = 0
    #: components whose fields could not be read (each has a warning)
    unreadable: int = 0
    warnings: list[str] = []
    #: the records to match, with their paths (all records when no needles were given)
    records: list[ComponentRecord] = []
    #: the product the SBOM describes (its metadata component or SPDX DESCRIBES), name and version
    subject: tuple[str, str] = ("", "")

    @property
    def format_name(self) -> str:
        """A human name such as "CycloneDX 1.5 JSON"."""
        version = f" {self.spec_version}" if self.spec_version else ""
        encoding = self.encoding.upper() if self.encoding in ("json", "xml", "yaml") else self.encoding
        return f"{self.format}{version} {encoding}"


@dataclass
class Selection:
    """The records a document selected for matching, and its counts."""

    records: list[ComponentRecord]
    components: int
    unidentified: int
    warnings: list[str] = field(default_factory=list)


class SbomDocument(ABC):
    """One parsed SBOM, as its loader sees it."""

    #: "CycloneDX" or "SPDX"
    format: str = ""
    #: "json", "xml", "tag-value", "yaml" or "json-ld"
    encoding: str = ""

    def __init__(self, path: str, spec_version: str = "") -> None:
        self.path = path
        self.spec_version = spec_version
        self.warnings: list[str] = []
        self.unreadable = 0
        #: ref -> refs it depends on (CycloneDX dependencies, SPDX relationships)
        self.dependencies: dict[str, list[str]] = {}
        #: refs the document describes (metadata.component, SPDX DESCRIBES)
        self.roots: list[str] = []

    @property
    @abstractmethod
    def component_count(self) -> int:
        """How many components (packages) the SBOM lists, at every depth."""

    @abstractmethod
    def records(self) -> Iterator[ComponentRecord]:
        """Every component as a flat record, in document order."""

    def select(self, needles: Needles | None) -> Selection:
        """The records that may match (every record here: loaders with a prefilter do better)."""
        records = list(self.records())
        components = [record for record in records if record.place == COMPONENT]
        return Selection(records, len(components), sum(1 for record in components if not record.identified))

    def subject(self) -> tuple[str, str]:
        """The name and version of what the SBOM describes, when it says."""
        return "", ""

    def loaded(self, needles: Needles | None) -> LoadedSbom:
        """The stage's output for this document: selected records with their paths."""
        selection = self.select(needles)
        paths = self.record_paths(selection.records)
        records = [
            msgspec.structs.replace(record, path=bounded_path(path))
            for record, path in zip(selection.records, paths, strict=True)
        ]
        return LoadedSbom(
            path=self.path,
            format=self.format,
            encoding=self.encoding,
            spec_version=self.spec_version,
            components=selection.components,
            unidentified=selection.unidentified,
            unreadable=self.unreadable,
            warnings=[*self.warnings, *selection.warnings],
            records=records,
            subject=self._subject_among(selection.records),
        )

    def _subject_among(self, records: list[ComponentRecord]) -> tuple[str, str]:
        """The document's own subject, else the first root it describes among these records (SPDX DESCRIBES)."""
        own = self.subject()
        if own[0]:
            return own
        by_ref = {record.ref: record for record in reversed(records)}
        for root in self.roots:
            described = by_ref.get(root)
            if described is not None and described.name:
                return described.name, described.version
        return own

    # -- paths from the root ------------------------------------------------------

    def label_of(self, ref: str) -> str:
        """A readable label (name@version) for a component reference."""
        return ref

    def labels_for(self, refs: set[str]) -> dict[str, str]:
        """Labels for many refs at once (loaders may do this in one pass)."""
        return {ref: self.label_of(ref) for ref in refs}

    def record_paths(self, records: list[ComponentRecord]) -> list[list[str]]:
        """For each record, the chain from the SBOM's root to it, as labels (at most `MAX_PATH`).

        The dependency graph is used when it reaches the component from a root;
        otherwise the nesting of components. A chain longer than `MAX_PATH`
        keeps its root, an ellipsis and the labels nearest the component; the
        work per record is bounded by `MAX_PATH` whatever the depth.
        """
        if not records:
            return []
        chains = self._dependency_chains([record.ref for record in records])
        needed = {ref for chain in chains if chain and len(chain) > 1 for ref in chain[:-1] if ref is not None}
        labels = self.labels_for(needed) if needed else {}
        paths = []
        for record, chain in zip(records, chains, strict=True):
            if chain and len(chain) > 1:
                paths.append([ELIDED if ref is None else labels.get(ref, ref) for ref in chain[:-1]] + [record.label()])
            else:
                paths.append([*record.ancestors, record.label()])
        return paths

    def _dependency_chains(self, refs: Sequence[str]) -> list[list[str | None] | None]:
        """The chain of each ref (None for "" and for refs no root reaches); loaders may do it at once."""
        return [self._dependency_chain(ref) if ref else None for ref in refs]

    def _dependency_chain(self, target: str) -> list[str | None] | None:
        """The shortest chain of refs from a root to `target` in the dependency graph.

        A chain longer than `MAX_PATH` is its root, None (the refs left out)
        and its last `MAX_PATH - 2` refs.
        """
        if not self.dependencies or not self.roots:
            return None
        parents = self._graph_parents()
        if target not in parents:
            return None
        chain: list[str | None] = []
        node: str | None = target
        while node is not None:
            if len(chain) == MAX_PATH:
                del chain[MAX_PATH - 2 :]
                chain.extend((None, self._root_of(node, parents)))
                break
            chain.append(node)
            node = parents[node]
        chain.reverse()
        return chain

    def _root_of(self, node: str, parents: dict[str, str | None]) -> str:
        """The root `node` is reached from; every node on the way learns it (each is walked once)."""
        roots: dict[str, str] = self.__dict__.setdefault("_roots", {})
        walked = []
        current = node
        while current not in roots:
            walked.append(current)
            parent = parents[current]
            if parent is None:
                roots[current] = current
                break
            current = parent
        root = roots[current]
        for item in walked:
            roots[item] = root
        return root

    def _graph_parents(self) -> dict[str, str | None]:
        """For every ref the roots reach, the ref it is first reached from (one walk, kept)."""
        parents: dict[str, str | None] | None = getattr(self, "_parents", None)
        if parents is None:
            parents = dict.fromkeys(self.roots)
            queue = deque(self.roots)
            while queue:
                ref = queue.popleft()
                for child in self.dependencies.get(ref, ()):
                    if child not in parents:
                        parents[child] = ref
                        queue.append(child)
            self._parents = parents
        return parents


class SbomLoader(ABC):
    """Recognises one SBOM format from its content and loads it."""

    name: str = ""

    @abstractmethod
    def sniff(self, head: bytes) -> bool:
        """True when the first bytes of a file look like this loader's format."""

    def probe(self, data: bytes) -> bool:
        """True when the whole content is this format (for JSON whose markers are late)."""
        return False

    @abstractmethod
    def load(self, data: bytes, path: str) -> SbomDocument:
        """Parse the whole file; raise `SbomError` with a one-line message."""
