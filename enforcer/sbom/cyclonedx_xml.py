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
from enforcer.sbom._cdx_checks import XML_BARE, XML_CHECKED, spec_warnings
from enforcer.sbom._xml import XmlNode, parse_xml
from enforcer.sbom.cyclonedx_json import MAX_STRING, Bom, CycloneDxJsonDocument
from enforcer.sbom.interface import SbomLoader

NAMESPACE = "http://cyclonedx.org/schema/bom/"
_VERSION = re.compile(r"1\.[0-7]")
_ENTITY = frozenset({"name", "url", "contact"})

#: For each kept element, the children the loader reads (everything else is skipped while parsing).
_KEEP: dict[str, frozenset[str]] = {
    "bom": frozenset({"metadata", "components", "services", "dependencies"}),
    "metadata": frozenset({"component", "supplier", "manufacture", "manufacturer"}),
    "components": frozenset({"component"}),
    "component": frozenset(
        {
            "name",
            "version",
            "group",
            "purl",
            "cpe",
            "supplier",
            "manufacturer",
            "publisher",
            "author",
            "authors",
            "hashes",
            "externalReferences",
            "components",
        }
    ),
    "supplier": _ENTITY,
    "manufacturer": _ENTITY,
    "manufacture": _ENTITY,
    "provider": _ENTITY,
    "contact": frozenset({"name", "email"}),
    "authors": frozenset({"author"}),
    "author": frozenset({"name", "email"}),
    "hashes": frozenset({"hash"}),
    "externalReferences": frozenset({"reference"}),
    "reference": frozenset({"url"}),
    "services": frozenset({"service"}),
    "service": frozenset({"name", "version", "group", "provider", "endpoints", "externalReferences", "services"}),
    "endpoints": frozenset({"endpoint"}),
    "dependencies": frozenset({"dependency"}),
    "dependency": frozenset({"dependency"}),
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
        root = parse_xml(data, path, _keep, max_text=MAX_STRING, bare=XML_BARE)
        if root.name != "bom":
            raise SbomParseError(f"{path}: root element <{root.name}>: expected <bom> for CycloneDX XML")
        version = root.namespace.removeprefix(NAMESPACE)
        if not root.namespace.startswith(NAMESPACE) or not _VERSION.fullmatch(version):
            raise SbomParseError(
                f"{path}: unknown CycloneDX XML namespace {root.namespace!r}"
                f" (expected {NAMESPACE}1.0 to {NAMESPACE}1.7)"
            )
        raw = {
            "bomFormat": "CycloneDX",
            "specVersion": version,
            "metadata": _metadata(root.find("metadata")),
            "components": _components(root.find("components")),
            "services": _services(root.find("services")),
            "dependencies": _dependencies(root.find("dependencies")),
        }
        try:
            bom = msgspec.convert(raw, Bom)
        except msgspec.ValidationError as error:  # pragma: no cover - the tree only holds strings
            raise SbomParseError(f"{path}: {error}") from None
        document = CycloneDxXmlDocument(path, bom)
        document.warnings.extend(spec_warnings(bom, xml=root))
        return document


# -- XML elements -> the JSON shape ---------------------------------------------


def _put(target: dict[str, Any], node: XmlNode, *names: str) -> None:
    """Copy the text of child elements that are present."""
    for name in names:
        child = node.find(name)
        if child is not None:
            target[name] = child.text


def _entity(node: XmlNode | None) -> dict[str, Any] | None:
    if node is None:
        return None
    entity: dict[str, Any] = {}
    _put(entity, node, "name")
    urls = [url.text for url in node.iter("url")]
    if urls:
        entity["url"] = urls
    contacts = [_contact(contact) for contact in node.iter("contact")]
    if contacts:
        entity["contact"] = contacts
    return entity


def _contact(node: XmlNode) -> dict[str, Any]:
    contact: dict[str, Any] = {}
    _put(contact, node, "name", "email")
    return contact


def _metadata(node: XmlNode | None) -> dict[str, Any] | None:
    if node is None:
        return None
    component = node.find("component")
    return {
        "component": _component(component) if component is not None else None,
        "supplier": _entity(node.find("supplier")),
        "manufacture": _entity(node.find("manufacture")),
        "manufacturer": _entity(node.find("manufacturer")),
    }


def _components(node: XmlNode | None) -> list[dict[str, Any]] | None:
    if node is None:
        return None
    return [_component(child) for child in node.iter("component")]


def _component(node: XmlNode) -> dict[str, Any]:
    component: dict[str, Any] = {"type": node.attrib.get("type", "")}
    if "bom-ref" in node.attrib:
        component["bom-ref"] = node.attrib["bom-ref"]
    _put(component, node, "name", "version", "group", "purl", "cpe", "publisher", "author")
    for role in ("supplier", "manufacturer"):
        entity = _entity(node.find(role))
        if entity is not None:
            component[role] = entity
    authors = node.find("authors")
    if authors is not None:
        component["authors"] = [_contact(author) for author in authors.iter("author")]
    hashes = node.find("hashes")
    if hashes is not None:
        component["hashes"] = [
            {"alg": item.attrib.get("alg", ""), "content": item.text} for item in hashes.iter("hash")
        ]
    references = _references(node)
    if references is not None:
        component["externalReferences"] = references
    children = _components(node.find("components"))
    if children is not None:
        component["components"] = children
    return component


def _references(node: XmlNode) -> list[dict[str, Any]] | None:
    references = node.find("externalReferences")
    if references is None:
        return None
    return [
        {"type": reference.attrib.get("type", ""), "url": reference.child_text("url")}
        for reference in references.iter("reference")
    ]


def _services(node: XmlNode | None) -> list[dict[str, Any]] | None:
    if node is None:
        return None
    services = []
    for item in node.iter("service"):
        service: dict[str, Any] = {}
        if "bom-ref" in item.attrib:
            service["bom-ref"] = item.attrib["bom-ref"]
        _put(service, item, "name", "version", "group")
        provider = _entity(item.find("provider"))
        if provider is not None:
            service["provider"] = provider
        endpoints = item.find("endpoints")
        if endpoints is not None:
            service["endpoints"] = [endpoint.text for endpoint in endpoints.iter("endpoint")]
        references = _references(item)
        if references is not None:
            service["externalReferences"] = references
        children = _services(item.find("services"))
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
