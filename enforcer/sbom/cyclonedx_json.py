"""CycloneDX JSON (1.2 to 1.7), decoded field by field.

The fast path decodes the file straight into the small typed structs below
with msgspec: only the fields the matcher needs are built, everything else
(licences, properties, descriptions, evidence, ...) is skipped by the decoder
without creating Python objects. The structs are not tracked by the garbage
collector, which would otherwise rescan millions of objects while they are
built.

A file whose known fields carry the wrong types does not fail the fast path
silently: it is decoded again leniently, component by component; a broken
component is skipped with a warning that names its JSON path and counted as
unreadable, and a broken top level (``components`` not an array) is an error.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Callable, Iterator, Sequence
from typing import Annotated, Any

import msgspec
import orjson

from enforcer._errors import SbomParseError
from enforcer.match.index import MatchIndex, ScanResult
from enforcer.match.prefilter import Column, candidate_rows
from enforcer.sbom._cdx_checks import spec_warnings
from enforcer.sbom.interface import (
    CPE,
    GROUP,
    HASH,
    NAME,
    ORG,
    PURL,
    URL,
    ComponentRecord,
    SbomDocument,
    SbomLoader,
)

#: Longest string accepted in a field the matcher reads (names, URLs, purls).
MAX_STRING = 65_536
Str = Annotated[str, msgspec.Meta(max_length=MAX_STRING)]


class Contact(msgspec.Struct, gc=False):
    name: Str | None = None
    email: Str | None = None


class Entity(msgspec.Struct, gc=False):
    """An OrganizationalEntity: supplier, manufacturer, manufacture, provider."""

    name: Str | None = None
    url: tuple[Str, ...] | None = ()
    contact: tuple[Contact, ...] | None = ()


class Hash(msgspec.Struct, gc=False):
    alg: Str = ""
    content: Str = ""


class ExternalReference(msgspec.Struct, gc=False):
    url: Str = ""
    type: Str = ""


class Component(msgspec.Struct, gc=False):
    bom_ref: Str | None = msgspec.field(default=None, name="bom-ref")
    type: Str = ""
    name: Str = ""
    version: Str | None = None
    group: Str | None = None
    purl: Str | None = None
    cpe: Str | None = None
    supplier: Entity | None = None
    manufacturer: Entity | None = None
    publisher: Str | None = None
    author: Str | None = None
    authors: tuple[Contact, ...] | None = ()
    hashes: tuple[Hash, ...] | None = ()
    externalReferences: tuple[ExternalReference, ...] | None = ()
    components: tuple[Component, ...] | None = ()


class Service(msgspec.Struct, gc=False):
    bom_ref: Str | None = msgspec.field(default=None, name="bom-ref")
    name: Str = ""
    version: Str | None = None
    group: Str | None = None
    provider: Entity | None = None
    endpoints: tuple[Str, ...] | None = None
    externalReferences: tuple[ExternalReference, ...] | None = None
    services: tuple[Service, ...] | None = None


class Metadata(msgspec.Struct, gc=False):
    component: Component | None = None
    supplier: Entity | None = None
    manufacture: Entity | None = None
    manufacturer: Entity | None = None


class Dependency(msgspec.Struct, gc=False):
    ref: Str = ""
    dependsOn: tuple[Str, ...] | None = None


class Bom(msgspec.Struct, gc=False):
    bomFormat: Str = ""
    specVersion: Str = ""
    metadata: Metadata | None = None
    components: list[Component] | None = None
    services: list[Service] | None = None
    dependencies: list[Dependency] | None = None


_DECODER = msgspec.json.Decoder(Bom)


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
                for component, _, _, _ in _walk(parent.components, 0, -1):
                    if component.bom_ref in refs and component.bom_ref not in found:
                        found[component.bom_ref] = component
        return {ref: _label(component) for ref, component in found.items() if ref is not None}

    # -- the generic path: flat records ------------------------------------
    #
    # Record order (and so record indexes), shared with the fast path: the
    # document's own component (with metadata.supplier/manufacturer) and its
    # children, then `components` depth-first in document order, then services.

    def _head_records(self) -> list[ComponentRecord]:
        metadata = self.bom.metadata
        if metadata is None:
            return []
        values: list[tuple[str, str, str]] = []
        for name, entity in (
            ("metadata.supplier", metadata.supplier),
            ("metadata.manufacture", metadata.manufacture),
            ("metadata.manufacturer", metadata.manufacturer),
        ):
            _entity_values(values, name, entity)
        root = metadata.component
        if root is None:
            if not values:
                return []
            return [ComponentRecord(index=0, ref="metadata", name="(document)", kind="metadata", values=values)]
        head = [_component_record(root, 0, -1, "metadata")]
        head[0].values.extend(values)
        for child, number, parent, chain in _walk(root.components or (), 1, 0, (_label(root),)):
            head.append(_component_record(child, number, parent, "metadata", chain))
        return head

    def records(self) -> Iterator[ComponentRecord]:
        head = self._head_records()
        yield from head
        start = len(head)
        for component, number, parent, chain in _walk(self.bom.components or (), start, -1):
            yield _component_record(component, number, parent, "component", chain)
        yield from self._service_records(start + self.component_count)

    def _service_records(self, start: int) -> Iterator[ComponentRecord]:
        number = start
        stack: list[tuple[Service, int]] = [(service, -1) for service in reversed(self.bom.services or ())]
        while stack:
            service, parent = stack.pop()
            yield _service_record(service, number, parent)
            stack.extend((child, number) for child in reversed(service.services or ()))
            number += 1

    # -- the fast path -------------------------------------------------------

    def scan(self, index: MatchIndex) -> ScanResult:
        """Match every component; equal to ``index.scan_records(self.records())``.

        The component list goes through `scan_components`; the document's own
        component and the services are few and take the generic path.
        """
        head = self._head_records()
        result = scan_components(self.bom.components or (), index, len(head))
        self._count = result.components
        if head:
            result.findings[:0] = index.scan_records(head).findings
        if self.bom.services:
            tail = index.scan_records(self._service_records(len(head) + result.components))
            result.findings.extend(tail.findings)
        return result


def scan_components(components: Sequence[Component], index: MatchIndex, start: int) -> ScanResult:
    """Match a list of components (and their nested ones), numbered from `start`.

    The list is filtered a column at a time (`match.prefilter`): only the
    components that may match become records and go through the exact
    matcher, so the result equals matching every record.
    """
    walked: list[tuple[Component, int, int, tuple[str, ...]]] | None = None
    if any(map(_COMPONENTS_OF, components)):
        walked = list(_walk(components, start, -1))
        flat: Sequence[Component] = [item[0] for item in walked]
    else:
        flat = components
    rows = candidate_rows(index, _columns(flat), len(flat))
    records = []
    for row in rows:
        if walked is None:
            records.append(_component_record(flat[row], start + row, -1, "component"))
        else:
            component, number, parent, ancestors = walked[row]
            records.append(_component_record(component, number, parent, "component", ancestors))
    result = index.scan_records(records)
    result.components = len(flat)
    result.unidentified = sum(
        1
        for c in flat
        if not (c.purl or c.cpe or c.publisher or c.author or c.externalReferences) and not _identified(c)
    )
    return result


def _walk(
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
            stack = [(child, number - 1, (*ancestors, _label(top))) for child in reversed(top.components)]
            while stack:
                component, owner, chain = stack.pop()
                yield component, number, owner, chain
                number += 1
                if component.components:
                    inner = (*chain, _label(component))
                    stack.extend((child, number - 1, inner) for child in reversed(component.components))


def _label(component: Component) -> str:
    name = component.name or component.bom_ref or "?"
    return f"{name}@{component.version}" if component.version else name


def _entity_values(values: list[tuple[str, str, str]], prefix: str, entity: Entity | None) -> None:
    if entity is None:
        return
    if entity.name:
        values.append((ORG, f"{prefix}.name", entity.name))
    for i, url in enumerate(entity.url or ()):
        if url:
            values.append((URL, f"{prefix}.url[{i}]", url))
    for i, contact in enumerate(entity.contact or ()):
        if contact.name:
            values.append((ORG, f"{prefix}.contact[{i}].name", contact.name))
        if contact.email:
            values.append((URL, f"{prefix}.contact[{i}].email", contact.email))


def _component_values(component: Component) -> list[tuple[str, str, str]]:
    values: list[tuple[str, str, str]] = []
    if component.name:
        values.append((NAME, "name", component.name))
    if component.group:
        values.append((GROUP, "group", component.group))
    if component.purl:
        values.append((PURL, "purl", component.purl))
    if component.cpe:
        values.append((CPE, "cpe", component.cpe))
    _entity_values(values, "supplier", component.supplier)
    _entity_values(values, "manufacturer", component.manufacturer)
    if component.publisher:
        values.append((ORG, "publisher", component.publisher))
    if component.author:
        values.append((ORG, "author", component.author))
    for i, contact in enumerate(component.authors or ()):
        if contact.name:
            values.append((ORG, f"authors[{i}].name", contact.name))
        if contact.email:
            values.append((URL, f"authors[{i}].email", contact.email))
    for i, digest in enumerate(component.hashes or ()):
        if digest.content:
            values.append((HASH, f"hashes[{i}].content", digest.content))
    for i, reference in enumerate(component.externalReferences or ()):
        if reference.url:
            values.append((URL, f"externalReferences[{i}].url", reference.url))
    return values


def _component_record(
    component: Component, index: int, parent: int, kind: str, ancestors: tuple[str, ...] = ()
) -> ComponentRecord:
    return ComponentRecord(
        index=index,
        ancestors=ancestors,
        ref=component.bom_ref or f"#{index}",
        name=component.name,
        version=component.version or "",
        purl=component.purl or "",
        kind=kind,
        parent=parent,
        values=_component_values(component),
    )


def _service_record(service: Service, index: int, parent: int) -> ComponentRecord:
    values: list[tuple[str, str, str]] = []
    if service.name:
        values.append((NAME, "name", service.name))
    if service.group:
        values.append((GROUP, "group", service.group))
    _entity_values(values, "provider", service.provider)
    for i, endpoint in enumerate(service.endpoints or ()):
        if endpoint:
            values.append((URL, f"endpoints[{i}]", endpoint))
    for i, reference in enumerate(service.externalReferences or ()):
        if reference.url:
            values.append((URL, f"externalReferences[{i}].url", reference.url))
    return ComponentRecord(
        index=index,
        ref=service.bom_ref or f"#{index}",
        name=service.name,
        version=service.version or "",
        kind="service",
        parent=parent,
        values=values,
    )


def _columns(flat: Sequence[Component]) -> list[Column]:
    """The identity values of the components, a column per field (as `_component_values` reads them).

    Built with `map`, `attrgetter` and `chain`, which touch a field of every
    component without running Python code per component. Columns of lists
    (URLs, hashes, authors) find the row of a value from the per-component
    counts, only when a value needs it.
    """
    suppliers = list(map(_SUPPLIER, flat))
    makers = list(map(_MANUFACTURER, flat))
    has_makers = any(makers)
    has_authors = any(map(_AUTHORS, flat))
    has_contacts = any(_field(suppliers, "contact")) or (has_makers and any(_field(makers, "contact")))

    def listed(kind: str, lists: Callable[[], list[Any]], value: str) -> Column:
        """A column of `value` of every element of the per-component lists."""
        getter = operator.attrgetter(value)
        return Column(
            kind,
            lambda: list(map(getter, itertools.chain.from_iterable(filter(None, lists())))),
            lambda positions: _rows_of(lists(), positions),
        )

    def entity_columns(entities: list[Entity | None]) -> list[Column]:
        found = [
            Column(ORG, lambda: _field(entities, "name")),
            Column(
                URL,
                lambda: list(itertools.chain.from_iterable(filter(None, _field(entities, "url")))),
                lambda positions: _rows_of(_field(entities, "url"), positions),
            ),
        ]
        if has_contacts:
            found.append(listed(ORG, lambda: _field(entities, "contact"), "name"))
            found.append(listed(URL, lambda: _field(entities, "contact"), "email"))
        return found

    columns = [
        Column(NAME, lambda: list(map(_NAME, flat))),
        Column(GROUP, lambda: list(map(_GROUP, flat))),
        Column(PURL, lambda: list(map(_PURL, flat))),
        Column(CPE, lambda: list(map(_CPE, flat))),
        Column(ORG, lambda: list(map(_PUBLISHER, flat))),
        Column(ORG, lambda: list(map(_AUTHOR, flat))),
        listed(URL, lambda: list(map(_REFERENCES, flat)), "url"),
        listed(HASH, lambda: list(map(_HASHES, flat)), "content"),
        *entity_columns(suppliers),
    ]
    if has_makers:
        columns += entity_columns(makers)
    if has_authors:
        columns.append(listed(ORG, lambda: list(map(_AUTHORS, flat)), "name"))
        columns.append(listed(URL, lambda: list(map(_AUTHORS, flat)), "email"))
    return columns


_COMPONENTS_OF = operator.attrgetter("components")
_NAME, _GROUP, _PURL, _CPE = (operator.attrgetter(name) for name in ("name", "group", "purl", "cpe"))
_PUBLISHER, _AUTHOR, _AUTHORS = (operator.attrgetter(name) for name in ("publisher", "author", "authors"))
_SUPPLIER, _MANUFACTURER = operator.attrgetter("supplier"), operator.attrgetter("manufacturer")
_REFERENCES, _HASHES = operator.attrgetter("externalReferences"), operator.attrgetter("hashes")


def _field(items: list[Any], name: str) -> list[Any]:
    """`item.name` for every item, None where the item is None."""
    return list(map(getattr, items, itertools.repeat(name), itertools.repeat(None)))


def _rows_of(lists: list[Any], positions: list[int]) -> list[int]:
    """The rows of some values of a flattened column of lists (row i holds len(lists[i]) values)."""
    try:
        lengths: Any = map(len, lists)  # the structs default to (): no None unless the SBOM says null
        ends = list(itertools.accumulate(lengths))
    except TypeError:
        ends = list(itertools.accumulate([len(items) if items else 0 for items in lists]))
    return [bisect.bisect_right(ends, position) for position in positions]


def _identified(component: Component) -> bool:
    """True when `_component_values` would give an organisation, URL, purl, CPE or hash."""
    if component.purl or component.cpe or component.publisher or component.author:
        return True
    for entity in (component.supplier, component.manufacturer):
        if entity is not None:
            if entity.name or any(entity.url or ()):
                return True
            if any(contact.name or contact.email for contact in entity.contact or ()):
                return True
    if any(contact.name or contact.email for contact in component.authors or ()):
        return True
    if any(item.content for item in component.hashes or ()):
        return True
    return any(reference.url for reference in component.externalReferences or ())


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
        except msgspec.ValidationError as error:  # a subclass of DecodeError: first
            message = str(error)
            if "length <=" in message:
                raise SbomParseError(
                    f"{path}: {_path_of(message)}: string longer than {MAX_STRING} characters"
                ) from None
            return _load_lenient(data, path)
        except msgspec.DecodeError as error:
            raise SbomParseError(f"{path}: not valid JSON: {_locate(str(error), data)}") from None
        except RecursionError:
            raise SbomParseError(f"{path}: JSON nested too deeply to be an SBOM") from None
        _check_format(bom.bomFormat, bom.specVersion, path)
        document = CycloneDxJsonDocument(path, bom)
        document.warnings.extend(spec_warnings(bom, data=data))
        return document


def _check_format(bom_format: str, spec_version: str, path: str) -> None:
    if bom_format != "CycloneDX":
        raise SbomParseError(f'{path}: $.bomFormat: expected "CycloneDX", got {bom_format!r}')


def _locate(message: str, data: bytes) -> str:
    """Turn msgspec's "(byte N)" into a line and column."""
    marker = "(byte "
    at = message.rfind(marker)
    if "truncated" in message:
        text, offset = "unexpected end of file; the file is truncated", len(data.rstrip())
    elif at < 0:
        return message
    else:
        try:
            offset = int(message[at + len(marker) : message.index(")", at)])
        except ValueError:
            return message
        text = message[:at].strip().removeprefix("JSON is malformed: ")
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return f"{text} (line {line}, column {column})"


