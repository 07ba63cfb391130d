"""SPDX 2.2/2.3 documents: JSON and YAML, and the document model the other SPDX 2 encodings share.

JSON is decoded straight into the typed structs below with msgspec (only the
fields the matcher reads are built); YAML is read with every scalar kept as
text (no implicit numbers or dates) and converted into the same structs.

What a package gives the matcher:

=====================================  ======  ====================================
field                                  kind    notes
=====================================  ======  ====================================
``supplier``, ``originator``           org     ``Organization: NAME (email)``,
                                               ``Person: NAME (email)`` or bare;
                                               the e-mail's domain matches too
``downloadLocation``, ``homepage``     url     ``NOASSERTION``/``NONE`` skipped
``externalRefs[i].referenceLocator``   purl    ``referenceType`` ``purl``
                                       cpe     ``cpe22Type``, ``cpe23Type``
                                       url     other locators that are URLs
``checksums[i].checksumValue``         hash
``name``                               name
=====================================  ======  ====================================

The path of a finding follows the relationships: what the document
``DESCRIBES`` is the root, then ``CONTAINS``, ``DEPENDS_ON`` and the other
dependency and link types, read in whichever direction they are written
(``A DEPENDS_ON B`` and ``B DEPENDENCY_OF A`` give the same edge).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated, Any

import msgspec
import yaml

from enforcer._errors import SbomParseError, UnsupportedSbomError
from enforcer._records import CPE, HASH, NAME, ORG, PURL, URL, ComponentRecord, Value, is_no_value
from enforcer.identify import kinds
from enforcer.identify.fields import SPDX2_PACKAGE
from enforcer.identify.fields import value as identity
from enforcer.load._json import locate, read_json, refuse_long_strings, struct_fields, type_name
from enforcer.load._lenient import Problems, convert
from enforcer.load._spdx_checks import json_warnings, raw_warnings
from enforcer.load.cyclonedx_model import MAX_STRING
from enforcer.load.interface import SbomDocument, SbomLoader

Str = Annotated[str, msgspec.Meta(max_length=MAX_STRING)]


class Checksum(msgspec.Struct, gc=False):
    algorithm: Str = ""
    checksumValue: Str = ""


class ExternalRef(msgspec.Struct, gc=False):
    referenceCategory: Str = ""
    referenceType: Str = ""
    referenceLocator: Str = ""


class Package(msgspec.Struct, gc=False):
    SPDXID: Str = ""
    name: Str = ""
    versionInfo: Str | None = None
    supplier: Str | None = None
    originator: Str | None = None
    downloadLocation: Str | None = None
    homepage: Str | None = None
    externalRefs: list[ExternalRef] | None = None
    checksums: list[Checksum] | None = None
    primaryPackagePurpose: Str | None = None


class Relationship(msgspec.Struct, gc=False):
    spdxElementId: Str = ""
    relationshipType: Str = ""
    relatedSpdxElement: Str = ""


class Document(msgspec.Struct, gc=False):
    spdxVersion: Str = ""
    SPDXID: Str = ""
    name: Str = ""
    documentDescribes: list[Str] | None = None
    packages: list[Package] | None = None
    relationships: list[Relationship] | None = None


_DECODER = msgspec.json.Decoder(Document)
#: the keys the typed decoder reads, whose strings it bounds
_READ_FIELDS = struct_fields(Document, Package, Checksum, ExternalRef, Relationship)


class _Probe(msgspec.Struct):
    spdxVersion: Any = None


_PROBE = msgspec.json.Decoder(_Probe)

#: Relationship types read as an edge from the element to the related element ...
FORWARD = frozenset(
    {"CONTAINS", "DEPENDS_ON", "DESCRIBES", "HAS_PREREQUISITE", "DYNAMIC_LINK", "STATIC_LINK", "ANCESTOR_OF"}
)
#: ... and those read from the related element back to the element.
REVERSE = frozenset(
    {
        "CONTAINED_BY",
        "DEPENDENCY_OF",
        "DESCRIBED_BY",
        "PREREQUISITE_FOR",
        "BUILD_DEPENDENCY_OF",
        "DEV_DEPENDENCY_OF",
        "OPTIONAL_DEPENDENCY_OF",
        "PROVIDED_DEPENDENCY_OF",
        "TEST_DEPENDENCY_OF",
        "RUNTIME_DEPENDENCY_OF",
        "PACKAGE_OF",
        "DESCENDANT_OF",
    }
)
_CPE_TYPES = frozenset({"cpe22type", "cpe23type", "cpe22", "cpe23"})


class Spdx2Document(SbomDocument):
    """An SPDX 2.x document, whatever its encoding."""

    format = "SPDX"

    def __init__(self, path: str, document: Document, encoding: str) -> None:
        super().__init__(path, document.spdxVersion.removeprefix("SPDX-"))
        self.encoding = encoding
        self.document = document
        self.packages: list[Package] = document.packages or []
        self._labels: dict[str, str] | None = None
        self._graph(document)

    def _graph(self, document: Document) -> None:
        me = document.SPDXID or "SPDXRef-DOCUMENT"
        roots = list(document.documentDescribes or ())
        edges: dict[str, list[str]] = {}
        for relation in document.relationships or ():
            kind = relation.relationshipType.strip().upper()
            source, target = relation.spdxElementId.strip(), relation.relatedSpdxElement.strip()
            if kind in REVERSE:
                source, target = target, source
            elif kind not in FORWARD:
                continue
            if not source or not target:
                continue
            if source == me and kind in ("DESCRIBES", "DESCRIBED_BY"):
                roots.append(target)
            edges.setdefault(source, []).append(target)
        self.dependencies = {source: list(dict.fromkeys(targets)) for source, targets in edges.items()}
        self.roots = list(dict.fromkeys(roots)) or [me]

    @property
    def component_count(self) -> int:
        return len(self.packages)

    def label_of(self, ref: str) -> str:
        if self._labels is None:
            labels = {self.document.SPDXID or "SPDXRef-DOCUMENT": self.document.name or "(document)"}
            for package in self.packages:
                if package.SPDXID:
                    labels.setdefault(package.SPDXID, _label(package))
            self._labels = labels
        return self._labels.get(ref, ref)

    def records(self) -> Iterator[ComponentRecord]:
        for number, package in enumerate(self.packages):
            yield package_record(package, number)


def _label(package: Package) -> str:
    name = package.name or package.SPDXID or "?"
    return f"{name}@{package.versionInfo}" if package.versionInfo else name


def package_record(package: Package, index: int) -> ComponentRecord:
    """The flat record of one SPDX 2 package."""
    values: list[Value] = []
    purl = ""
    if package.name:
        values.append(identity(NAME, "name", package.name))
    for field in ("supplier", "originator"):
        text = getattr(package, field)
        if text and not is_no_value(text):
            values.append(identity(ORG, field, text))
    for field in ("downloadLocation", "homepage"):
        text = getattr(package, field)
        if text and not is_no_value(text):
            values.append(identity(URL, field, text))
    for i, reference in enumerate(package.externalRefs or ()):
        locator = reference.referenceLocator.strip()
        if not locator:
            continue
        kind = reference.referenceType.strip().lower()
        where = f"externalRefs[{i}].referenceLocator"
        if kind == "purl" or (kind.endswith("purl") and locator.startswith("pkg:")):
            values.append(identity(PURL, where, locator))
            purl = purl or locator
        elif kind in _CPE_TYPES or locator.startswith("cpe:"):
            values.append(identity(CPE, where, locator))
        elif "://" in locator:
            values.append(identity(URL, where, locator))
    for i, checksum in enumerate(package.checksums or ()):
        if checksum.checksumValue:
            values.append(identity(HASH, f"checksums[{i}].checksumValue", checksum.checksumValue.strip()))
    return ComponentRecord(
        index=index,
        ref=package.SPDXID or f"#{index}",
        name=package.name,
        version=package.versionInfo or "",
        purl=purl,
        kind=kinds.resolve(kinds.from_spdx2(package.primaryPackagePurpose), purl),
        values=values,
    )


def check_version(version: str, path: str) -> None:
    if not version.startswith("SPDX-2."):
        raise UnsupportedSbomError(
            f"{path}: $.spdxVersion: {version!r}: this reader takes SPDX 2.x (SPDX-2.2, SPDX-2.3)"
        )


def from_raw(raw: Any, path: str, encoding: str) -> Spdx2Document:
    """Convert a parsed document (dicts and lists) leniently: a broken package is skipped with a warning."""
    if not isinstance(raw, dict):
        raise SbomParseError(f"{path}: $: expected an object, got {type_name(raw)}")
    version = raw.get("spdxVersion")
    if not isinstance(version, str):
        raise SbomParseError(f"{path}: $.spdxVersion: expected a string, got {type_name(version)}")
    check_version(version, path)
    refuse_long_strings(raw, path, _READ_FIELDS, MAX_STRING)
    for key in ("packages", "relationships", "documentDescribes"):
        if raw.get(key) is not None and not isinstance(raw[key], list):
            raise SbomParseError(f"{path}: $.{key}: expected an array, got {type_name(raw[key])}")
    warnings: list[str] = []
    unreadable = 0
    packages: list[Package] = []
    for i, item in enumerate(raw.get("packages") or ()):
        where = f"$.packages[{i}]"
        if not isinstance(item, dict):
            warnings.append(f"{where}: expected an object, got {type_name(item)}; not read")
            unreadable += 1
            continue
        problems = Problems()
        packages.append(convert(item, Package, where, problems, identity=PACKAGE_IDENTITY))
        warnings.extend(problems.lines)
        unreadable += problems.identity
    relationships: list[Relationship] = []
    for i, item in enumerate(raw.get("relationships") or ()):
        where = f"$.relationships[{i}]"
        if not isinstance(item, dict):
            warnings.append(f"{where}: expected an object, got {type_name(item)}; ignored")
            continue
        problems = Problems()
        relationships.append(convert(item, Relationship, where, problems, identity=frozenset()))
        warnings.extend(problems.lines)
    describes = [item for item in raw.get("documentDescribes") or () if isinstance(item, str)]
    document = Document(
        spdxVersion=version,
        SPDXID=_text(raw.get("SPDXID")),
        name=_text(raw.get("name")),
        documentDescribes=describes,
        packages=packages,
        relationships=relationships,
    )
    result = Spdx2Document(path, document, encoding)
    result.warnings.extend(warnings)
    result.unreadable = unreadable
    return result


#: the fields of a package that hold identity values (the rows of `SPDX2_PACKAGE`)
PACKAGE_IDENTITY = frozenset({row.steps[0].removesuffix("[]") for row in SPDX2_PACKAGE})


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


class SpdxJsonLoader(SbomLoader):
    name = "spdx-json"

    def sniff(self, head: bytes) -> bool:
        return head.lstrip()[:1] == b"{" and b'"spdxVersion"' in head

    def probe(self, data: bytes) -> bool:
        try:
            version = _PROBE.decode(data).spdxVersion
        except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
            return False
        return isinstance(version, str) and version.startswith("SPDX-")

    def load(self, data: bytes, path: str) -> Spdx2Document:
        try:
            document = _DECODER.decode(data)
        except msgspec.ValidationError:  # a subclass of DecodeError: first
            lenient = from_raw(read_json(data, path), path, "json")
            lenient.warnings.extend(json_warnings(data))
            return lenient
        except msgspec.DecodeError as error:
            raise SbomParseError(f"{path}: not valid JSON: {locate(str(error), data)}") from None
        except RecursionError:
            raise SbomParseError(f"{path}: JSON nested too deeply to be an SBOM") from None
        check_version(document.spdxVersion, path)
        result = Spdx2Document(path, document, "json")
        result.warnings.extend(json_warnings(data))
        return result


# -- YAML ------------------------------------------------------------------------

_BaseLoader: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class _RepeatedKey(Exception):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(key)
        self.key = key
        self.line = line


class _YamlLoader(_BaseLoader):  # type: ignore[misc]
    """Every scalar as text; a key repeated in one mapping is refused (readers disagree on which counts)."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str) and key in seen:
                raise _RepeatedKey(key, key_node.start_mark.line + 1)
            if isinstance(key, str):
                seen.add(key)
        return super().construct_mapping(node, deep)


