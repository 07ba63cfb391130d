"""The load stage: read a file (or standard input), detect its format, give its component records.

The format is detected from the content, never from the file name. Gzip is
undone on the fly. Safety limits keep a hostile file from hanging the run or
exhausting memory: the head of the file is sniffed before the rest is read,
so a file that is no SBOM fails at once whatever its size.
"""

from __future__ import annotations

import codecs
import functools
import gc
import importlib
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from enforcer._env import max_sbom_bytes
from enforcer._errors import SbomError, SbomParseError, UnsupportedSbomError
from enforcer._records import ComponentRecord, Needles
from enforcer.load.interface import LoadedSbom, SbomDocument, SbomLoader
from enforcer.load.paths import expand_paths, find_sboms

__all__ = [
    "ComponentRecord",
    "LoadedSbom",
    "SbomDocument",
    "SbomLoader",
    "loaders",
    "load",
    "read_document",
    "read_source",
    "detect",
    "expand_paths",
    "find_sboms",
    "MAX_BYTES",
]

_HEAD = 1 << 16
#: bytes read (or decompressed) at a time
_CHUNK = 1 << 20
_GZIP = b"\x1f\x8b"
#: gzip output growing faster than this many bytes per compressed byte, past `_RATIO_FROM` bytes, is
#: a decompression bomb: SBOMs compress 5 to 25 times (measured in BENCHMARKS.md), deflate at most ~1032
_MAX_RATIO = 200
_RATIO_FROM = 16 << 20


def __getattr__(name: str) -> int:
    if name == "MAX_BYTES":  # read when asked: a bad ENFORCER_MAX_SBOM_BYTES is a SettingError, not an ImportError
        return max_sbom_bytes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: every loader, in the order their sniffers are tried: (module, class)
_LOADERS = (
    ("enforcer.load.cyclonedx_json", "CycloneDxJsonLoader"),
    ("enforcer.load.cyclonedx_xml", "CycloneDxXmlLoader"),
    ("enforcer.load.spdx_json", "SpdxJsonLoader"),
    ("enforcer.load.spdx3", "Spdx3JsonLdLoader"),
    ("enforcer.load.spdx_tagvalue", "SpdxTagValueLoader"),
    ("enforcer.load.spdx_json", "SpdxYamlLoader"),
    ("enforcer.load.spdx_xml", "SpdxXmlLoader"),
    ("enforcer.load.spdx_rdf", "SpdxRdfLoader"),
)


@functools.cache
def _loader(module: str, name: str) -> SbomLoader:
    loader: SbomLoader = getattr(importlib.import_module(module), name)()
    return loader


def loaders() -> Iterator[SbomLoader]:
    """Every loader, in the order their sniffers are tried.

    Each loader's module is imported when it is first reached, so checking a
    CycloneDX JSON file does not import the XML, YAML and SPDX parsers.
    """
    for module, name in _LOADERS:
        yield _loader(module, name)


def read_source(path: str) -> tuple[str, bytes]:
    """The display name and the full (decompressed, UTF-8) content of a source.

    `-` reads standard input; any other path must be a regular file (a FIFO,
    a device or a socket is refused before anything is read from it, so
    nothing can block). The first 64 KiB are checked before the rest is read
    (NUL bytes, or no SBOM format: refused at once). Gzip is undone as it
    streams, every member of a multi-member file, and stops at the limit
    (`ENFORCER_MAX_SBOM_BYTES`) as soon as the output passes it.
    """
    name = "<stdin>" if path == "-" else path
    limit = max_sbom_bytes()
    try:
        if path == "-":
            data = _read_stream(sys.stdin.buffer, name, limit, size=None)
        else:
            with os.fdopen(open_regular(path), "rb") as stream:
                data = _read_stream(stream, name, limit, size=os.fstat(stream.fileno()).st_size)
    except OSError as error:
        raise SbomError(f"{name}: cannot read: {error.strerror or error}") from None
    return name, _to_utf8(data, name)


