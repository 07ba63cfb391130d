"""One SBOM loaded and matched, before the verdicts: what every way of reading many SBOMs hands back.

Needs a match index and no engine, so a worker process or a Dask worker can
run it; the parent decides the verdicts of all SBOMs at once (`enforcer._run`).
"""

from __future__ import annotations

from dataclasses import dataclass

from enforcer._errors import SbomError
from enforcer._models import SbomResult
from enforcer._records import Needles
from enforcer.load import LoadedSbom, load
from enforcer.match.index import Match, MatchIndex

__all__ = ["Checked", "match_file", "match_loaded"]


@dataclass
class Checked:
    """One SBOM loaded and matched, waiting for the policy's verdicts."""

    result: SbomResult
    matches: list[Match]


def match_file(index: MatchIndex, path: str, needles: Needles | None = None) -> Checked:
    """Load and match one SBOM against a match index; an unreadable file becomes an error result."""
    try:
        return match_loaded(index, load(path, needles=needles if needles is not None else index.needles()))
    except SbomError as error:
        return Checked(SbomResult(path="<stdin>" if path == "-" else path, error=str(error)), [])


def match_loaded(index: MatchIndex, loaded: LoadedSbom) -> Checked:
    """The matches of a loaded SBOM, and its result before the verdicts."""
    matched = index.match(loaded.records)
    result = SbomResult(
        path=loaded.path,
        format=loaded.format_name,
        spec_version=loaded.spec_version,
        components=loaded.components,
        unidentified=loaded.unidentified,
        unreadable=loaded.unreadable,
        warnings=list(loaded.warnings),
    )
    return Checked(result, matched.matches)
