"""Safe, bounded XML parsing shared by the XML loaders.

Every XML SBOM goes through `parse_xml`, which

- refuses a document type declaration (``<!DOCTYPE``) outright, so no entity
  is ever expanded and no external entity or DTD is ever fetched (the
  "billion laughs" and XXE attacks fail at their first line, having read
  nothing);
- builds a small tree of only the elements a loader asks for (`keep`): the
  rest of the document (licence texts, evidence, signatures, extensions) is
  skipped as it streams past, so memory follows what the matcher reads;
  elements a loader names `bare` are kept with their attributes only (their
  text and children are skipped too);
- bounds the nesting depth and the length of every kept text, and says where
  (line and column) a limit was hit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from enforcer._errors import SbomParseError

#: Deepest element nesting accepted (a CycloneDX component nested in another costs two levels).
MAX_DEPTH = 512
#: Bytes handed to the parser at a time: a limit is noticed within one chunk.
_CHUNK = 1 << 20


class XmlNode:
    """One kept element: its namespace, local name, attributes, text and kept children."""

    __slots__ = ("namespace", "name", "attrib", "children", "text", "line", "_parts", "_size")

    def __init__(self, namespace: str, name: str, attrib: dict[str, str], line: int) -> None:
        self.namespace = namespace
        self.name = name
        self.attrib = attrib
        self.children: list[XmlNode] = []
        self.text = ""
        self.line = line
        self._parts: list[str] = []
        self._size = 0

    def find(self, name: str) -> XmlNode | None:
        """The first child with this local name."""
        for child in self.children:
            if child.name == name:
                return child
        return None

    def iter(self, name: str) -> Iterator[XmlNode]:
        """The children with this local name, in document order."""
        return (child for child in self.children if child.name == name)

    def child_text(self, name: str) -> str:
        child = self.find(name)
        return child.text if child is not None else ""


#: keep(parent, namespace, local name) -> whether to build the child element
KeepRule = Callable[[XmlNode, str, str], bool]


def split_tag(tag: str) -> tuple[str, str]:
    """``{namespace}local`` -> (namespace, local)."""
    if tag[:1] == "{":
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


class _PrunedTreeBuilder:
    """An ElementTree parser target that keeps only the elements `keep` accepts."""

    def __init__(
        self,
        path: str,
        keep: KeepRule,
        max_text: int,
        bare: frozenset[str] = frozenset(),
        mixed: Callable[[str], bool] | None = None,
    ) -> None:
        self.path = path
        self.mixed = mixed
        self.keep = keep
        self.bare = bare
        self.max_text = max_text
        self.root: XmlNode | None = None
        self.stack: list[XmlNode] = []
        self.depth = 0
        self.skipping = 0
        self.position: Callable[[], tuple[int, int]] = lambda: (0, 0)

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            line, column = self.position()
            raise SbomParseError(
                f"{self.path}: XML nested deeper than {MAX_DEPTH} elements (line {line}, column {column})"
            )
        if self.skipping:
            self.skipping += 1
            return
        namespace, name = split_tag(tag)
        if self.stack and self.mixed is not None and namespace != self.stack[-1].namespace and self.mixed(namespace):
            line, column = self.position()
            raise SbomParseError(
                f"{self.path}: <{name}> (line {line}, column {column}) is in the namespace {namespace!r},"
                f" inside <{self.stack[-1].name}> of {self.stack[-1].namespace!r}: a document of two versions"
                " is refused (its elements of the other version would not be read)"
            )
        if self.stack and not self.keep(self.stack[-1], namespace, name):
            self.skipping = 1
            return
        node = XmlNode(namespace, name, {split_tag(key)[1]: value for key, value in attrib.items()}, self.position()[0])
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        if self.stack and name in self.bare:
            self.skipping = 1  # attributes only: its text and children are skipped
            return
        self.stack.append(node)

    def end(self, tag: str) -> None:
        self.depth -= 1
        if self.skipping:
            self.skipping -= 1
            return
        node = self.stack.pop()
        if node._parts:
            node.text = "".join(node._parts).strip()
            node._parts = []

    def data(self, text: str) -> None:
        if self.skipping or not self.stack:
            return
        node = self.stack[-1]
        if not node._parts and text.isspace():
            return  # indentation around child elements
        node._size += len(text)
        if node._size > self.max_text:
            line, column = self.position()
            raise SbomParseError(
                f"{self.path}: <{node.name}> (line {node.line}): text longer than {self.max_text} characters"
                f" (at line {line}, column {column})"
            )
        node._parts.append(text)

    def close(self) -> XmlNode | None:
        return self.root


def parse_xml(
    data: bytes,
    path: str,
    keep: KeepRule,
    *,
    max_text: int,
    bare: frozenset[str] = frozenset(),
    mixed: Callable[[str], bool] | None = None,
) -> XmlNode:
    """Parse an XML document safely into a pruned tree; raise `SbomParseError` with one line.

    `mixed(namespace)`: True for the namespaces of the format's other
    versions; a kept element's child in one of them (and not in its parent's)
    stops the document, which readers of either version would read apart.
    """
    builder = _PrunedTreeBuilder(path, keep, max_text, bare, mixed)
    parser = DefusedXMLParser(
        target=builder, encoding=_override_encoding(data), forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    expat = parser.parser
    builder.position = lambda: (expat.CurrentLineNumber, expat.CurrentColumnNumber + 1)
    try:
        for start in range(0, len(data), _CHUNK):
            parser.feed(data[start : start + _CHUNK])
        parser.close()
    except DTDForbidden:
        raise SbomParseError(
            f"{path}: XML with a document type declaration (<!DOCTYPE>) is refused:"
            " entities and external references are never expanded"
        ) from None
    except EntitiesForbidden:
        raise SbomParseError(f"{path}: XML that declares entities is refused: entities are never expanded") from None
    except ExternalReferenceForbidden:
        raise SbomParseError(f"{path}: XML with external references is refused: nothing is fetched") from None
    except DefusedXmlException as error:
        raise SbomParseError(f"{path}: unsafe XML refused: {error}") from None
    except ParseError as error:
        raise SbomParseError(f"{path}: not well-formed XML: {error}") from None
    except RecursionError:
        raise SbomParseError(f"{path}: XML nested too deeply to be an SBOM") from None
    if builder.root is None:
        raise SbomParseError(f"{path}: XML without a root element")
    return builder.root


def _override_encoding(data: bytes) -> str | None:
    """The content is UTF-8 by now; a declaration that still says UTF-16/32 is overridden."""
    head = data[:200].lower()
    if head.startswith(b"<?xml") and b"encoding" in head:
        declaration = head[: head.find(b"?>") + 1]
        if b"utf-16" in declaration or b"utf-32" in declaration or b"ucs" in declaration:
            return "utf-8"
    return None
