"""Find the few components worth matching, one column of values at a time.

Matching every value of a large SBOM through `MatchIndex` costs a Python call
or two per value. Almost no value matches, so the fast path first asks, per
column of values (all purls, all URLs, ...), which rows *may* match, with work
that runs mostly in C:

- kinds that SBOMs repeat (organisations, groups) are looked up once per
  distinct value;
- for the others (URLs, purls, CPEs, names), the column is joined into one
  lower-cased string and searched with `str.find` for the index's needles: an
  ASCII value can only hit a domain, purl pattern, CPE vendor or product token
  that appears in its text. Values the general parser would transform first
  (percent-encoding, CPE escapes, non-ASCII text) are decoded here the same
  way, or sent to the exact matcher.

A column is first built without row numbers; rows are only worked out for a
column in which something was found, which in most SBOMs is none.

Every function returns a superset of the rows that have hits; those rows are
then matched exactly, through the same records and lookups as every other
SBOM (`MatchIndex.scan_records`). So the fast path can only be faster, never
different; the differential tests check it.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from enforcer.match.index import MatchIndex
from enforcer.sbom.interface import CPE, GROUP, HASH, NAME, ORG, PURL, URL

Values = Sequence[str | None]


@dataclass(frozen=True, slots=True)
class Column:
    """One field of every component.

    `values()` gives the field's values. When there is one per component
    (`rows` is None) the position of a value is its row; otherwise `rows()`
    gives the rows of the values at some positions, worked out only when
    some value needs it.
    """

    kind: str
    values: Callable[[], Values]
    #: positions of values -> their rows (None: a value's position is its row)
    rows: Callable[[list[int]], list[int]] | None = None


def candidate_rows(index: MatchIndex, columns: Iterable[Column], count: int) -> list[int]:
    """The sorted rows (0..count-1) that may have a hit in any column."""
    found: set[int] = set()
    for column in columns:
        if not _relevant(index, column.kind):
            continue
        values = column.values()
        if column.kind in (ORG, GROUP, HASH):
            lookup = index.lookup_function(column.kind)
            hitting = {value for value in set(values) if value and lookup(value)}
            positions = (
                list(itertools.compress(itertools.count(), map(hitting.__contains__, values))) if hitting else []
            )
        else:
            positions = _needle_positions(index, column.kind, values)
        if positions:
            found.update(positions if column.rows is None else column.rows(positions))
    return sorted(row for row in found if 0 <= row < count)


def _relevant(index: MatchIndex, kind: str) -> bool:
    if kind == ORG:
        return bool(index.orgs or index.domains)
    if kind == GROUP:
        return bool(index.purl_paths)
    if kind == HASH:
        return bool(index.hashes)
    if kind == URL:
        return bool(index.domains)
    if kind == PURL:
        return bool(index.purls or index.domains)
    if kind == CPE:
        return bool(index.cpe_vendors)
    if kind == NAME:
        return bool(index.products)
    return True


def _needle_positions(index: MatchIndex, kind: str, values: Values) -> list[int]:
    """Positions of the values that contain a needle of `kind`, or a marker."""
    needles, markers = index.needles(kind)
    # None becomes "None": a few more letters to search can only add suspects
    texts: Sequence[str] = list(map(str, values)) if None in values else values  # type: ignore[assignment]
    suspects: set[int] = set()
    joined = "\n".join(texts)
    if "%" in joined and kind in (PURL, CPE):
        # the purl and CPE parsers percent-decode: search the decoded text
        texts = [_percent_decoded(text) if "%" in text else text for text in texts]
        joined = "\n".join(texts)
    if not joined.isascii():
        # Case folding of non-ASCII text can change its letters and length:
        # such values go to the exact matcher, and the search skips them.
        texts = [text if text.isascii() else "" for text in texts]
        suspects.update(i for i, text in enumerate(texts) if not text and values[i])
        joined = "\n".join(texts)
    for marker in markers:
        if marker in joined:
            suspects.update(i for i, text in enumerate(texts) if marker in text)
    lowered = joined.lower()
    offsets: list[int] | None = None
    for needle in needles:
        position = lowered.find(needle)
        while position >= 0:
            if offsets is None:
                # where each text starts in `joined`: the lengths before it, plus one "\n" each
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
