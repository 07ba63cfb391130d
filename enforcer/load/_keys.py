"""Two ways a JSON SBOM can mean different things to different readers, refused before it is read.

- A key repeated in one object (``"supplier": {...}, "supplier": {...}``):
  JSON leaves open which one counts; most readers take the last, some the
  first, so a banned supplier could be read by one tool and hidden from
  another. Every object of the document is checked, keys compared decoded
  (``"n\\u0061me"`` repeats ``"name"``).
- A document that is an SBOM of two formats at once (``bomFormat`` and
  ``spdxVersion`` at the top): a CycloneDX reader would read its components,
  an SPDX reader its packages.

The native scanner checks both as it reads a CycloneDX JSON file (and hands
the document back when it finds one); everything else read as JSON goes
through `check_json`, by the native module's `check_keys` when it is
installed (about 0.1 s for 80 MB), otherwise by the standard library's
decoder (about 0.6 s for 80 MB, measured in BENCHMARKS.md), which builds no
Python object per JSON object on the way.
"""

from __future__ import annotations

import json
from typing import Any

from enforcer._errors import SbomParseError
from enforcer._native import native_module

#: the top-level keys that say which format a JSON document is
_FORMATS = {"bomFormat": "CycloneDX", "spdxVersion": "SPDX 2", "@context": "SPDX 3", "@graph": "SPDX 3"}

KeyReport = tuple[tuple[str, str] | None, list[str]]


def check_json(data: bytes, name: str) -> None:
    """Raise `SbomParseError` for a repeated key or a document of two formats (nothing when it is not JSON)."""
    report = _report(data)
    if report is None:
        return  # not JSON (or too deep): the loader says what is wrong with it
    duplicate, markers = report
    if duplicate is not None:
        key, where = duplicate
        raise SbomParseError(
            f"{name}: {where}: the key {key!r} appears twice in one object"
            " (readers disagree on which one counts; refused)"
        )
    formats = sorted({_FORMATS[key] for key in markers})
    if len(formats) > 1:
        keys = ", ".join(sorted(markers))
        raise SbomParseError(
            f"{name}: both a {' and an '.join(formats)} document (top-level keys {keys});"
            " readers of each format would see different components: refused"
        )


def _report(data: bytes) -> KeyReport | None:
    module = native_module()
    if module is not None:
        report: KeyReport | None = module.check_keys(data)
        return report
    return python_report(data)


class _Repeated(Exception):
    pass


def python_report(data: bytes) -> KeyReport | None:
    """`check_keys` of the native module, in Python: the first repeated key and its path, and the format markers."""
    last: list[list[tuple[str, Any]]] = [[]]

    def unique(pairs: list[tuple[str, Any]]) -> None:
        if len(pairs) > 1 and len({key for key, _ in pairs}) != len(pairs):
            raise _Repeated
        last[0] = pairs

    try:  # numbers are not converted: none is needed, and a 5,000-digit one would stop int()
        top = json.loads(data, object_pairs_hook=unique, parse_int=_number, parse_float=_number)
    except _Repeated:
        return _locate(data), []
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return None
    is_object = top is None and data.lstrip()[:1] == b"{"
    markers = [key for key, _ in last[0] if key in _FORMATS] if is_object else []
    return None, markers


def _number(text: str) -> None:
    return None


class _Marked:
    """An object with a repeated key: its pairs and where the first repeat is."""

    __slots__ = ("pairs", "at")

    def __init__(self, pairs: list[tuple[str, Any]], at: int) -> None:
        self.pairs = pairs
        self.at = at


def _mark(pairs: list[tuple[str, Any]]) -> Any:
    seen: set[str] = set()
    for number, (key, _) in enumerate(pairs):
        if key in seen:
            return _Marked(pairs, number)
        seen.add(key)
    return dict(pairs)


def _locate(data: bytes) -> tuple[str, str]:
    """The first repeated key in document order, and the path of its object (a slower second pass)."""
    tree = json.loads(data, object_pairs_hook=_mark, parse_int=_number, parse_float=_number)
    stack: list[tuple[Any, str]] = [(tree, "$")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, _Marked):
            # what comes before the repeat, in order: a repeat inside it comes first
            inner = [(item, f"{where}.{key}") for key, item in value.pairs[: value.at]]
            stack.append((_Found(value.pairs[value.at][0], where), where))
            stack.extend(reversed(inner))
        elif isinstance(value, _Found):
            return value.key, value.where
        elif isinstance(value, dict):
            stack.extend(reversed([(item, f"{where}.{key}") for key, item in value.items()]))
        elif isinstance(value, list):
            stack.extend(reversed([(item, f"{where}[{number}]") for number, item in enumerate(value)]))
    raise AssertionError("a repeated key was reported and not found")  # pragma: no cover


class _Found:
    __slots__ = ("key", "where")

    def __init__(self, key: str, where: str) -> None:
        self.key = key
        self.where = where
