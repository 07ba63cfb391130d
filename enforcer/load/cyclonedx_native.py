"""CycloneDX JSON through the native scanner (`enforcer._scan`), when it is installed.

The scanner (Rust, `native/` in the repository) reads the document once,
memory-mapped, and answers three things without building a Python object per
component: how many components there are and how many carry no identity;
which top-level components hold a value that may hit a ban (a superset,
from the `Needles` the match stage described); and where the metadata,
services and dependency graph are. Only those few components are decoded
here, by the same typed decoder as the Python path, and matched exactly by
the same index, so the findings are the same by construction; the
differential tests check it on every corpus.

The scanner is strict: a document that is not JSON, or whose fields have
other types than the loader expects, or that repeats a field, is handed back
(`Scan.fallback`) and read by the Python path, which reports the problem in
its own words. Without the module, or with `ENFORCER_NATIVE=0`, everything
takes the Python path.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

import msgspec

from enforcer._errors import SbomError
from enforcer._native import native_module
from enforcer._records import COMPONENT, MAX_PATH, ComponentRecord, Needles
from enforcer.load._cdx_checks import CHECKED_COMPONENTS, COMPONENT_TYPES, HASH_ALGORITHMS, looks_valid, spec_warnings
from enforcer.load.cyclonedx_json import CycloneDxJsonDocument, component_record, label, walk
from enforcer.load.cyclonedx_model import Bom, Component, Metadata, Service
from enforcer.load.interface import Selection

if TYPE_CHECKING:
    from enforcer._scan import Scan, Scanner
    from enforcer.load.interface import SbomDocument

_METADATA = msgspec.json.Decoder(Metadata)
_SERVICES = msgspec.json.Decoder(list[Service])
_COMPONENT = msgspec.json.Decoder(Component)
_PREFIX = msgspec.json.Decoder(Bom)
#: a document larger than this is checked up to the end of its component array
_WHOLE_LIMIT = 64 << 20
#: one scanner (needles compiled) per description of needles
_SCANNERS: dict[Needles, Scanner] = {}


def _scanner(needles: Needles) -> Scanner:
    scanner = _SCANNERS.get(needles)
    if scanner is None:
        module = native_module()
        assert module is not None
        if len(_SCANNERS) > 8:
            _SCANNERS.clear()
        scanner = _SCANNERS[needles] = module.Scanner(
            needles.scanner_spec(), sorted(COMPONENT_TYPES), sorted(HASH_ALGORITHMS)
        )
    return scanner


def scan_file(path: str, name: str, needles: Needles) -> SbomDocument | None:
    """A document for a plain CycloneDX JSON file, or None: the Python path reads it."""
    if native_module() is None:
        return None
    try:
        scan = _scanner(needles).scan_file(path, CHECKED_COMPONENTS)
    except (OSError, ValueError):
        return None  # not a file that can be mapped (a pipe, a device): read it whole
    except RuntimeError as error:  # the file shrank while it was read, or a panic: one line, no crash
        raise SbomError(f"{name}: {error}") from None
    return _document(scan, name, needles)


def scan_bytes(data: bytes, name: str, needles: Needles) -> SbomDocument | None:
    """A document for CycloneDX JSON already in memory, or None: the Python path reads it."""
    if native_module() is None:
        return None
    try:
        scan = _scanner(needles).scan_bytes(data, CHECKED_COMPONENTS)
    except RuntimeError as error:  # a panic of the scanner: one line, no traceback
        raise SbomError(f"{name}: {error}") from None
    return _document(scan, name, needles)


def _changed(name: str, error: OSError) -> SbomError:
    return SbomError(f"{name}: cannot read it again ({error}): was it changed while it was checked?")


def _document(scan: Scan, name: str, needles: Needles) -> SbomDocument | None:
    if scan.fallback is not None or scan.bom_format != "CycloneDX":
        return None  # the Python path reads it, or says what is wrong with it
    try:
        metadata = _METADATA.decode(scan.metadata) if scan.metadata is not None else None
        services = _SERVICES.decode(scan.services) if scan.services is not None else None
    except (msgspec.DecodeError, RecursionError):  # a ValidationError too: the Python path words it
        return None
    except OSError as error:
        raise _changed(name, error) from None
    bom = Bom(
        bomFormat=scan.bom_format or "",
        specVersion=scan.spec_version or "",
        metadata=metadata,
        services=services,
    )
    return NativeCycloneDxDocument(name, bom, scan, needles)


_Method = TypeVar("_Method", bound=Callable[..., Any])


def _rereads(method: _Method) -> _Method:
    """A method that reads parts of the file again: a file changed since the scan is an `SbomError`."""

    @functools.wraps(method)
    def reading(self: NativeCycloneDxDocument, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except OSError as error:
            raise _changed(self.path, error) from None
        except RuntimeError as error:  # a panic of the scanner
            raise SbomError(f"{self.path}: {error}") from None

    return cast(_Method, reading)


class NativeCycloneDxDocument(CycloneDxJsonDocument):
    """A CycloneDX JSON document read by the native scanner.

    `bom` holds the metadata and services; the components stay in the file
    (or bytes) the scan keeps, and are decoded only where a value may hit a
    ban, where a path needs a label, or when every record is asked for.
    """

    def __init__(self, path: str, bom: Bom, scan: Scan, needles: Needles) -> None:
        super().__init__(path, bom)
        self._scan = scan
        self._needles = needles
        self._count = scan.components  # what `component_count` answers
        self._whole: CycloneDxJsonDocument | None = None
        self.warnings.extend(self._spec_warnings())

    @_rereads
    def _spec_warnings(self) -> list[str]:
        """The specification checks, on the document cut after the components they look at.

        The scanner has made the quick checks of the fields the matcher reads
        (`Scan.looks_valid`); the components are decoded for them again only
        when it found something to say (then with the words and paths of the
        Python path), or when the document's own component shares a bom-ref
        with one of the list.
        """
        scan = self._scan
        end = scan.checked_end
        if end is not None and scan.tops > CHECKED_COMPONENTS:
            text = scan.slice(0, end) + b"]}"
        elif scan.size > _WHOLE_LIMIT and scan.array is not None:
            text = scan.slice(0, scan.array[1]) + b"]}"  # few components, much else: the components only
        else:
            text = scan.slice(0, scan.size)
        if scan.looks_valid and self._metadata_looks_valid():
            return spec_warnings(self.bom, data=text, refless=scan.refless, fields_checked=True)
        try:
            prefix = _PREFIX.decode(text)
        except (msgspec.DecodeError, RecursionError):
            return []  # the cut is not JSON (a "components" key after the array): nothing to say
        return spec_warnings(prefix, data=text, refless=scan.refless)

    @_rereads
    def _metadata_looks_valid(self) -> bool:
        """The quick checks on the document's own component, which the scanner does not read."""
        root = self.bom.metadata.component if self.bom.metadata is not None else None
        if root is None:
            return True
        if not looks_valid(self.bom, dependencies=False):
            return False
        refs = [component.bom_ref for component, _, _, _ in walk((root,), 0, -1) if component.bom_ref]
        return not any(place is not None for place in self._scan.locate(refs))

    # -- the records that can match ----------------------------------------------------

    @_rereads
    def select(self, needles: Needles | None) -> Selection:
        if needles != self._needles:  # other needles (or none: every record): the Python path reads it
            return self._python().select(needles)
        head = self.head_records()
        start = len(head)
        records: list[ComponentRecord] = list(head)
        for offset, end, before in self._scan.candidates:
            component = _COMPONENT.decode(self._scan.slice(offset, end))
            number = start + before
            for item, record_number, parent, ancestors in walk((component,), number, -1):
                records.append(component_record(item, record_number, parent, COMPONENT, ancestors))
        if self.bom.services:
            records.extend(self.service_records(start + self._scan.components))
        return Selection(records, self._scan.components, self._scan.unidentified)

    # -- every record: the Python path, on the whole document ------------------------

    @_rereads
    def _python(self) -> CycloneDxJsonDocument:
        if self._whole is None:
            from enforcer.load.cyclonedx_json import CycloneDxJsonLoader

            self._whole = CycloneDxJsonLoader().load(self._scan.slice(0, self._scan.size), self.path)
        return self._whole

    def records(self) -> Iterable[ComponentRecord]:  # type: ignore[override]
        return self._python().records()

    # -- paths of findings -----------------------------------------------------------

    @_rereads
    def _dependency_chains(self, refs: Sequence[str]) -> list[list[str | None] | None]:
        if not refs or not self.roots or not self._scan.has_dependencies:
            return [None] * len(refs)
        return self._scan.chains(self.roots, list(refs), MAX_PATH)

    @_rereads
    def labels_for(self, refs: set[str]) -> dict[str, str]:
        """name@version of the component of each bom-ref, with the Python path's precedence.

        The document's own component first, then the first top-level
        component, then the first nested one (the metadata's first).
        """
        found: dict[str, Component] = {}
        root = self.bom.metadata.component if self.bom.metadata is not None else None
        if root is not None and root.bom_ref in refs:
            found[root.bom_ref] = root
        wanted = sorted(refs - found.keys())
        located = dict(zip(wanted, self._scan.locate(wanted), strict=True))
        for ref, place in located.items():
            if place is not None and place[0]:
                self._keep(found, ref, place[1])
        if root is not None and root.components:
            for component, _, _, _ in walk(root.components, 0, -1):
                if component.bom_ref in refs and component.bom_ref not in found:
                    found[component.bom_ref] = component
        for ref, place in located.items():
            if place is not None and not place[0] and ref not in found:
                self._keep(found, ref, place[1])
        return {ref: label(component) for ref, component in found.items()}

    @staticmethod
    def _keep(found: dict[str, Component], ref: str, data: bytes) -> None:
        component = _COMPONENT.decode(data)
        if component.bom_ref == ref:  # else two refs share a hash: no label rather than a wrong one
            found[ref] = component
