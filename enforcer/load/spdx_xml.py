"""SPDX 2.x XML: the element-per-field serialisation (root ``<Document>``).

It mirrors SPDX JSON one to one (a repeated element is an array item), so
the document is parsed safely (see `_xml.py`) into a tree of only the fields
the matcher reads and handed to the SPDX JSON model.
"""

from __future__ import annotations

from typing import Any

from enforcer._errors import SbomParseError
from enforcer.load._xml import XmlNode, parse_xml
from enforcer.load.cyclonedx_model import MAX_STRING
from enforcer.load.interface import SbomLoader
from enforcer.load.spdx_json import Spdx2Document, from_raw

_PACKAGE = (
    "SPDXID",
    "name",
    "versionInfo",
    "supplier",
    "originator",
    "downloadLocation",
    "homepage",
    "primaryPackagePurpose",
)
_KEEP: dict[str, frozenset[str]] = {
    "Document": frozenset({"SPDXID", "spdxVersion", "name", "documentDescribes", "packages", "relationships"}),
    "packages": frozenset({*_PACKAGE, "externalRefs", "checksums"}),
    "externalRefs": frozenset({"referenceCategory", "referenceType", "referenceLocator"}),
    "checksums": frozenset({"algorithm", "checksumValue"}),
    "relationships": frozenset({"spdxElementId", "relationshipType", "relatedSpdxElement"}),
}
#: Fields that are arrays in SPDX JSON.
_ARRAYS = frozenset({"documentDescribes", "packages", "relationships", "externalRefs", "checksums"})


def _keep(parent: XmlNode, namespace: str, name: str) -> bool:
    return name in _KEEP.get(parent.name, ())


def _as_json(node: XmlNode, path: str) -> dict[str, Any]:
    """A kept element as the JSON object SPDX JSON would have; a repeated single element is refused."""
    result: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for child in node.children:
        value: Any = _as_json(child, path) if child.name in _KEEP else child.text
        if child.name in _ARRAYS:
            result.setdefault(child.name, []).append(value)
        elif child.name in result:
            raise SbomParseError(
                f"{path}: <{child.name}> (line {child.line}) repeated in <{node.name}> (line {node.line}),"
                f" which holds one (line {lines[child.name]}): readers disagree on which one counts; refused"
            )
        else:
            result[child.name] = value
            lines[child.name] = child.line
    return result


class SpdxXmlLoader(SbomLoader):
    name = "spdx-xml"

    def sniff(self, head: bytes) -> bool:
        return head.lstrip()[:1] == b"<" and b"<Document" in head and b"<spdxVersion>" in head

    def load(self, data: bytes, path: str) -> Spdx2Document:
        root = parse_xml(data, path, _keep, max_text=MAX_STRING)
        if root.name != "Document":
            raise SbomParseError(f"{path}: root element <{root.name}>: expected <Document> for SPDX XML")
        return from_raw(_as_json(root, path), path, "xml")