#: Longest YAML line read (bytes).
MAX_LINE = 1 << 20
_YAML_MARKER = re.compile(rb"(?m)^[\"']?spdxVersion[\"']?[ \t]*:")


class SpdxYamlLoader(SbomLoader):
    """SPDX 2 in YAML: every scalar stays text; anchors that would repeat a subtree are refused."""

    name = "spdx-yaml"

    def sniff(self, head: bytes) -> bool:
        return head.lstrip()[:1] not in (b"{", b"[", b"<") and _YAML_MARKER.search(head) is not None

    def load(self, data: bytes, path: str) -> Spdx2Document:
        _check_lines(data, path)
        try:
            raw = yaml.load(data, Loader=_YamlLoader)  # noqa: S506 - a base loader: no tags, no objects
        except _RepeatedKey as repeated:
            raise SbomParseError(
                f"{path}: line {repeated.line}: the key {repeated.key!r} appears twice in one mapping"
                " (readers disagree on which one counts; refused)"
            ) from None
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark
            where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
            raise SbomParseError(f"{path}: not valid YAML: {error.problem or error.context}{where}") from None
        except yaml.YAMLError as error:
            raise SbomParseError(f"{path}: not valid YAML: {str(error).splitlines()[0]}") from None
        except RecursionError:
            raise SbomParseError(f"{path}: YAML nested too deeply to be an SBOM") from None
        _refuse_shared(raw, path)
        result = from_raw(raw, path, "yaml")
        result.warnings.extend(raw_warnings(raw))
        return result


def _check_lines(data: bytes, path: str) -> None:
    """Refuse a line longer than `MAX_LINE` before the YAML parser spends time on it."""
    start, number = 0, 1
    while True:
        end = data.find(b"\n", start)
        if (end if end >= 0 else len(data)) - start > MAX_LINE:
            raise SbomParseError(f"{path}: line {number}: longer than {MAX_LINE} bytes")
        if end < 0:
            return
        start, number = end + 1, number + 1


def _refuse_shared(root: Any, path: str) -> None:
    """Refuse YAML aliases of lists or mappings, which expand to huge trees ("billion laughs")."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, dict | list):
            if id(item) in seen:
                raise SbomParseError(f"{path}: YAML aliases (*name) of lists or mappings are refused in an SBOM")
            seen.add(id(item))
            stack.extend(item.values() if isinstance(item, dict) else item)
