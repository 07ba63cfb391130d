"""CycloneDX JSON (1.2 to 1.7), decoded field by field.

The document is decoded straight into the typed structs of
`cyclonedx_model` with msgspec: only the fields the enforcer reads are built.
Its identity values follow from the identity-field table
(`enforcer.identify.fields`): `extract` for one component, one column per
table row for the whole component list (`enforcer.identify.columns`), which
is how, told what to look for, the document returns only the components that
can match without building a record for each of the others.

A file whose known fields carry the wrong types does not fail silently: it
is decoded again leniently, component by component; a broken component is
skipped with a warning that names its JSON path and counted as unreadable,
and a broken top level (``components`` not an array) is an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

import msgspec

from enforcer._errors import SbomParseError
from enforcer._records import COMPONENT, METADATA, SERVICE, ComponentRecord, Needles
from enforcer.identify import columns as cols
from enforcer.identify import kinds
from enforcer.identify.fields import CYCLONEDX_COMPONENT, CYCLONEDX_METADATA, CYCLONEDX_SERVICE, extract
from enforcer.load._cdx_checks import spec_warnings
from enforcer.load._json import locate, read_json, refuse_long_strings, struct_fields, type_name
from enforcer.load._lenient import Problems, convert
from enforcer.load.cyclonedx_model import (
    MAX_STRING,
    Bom,
    Component,
    Contact,
    Dependency,
    Entity,
    ExternalReference,
    Hash,
    Metadata,
    Service,
)
from enforcer.load.interface import SbomDocument, SbomLoader, Selection

_DECODER = msgspec.json.Decoder(Bom)
#: the keys the typed decoder reads, whose strings it bounds
_READ_FIELDS = struct_fields(Bom, Metadata, Component, Service, Entity, Contact, Hash, ExternalReference, Dependency)


class _Probe(msgspec.Struct):
    bomFormat: Any = None


_PROBE = msgspec.json.Decoder(_Probe)


class CycloneDxJsonDocument(SbomDocument):
    format = "CycloneDX"
    encoding = "json"

    def __init__(self, path: str, bom: Bom) -> None:
        super().__init__(path, bom.specVersion)
        self.bom = bom
        self._count: int | None = None
        for dependency in bom.dependencies or ():
            if dependency.ref and dependency.dependsOn:
                self.dependencies[dependency.ref] = list(dependency.dependsOn)
        if bom.metadata is not None and bom.metadata.component is not None:
            root = bom.metadata.component.bom_ref
            if root:
                self.roots.append(root)

    @property
    def component_count(self) -> int:
        if self._count is None:
            count = 0
            stack = list(self.bom.components or ())
            while stack:
                component = stack.pop()
                count += 1
                if component.components:
                    stack.extend(component.components)
            self._count = count
        return self._count

    def subject(self) -> tuple[str, str]:
        root = self.bom.metadata.component if self.bom.metadata is not None else None
        return (root.name, root.version or "") if root is not None else ("", "")

    def label_of(self, ref: str) -> str:
        return self.labels_for({ref}).get(ref, ref)

    def labels_for(self, refs: set[str]) -> dict[str, str]:
        """name@version of the components with these bom-refs (the first of each), in one pass."""
        metadata = self.bom.metadata
        roots = [metadata.component] if metadata is not None and metadata.component is not None else []
        top = [*roots, *(self.bom.components or ())]
        found = {c.bom_ref: c for c in reversed(top) if c.bom_ref in refs}
        for parent in top:
            if parent.components:
                for component, _, _, _ in walk(parent.components, 0, -1):
                    if component.bom_ref in refs and component.bom_ref not in found:
                        found[component.bom_ref] = component
        return {ref: label(component) for ref, component in found.items() if ref is not None}

    # Record order (and so record indexes): the document's own component
    # (with metadata.supplier/manufacturer) and its children, then
    # `components` depth-first in document order, then services.

    def head_records(self) -> list[ComponentRecord]:
        """The records of the document's own component (and the document's parties) and its children."""
        metadata = self.bom.metadata
        if metadata is None:
            return []
        values = extract(self.bom, CYCLONEDX_METADATA)
        root = metadata.component
        if root is None:
            if not values:
                return []
            return [ComponentRecord(index=0, ref="metadata", name="(document)", place=METADATA, values=values)]
        head = [component_record(root, 0, -1, METADATA)]
        head[0].values.extend(values)
        for child, number, parent, chain in walk(root.components or (), 1, 0, (label(root),)):
            head.append(component_record(child, number, parent, METADATA, chain))
        return head

    def records(self) -> Iterator[ComponentRecord]:
        head = self.head_records()
        yield from head
        start = len(head)
        for component, number, parent, chain in walk(self.bom.components or (), start, -1):
            yield component_record(component, number, parent, COMPONENT, chain)
        yield from self.service_records(start + self.component_count)

    def service_records(self, start: int) -> Iterator[ComponentRecord]:
        number = start
        stack: list[tuple[Service, int]] = [(service, -1) for service in reversed(self.bom.services or ())]
        while stack:
            service, parent = stack.pop()
            yield service_record(service, number, parent)
            stack.extend((child, number) for child in reversed(service.services or ()))
            number += 1

    def select(self, needles: Needles | None) -> Selection:
        """The records that can match: the component list through the column prefilter, the rest whole."""
        if needles is None:
            return super().select(None)
        head = self.head_records()
        records, count, unidentified = select_components(self.bom.components or (), needles, len(head))
        self._count = count
        services = list(self.service_records(len(head) + count)) if self.bom.services else []
        return Selection([*head, *records, *services], count, unidentified)


def select_components(
    components: Sequence[Component], needles: Needles, start: int
) -> tuple[list[ComponentRecord], int, int]:
    """The records of the components (nested ones too, numbered from `start`) that can match.

    Returns them with how many components there are, and how many carry no
    identity. The list is filtered a column at a time: only the components
    that can match become records.
    """
    walked: list[tuple[Component, int, int, tuple[str, ...]]] | None = None
    if any(component.components for component in components):
        walked = list(walk(components, start, -1))
        flat: Sequence[Component] = [item[0] for item in walked]
    else:
        flat = components
    table = cols.columns(flat, CYCLONEDX_COMPONENT)
    records = []
    for row in cols.candidate_rows(needles, table, len(flat)):
        if walked is None:
            records.append(component_record(flat[row], start + row, -1, COMPONENT))
        else:
            component, number, parent, ancestors = walked[row]
            records.append(component_record(component, number, parent, COMPONENT, ancestors))
    return records, len(flat), cols.unidentified(len(flat), table)


def walk(
    components: Any, start: int, parent: int, ancestors: tuple[str, ...] = ()
) -> Iterator[tuple[Component, int, int, tuple[str, ...]]]:
    """Components depth-first in document order.

    Yields (component, record index, parent record index, labels of the
    enclosing components). Top-level components cost no stack entry.
    """
    number = start
    for top in components:
        yield top, number, parent, ancestors
        number += 1
        if top.components:
            stack = [(child, number - 1, (*ancestors, label(top))) for child in reversed(top.components)]
            while stack:
                component, owner, chain = stack.pop()
                yield component, number, owner, chain
                number += 1
                if component.components:
                    inner = (*chain, label(component))
                    stack.extend((child, number - 1, inner) for child in reversed(component.components))


def label(component: Component) -> str:
    name = component.name or component.bom_ref or "?"
    return f"{name}@{component.version}" if component.version else name


def component_record(
    component: Component, index: int, parent: int, place: str, ancestors: tuple[str, ...] = ()
) -> ComponentRecord:
    return ComponentRecord(
        index=index,
        ancestors=ancestors,
        ref=component.bom_ref or f"#{index}",
        name=component.name,
        version=component.version or "",
        purl=component.purl or "",
        kind=kinds.resolve(kinds.from_cyclonedx(component.type), component.purl),
        place=place,
        parent=parent,
        values=extract(component, CYCLONEDX_COMPONENT),
    )


def service_record(service: Service, index: int, parent: int) -> ComponentRecord:
    return ComponentRecord(
        index=index,
        ref=service.bom_ref or f"#{index}",
        name=service.name,
        version=service.version or "",
        kind=kinds.SERVICE,
        place=SERVICE,
        parent=parent,
        values=extract(service, CYCLONEDX_SERVICE),
    )


# ---------------------------------------------------------------------------
# Loading


class CycloneDxJsonLoader(SbomLoader):
    name = "cyclonedx-json"

    def sniff(self, head: bytes) -> bool:
        return head.lstrip()[:1] == b"{" and b'"bomFormat"' in head

    def probe(self, data: bytes) -> bool:
        try:
            return bool(_PROBE.decode(data).bomFormat == "CycloneDX")
        except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
            return False

    def load(self, data: bytes, path: str) -> CycloneDxJsonDocument:
        try:
            bom = _DECODER.decode(data)
        except msgspec.ValidationError:  # a subclass of DecodeError: first
            raw = read_json(data, path)
            refuse_long_strings(raw, path, _READ_FIELDS, MAX_STRING)
            return _load_lenient(raw, data, path)
        except msgspec.DecodeError as error:
            raise SbomParseError(f"{path}: not valid JSON: {locate(str(error), data)}") from None
        except RecursionError:
            raise SbomParseError(f"{path}: JSON nested too deeply to be an SBOM") from None
        _check_format(bom.bomFormat, bom.specVersion, path)
        document = CycloneDxJsonDocument(path, bom)
        document.warnings.extend(spec_warnings(bom, data=data))
        return document


def _check_format(bom_format: str, spec_version: str, path: str) -> None:
    if bom_format != "CycloneDX":
        raise SbomParseError(f'{path}: $.bomFormat: expected "CycloneDX", got {bom_format!r}')


#: the fields of a component, a service and the metadata that hold identity values
#: (the first step of each row of the identity-field table, and the document's own component)
_COMPONENT_IDENTITY = frozenset(row.steps[0].removesuffix("[]") for row in CYCLONEDX_COMPONENT)
_SERVICE_IDENTITY = frozenset(row.steps[0].removesuffix("[]") for row in CYCLONEDX_SERVICE) | {"services"}
_METADATA_IDENTITY = frozenset({"component", "supplier", "manufacture", "manufacturer"})


def _load_lenient(raw: Any, data: bytes, path: str) -> CycloneDxJsonDocument:
    """Read a document whose fields carry wrong types: keep what has the right type, say what does not.

    A component keeps every field of the right type; a field of the wrong
    type is dropped with a warning, and a component that lost an identity
    value (or is not an object) is counted as unreadable.
    """
    if not isinstance(raw, dict):
        raise SbomParseError(f"{path}: $: expected a JSON object, got {type_name(raw)}")
    _check_format(raw.get("bomFormat", ""), raw.get("specVersion", ""), path)
    for key in ("components", "services", "dependencies"):
        if key in raw and raw[key] is not None and not isinstance(raw[key], list):
            raise SbomParseError(f"{path}: $.{key}: expected an array, got {type_name(raw[key])}")
    reader = _Lenient(path)
    components = [
        component
        for i, item in enumerate(raw.get("components") or ())
        if (component := reader.component(item, f"$.components[{i}]")) is not None
    ]
    metadata = reader.metadata(raw.get("metadata"))
    services = [
        service
        for i, item in enumerate(raw.get("services") or ())
        if (service := reader.service(item, f"$.services[{i}]")) is not None
    ]
    dependencies = [
        dependency
        for i, item in enumerate(raw.get("dependencies") or ())
        if (dependency := reader.part(item, Dependency, f"$.dependencies[{i}]")) is not None
    ]
    version = raw.get("specVersion", "")
    bom = Bom(
        bomFormat=raw.get("bomFormat", ""),
        specVersion=version if isinstance(version, str) else "",
        metadata=metadata,
        components=components,
        services=services if raw.get("services") is not None else None,
        dependencies=dependencies if raw.get("dependencies") is not None else None,
    )
    if not isinstance(version, str):
        reader.warnings.append(f"$.specVersion: expected a string, got {type_name(version)}; ignored")
    document = CycloneDxJsonDocument(path, bom)
    document.warnings.extend(reader.warnings)
    document.warnings.extend(spec_warnings(bom, data=data))
    document.unreadable = reader.unreadable
    return document


_Tree = TypeVar("_Tree", Component, Service)


class _Lenient:
    """Reads the parts of a CycloneDX document one field at a time, counting what was lost."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.warnings: list[str] = []
        self.unreadable = 0

    def component(self, item: Any, where: str) -> Component | None:
        """One component and its children, each keeping what has the right type."""
        return self._tree(item, where, Component, "components", _COMPONENT_IDENTITY)

    def service(self, item: Any, where: str) -> Service | None:
        """One service and the services nested in it."""
        return self._tree(item, where, Service, "services", _SERVICE_IDENTITY)

    def _tree(
        self, item: Any, where: str, kind: type[_Tree], children_key: str, identity: frozenset[str]
    ) -> _Tree | None:
        """An object of `kind` and the objects of the same kind nested under `children_key`."""
        if not isinstance(item, dict):
            self.warnings.append(f"{where}: expected an object, got {type_name(item)}; not read")
            self.unreadable += 1
            return None
        problems = Problems()
        read: _Tree = convert(item, kind, where, problems, identity=identity, skip=frozenset({children_key}))
        children = item.get(children_key)
        kept: list[_Tree] = []
        if isinstance(children, list):
            for i, child in enumerate(children):
                nested = self._tree(child, f"{where}.{children_key}[{i}]", kind, children_key, identity)
                if nested is not None:
                    kept.append(nested)
        elif children is not None:
            problems.add(f"{where}.{children_key}: expected an array, got {type_name(children)}", identity=True)
        setattr(read, children_key, tuple(kept) or None)
        self._count(problems)
        return read

    def metadata(self, item: Any) -> Metadata | None:
        if item is None:
            return None
        if not isinstance(item, dict):
            self.warnings.append(f"$.metadata: expected an object, got {type_name(item)}; not read")
            self.unreadable += 1
            return None
        problems = Problems()
        metadata: Metadata = convert(item, Metadata, "$.metadata", problems, identity=_METADATA_IDENTITY, skip=_ROOT)
        root = item.get("component")
        if root is not None:
            metadata.component = self.component(root, "$.metadata.component")
        self._count(problems)
        return metadata

    def part(self, item: Any, kind: type[Any], where: str) -> Any:
        """A part that holds no identity (a dependency): what has the right type, or None."""
        if not isinstance(item, dict):
            self.warnings.append(f"{where}: expected an object, got {type_name(item)}; ignored")
            return None
        problems = Problems()
        value = convert(item, kind, where, problems, identity=frozenset())
        self.warnings.extend(problems.lines)
        return value

    def _count(self, problems: Problems) -> None:
        self.warnings.extend(problems.lines)
        self.unreadable += problems.identity


_ROOT = frozenset({"component"})
