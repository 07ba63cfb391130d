"""The checks of the rest of a CycloneDX XML document, on the tree of the checked elements."""

from __future__ import annotations

from typing import TYPE_CHECKING

from enforcer.load._cdx_checks.rules import (
    CHECKED_COMPONENTS,
    DATA_FLOWS,
    ENCODINGS,
    ISSUE_TYPES,
    PATCH_TYPES,
    PROPERTY_NAME,
    SCOPES,
    SERIAL_RE,
    SPDX_IDS,
    TIMESTAMP_RE,
    V1_6,
    licence_id,
    not_one_of,
    serial_problem,
    timestamp_problem,
)

if TYPE_CHECKING:
    from enforcer.load._xml import XmlNode

# -- XML: the tree of the checked elements ----------------------------------------------

#: For each element, the children the XML checks read (the loader keeps them in its tree too).
XML_CHECKED: dict[str, frozenset[str]] = {
    "bom": frozenset({"properties"}),
    "metadata": frozenset({"timestamp", "licenses", "properties"}),
    "component": frozenset({"scope", "licenses", "swid", "pedigree", "properties"}),
    "service": frozenset({"data", "licenses", "properties"}),
    "licenses": frozenset({"license", "expression"}),
    "license": frozenset({"id", "name", "text", "properties"}),
    "properties": frozenset({"property"}),
    "pedigree": frozenset({"patches"}),
    "patches": frozenset({"patch"}),
    "patch": frozenset({"resolves"}),
    "resolves": frozenset({"issue"}),
    "data": frozenset({"classification", "dataflow"}),
}
#: Elements whose attributes alone are read: kept without their text or children.
XML_BARE = frozenset({"text", "expression", "property", "swid", "issue", "classification", "dataflow"})


def xml_problems(root: XmlNode, version: tuple[int, int]) -> list[str]:
    problems: list[str] = []
    _XmlWalk(version, problems).document(root)
    return problems


