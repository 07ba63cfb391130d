"""SPDX 3.0 JSON-LD (the serialisation with ``@context`` and ``@graph``).

Every element of the graph is read once. Agents (``Person``,
``Organization``, ``SoftwareAgent``, ``Agent``) are indexed by id, so a
package's ``suppliedBy`` and ``originatedBy`` (ids, or agents written in
place) give the agent's name and e-mail. Packages give:

===============================================  ======================================
field                                            kind
===============================================  ======================================
``suppliedBy``, ``originatedBy[i]``              org (the agent's name)
``suppliedBy.externalIdentifier[j].identifier``  url (the agent's e-mail)
``software_packageUrl``                          purl
``externalIdentifier[i].identifier``             purl, cpe (``cpe22``/``cpe23``), url (e-mail)
``software_downloadLocation``,                   url
``software_homePage``, ``externalRef[i].locator[j]``
``verifiedUsing[i].hashValue``                   hash
``name``                                         name
===============================================  ======================================

``software_Package`` elements are the components counted; AI and dataset
packages are checked too (kind ``artifact``) but not counted. The path of a
finding starts at the SBOM's ``rootElement`` (or what ``describes`` names)
and follows ``contains``, ``dependsOn`` and the link relationships.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import msgspec
import orjson

from enforcer._errors import SbomParseError
from enforcer._records import CPE, HASH, NAME, ORG, ORGANIZATION, PERSON, PURL, URL, ComponentRecord, Value
from enforcer.identify import kinds
from enforcer.identify.fields import SPDX3_PACKAGE
from enforcer.identify.fields import value as identity
from enforcer.load._json import type_name as _type_name
from enforcer.load._lenient import Problems
from enforcer.load.cyclonedx_model import MAX_STRING
from enforcer.load.interface import SbomDocument, SbomLoader

_AGENTS = frozenset({"person", "organization", "softwareagent", "agent"})
_COUNTED = "software_package"
_OTHER_PACKAGES = frozenset({"ai_aipackage", "dataset_datasetpackage"})
_RELATIONSHIPS = frozenset({"relationship", "lifecyclescopedrelationship"})
_ROOTED = frozenset({"software_sbom", "spdxdocument", "bom"})
_FORWARD = frozenset(
    {
        "contains",
        "dependson",
        "hasdynamiclink",
        "hasstaticlink",
        "hasprerequisite",
        "hasoptionaldependency",
        "hasprovideddependency",
        "ancestorof",
        "describes",
    }
)
_IDENTIFIER_KINDS = {"packageurl": PURL, "purl": PURL, "cpe22": CPE, "cpe23": CPE, "email": URL}


class _Probe(msgspec.Struct):
    context: Any = msgspec.field(default=None, name="@context")


_PROBE = msgspec.json.Decoder(_Probe)


def _spdx3_context(context: Any) -> bool:
    items = context if isinstance(context, list) else [context]
    return any(isinstance(item, str) and "spdx.org/rdf/3." in item for item in items)


def _kind(element: dict[str, Any]) -> str:
    """The element's type, normalised: "software_Package", "Software/Package" and the full IRI agree."""
    value = element.get("type", element.get("@type", ""))
    if not isinstance(value, str):
        return ""
    return value.rsplit("/terms/", 1)[-1].replace("/", "_").lower()


def _id(element: dict[str, Any]) -> str:
    value = element.get("spdxId", element.get("@id", ""))
    return value if isinstance(value, str) else ""


#: the keys of a package whose values identify a vendor (a wrong type there is an unreadable identity)
_IDENTITY_KEYS = frozenset({row.steps[0].removesuffix("[]") for row in SPDX3_PACKAGE})


class _Reader:
    """Pulls typed values out of one element; a value of the wrong type is noted (with its JSON path) and skipped."""

    def __init__(self, path: str, where: str) -> None:
        self.path = path
        self.where = where
        self.problems = Problems()

    def wrong(self, at: str, expected: str, value: Any, *, key: str) -> None:
        """A value of the wrong type at `where` + `at`; `key` is the package's key it is under."""
        self.problems.add(
            f"{self.where}{at}: expected {expected}, got {_type_name(value)}", identity=key in _IDENTITY_KEYS
        )

    def text(self, element: dict[str, Any], key: str, *, at: str = "", under: str = "") -> str:
        value = element.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.wrong(f"{at}.{key}", "a string", value, key=under or key)
            return ""
        if len(value) > MAX_STRING:
            raise SbomParseError(f"{self.path}: {self.where}{at}.{key}: string longer than {MAX_STRING} characters")
        return value

    def items(self, element: dict[str, Any], key: str) -> list[Any]:
        value = element.get(key)
        if value is None:
            return []
        if isinstance(value, list):
            return value
        return [value]  # JSON-LD allows a single value where a list is expected


