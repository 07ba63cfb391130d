"""Find the few components worth matching, one column of values at a time.

Building a record for every component of a large SBOM, and matching each of
its values, costs a Python call or two per value. Almost no value can match,
so the Python path first asks, per column of values (every supplier name,
every purl...), which rows *may* match, with work that runs mostly in C: the
column is joined into one lower-cased string and searched with `str.find`
for the `Needles` the match stage described. Values the exact matcher would
transform first (percent-escapes, CPE escapes, text that is not ASCII) are
decoded here the same way, or always kept.

The columns follow from the identity-field table (`enforcer.identify.fields`):
one column per row, over decoded structs whose attributes carry the rows'
names. A column is built without row numbers; rows are worked out only for a
column in which something was found, which in most SBOMs is none.

`candidate_rows` returns a superset of the rows that have a hit; the caller
builds records for those rows only, and the match stage matches them
exactly. So this path can only be faster, never different; the differential
tests check it.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from enforcer._records import CPE, GROUP, IDENTIFYING, ORG, PURL, Needles
from enforcer.identify.fields import Field

Values = Sequence[str | None]


@dataclass(frozen=True, slots=True)
class Column:
    """One identity field of every component.

    `values()` gives the field's values. When there is one per component
    (`rows` is None) the position of a value is its row; otherwise `rows()`
    gives the rows of the values at some positions.
    """

    kind: str
    values: Callable[[], Values]
    #: positions of values -> their rows (None: a value's position is its row)
    rows: Callable[[list[int]], list[int]] | None = None


def columns(items: Sequence[Any], fields: tuple[Field, ...]) -> list[Column]:
    """A column per table row over `items` (decoded structs), skipping fields no item has."""
    found = []
    for row in fields:
        column = _column(items, row)
        if column is not None:
            found.append(column)
    return found


def _column(items: Sequence[Any], row: Field) -> Column | None:
    steps = row.path.split(".")
    head: list[str] = []
    while steps and not steps[0].endswith("[]"):
        head.append(steps.pop(0))
    owners: list[Any] = list(items)
    for name in head[:-1] if not steps else head:
        owners = _attribute(owners, name)
        if not any(owners):
            return None
    if not steps:  # a plain field: one value per item
        name = head[-1]
        return Column(row.kind, lambda: _attribute(owners, name))
    array, *rest = steps
    lists = _attribute(owners, array.removesuffix("[]"))
    if not any(lists):
        return None
    getter: Callable[[Any], Any] = _chain(rest) if rest else _identity

    def values() -> Values:
        return list(map(getter, itertools.chain.from_iterable(filter(None, lists))))

    return Column(row.kind, values, lambda positions: _rows_of(lists, positions))


def _attribute(items: list[Any], name: str) -> list[Any]:
    """`item.name` for every item, None where the item is None."""
    return list(map(getattr, items, itertools.repeat(name), itertools.repeat(None)))


def _identity(value: Any) -> Any:
    return value


def _chain(names: list[str]) -> Callable[[Any], Any]:
    if len(names) == 1:
        return operator.attrgetter(names[0])
    getters = [operator.attrgetter(name) for name in names]

    def get(item: Any) -> Any:
        for getter in getters:
            if item is None:
                return None
            item = getter(item)
        return item

    return get


def _rows_of(lists: list[Any], positions: list[int]) -> list[int]:
    """The rows of some values of a flattened column of lists (row i holds len(lists[i]) values)."""
    ends = list(itertools.accumulate([len(items) if items else 0 for items in lists]))
    return [bisect.bisect_right(ends, position) for position in positions]


def unidentified(count: int, table: list[Column]) -> int:
    """How many of `count` rows have no value in any identifying column."""
    seen: set[int] = set()
    for column in table:
        if column.kind not in IDENTIFYING:
            continue
        values = column.values()
        positions = list(itertools.compress(itertools.count(), values))
        if not positions:
            continue
        seen.update(positions if column.rows is None else column.rows(positions))
        if len(seen) >= count:
            break
    return count - len(seen)


def candidate_rows(needles: Needles, table: list[Column], count: int) -> list[int]:
    """The sorted rows (0..count-1) that may have a hit in any column."""
    found: set[int] = set()
    for column in table:
        if not needles.of(column.kind).active:
            continue
        positions = _needle_positions(needles, column.kind, column.values())
        if positions:
            found.update(positions if column.rows is None else column.rows(positions))
    return sorted(row for row in found if 0 <= row < count)


#: Organisations: the normaliser joins words across these characters.
_JOINING = re.compile(r"['`./]+")


def _needle_positions(needles: Needles, kind: str, values: Values) -> list[int]:
    """Positions of the values that contain a needle of `kind`, or a marker, or are not ASCII."""
    wanted = needles.of(kind)
    # None becomes "": it holds no needle
    texts: list[str] = [value or "" for value in values]
    suspects: set[int] = set()
    joined = "\n".join(texts)
    if "%" in joined and kind in (PURL, CPE, GROUP):
        # the purl and CPE parsers percent-decode: search the decoded text
        texts = [_percent_decoded(text) if "%" in text else text for text in texts]
        joined = "\n".join(texts)
    if not joined.isascii():
        # Case folding of non-ASCII text can change its letters and length:
        # such values go to the exact matcher, and the search skips them.
        suspects.update(i for i, text in enumerate(texts) if not text.isascii())
        texts = [text if text.isascii() else "" for text in texts]
        joined = "\n".join(texts)
    if kind == CPE and "\\" in joined:
        suspects.update(i for i, text in enumerate(texts) if "\\" in text)
    for marker in wanted.markers:
        if marker in joined:
            suspects.update(i for i, text in enumerate(texts) if marker in text)
    if kind == ORG:  # the normaliser joins words across dots, apostrophes and slashes
        texts = [_JOINING.sub("", text) for text in texts]
    lowered = "\n".join(texts).lower()
    offsets: list[int] | None = None
    for needle in wanted.needles:
        position = lowered.find(needle)
        while position >= 0:
            if offsets is None:
                # where each text starts: the lengths before it, plus one "\n" each
                before = itertools.accumulate(map(len, texts), initial=0)
                offsets = list(map(operator.add, before, range(len(texts) + 1)))
            suspects.add(bisect.bisect_right(offsets, position) - 1)
            position = lowered.find(needle, position + 1)
    return sorted(suspects)


def _percent_decoded(text: str) -> str:
    """`unquote`, with a fast path for npm scopes (`%40`), by far the commonest escape in purls."""
    if text.count("%") == text.count("%40"):
        return text.replace("%40", "@")
    return unquote(text)
