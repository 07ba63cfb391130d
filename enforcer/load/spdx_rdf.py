"""SPDX 2.x RDF/XML.

The document is parsed safely (see `_xml.py`); licence texts, comments and
other long prose are skipped while parsing. Every ``spdx:Package`` node,
wherever it is nested (a package is often written inside the relationship
that first names it), becomes one package of the SPDX JSON model; a package
described twice (``rdf:about`` with the same id) is merged. ``spdx:Relationship``
nodes take their subject from the node they hang under, and their object from
``spdx:relatedSpdxElement`` (``rdf:resource`` or a nested node). Ids are the
fragment of ``rdf:about`` (``SPDXRef-Package``), as in the other encodings.
"""

from __future__ import annotations

import re

from enforcer._errors import SbomParseError
from enforcer.load._xml import XmlNode, parse_xml
from enforcer.load.cyclonedx_model import MAX_STRING
from enforcer.load.interface import SbomLoader
from enforcer.load.spdx_json import (
    Checksum,
    Document,
    ExternalRef,
    Package,
    Relationship,
    Spdx2Document,
    check_version,
)

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SPDX = "http://spdx.org/rdf/terms#"
#: Elements never read: long prose and licence detail.
_SKIP = frozenset(
    {
        "licenseText",
        "extractedText",
        "standardLicenseTemplate",
        "standardLicenseHeader",
        "standardLicenseHeaderTemplate",
        "licenseComments",
        "comment",
        "copyrightText",
        "description",
        "summary",
        "attributionText",
        "noticeText",
        "licenseConcluded",
        "licenseDeclared",
        "licenseInfoFromFiles",
        "licenseInfoInFile",
        "licenseInfoInSnippet",
        "hasExtractedLicensingInfo",
        "annotation",
        "review",
        "creationInfo",
        "sourceInfo",
        "packageVerificationCode",
        "snippetFromFile",
        "range",
        "seeAlso",
    }
)
_PACKAGE_TEXT = {
    "name": "name",
    "versionInfo": "versionInfo",
    "supplier": "supplier",
    "originator": "originator",
    "downloadLocation": "downloadLocation",
    "homepage": "homepage",
}
_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def _keep(parent: XmlNode, namespace: str, name: str) -> bool:
    return name not in _SKIP


def _ref(node: XmlNode) -> str:
    """The id of a node element or reference: the fragment of its IRI."""
    iri = node.attrib.get("about") or node.attrib.get("resource") or node.attrib.get("nodeID") or ""
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri


def _resource_name(node: XmlNode | None) -> str:
    """The last segment of an rdf:resource IRI (``...#relationshipType_contains`` -> ``contains``)."""
    if node is None:
        return ""
    iri = node.attrib.get("resource", "") or node.text
    tail = re.split(r"[#/]", iri)[-1]
    return tail.split("_", 1)[1] if "_" in tail else tail


class SpdxRdfLoader(SbomLoader):
    name = "spdx-rdf"

    def sniff(self, head: bytes) -> bool:
        return head.lstrip()[:1] == b"<" and b"spdx.org/rdf/terms" in head

    def load(self, data: bytes, path: str) -> Spdx2Document:
        root = parse_xml(data, path, _keep, max_text=MAX_STRING)
        if root.namespace != RDF or root.name != "RDF":
            raise SbomParseError(f"{path}: root element <{root.name}>: expected <rdf:RDF> for SPDX RDF/XML")
        packages: dict[str, Package] = {}
        relationships: list[Relationship] = []
        document = Document()
        describes: list[str] = []
        # (node, the id of the nearest enclosing node element)
        stack: list[tuple[XmlNode, str]] = [(child, "") for child in reversed(root.children)]
        while stack:
            node, subject = stack.pop()
            kind = _kind(node)
            if kind == "SpdxDocument":
                document.SPDXID = _ref(node) or document.SPDXID
                document.name = node.child_text("name") or document.name
                document.spdxVersion = node.child_text("specVersion") or document.spdxVersion
                describes.extend(_ref(item) for item in node.iter("describesPackage") if _ref(item))
            elif kind == "Package":
                _merge(packages, node, path)
            elif kind == "Relationship":
                relation = _relationship(node, subject)
                if relation is not None:
                    relationships.append(relation)
            inner = _ref(node) if "about" in node.attrib or "nodeID" in node.attrib else subject
            stack.extend((child, inner) for child in reversed(node.children))
        if not document.spdxVersion:
            raise SbomParseError(f"{path}: no spdx:SpdxDocument with spdx:specVersion")
        check_version(document.spdxVersion, path)
        document.packages = list(packages.values())
        document.relationships = relationships
        document.documentDescribes = describes
        return Spdx2Document(path, document, "RDF/XML")


def _kind(node: XmlNode) -> str:
    """The SPDX class of a node element: ``<spdx:Package>``, or ``<rdf:Description>`` with
    ``<rdf:type rdf:resource="http://spdx.org/rdf/terms#Package"/>`` (the same triples, written the other way).
    """
    if node.namespace == SPDX:
        return node.name
    if node.namespace == RDF and node.name == "Description":
        for child in node.iter("type"):
            if child.namespace == RDF:
                iri = child.attrib.get("resource", "")
                if iri.startswith(SPDX):
                    return iri[len(SPDX) :]
    return ""


def _merge(packages: dict[str, Package], node: XmlNode, path: str) -> None:
    ref = _ref(node) or f"#{len(packages)}"
    package = packages.get(ref)
    if package is None:
        package = packages[ref] = Package(SPDXID=ref)
    for child in node.children:
        field = _PACKAGE_TEXT.get(child.name)
        if field is not None and child.text:
            known = getattr(package, field)
            if known and known != child.text:
                raise SbomParseError(
                    f"{path}: {ref}: spdx:{child.name} (line {child.line}) has a second value ({known!r} and"
                    f" {child.text!r}); a package has one: readers disagree on which one counts; refused"
                )
            setattr(package, field, child.text)
        elif child.name == "primaryPackagePurpose" and not package.primaryPackagePurpose:
            package.primaryPackagePurpose = child.text or _resource_name(child)
        elif child.name == "externalRef":
            for item in child.iter("ExternalRef"):
                reference = ExternalRef(
                    referenceCategory=_resource_name(item.find("referenceCategory")),
                    referenceType=_resource_name(item.find("referenceType")),
                    referenceLocator=item.child_text("referenceLocator"),
                )
                package.externalRefs = [*(package.externalRefs or ()), reference]
        elif child.name == "checksum":
            for item in child.iter("Checksum"):
                checksum = Checksum(_resource_name(item.find("algorithm")), item.child_text("checksumValue"))
                package.checksums = [*(package.checksums or ()), checksum]


def _relationship(node: XmlNode, subject: str) -> Relationship | None:
    kind = _resource_name(node.find("relationshipType"))
    related = node.find("relatedSpdxElement")
    if not kind or related is None or not subject:
        return None
    target = _ref(related) or next((_ref(child) for child in related.children if _ref(child)), "")
    if not target:
        return None
    return Relationship(subject, _CAMEL.sub("_", kind).upper(), target)
