"""Reading an object whose fields have the wrong types, one field at a time.

The typed decoders (msgspec) refuse a whole document when one field has the
wrong type. A loader then reads the document again with `convert`, which
keeps every field (and every array element) that has the right type and
drops only what does not, with one problem per dropped part naming its JSON
path. A wrong type never hides the identity values beside it: a component
whose ``version`` is a number keeps its supplier.

A dropped part inside one of the `identity` fields (a supplier that is an
array, a null among URLs, a purl that is a number) is an identity value that
could not be read: `convert` says so, and the loader counts the component
as unreadable (which fails the gate: README, "Exit codes").
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from typing import Any

import msgspec

from enforcer.load._json import type_name


@dataclass
class Problems:
    """What `convert` dropped: one line each, and whether an identity value was among it."""

    lines: list[str] = field(default_factory=list)
    identity: bool = False

    def add(self, line: str, *, identity: bool) -> None:
        self.lines.append(f"{line}; {'an identity value that could not be read' if identity else 'ignored'}")
        self.identity |= identity


def convert(
    raw: dict[str, Any],
    kind: type[msgspec.Struct],
    where: str,
    problems: Problems,
    *,
    identity: frozenset[str] | None = None,
    skip: frozenset[str] = frozenset(),
) -> Any:
    """`raw` as a `kind`, keeping what has the right type.

    `identity`: the fields whose values identify a vendor (None: all of
    them, inside an identity field). `skip`: fields the caller reads itself
    (nested components). Strings over the length limit were refused before
    (`_json.refuse_long_strings`).
    """
    values: dict[str, Any] = {}
    for info in msgspec.structs.fields(kind):
        if info.name in skip or info.encode_name not in raw:
            continue
        value = raw[info.encode_name]
        at = f"{where}.{info.encode_name}"
        marked = identity is None or info.name in identity
        try:
            values[info.name] = msgspec.convert(value, info.type)
            continue
        except msgspec.ValidationError:
            pass
        kept = _partial(value, info.type, at, problems, identity=marked)
        if kept is not _DROPPED:
            values[info.name] = kept
    return kind(**values)


_DROPPED = object()


def _partial(value: Any, annotation: Any, where: str, problems: Problems, *, identity: bool) -> Any:
    """What can be kept of a value of the wrong type: the right parts of an object or an array."""
    struct = _struct_of(annotation)
    if isinstance(value, dict) and struct is not None:
        return convert(value, struct, where, problems, identity=None if identity else frozenset())
    container, item = _items_of(annotation)
    if isinstance(value, list) and container is not None:
        kept = []
        for number, element in enumerate(value):
            at = f"{where}[{number}]"
            try:
                kept.append(msgspec.convert(element, item))
                continue
            except msgspec.ValidationError:
                pass
            part = _partial(element, item, at, problems, identity=identity)
            if part is not _DROPPED:
                kept.append(part)
        return container(kept)
    problems.add(f"{where}: expected {_expected(annotation)}, got {type_name(value)}", identity=identity)
    return _DROPPED


def _options(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) is typing.Annotated:
        return (typing.get_args(annotation)[0],)
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return tuple(option for arg in typing.get_args(annotation) for option in _options(arg))
    return (annotation,)


def _struct_of(annotation: Any) -> type[msgspec.Struct] | None:
    for option in _options(annotation):
        if isinstance(option, type) and issubclass(option, msgspec.Struct):
            return option
    return None


def _items_of(annotation: Any) -> tuple[Any, Any]:
    """(tuple or list, the item type) for an array type, else (None, None)."""
    for option in _options(annotation):
        origin = typing.get_origin(option)
        if origin in (tuple, list):
            return origin, typing.get_args(option)[0]
    return None, None


def _expected(annotation: Any) -> str:
    names = []
    for option in _options(annotation):
        if option is str:
            names.append("a string")
        elif option is type(None):
            names.append("null")
        elif _struct_of(option) is not None:
            names.append("an object")
        elif typing.get_origin(option) in (tuple, list):
            names.append("an array")
        else:
            names.append(getattr(option, "__name__", str(option)))
    return " or ".join(dict.fromkeys(names))
