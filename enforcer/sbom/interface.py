"""What every SBOM loader yields: flat component records and a document.

A loader turns one SBOM file into an `SbomDocument`. The document knows how
many components it holds and yields `ComponentRecord`s: one flat record per
component, with every identity value found in it as a `(kind, field, raw)`
triple. The matcher turns those values into keys; the reference Rego rule
receives the same records, so the fast path and plain Rego see one truth.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    from enforcer.match.index import MatchIndex, ScanResult

# The kinds of identity value a record carries, and how each is matched.
ORG = "org"  # an organisation or person name: supplier, publisher, author
URL = "url"  # a URL, e-mail address or host name: its domain is matched
PURL = "purl"
CPE = "cpe"
GROUP = "group"  # a CycloneDX group / Maven groupId: matched as a purl namespace
NAME = "name"  # a component name: matched as product tokens
HASH = "hash"

IDENTIFYING = frozenset({ORG, URL, PURL, CPE, HASH})


class ComponentRecord(msgspec.Struct, gc=False):
    """One component of an SBOM, flattened."""

    index: int
    ref: str
    name: str = ""
    version: str = ""
    purl: str = ""
    kind: str = "component"  # component | metadata | service
    parent: int = -1
    #: labels of the enclosing components, outermost first
    ancestors: tuple[str, ...] = ()
    values: list[tuple[str, str, str]] = []

    @property
    def identified(self) -> bool:
        """True when the record carries something a ban can match besides its name."""
        return any(kind in IDENTIFYING for kind, _, _ in self.values)

    def label(self) -> str:
        if self.name:
            return f"{self.name}@{self.version}" if self.version else self.name
        return self.ref


class SbomDocument(ABC):
    """One loaded SBOM."""

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
    def format_name(self) -> str:
        """A human name such as "CycloneDX 1.5 JSON"."""
        version = f" {self.spec_version}" if self.spec_version else ""
        encoding = self.encoding.upper() if self.encoding in ("json", "xml", "yaml") else self.encoding
        return f"{self.format}{version} {encoding}"

    @property
    @abstractmethod
    def component_count(self) -> int:
        """How many components (packages) the SBOM lists, at every depth."""

    @abstractmethod
    def records(self) -> Iterator[ComponentRecord]:
        """Every component as a flat record, in document order."""

    def scan(self, index: MatchIndex) -> ScanResult:
        """Match every component against the index (loaders may do this faster)."""
        return index.scan_records(self.records())

    def label_of(self, ref: str) -> str:
        """A readable label (name@version) for a component reference."""
        return ref

    def labels_for(self, refs: set[str]) -> dict[str, str]:
        """Labels for many refs at once (loaders may do this in one pass)."""
        return {ref: self.label_of(ref) for ref in refs}

    def record_path(self, record: ComponentRecord) -> list[str]:
        """The chain from the SBOM's root to the component, as labels."""
        return self.record_paths([record])[0]

    def record_paths(self, records: list[ComponentRecord]) -> list[list[str]]:
        """For each record, the chain from the SBOM's root to it, as labels.

        The dependency graph is used when it reaches the component from a root;
        otherwise the nesting of components.
        """
        chains = self._dependency_chains([record.ref for record in records])
        needed = {ref for chain in chains if chain and len(chain) > 1 for ref in chain[:-1]}
        labels = self.labels_for(needed) if needed else {}
        paths = []
        for record, chain in zip(records, chains, strict=True):
            if chain and len(chain) > 1:
                paths.append([labels.get(ref, ref) for ref in chain[:-1]] + [record.label()])
            else:
                paths.append([*record.ancestors, record.label()])
        return paths

    def _dependency_chains(self, refs: Sequence[str]) -> list[list[str] | None]:
        """The chain of each ref (None for "" and for refs no root reaches); loaders may do it at once."""
        return [self._dependency_chain(ref) if ref else None for ref in refs]

    def _dependency_chain(self, target: str) -> list[str] | None:
        """The shortest chain of refs from a root to `target` in the dependency graph."""
        if not self.dependencies or not self.roots:
            return None
        parents = self._graph_parents()
        if target not in parents:
            return None
        chain = []
        node: str | None = target
        while node is not None:
            chain.append(node)
            node = parents[node]
        chain.reverse()
        return chain

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
