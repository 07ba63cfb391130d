"""Which files to read: paths, directories and glob patterns, expanded in order and each once.

Each file is checked once, by its real path: the same file named twice, or
reached through a symbolic link, is read the first time only (its findings
are not counted twice). Walks never follow a symbolic link to a directory
and never enter the same directory twice, so a link to ``.`` costs nothing.
A directory that cannot be listed is never skipped in silence: it stays in
the list, and reading it fails with its own error line (exit 3).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator

from enforcer._errors import SbomError

#: File names a directory walk considers (the content still decides).
SBOM_SUFFIXES = (".json", ".xml", ".spdx", ".cdx", ".yaml", ".yml", ".rdf", ".tv", ".jsonld", ".bom")
#: Characters that make an argument a glob pattern (when no file has that exact name).
_GLOB_CHARS = frozenset("*?[")


def expand_paths(paths: Iterable[str]) -> list[str]:
    """The SBOM files to check, in order and each once (by real path).

    Files pass through; directories are searched recursively (`find_sboms`);
    an argument with `*`, `?` or `[` that names no existing file is a glob
    pattern (`**` crosses directories, without following links to
    directories) whose matches are taken in sorted order: matched files as
    they are, matched directories searched. A pattern that matches nothing is
    an error, as a missing file is. A directory that cannot be listed is kept
    in the list: reading it is an error of its own.
    """
    found: list[str] = []
    seen: set[str] = set()

    def add(candidates: Iterable[str]) -> None:
        for candidate in candidates:
            key = candidate if candidate == "-" else os.path.realpath(candidate)
            if key not in seen:
                seen.add(key)
                found.append(candidate)

    for path in paths:
        if path != "-" and _GLOB_CHARS.intersection(path) and not os.path.lexists(path):
            matches, unreadable = glob_paths(path)
            if not matches and not unreadable:
                raise SbomError(f"{path}: no file matches this pattern")
            for match in matches:
                if os.path.isdir(match):
                    try:
                        add(find_sboms([match]))
                    except SbomError:
                        continue  # a matched directory without SBOM files is not an error
                else:
                    add([match])
            add(unreadable)
        else:
            add(find_sboms([path]))
    return found


def find_sboms(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories (recursively, by file name) and pass files through.

    A directory with no candidate file (and none that cannot be listed) is an
    error; a directory inside it that cannot be listed is yielded as it is.
    """
    for path in paths:
        if path != "-" and os.path.isdir(path):
            files, unreadable = _walk(path)
            found = sorted(file for file in files if _looks_like_sbom(os.path.basename(file)))
            if not found and not unreadable:
                raise SbomError(f"{path}: no SBOM files in this directory ({', '.join(SBOM_SUFFIXES)}, or .gz)")
            yield from found
            yield from unreadable
        else:
            yield path


def _walk(root: str) -> tuple[list[str], list[str]]:
    """The regular files below `root` (links to files included), and the directories that cannot be listed.

    Links to directories are not followed and no directory is entered twice.
    """
    files: list[str] = []
    unreadable: list[str] = []
    entered: set[str] = set()
    stack = [root]
    while stack:
        directory = stack.pop()
        real = os.path.realpath(directory)
        if real in entered:
            continue
        entered.add(real)
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            stack.append(entry.path)
                        elif entry.is_file():
                            files.append(entry.path)
                    except OSError:
                        continue  # vanished, or a link that cannot be followed: not a file to read
        except OSError:
            unreadable.append(directory)
    return files, sorted(unreadable)


def glob_paths(pattern: str) -> tuple[list[str], list[str]]:
    """The paths a glob pattern matches (sorted), and the directories it could not list on the way.

    `*`, `?` and `[...]` match within one name (not a leading dot unless the
    pattern has one); `**` as a whole component matches any number of
    directories, never through a link to a directory. Directories reached
    by two routes (links) are entered once, so the work is bounded by the
    directories there are, whatever the links.
    """
    absolute = pattern.startswith(os.sep)
    parts = [part for part in pattern.split(os.sep) if part]
    literal = []
    while parts and not _GLOB_CHARS.intersection(parts[0]):
        literal.append(parts.pop(0))
    base = os.path.join(os.sep if absolute else "", *literal) if literal or absolute else ""
    if not parts:
        return ([base] if os.path.lexists(base) else []), []
    states = {os.path.realpath(base or os.curdir): base}
    unreadable: list[str] = []
    for position, part in enumerate(parts):
        last = position == len(parts) - 1
        following: dict[str, str] = {}
        matches: list[str] = []
        for directory in states.values():
            for path, is_dir in _expand(directory, part, unreadable):
                if last:
                    matches.append(path)
                elif is_dir:
                    following.setdefault(os.path.realpath(path), path)
        if last:
            return sorted(dict.fromkeys(matches)), sorted(dict.fromkeys(unreadable))
        states = following
    return [], sorted(unreadable)  # pragma: no cover - the loop returns at its last part


def _expand(directory: str, part: str, unreadable: list[str]) -> Iterator[tuple[str, bool]]:
    """(path, is a directory) of what one pattern component matches in `directory`."""
    if part == "**":
        yield from _below(directory, unreadable)
        return
    hidden = part.startswith(".")
    try:
        with os.scandir(directory or os.curdir) as entries:
            listed = sorted(entries, key=lambda entry: entry.name)
    except OSError:
        unreadable.append(directory or os.curdir)
        return
    for entry in listed:
        if (hidden or not entry.name.startswith(".")) and fnmatch.fnmatchcase(entry.name, part):
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            yield os.path.join(directory, entry.name), is_dir


def _below(directory: str, unreadable: list[str]) -> Iterator[tuple[str, bool]]:
    """`**`: the directory itself and every directory and file below it (no hidden names, no links to directories)."""
    yield directory, True
    entered: set[str] = set()
    stack = [directory]
    while stack:
        current = stack.pop()
        real = os.path.realpath(current or os.curdir)
        if real in entered:
            continue
        entered.add(real)
        try:
            with os.scandir(current or os.curdir) as entries:
                listed = sorted(entries, key=lambda entry: entry.name)
        except OSError:
            unreadable.append(current or os.curdir)
            continue
        inner = []
        for entry in listed:
            if entry.name.startswith("."):
                continue
            path = os.path.join(current, entry.name)
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            yield path, is_dir or _is_dir(entry)
            if is_dir:
                inner.append(path)
        stack.extend(reversed(inner))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _looks_like_sbom(name: str) -> bool:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return lower.endswith(SBOM_SUFFIXES)