class Spdx3Document(SbomDocument):
    format = "SPDX"
    encoding = "json-ld"

    def __init__(self, path: str, spec_version: str) -> None:
        super().__init__(path, spec_version)
        self.records_: list[ComponentRecord] = []
        self.counted = 0
        self.labels: dict[str, str] = {}

    @property
    def component_count(self) -> int:
        return self.counted

    def records(self) -> Iterator[ComponentRecord]:
        return iter(self.records_)

    def label_of(self, ref: str) -> str:
        return self.labels.get(ref, ref)


class Spdx3JsonLdLoader(SbomLoader):
    name = "spdx3-json-ld"

    def sniff(self, head: bytes) -> bool:
        return head.lstrip()[:1] == b"{" and b'"@context"' in head and b"spdx.org/rdf/3." in head

    def probe(self, data: bytes) -> bool:
        try:
            return _spdx3_context(_PROBE.decode(data).context)
        except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
            return False

    def load(self, data: bytes, path: str) -> Spdx3Document:
        try:
            raw = orjson.loads(data)
        except orjson.JSONDecodeError as error:
            if "depth limit" in error.msg:
                raise SbomParseError(f"{path}: JSON nested too deeply to be an SBOM") from None
            raise SbomParseError(
                f"{path}: not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
            ) from None
        if not isinstance(raw, dict):
            raise SbomParseError(f"{path}: $: expected an object, got {_type_name(raw)}")
        if not _spdx3_context(raw.get("@context")):
            raise SbomParseError(
                f"{path}: $.@context: not an SPDX 3 context (https://spdx.org/rdf/3.0.x/spdx-context.jsonld)"
            )
        graph = raw.get("@graph")
        if graph is None:
            graph = [{key: value for key, value in raw.items() if key != "@context"}]
        elif not isinstance(graph, list):
            raise SbomParseError(f"{path}: $.@graph: expected an array, got {_type_name(graph)}")
        return _build(graph, path)


def _build(graph: list[Any], path: str) -> Spdx3Document:
    agents: dict[str, dict[str, Any]] = {}
    version = ""
    document = Spdx3Document(path, "")
    for number, element in enumerate(graph):
        if not isinstance(element, dict):
            document.warnings.append(f"$.@graph[{number}]: expected an object, got {_type_name(element)}; ignored")
            continue
        kind = _kind(element)
        if kind in _AGENTS and _id(element):
            agents[_id(element)] = element
        elif kind == "creationinfo" and not version and isinstance(element.get("specVersion"), str):
            version = element["specVersion"]
    document.spec_version = version or "3.0"
    roots: list[str] = []
    edges: dict[str, list[str]] = {}
    packages: set[str] = set()
    for number, element in enumerate(graph):
        if not isinstance(element, dict):
            continue
        kind = _kind(element)
        where = f"$.@graph[{number}]"
        if kind == _COUNTED or kind in _OTHER_PACKAGES:
            reader = _Reader(path, where)
            record = _package(element, len(document.records_), agents, reader)
            document.warnings.extend(reader.problems.lines)
            document.unreadable += reader.problems.identity
            if kind == _COUNTED:
                document.counted += 1
            else:
                record.kind = "artifact"
            document.records_.append(record)
            packages.add(record.ref)
            document.labels[record.ref] = record.label()
        elif kind in _RELATIONSHIPS:
            _relationship(element, edges, roots)
        elif kind in _ROOTED:
            roots.extend(item for item in _as_list(element.get("rootElement")) if isinstance(item, str))
    document.dependencies = {source: list(dict.fromkeys(targets)) for source, targets in edges.items()}
    rooted = [ref for ref in dict.fromkeys(roots) if ref in packages]
    document.roots = rooted or list(dict.fromkeys(roots))
    return document


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _relationship(element: dict[str, Any], edges: dict[str, list[str]], roots: list[str]) -> None:
    kind = element.get("relationshipType")
    source = element.get("from")
    if not isinstance(kind, str) or not isinstance(source, str):
        return
    kind = kind.rsplit("/", 1)[-1].lower()
    if kind not in _FORWARD:
        return
    targets = [item for item in _as_list(element.get("to")) if isinstance(item, str)]
    if kind == "describes":
        roots.extend(targets)
    edges.setdefault(source, []).extend(targets)


