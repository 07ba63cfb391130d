"""The checks of the rest of a CycloneDX JSON document: a quick typed decode, then the messages for a failing one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

import msgspec
import orjson

from enforcer.load._cdx_checks.rules import (
    CHECKED_COMPONENTS,
    COMPONENT_TYPES,
    DATA_FLOWS,
    ENCODINGS,
    ENTRY_BOTH,
    ENTRY_NEITHER,
    EXPRESSION_ALONE,
    ISSUE_TYPES,
    LICENCE_ID_AND_NAME,
    LICENCE_NEITHER,
    PATCH_TYPES,
    PROPERTY_NAME,
    SCOPES,
    SERIAL,
    SERIAL_RE,
    SPDX_IDS,
    TIMESTAMP,
    TIMESTAMP_RE,
    V1_6,
    licence_id,
    not_one_of,
    serial_problem,
    timestamp_problem,
)

# -- JSON: the quick form, a typed decode that checks as it goes -----------------------

if TYPE_CHECKING:  # the literals are built from the tables of rules.py, which mypy cannot follow
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
    timestamp: Annotated[str, msgspec.Meta(pattern=TIMESTAMP)] | None = None
    licenses: tuple[_LicenseChoice, ...] | None = None
    properties: msgspec.Raw = _NO_PROPERTIES
    component: _Component | None = None


class _Document(msgspec.Struct, gc=False):
    serialNumber: Annotated[str, msgspec.Meta(pattern=SERIAL)] | None = None
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


def json_problems(data: bytes, tops: int, version: tuple[int, int]) -> list[str]:
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
    named = version >= V1_6  # properties need a name, and an expression stands alone
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
            self.add(where, not_one_of(text, what, allowed))

    def document(self, raw: dict[str, Any]) -> None:
        serial = self.string("$.serialNumber", raw.get("serialNumber"))
        if serial is not None and not SERIAL_RE.match(serial):
            self.add("$.serialNumber", serial_problem(serial))
        metadata = raw.get("metadata")
        tops: list[tuple[str, Any]] = []
        if isinstance(metadata, dict):  # else the loader says so already
            timestamp = self.string("$.metadata.timestamp", metadata.get("timestamp"))
            if timestamp is not None and not TIMESTAMP_RE.match(timestamp):
                self.add("$.metadata.timestamp", timestamp_problem(timestamp))
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
            self.version >= V1_6
            and len(entries) > 1
            and any(isinstance(entry, dict) and entry.get("expression") is not None for _, entry in entries)
        ):
            self.add(where, EXPRESSION_ALONE)
        for at, item in entries:
            entry = self.object(at, item)
            if entry is None:
                continue
            expression = self.string(f"{at}.expression", entry.get("expression"))
            licence = self.object(f"{at}.license", entry.get("license"))
            if entry.get("license") is not None and entry.get("expression") is not None:
                self.add(at, ENTRY_BOTH)
            elif licence is None and expression is None:
                self.add(at, ENTRY_NEITHER)
            if licence is None:
                continue
            spdx = self.string(f"{at}.license.id", licence.get("id"))
            name = self.string(f"{at}.license.name", licence.get("name"))
            if licence.get("id") is not None and licence.get("name") is not None:
                self.add(f"{at}.license", LICENCE_ID_AND_NAME)
            elif spdx is None and name is None:
                self.add(f"{at}.license", LICENCE_NEITHER)
            if spdx is not None and spdx not in SPDX_IDS:
                self.add(f"{at}.license.id", licence_id(spdx))
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
                if name is None and self.version >= V1_6:
                    self.add(at, PROPERTY_NAME)