class _XmlWalk:
    """Every problem of a CycloneDX XML tree, with the element's path and line.

    One pass over the children of each element; a path is written out only
    for a problem.
    """

    def __init__(self, version: tuple[int, int], problems: list[str]) -> None:
        self.version = version
        self.problems = problems

    def add(self, where: str, node: XmlNode, problem: str) -> None:
        self.problems.append(f"{where} (line {node.line}): {problem}")

    def document(self, root: XmlNode) -> None:
        serial = root.attrib.get("serialNumber")
        if serial is not None and not SERIAL_RE.match(serial):
            self.add("/bom/@serialNumber", root, serial_problem(serial))
        tops: list[tuple[str, XmlNode]] = []
        metadata = root.find("metadata")
        if metadata is not None:
            timestamp = metadata.find("timestamp")
            if timestamp is not None and not TIMESTAMP_RE.match(timestamp.text):
                self.add("/bom/metadata/timestamp", timestamp, timestamp_problem(timestamp.text))
            self.licences("/bom/metadata", metadata.find("licenses"))
            self.properties("/bom/metadata", metadata.find("properties"))
            component = metadata.find("component")
            if component is not None:
                tops.append(("/bom/metadata/component", component))
        tops.extend(_numbered("/bom/components", root.find("components"), "component"))
        self.components(tops)
        stack = _numbered("/bom/services", root.find("services"), "service")[::-1]
        while stack:
            where, service = stack.pop()
            for data in service.iter("data"):
                for i, item in enumerate(data.children, 1):
                    flow = item.attrib.get("flow")
                    if flow is None and item.name == "classification":
                        self.add(f"{where}/data/{item.name}[{i}]", item, "the flow attribute is missing")
                    elif flow is not None and flow not in DATA_FLOWS:
                        self.add(f"{where}/data/{item.name}[{i}]", item, not_one_of(flow, "data flow", DATA_FLOWS))
            self.licences(where, service.find("licenses"))
            self.properties(where, service.find("properties"))
            stack.extend(_numbered(f"{where}/services", service.find("services"), "service")[::-1])
        self.properties("/bom", root.find("properties"))

    def components(self, tops: list[tuple[str, XmlNode]]) -> None:
        stack = tops[::-1]
        left = CHECKED_COMPONENTS
        while stack and left:
            left -= 1
            where, component = stack.pop()
            nested = None
            for child in component.children:
                name = child.name
                if name not in _XML_COMPONENT_CHECKED:
                    continue
                if name == "scope":
                    if child.text not in SCOPES:
                        self.add(f"{where}/scope", child, not_one_of(child.text, "scope", SCOPES))
                elif name == "licenses":
                    self.licences(where, child)
                elif name == "swid":
                    for attribute in ("tagId", "name"):
                        if attribute not in child.attrib:
                            self.add(f"{where}/swid", child, f"the {attribute} attribute is missing")
                elif name == "pedigree":
                    for at, patch in _numbered(f"{where}/pedigree/patches", child.find("patches"), "patch"):
                        self.attribute(at, patch, "type", "patch type", PATCH_TYPES)
                        for on, issue in _numbered(f"{at}/resolves", patch.find("resolves"), "issue"):
                            self.attribute(on, issue, "type", "issue type", ISSUE_TYPES)
                elif name == "properties":
                    self.properties(where, child)
                else:
                    nested = child
            if nested is not None:
                stack.extend(_numbered(f"{where}/components", nested, "component")[::-1])

    def attribute(self, where: str, node: XmlNode, name: str, what: str, allowed: tuple[str, ...]) -> None:
        value = node.attrib.get(name)
        if value is None:
            self.add(where, node, f"the {name} attribute is missing")
        elif value not in allowed:
            self.add(where, node, not_one_of(value, what, allowed))

    def licences(self, owner: str, node: XmlNode | None) -> None:
        """The <licenses> of `owner` (its path)."""
        if node is None:
            return
        children = node.children
        if len(children) > 1 and any(child.name == "expression" for child in children):
            self.add(f"{owner}/licenses", node, "<licenses> holds <license> elements or one <expression>, not both")
        number = 0
        for licence in children:
            if licence.name != "license":
                continue
            number += 1
            ids = names = 0
            for part in licence.children:
                if part.name == "id":
                    ids += 1
                    if part.text not in SPDX_IDS:
                        self.add(f"{owner}/licenses/license[{number}]/id", part, licence_id(part.text))
                elif part.name == "name":
                    names += 1
                elif part.name == "text":
                    encoding = part.attrib.get("encoding")
                    if encoding is not None and encoding not in ENCODINGS:
                        where = f"{owner}/licenses/license[{number}]/text"
                        self.add(where, part, not_one_of(encoding, "encoding", ENCODINGS))
                elif part.name == "properties":
                    self.properties(f"{owner}/licenses/license[{number}]", part)
            if ids + names != 1:
                where = f"{owner}/licenses/license[{number}]"
                self.add(
                    where, licence, f"a licence needs one <id> or one <name>, it has {ids} <id> and {names} <name>"
                )

    def properties(self, owner: str, node: XmlNode | None) -> None:
        """The <properties> of `owner` (its path): from 1.6 every property has a name."""
        if node is None or self.version < V1_6:
            return
        for i, item in enumerate(node.children, 1):
            if "name" not in item.attrib:
                self.add(f"{owner}/properties/property[{i}]", item, PROPERTY_NAME)


_XML_COMPONENT_CHECKED = XML_CHECKED["component"] | {"components"}


def _numbered(where: str, node: XmlNode | None, name: str) -> list[tuple[str, XmlNode]]:
    """The children called `name` with their paths (``.../component[1]``, counted from 1 as in XPath)."""
    if node is None:
        return []
    return [(f"{where}/{name}[{i}]", child) for i, child in enumerate(node.iter(name), 1)]