def _path_of(message: str) -> str:
    at = message.rfind("- at `")
    return message[at + 6 : -1] if at >= 0 else "$"


def _load_lenient(data: bytes, path: str) -> CycloneDxJsonDocument:
    """Decode a file whose fields carry wrong types: skip what is broken, say so."""
    try:
        raw = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        if "depth limit" in str(error):
            raise SbomParseError(f"{path}: JSON nested too deeply to be an SBOM") from None
        raise SbomParseError(f"{path}: not valid JSON: {error}") from None
    if not isinstance(raw, dict):
        raise SbomParseError(f"{path}: $: expected a JSON object, got {_type_name(raw)}")
    _check_format(raw.get("bomFormat", ""), raw.get("specVersion", ""), path)
    warnings: list[str] = []
    unreadable = 0
    for key in ("components", "services", "dependencies"):
        if key in raw and raw[key] is not None and not isinstance(raw[key], list):
            raise SbomParseError(f"{path}: $.{key}: expected an array, got {_type_name(raw[key])}")
    components: list[Component] = []
    for i, item in enumerate(raw.get("components") or ()):
        component, lost = _lenient_component(item, f"$.components[{i}]", warnings)
        unreadable += lost
        if component is not None:
            components.append(component)
    metadata = _lenient_part(raw.get("metadata"), Metadata, "$.metadata", warnings)
    services = _lenient_list(raw.get("services"), Service, "$.services", warnings)
    dependencies = _lenient_list(raw.get("dependencies"), Dependency, "$.dependencies", warnings)
    bom = Bom(
        bomFormat=raw.get("bomFormat", ""),
        specVersion=str(raw.get("specVersion", "")),
        metadata=metadata,
        components=components,
        services=services,
        dependencies=dependencies,
    )
    document = CycloneDxJsonDocument(path, bom)
    document.warnings.extend(warnings)
    document.warnings.extend(spec_warnings(bom, data=data))
    document.unreadable = unreadable
    return document


