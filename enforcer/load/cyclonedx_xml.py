"""CycloneDX XML (1.0 to 1.7).

The XML is parsed safely (no DTD, no entities, bounded depth and text; see
`_xml.py`) into a tree of only the elements the matcher reads, which is then
turned into the same typed structs as CycloneDX JSON. A component therefore
gives the same records, field names included (``supplier.name``,
``authors[0].email``, ``externalReferences[1].url``), whichever encoding it
came in, and the JSON loader's fast scan serves both.

The specification version comes from the namespace
(``http://cyclonedx.org/schema/bom/1.5``); elements of other namespaces
(extensions) are skipped.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec

from enforcer._errors import SbomParseError
from enforcer.identify.fields import CYCLONEDX_COMPONENT, CYCLONEDX_METADATA, CYCLONEDX_SERVICE, Field
from enforcer.load._cdx_checks import XML_BARE, XML_CHECKED, spec_warnings
from enforcer.load._xml import XmlNode, parse_xml
from enforcer.load.cyclonedx_json import CycloneDxJsonDocument
from enforcer.load.cyclonedx_model import MAX_STRING, Bom
from enforcer.load.interface import SbomLoader

NAMESPACE = "http://cyclonedx.org/schema/bom/"
_VERSION = re.compile(r"1\.[0-7]")

#: How CycloneDX XML writes an array of the identity-field table: a wrapper
#: element with one element per item (JSON ``authors[]`` is
#: ``<authors><author>``); arrays not listed repeat the element itself
#: (``<url>``, ``<contact>``).
_ITEMS = {"authors": "author", "hashes": "hash", "externalReferences": "reference", "endpoints": "endpoint"}
#: Items whose value is their text, and the JSON field it becomes (``<hash alg="...">HEX</hash>``).
_TEXT_OF = {"hash": "content"}


def _elements(fields: tuple[Field, ...]) -> dict[str, set[str]]:
    """For each element of the table's paths, the children that lead to identity values."""
    kept: dict[str, set[str]] = {}
    for row in fields:
        parent = ""
        for step in row.path.split("."):
            name = step.removesuffix("[]")
            item = _ITEMS.get(name)
            kept.setdefault(parent, set()).add(name)
            if item is not None:
                kept.setdefault(name, set()).add(item)
                name = item
                if item in _TEXT_OF:
                    break  # its value is its text
            parent = name
    return kept


_COMPONENT = _elements(CYCLONEDX_COMPONENT)
_SERVICE = _elements(CYCLONEDX_SERVICE)
_METADATA = _elements(CYCLONEDX_METADATA)
#: For each kept element, the children the loader reads (everything else is skipped while parsing).
_KEEP: dict[str, frozenset[str]] = {
    "bom": frozenset({"metadata", "components", "services", "dependencies"}),
    "metadata": frozenset({"component", *_METADATA["metadata"]}),
    "components": frozenset({"component"}),
    "component": frozenset({"version", "components", *_COMPONENT[""]}),
    "services": frozenset({"service"}),
    "service": frozenset({"version", "services", *_SERVICE[""]}),
    "dependencies": frozenset({"dependency"}),
    "dependency": frozenset({"dependency"}),
    **{
        name: frozenset(children)
        for table in (_COMPONENT, _SERVICE, _METADATA)
        for name, children in table.items()
        if name not in ("", "metadata")
    },
}
#: ... and the elements the specification checks read (licences, properties, scope, ...).
_KEEP = {
    name: _KEEP.get(name, frozenset()) | XML_CHECKED.get(name, frozenset())
    for name in _KEEP.keys() | XML_CHECKED.keys()
}


def _keep(parent: XmlNode, namespace: str, name: str) -> bool:
    return namespace == parent.namespace and name in _KEEP.get(parent.name, ())


class CycloneDxXmlDocument(CycloneDxJsonDocument):
    format = "CycloneDX"
    encoding = "xml"


class CycloneDxXmlLoader(SbomLoader):
    name = "cyclonedx-xml"

    def sniff(self, head: bytes) -> bool:
        return head.lstrip()[:1] == b"<" and b"cyclonedx.org/schema/bom" in head

    def load(self, data: bytes, path: str) -> CycloneDxXmlDocument:
        root = parse_xml(data, path, _keep, max_text=MAX_STRING, bare=XML_BARE, mixed=_cyclonedx_namespace)
        if root.name != "bom":
            raise SbomParseError(f"{path}: root element <{root.name}>: expected <bom> for CycloneDX XML")
        version = root.namespace.removeprefix(NAMESPACE)
        if not root.namespace.startswith(NAMESPACE) or not _VERSION.fullmatch(version):
            raise SbomParseError(
                f"{path}: unknown CycloneDX XML namespace {root.namespace!r}"
                f" (expected {NAMESPACE}1.0 to {NAMESPACE}1.7)"
            )
        one = _Single(path)
        raw = {
            "bomFormat": "CycloneDX",
            "specVersion": version,
            "metadata": _metadata(one(root, "metadata"), one),
            "components": _components(one(root, "components"), one),
            "services": _services(one(root, "services"), one),
            "dependencies": _dependencies(one(root, "dependencies")),
        }
        try:
            bom = msgspec.convert(raw, Bom)
        except msgspec.ValidationError as error:  # pragma: no cover - the tree only holds strings
            raise SbomParseError(f"{path}: {error}") from None
        document = CycloneDxXmlDocument(path, bom)
        document.warnings.extend(spec_warnings(bom, xml=root))
        return document