def _package(element: dict[str, Any], index: int, agents: dict[str, dict[str, Any]], read: _Reader) -> ComponentRecord:
    values: list[Value] = []
    name = read.text(element, "name")
    if name:
        values.append(identity(NAME, "name", name))
    supplier = element.get("suppliedBy")
    if supplier is not None:
        _agent(values, "suppliedBy", supplier, agents, read)
    for i, originator in enumerate(read.items(element, "originatedBy")):
        _agent(values, f"originatedBy[{i}]", originator, agents, read)
    purl = read.text(element, "software_packageUrl")
    if purl:
        values.append(identity(PURL, "software_packageUrl", purl))
    for key in ("software_downloadLocation", "software_homePage"):
        value = read.text(element, key)
        if value and value.upper() not in ("NOASSERTION", "NONE"):
            values.append(identity(URL, key, value))
    for i, identifier in enumerate(read.items(element, "externalIdentifier")):
        at = f".externalIdentifier[{i}]"
        if not isinstance(identifier, dict):
            read.wrong(at, "an object", identifier, key="externalIdentifier")
            continue
        kind_text = read.text(identifier, "externalIdentifierType", at=at, under="externalIdentifier")
        kind = _IDENTIFIER_KINDS.get(kind_text.rsplit("/", 1)[-1].lower())
        value = read.text(identifier, "identifier", at=at, under="externalIdentifier")
        if kind and value:
            values.append(identity(kind, f"externalIdentifier[{i}].identifier", value))
            if kind == PURL and not purl:
                purl = value
    for i, reference in enumerate(read.items(element, "externalRef")):
        if not isinstance(reference, dict):
            read.wrong(f".externalRef[{i}]", "an object", reference, key="externalRef")
            continue
        for j, locator in enumerate(read.items(reference, "locator")):
            if not isinstance(locator, str):
                read.wrong(f".externalRef[{i}].locator[{j}]", "a string", locator, key="externalRef")
                continue
            if "://" in locator or "@" in locator:
                values.append(identity(URL, f"externalRef[{i}].locator[{j}]", locator[:MAX_STRING]))
    for i, digest in enumerate(read.items(element, "verifiedUsing")):
        if isinstance(digest, dict):
            value = read.text(digest, "hashValue", at=f".verifiedUsing[{i}]", under="verifiedUsing")
            if value:
                values.append(identity(HASH, f"verifiedUsing[{i}].hashValue", value))
        else:
            read.wrong(f".verifiedUsing[{i}]", "an object", digest, key="verifiedUsing")
    ref = _id(element) or f"#{index}"
    return ComponentRecord(
        index=index,
        ref=ref,
        name=name,
        version=read.text(element, "software_packageVersion"),
        purl=purl,
        kind=kinds.resolve(kinds.from_spdx3(read.text(element, "software_primaryPurpose")), purl),
        values=values,
    )


def _agent(values: list[Value], field: str, agent: Any, agents: dict[str, dict[str, Any]], read: _Reader) -> None:
    """The name and e-mail addresses of an agent given by id or in place."""
    key = field.split("[", 1)[0]
    if isinstance(agent, str):
        found = agents.get(agent)
        if found is None:
            return  # an agent defined in another document: its id is no name
        agent = found
    if not isinstance(agent, dict):
        read.wrong(f".{field}", "an agent id or object", agent, key=key)
        return
    name = read.text(agent, "name", at=f".{field}", under=key)
    if name:
        kind = str(agent.get("type", "")).rsplit("/", 1)[-1]
        role = identity(ORG, field, name)
        party = PERSON if kind == "Person" else ORGANIZATION if kind == "Organization" else role[4]
        values.append((*role[:4], party))
    for i, identifier in enumerate(read.items(agent, "externalIdentifier")):
        if isinstance(identifier, dict) and str(identifier.get("externalIdentifierType", "")).lower() == "email":
            value = read.text(identifier, "identifier", at=f".{field}.externalIdentifier[{i}]", under=key)
            if value:
                values.append(identity(URL, f"{field}.externalIdentifier[{i}].identifier", value))
