"""CycloneDX JSON larger than memory: the component array, a batch at a time.

Used automatically for CycloneDX JSON files above `STREAM_THRESHOLD` bytes
(or with `enforcer check --stream`). The file is read in windows of a few
megabytes; each window is cut after the last complete top-level component
and decoded with the same typed decoder as the in-memory path, scanned with
the same fast matcher, and dropped. Peak memory is a few windows, whatever
the size of the file.

Where a window is cut: after a `}` that is followed by `,` (or by the `]` that
closes the array). Such a `}` may also close a nested object, or sit inside a
string; then `[` + window + `]` is not valid JSON, the decoder says so, and
an earlier cut is tried. A successful decode of `[` + text + `]` as a list of
components proves the cut falls between two top-level components, because the
text starts at a component and is a prefix of valid JSON.

What streaming gives up: the dependency graph and services after the
component array are read only when they are small (`TAIL_LIMIT`), so paths
of findings may come from the nesting of components alone; the SBOM's
warnings say so.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Generator, Iterator
from typing import BinaryIO

import msgspec

from enforcer._errors import SbomParseError
from enforcer.match.index import MatchIndex, ScanResult
from enforcer.sbom.cyclonedx_json import (
    Bom,
    Component,
    CycloneDxJsonDocument,
    _component_record,
    _walk,
    scan_components,
)
from enforcer.sbom.interface import ComponentRecord

#: files above this size (bytes) are streamed
STREAM_THRESHOLD = int(os.environ.get("ENFORCER_STREAM_THRESHOLD", str(256 << 20)))
#: bytes decoded at a time
WINDOW = int(os.environ.get("ENFORCER_STREAM_WINDOW", str(32 << 20)))
#: the part after the component array is decoded only below this size
TAIL_LIMIT = 256 << 20
#: the part before the component array (metadata) may not exceed this
HEAD_LIMIT = 64 << 20

_COMPONENTS_KEY = re.compile(rb'"components"\s*:\s*\[')
_COMPONENTS = msgspec.json.Decoder(list[Component])
_BOM = msgspec.json.Decoder(Bom)


class StreamingCycloneDxDocument(CycloneDxJsonDocument):
    """A CycloneDX JSON file read a window at a time."""

    def __init__(self, path: str, file_path: str, head: Bom, array_start: int) -> None:
        super().__init__(path, head)
        self._file_path = file_path
        self._array_start = array_start

    @property
    def component_count(self) -> int:
        if self._count is None:
            self._count = sum(_count(batch) for batch in self._batches())
        return self._count

    def _batches(self) -> Iterator[list[Component]]:
        """The component array in batches; then reads what follows it, if small."""
        enabled = gc.isenabled()
        gc.disable()  # as for in-memory decoding: nothing to collect, much to rescan
        try:
            with open(self._file_path, "rb") as stream:
                size = os.fstat(stream.fileno()).st_size
                stream.seek(self._array_start)
                end = yield from _component_batches(stream, self.path, self._array_start)
                if size - end > TAIL_LIMIT:
                    note = (
                        f"streamed: the {(size - end) >> 20} MiB after the component array (dependency graph) were"
                        " not read; paths of findings follow the nesting of components"
                    )
                    if note not in self.warnings:
                        self.warnings.append(note)
                elif size - end > 0 and not self.dependencies:
                    stream.seek(end)
                    self._read_tail(stream.read(size - end))
        finally:
            if enabled:
                gc.enable()

    def records(self) -> Iterator[ComponentRecord]:
        head = self._head_records()
        yield from head
        number = len(head)
        for batch in self._batches():
            for component, index, parent, chain in _walk(batch, number, -1):
                yield _component_record(component, index, parent, "component", chain)
                number = index + 1
        yield from self._service_records(number)

    def scan(self, index: MatchIndex) -> ScanResult:
        head = self._head_records()
        result = ScanResult()
        number = len(head)
        for batch in self._batches():
            found = scan_components(batch, index, number)
            result.findings.extend(found.findings)
            result.components += found.components
            result.unidentified += found.unidentified
            number += found.components
        self._count = result.components
        if head:
            result.findings[:0] = index.scan_records(head).findings
        if self.bom.services:
            result.findings.extend(index.scan_records(self._service_records(number)).findings)
        return result

    def _read_tail(self, tail: bytes) -> None:
        """Dependencies and services written after the component array."""
        text = tail.lstrip()
        if text[:1] == b"]":
            text = text[1:]
        try:
            rest = _BOM.decode(b'{"components":[]' + text)
        except (msgspec.DecodeError, RecursionError):
            self.warnings.append("the part after the component array could not be read; paths follow the nesting")
            return
        for dependency in rest.dependencies or ():
            if dependency.ref and dependency.dependsOn:
                self.dependencies[dependency.ref] = list(dependency.dependsOn)
        if rest.services and not self.bom.services:
            self.bom = msgspec.structs.replace(self.bom, services=rest.services)


def _count(batch: list[Component]) -> int:
    return sum(1 + _count(list(c.components or ())) for c in batch)


def open_streaming(file_path: str, path: str) -> StreamingCycloneDxDocument:
    """Read the metadata before the component array and prepare to stream the rest."""
    with open(file_path, "rb") as stream:
        head, array_start = _decode_head(stream.read(HEAD_LIMIT), path)
    return StreamingCycloneDxDocument(path, file_path, head, array_start)


def _decode_head(data: bytes, path: str) -> tuple[Bom, int]:
    """The document with an empty component list, and where the array's content starts."""
    for match in _COMPONENTS_KEY.finditer(data):
        try:
            head = _BOM.decode(data[: match.end()] + b"]}")
        except (msgspec.DecodeError, RecursionError):
            continue  # this "components" belongs to the metadata's component
        if head.bomFormat != "CycloneDX":
            raise SbomParseError(f'{path}: $.bomFormat: expected "CycloneDX", got {head.bomFormat!r}')
        return head, match.end()
    raise SbomParseError(f"{path}: no top-level components array in the first {HEAD_LIMIT >> 20} MiB; cannot stream it")