def _lenient_component(item: Any, where: str, warnings: list[str]) -> tuple[Component | None, int]:
    """One component and its children; returns it (or None) and how many were lost."""
    if not isinstance(item, dict):
        warnings.append(f"{where}: expected an object, got {_type_name(item)}; skipped")
        return None, 1
    lost = 0
    children = item.get("components")
    kept: list[Component] = []
    if children is not None:
        if not isinstance(children, list):
            warnings.append(f"{where}.components: expected an array, got {_type_name(children)}; skipped")
            lost += 1
        else:
            for i, child in enumerate(children):
                component, child_lost = _lenient_component(child, f"{where}.components[{i}]", warnings)
                lost += child_lost
                if component is not None:
                    kept.append(component)
    own = {key: value for key, value in item.items() if key != "components"}
    try:
        component = msgspec.convert(own, Component)
    except msgspec.ValidationError as error:
        warnings.append(f"{where}{_relative(str(error))}; component skipped")
        return None, lost + 1 + _count(kept)
    component.components = tuple(kept) or None
    return component, lost


def _count(components: list[Component]) -> int:
    return sum(1 + _count(list(c.components or ())) for c in components)


def _lenient_part(item: Any, kind: type[Any], where: str, warnings: list[str]) -> Any:
    if item is None:
        return None
    try:
        return msgspec.convert(item, kind)
    except msgspec.ValidationError as error:
        warnings.append(f"{where}{_relative(str(error))}; ignored")
        return None


def _lenient_list(items: Any, kind: type[Any], where: str, warnings: list[str]) -> Any:
    if items is None:
        return None
    kept = []
    for i, item in enumerate(items):
        value = _lenient_part(item, kind, f"{where}[{i}]", warnings)
        if value is not None:
            kept.append(value)
    return kept


def _relative(message: str) -> str:
    """`Expected str, got int - at $.name` -> `.name: expected str, got int`."""
    text, _, at = message.partition(" - at `")
    location = at.rstrip("`").removeprefix("$") if at else ""
    text = text.replace("`", "")
    return f"{location}: {text[:1].lower()}{text[1:]}"


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )
