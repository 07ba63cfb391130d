"""Which files to read: paths, directories and glob patterns, expanded in order and each once."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from enforcer._errors import SbomError

#: File names a directory walk considers (the content still decides).
SBOM_SUFFIXES = (".json", ".xml", ".spdx", ".cdx", ".yaml", ".yml", ".rdf", ".tv", ".jsonld", ".bom")
#: Characters that make an argument a glob pattern (when no file has that exact name).
_GLOB_CHARS = frozenset("*?[")


def expand_paths(paths: Iterable[str]) -> list[str]:
    """The SBOM files to check, in order and each once.

    Files pass through; directories are searched recursively (`find_sboms`);
    an argument with `*`, `?` or `[` that names no existing file is a glob
    pattern (`**` crosses directories) whose matches are taken in sorted
    order: matched files as they are, matched directories searched. A pattern
    that matches nothing is an error, as a missing file is.
    """
    found: list[str] = []
    seen: set[str] = set()

    def add(candidates: Iterable[str]) -> None:
        for candidate in candidates:
            key = candidate if candidate == "-" else os.path.normpath(candidate)
            if key not in seen:
                seen.add(key)
                found.append(candidate)

    for path in paths:
        if path != "-" and _GLOB_CHARS.intersection(path) and not os.path.lexists(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                raise SbomError(f"{path}: no file matches this pattern")
            for match in matches:
                if os.path.isdir(match):
                    try:
                        add(find_sboms([match]))
                    except SbomError:
                        continue  # a matched directory without SBOM files is not an error
                else:
                    add([match])
        else:
            add(find_sboms([path]))
    return found


def find_sboms(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories (recursively, by file name) and pass files through.

    A directory with no candidate file is an error.
    """
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = sorted(
                str(file) for file in Path(path).rglob("*") if file.is_file() and _looks_like_sbom(file.name)
            )
            if not found:
                raise SbomError(f"{path}: no SBOM files in this directory ({', '.join(SBOM_SUFFIXES)}, or .gz)")
            yield from found
        else:
            yield path


def _looks_like_sbom(name: str) -> bool:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return lower.endswith(SBOM_SUFFIXES)