_LEADING = re.compile(rb"\s*,?\s*")
_OPEN, _CLOSE = ord("["), ord("]")


def _component_batches(stream: BinaryIO, path: str, offset: int) -> Generator[list[Component], None, int]:
    """Decode the component array a window at a time; return the offset just after it.

    `buffer[0]` is reserved: the byte before the first component becomes `[`
    and the byte after the last one `]` while the decoder reads the run in
    place, so no window is copied to be decoded.
    """
    buffer = bytearray(b" ")
    base = offset - 1  # file offset of buffer[0]
    window = WINDOW
    while True:
        chunk = stream.read(window)
        buffer += chunk
        leading = _LEADING.match(buffer, 1)
        start = leading.end() if leading is not None else 1
        if start < len(buffer) and buffer[start] == _CLOSE:
            return base + start + 1  # the end of the array
        if start >= len(buffer) and not chunk:
            raise SbomParseError(f"{path}: $.components: the array is not closed (the file is truncated)")
        if start < len(buffer) and buffer[start] != ord("{"):
            raise SbomParseError(f"{path}: $.components: expected a component at byte {base + start}")
        batch, end = _decode_run(buffer, start, path)
        if batch is None:
            if not chunk:
                raise SbomParseError(
                    f"{path}: $.components: the array is not closed or not valid JSON near byte {base + start}"
                )
            window *= 2  # a component larger than the window: read more
            continue
        yield batch
        window = WINDOW
        base += end - 1
        del buffer[1:end]


_TRAILING = re.compile(r"trailing characters \(byte (\d+)\)")


def _decode_run(buffer: bytearray, start: int, path: str) -> tuple[list[Component] | None, int]:
    """Decode the longest run of whole components from `buffer[start:]`; (batch, end of the run).

    Candidates are found walking back from the end: a `}` followed by `,` or
    `]` where the brackets before it balance (counted with `count`, ignoring
    strings, so only a guess); the decoder then proves or refutes it. A
    bracket inside a string can make the count wrong: then the candidates are
    tried without it.
    """
    view = memoryview(buffer)
    before = buffer[start - 1]
    buffer[start - 1] = _OPEN
    try:
        for balanced_only in (True, False):
            attempts = 0
            for cut in _cuts_from_the_end(buffer, start, balanced_only):
                batch = _decode_in_place(buffer, view, start, cut, path)
                if batch is None:
                    attempts += 1
                    if attempts >= 16:
                        break
                    continue
                if isinstance(batch, int):  # the array ended before the cut
                    closed = batch
                    batch = _decode_in_place(buffer, view, start, closed, path)
                    if isinstance(batch, list):
                        return batch, closed
                    continue
                return batch, cut
    finally:
        buffer[start - 1] = before
        view.release()
    return None, 0


def _decode_in_place(
    buffer: bytearray, view: memoryview, start: int, cut: int, path: str
) -> list[Component] | int | None:
    """Decode `[` + buffer[start:cut] + `]` in place: the components, or where the array closed, or None."""
    saved = buffer[cut]  # a cut is always followed by `,` or `]`
    buffer[cut] = _CLOSE
    try:
        return _COMPONENTS.decode(view[start - 1 : cut + 1])
    except msgspec.ValidationError as error:
        raise SbomParseError(f"{path}: $.components: {error}") from None
    except msgspec.DecodeError as error:
        match = _TRAILING.search(str(error))
        if match is not None:
            close = buffer.rfind(b"]", start, start - 1 + int(match.group(1)))
            if start < close < cut:
                return close
        return None
    except RecursionError:
        return None
    finally:
        buffer[cut] = saved


def _depth(buffer: bytearray, start: int, end: int) -> int:
    """Opening minus closing braces in a piece of JSON (strings not excluded).

    Braces suffice: every byte of a component lies inside the component's
    own braces, so the count is 0 only between top-level components.
    """
    return buffer.count(b"{", start, end) - buffer.count(b"}", start, end)


def _cuts_from_the_end(buffer: bytearray, start: int, balanced_only: bool) -> Iterator[int]:
    """Positions just after a `}` followed by `,` or `]`, last first.

    With `balanced_only`, only those where the brackets of `buffer[start:cut]`
    balance: a component list that starts with `{` ends there.
    """
    position = len(buffer)
    depth = _depth(buffer, start, position)  # of buffer[start:position]
    while True:
        brace = buffer.rfind(b"}", start, position)
        if brace < 0:
            return
        cut = brace + 1
        depth -= _depth(buffer, cut, position)  # now of buffer[start:cut]
        after = bytes(buffer[cut : cut + 64]).lstrip()[:1]
        if after in (b",", b"]") and (depth == 0 or not balanced_only):
            yield cut
        position = brace
        depth += 1  # buffer[start:brace] no longer holds this `}`
