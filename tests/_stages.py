"""Load and match in one call, as the orchestrator does, for tests that compare paths through the stages."""

from __future__ import annotations

from dataclasses import dataclass

from enforcer.load.interface import SbomDocument
from enforcer.match.index import Match, MatchIndex


@dataclass
class Scanned:
    matches: list[Match]
    components: int
    unidentified: int


def scan(document: SbomDocument, index: MatchIndex, *, needles: bool = True) -> Scanned:
    """The document's records (those that can match, or every one) matched against the index."""
    loaded = document.loaded(index.needles() if needles else None)
    return Scanned(index.match(loaded.records).matches, loaded.components, loaded.unidentified)


def evidence_of(scanned: Scanned) -> list[tuple[int, str, int, tuple[str, ...]]]:
    """Each match as (record index, ref, ban number, its evidence), sorted: what two paths must agree on."""
    return sorted(
        (match.record, match.component.ref, match.ban, tuple(sorted(map(repr, match.evidence))))
        for match in scanned.matches
    )