def open_regular(path: str) -> int:
    """A descriptor of `path`, opened for reading, once it is known to be a regular file.

    Opened without blocking (a FIFO nobody writes to would block `open`
    forever), checked with fstat on the descriptor itself (no race between a
    check and the open), then switched back to blocking reads.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise SbomError(f"{path}: no such file") from None
    except PermissionError:
        what = "is a directory that cannot be read (permission denied)" if os.path.isdir(path) else "permission denied"
        raise SbomError(f"{path}: {what}") from None
    except OSError as error:
        raise SbomError(f"{path}: cannot open: {error.strerror or error}") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            unreadable = "" if os.access(path, os.R_OK | os.X_OK) else " that cannot be read (permission denied)"
            raise SbomError(f"{path}: is a directory{unreadable}")
        if not stat.S_ISREG(mode):
            raise SbomError(f"{path}: not a regular file ({_file_kind(mode)}); use - to read standard input")
        os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def _file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "a special file"


def _read_head(stream: BinaryIO) -> bytes:
    """The first `_HEAD` bytes (fewer at the end of the stream), whatever a pipe gives per read."""
    parts: list[bytes] = []
    size = 0
    while size < _HEAD:
        part = stream.read(_HEAD - size)
        if not part:
            break
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def _too_large(name: str, limit: int) -> SbomParseError:
    return SbomParseError(f"{name}: larger than the {_mib(limit)} limit (ENFORCER_MAX_SBOM_BYTES)")


def _mib(limit: int) -> str:
    return f"{limit >> 20} MiB" if limit >= 1 << 20 else f"{limit} bytes"


def _read_stream(stream: BinaryIO, name: str, limit: int, *, size: int | None) -> bytes:
    """The whole content of a stream, decompressed, up to `limit` bytes: the head checked first.

    `size`: the size of a regular file (it is read again from its start in
    one piece, no second copy), None for a pipe.
    """
    head = _read_head(stream)
    if head[:2] == _GZIP:
        return _gunzip(stream, head, name, limit)
    detect(_to_utf8(head, name, partial=True), name, complete=False)
    if size is not None:
        if size > limit:
            raise _too_large(name, limit)
        stream.seek(0)
        data = stream.read(size + 1)
        if len(data) > size:  # the file grew while it was read: take the rest in pieces
            data += _read_rest(stream, limit + 1 - len(data))
    else:
        data = head + _read_rest(stream, limit + 1 - len(head))
    if len(data) > limit:
        raise _too_large(name, limit)
    return data


def _read_rest(stream: BinaryIO, most: int) -> bytes:
    """At most `most` more bytes of a stream, read a piece at a time (never `most` reserved at once)."""
    parts: list[bytes] = []
    size = 0
    while size < most:
        part = stream.read(min(_CHUNK * 16, most - size))
        if not part:
            break
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def _gunzip(stream: BinaryIO, first: bytes, name: str, limit: int) -> bytes:
    """Every member of a gzip stream, decompressed a piece at a time, refused as soon as it passes `limit`.

    The first 64 KiB of the output are checked as a file's head is (NUL
    bytes, no SBOM format) before more is decompressed; output that grows
    more than `_MAX_RATIO` times faster than the input is refused at once (a
    bomb), without waiting for the size limit. Zero bytes after the last
    member (padding) are allowed; other trailing data is refused.
    """
    pieces: list[bytes] = []
    size = 0
    consumed = 0
    checked = False
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    pending = first
    member_done = False  # the last member ended: what follows is another member, or zero padding to the end
    padding = False
    while True:
        if not pending:
            pending = stream.read(_CHUNK)
            if not pending:
                break
        if member_done:
            if padding or pending[:1] == b"\x00":
                if pending.strip(b"\x00"):
                    raise SbomParseError(f"{name}: data after the end of the gzip stream that is not gzip")
                padding, pending = True, b""
                continue
            if len(pending) < 2:
                pending += stream.read(1)
            if pending[:2] != _GZIP:
                raise SbomParseError(f"{name}: data after the end of the gzip stream that is not gzip")
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            member_done = False
        given = len(pending)
        try:
            piece = inflater.decompress(pending, _CHUNK)
        except zlib.error as error:
            raise SbomParseError(f"{name}: broken gzip data: {error}") from None
        pending = inflater.unconsumed_tail
        consumed += given - len(pending) - len(inflater.unused_data)
        if piece:
            size += len(piece)
            if size > _RATIO_FROM and size > _MAX_RATIO * consumed:
                raise SbomParseError(
                    f"{name}: gzip data that expands more than {_MAX_RATIO} times (a decompression bomb?);"
                    f" refused after {_mib(size)}"
                )
            if size > limit:
                raise SbomParseError(
                    f"{name}: decompresses to more than the {_mib(limit)} limit (ENFORCER_MAX_SBOM_BYTES)"
                )
            pieces.append(piece)
            if not checked and size >= _HEAD:
                checked = True
                head = b"".join(pieces)[:_HEAD]
                detect(_to_utf8(head, name, partial=True), name, complete=False)
        if inflater.eof:
            pending = inflater.unused_data
            member_done = True
    if not member_done:
        raise SbomParseError(f"{name}: gzip data is truncated")
    data = b"".join(pieces)
    del pieces
    if not checked:
        detect(_to_utf8(data[:_HEAD], name, partial=True), name, complete=False)
    return data


def _to_utf8(data: bytes, name: str, *, partial: bool = False) -> bytes:
    """Drop a UTF-8 byte-order mark; re-encode UTF-16/32 (marked) as UTF-8.

    `partial`: the data is only the head of a file and may end mid-character.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:]
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding, "ignore" if partial else "strict").encode("utf-8")
            except UnicodeDecodeError as error:
                raise SbomParseError(f"{name}: not valid {encoding.upper()}: {error.reason}") from None
    return data


def detect(data: bytes, name: str, *, complete: bool = True) -> SbomLoader | None:
    """The loader for a file, from its content (UTF-8).

    With `complete=False`, `data` is only the head of the file: a JSON file
    whose format markers are not in the head gives None (decide once the whole
    file is read) instead of an error.
    """
    head = data[:_HEAD]
    if b"\x00" in head:  # no text SBOM format allows a NUL byte
        raise UnsupportedSbomError(f"{name}: binary data, not an SBOM")
    for candidate in loaders():
        if candidate.sniff(head):
            return candidate
    stripped = head.lstrip()
    if not stripped:
        raise UnsupportedSbomError(f"{name}: empty file")
    if stripped[:1] in (b"{", b"["):
        if not complete:
            return None
        for candidate in loaders():
            if candidate.probe(data):
                return candidate
        raise UnsupportedSbomError(
            f"{name}: JSON, but not an SBOM this tool reads"
            " (no CycloneDX bomFormat, SPDX spdxVersion or SPDX 3 @context)"
        )
    if stripped[:1] == b"<":
        raise UnsupportedSbomError(f"{name}: XML, but not a CycloneDX or SPDX document this tool reads")
    printable = stripped[:64].decode("utf-8", "replace")
    if any((ord(c) < 32 and c not in "\t\r\n") or c == "\ufffd" for c in printable):
        raise UnsupportedSbomError(f"{name}: binary data, not an SBOM")
    raise UnsupportedSbomError(f"{name}: not an SBOM this tool reads (CycloneDX or SPDX)")


def load(path: str, *, needles: Needles | None = None) -> LoadedSbom:
    """Read one SBOM and give its component records; raise `SbomError` with a one-line message.

    `needles`: what the records must hold to be able to match a ban (from
    the match stage). With them, a loader may return only the records that
    can match; CycloneDX JSON files then go through the native scanner when
    it is installed (in bounded memory whatever the size, decoding only the
    components that can match), and anything it does not read exactly as the
    Python path would is read by the Python path. Without needles, every
    record is returned (what the inventory stores).
    """
    return read_document(path, needles=needles).loaded(needles)


def read_document(path: str, *, needles: Needles | None = None) -> SbomDocument:
    """Read and parse one SBOM into its loader's document (the stage's own view of the file)."""
    if needles is not None and path != "-":
        document = _native_file(path, needles)
        if document is not None:
            return document
    name, data = read_source(path)
    loader = detect(data, name)
    assert loader is not None
    if needles is not None and loader.name == "cyclonedx-json":
        from enforcer.load.cyclonedx_native import scan_bytes

        document = scan_bytes(data, name, needles)
        if document is not None:
            return document  # the scanner has checked the keys as it read
    if loader.name in _JSON_LOADERS:
        from enforcer.load._keys import check_json

        check_json(data, name)
    # Decoding builds millions of small containers at once; the cyclic garbage
    # collector would rescan them again and again while they are built (it
    # more than doubles the decode time) and can find no garbage among them.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return loader.load(data, name)
    finally:
        if enabled:
            gc.enable()


#: loaders of JSON documents: their keys are checked before they are read (`_keys`)
_JSON_LOADERS = frozenset({"cyclonedx-json", "spdx-json", "spdx3-json-ld"})
_MARKS = (codecs.BOM_UTF8, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _native_file(path: str, needles: Needles) -> SbomDocument | None:
    """A plain CycloneDX JSON file read by the native scanner, or None."""
    from enforcer import _native
    from enforcer.load import cyclonedx_native

    if _native.native_module() is None:
        return None
    try:
        with os.fdopen(open_regular(path), "rb") as file:
            head = _read_head(file)
    except (SbomError, OSError):
        return None  # read_source reports it
    if not head or head[:2] == _GZIP or head.startswith(_MARKS):
        return None  # compressed, or UTF-8 with a mark, or UTF-16/32: read whole and re-encoded
    if detect(head, path, complete=False) is not _loader("enforcer.load.cyclonedx_json", "CycloneDxJsonLoader"):
        return None  # other formats take the usual path; a refusal is raised here
    return cyclonedx_native.scan_file(path, path, needles)