# -- XML elements -> the JSON shape ---------------------------------------------


def _cyclonedx_namespace(namespace: str) -> bool:
    """An element of some CycloneDX version: inside a document of another version it is refused."""
    return namespace.startswith(NAMESPACE)


class _Single:
    """The one child element of a name; the schema allows one, so a second is refused, never ignored.

    Readers would disagree on which of two ``<supplier>`` elements counts
    (this one took the first): a banned supplier could hide behind the other.
    """

    def __init__(self, path: str) -> None:
        self.path = path

    def __call__(self, node: XmlNode, name: str) -> XmlNode | None:
        found = None
        for child in node.iter(name):
            if found is not None:
                raise SbomParseError(
                    f"{self.path}: <{name}> (line {child.line}) repeated in <{node.name}> (line {node.line}),"
                    f" which holds one (line {found.line}): readers disagree on which one counts; refused"
                )
            found = child
        return found


def _identity(node: XmlNode, fields: tuple[Field, ...], one: _Single) -> dict[str, Any]:
    """The identity fields of an element in the JSON shape, one table row at a time."""
    target: dict[str, Any] = {}
    for row in fields:
        _put_path(target, node, row.path.split("."), one)
    return target


def _put_path(target: dict[str, Any], node: XmlNode, steps: list[str], one: _Single) -> None:
    step, rest = steps[0], steps[1:]
    name = step.removesuffix("[]")
    if step.endswith("[]"):
        if name not in target:
            item = _ITEMS.get(name)
            holder = one(node, name) if item is not None else node
            elements = list(holder.iter(item or name)) if holder is not None else []
            if not elements:
                return
            target[name] = [_item(element) if rest else element.text for element in elements]
            target[f"<{name}>"] = elements
        for element, value in zip(target[f"<{name}>"], target[name], strict=True):
            if rest and isinstance(value, dict):
                _put_path(value, element, rest, one)
        return
    child = one(node, name)
    if child is None:
        return
    if rest:
        _put_path(target.setdefault(name, {}), child, rest, one)
    else:
        target[name] = child.text


def _item(element: XmlNode) -> dict[str, Any]:
    """An array item as an object: its text under the field the JSON shape names, and its attributes."""
    item: dict[str, Any] = {}
    if element.name in _TEXT_OF:
        item[_TEXT_OF[element.name]] = element.text
    if element.name == "hash":
        item["alg"] = element.attrib.get("alg", "")
    if element.name == "reference":
        item["type"] = element.attrib.get("type", "")
    return item


def _clean(target: Any) -> Any:
    """Drop the element lists `_put_path` kept beside each array."""
    if isinstance(target, dict):
        return {key: _clean(value) for key, value in target.items() if not key.startswith("<")}
    if isinstance(target, list):
        return [_clean(value) for value in target]
    return target


def _metadata(node: XmlNode | None, one: _Single) -> dict[str, Any] | None:
    if node is None:
        return None
    component = one(node, "component")
    found = _clean(_identity(node, tuple(_unprefixed(CYCLONEDX_METADATA)), one))
    found["component"] = _component(component, one) if component is not None else None
    return dict(found)


def _unprefixed(fields: tuple[Field, ...]) -> list[Field]:
    """The metadata rows relative to the metadata element."""
    return [Field(row.path.removeprefix("metadata."), row.kind, row.role, row.party) for row in fields]


def _components(node: XmlNode | None, one: _Single) -> list[dict[str, Any]] | None:
    if node is None:
        return None
    return [_component(child, one) for child in node.iter("component")]


def _component(node: XmlNode, one: _Single) -> dict[str, Any]:
    component: dict[str, Any] = _clean(_identity(node, CYCLONEDX_COMPONENT, one))
    component["type"] = node.attrib.get("type", "")
    if "bom-ref" in node.attrib:
        component["bom-ref"] = node.attrib["bom-ref"]
    version = one(node, "version")
    if version is not None:
        component["version"] = version.text
    children = _components(one(node, "components"), one)
    if children is not None:
        component["components"] = children
    return component


def _services(node: XmlNode | None, one: _Single) -> list[dict[str, Any]] | None:
    if node is None:
        return None
    services = []
    for item in node.iter("service"):
        service: dict[str, Any] = _clean(_identity(item, CYCLONEDX_SERVICE, one))
        if "bom-ref" in item.attrib:
            service["bom-ref"] = item.attrib["bom-ref"]
        version = one(item, "version")
        if version is not None:
            service["version"] = version.text
        children = _services(one(item, "services"), one)
        if children is not None:
            service["services"] = children
        services.append(service)
    return services


def _dependencies(node: XmlNode | None) -> list[dict[str, Any]] | None:
    if node is None:
        return None
    return [
        {
            "ref": item.attrib.get("ref", ""),
            "dependsOn": [child.attrib.get("ref", "") for child in item.iter("dependency") if child.attrib.get("ref")],
        }
        for item in node.iter("dependency")
    ]
