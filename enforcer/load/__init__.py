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
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

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

#: Largest SBOM read into memory (bytes, after decompression).
MAX_BYTES = int(os.environ.get("ENFORCER_MAX_SBOM_BYTES", str(4 << 30)))
_HEAD = 1 << 16


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

    `-` reads standard input. A file that is gzip-compressed is decompressed,
    up to `MAX_BYTES`.
    """
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            file = Path(path)
            if file.is_dir():
                raise SbomError(f"{path}: is a directory")
            with file.open("rb") as stream:
                head = stream.read(_HEAD)
                if head[:2] != b"\x1f\x8b":
                    detect(_to_utf8(head, name, partial=True), name, complete=False)
                try:  # read the whole file in one piece: no second copy of a big file
                    stream.seek(0)
                    data = stream.read(MAX_BYTES + 1)
                except OSError:  # a pipe: keep the head already read
                    data = head + stream.read(MAX_BYTES + 1 - len(head))
    except FileNotFoundError:
        raise SbomError(f"{path}: no such file") from None
    except PermissionError:
        raise SbomError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise SbomError(f"{path}: is a directory") from None
    except OSError as error:
        raise SbomError(f"{path}: cannot read: {error.strerror or error}") from None
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, name)
    if len(data) > MAX_BYTES:
        raise SbomParseError(f"{name}: larger than the {MAX_BYTES >> 20} MiB limit (ENFORCER_MAX_SBOM_BYTES)")
    return name, _to_utf8(data, name)


def _gunzip(data: bytes, name: str) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_BYTES + 1)
    except zlib.error as error:
        raise SbomParseError(f"{name}: broken gzip data: {error}") from None
    if len(out) > MAX_BYTES or inflater.unconsumed_tail:
        raise SbomParseError(f"{name}: decompresses to more than the {MAX_BYTES >> 20} MiB limit")
    if not inflater.eof:
        raise SbomParseError(f"{name}: gzip data is truncated")
    return out


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
            return document
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


def _native_file(path: str, needles: Needles) -> SbomDocument | None:
    """A plain CycloneDX JSON file read by the native scanner, or None."""
    from enforcer import _native
    from enforcer.load import cyclonedx_native

    if _native.native_module() is None:
        return None
    try:
        if not os.path.isfile(path):
            return None  # a pipe or a device: read whole; a directory or nothing: read_source says so
        with open(path, "rb") as file:
            head = file.read(_HEAD)
    except OSError:
        return None  # read_source reports it
    if not head or head[:2] == b"\x1f\x8b" or head.startswith(codecs.BOM_UTF8):
        return None
    if detect(head, path, complete=False) is not _loader("enforcer.load.cyclonedx_json", "CycloneDxJsonLoader"):
        return None  # other formats (and UTF-16 text) take the usual path; a refusal is raised here
    return cyclonedx_native.scan_file(path, path, needles)
