"""The identity-field table: which field of an SBOM says what about a vendor.

One row per field that can identify a vendor. Each row says where the value
is (a path inside the component, service or document object), what *kind*
of value it is (how it is matched: an organisation name, a URL whose domain
counts, a purl, a CPE, a group, a component name, a hash), the *role* the
field gives the vendor (supplier, manufacturer, a person listed as author,
a purl namespace...) and the *party* that field names (an organisation or a
person).

Everything that reads identity follows from these rows:

- the loaders extract a component's values with `extract` (CycloneDX JSON
  and XML, whose objects share one shape) or name their rows here (SPDX);
- the Python prefilter builds one column per row (`enforcer.identify.columns`);
- "without identity" means: no row of an identifying kind has a value;
- the native scanner reads the same CycloneDX fields, and a test feeds it a
  document per row to prove it (`tests/identify/test_fields.py`);
- the decision sees each match's role and party, looked up by `role_of`.

Paths: ``a.b`` is a field of a field, ``a[]`` every element of an array;
at most one ``[]`` per path. A value's *field label* in findings is its
path with the element's position filled in: ``supplier.contact[0].name``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Final

from enforcer._records import (
    CPE,
    GROUP,
    HASH,
    IDENTIFYING,
    NAME,
    NO_PARTY,
    ORG,
    ORGANIZATION,
    PERSON,
    PURL,
    URL,
    Value,
)


@dataclass(frozen=True, slots=True)
class Field:
    """One identity field: where it is, how it is matched, what it says."""

    path: str
    kind: str
    role: str
    party: str = NO_PARTY

    @property
    def steps(self) -> tuple[str, ...]:
        return tuple(self.path.split("."))


def _entity(prefix: str, role: str) -> tuple[Field, ...]:
    """An OrganizationalEntity (supplier, manufacturer, provider): its name, URLs and contacts."""
    return (
        Field(f"{prefix}.name", ORG, role, ORGANIZATION),
        Field(f"{prefix}.url[]", URL, role),
        Field(f"{prefix}.contact[].name", ORG, "contact", PERSON),
        Field(f"{prefix}.contact[].email", URL, "contact"),
    )


#: A CycloneDX component (JSON and XML alike).
CYCLONEDX_COMPONENT: Final = (
    Field("name", NAME, "name"),
    Field("group", GROUP, "group"),
    Field("purl", PURL, "purl"),
    Field("cpe", CPE, "cpe"),
    *_entity("supplier", "supplier"),
    *_entity("manufacturer", "manufacturer"),
    Field("publisher", ORG, "publisher", ORGANIZATION),
    # CycloneDX 1.6 replaced the free-text author with `authors`, a list of
    # people; tools write a person in either
    Field("author", ORG, "author", PERSON),
    Field("authors[].name", ORG, "author", PERSON),
    Field("authors[].email", URL, "author"),
    Field("hashes[].content", HASH, "hash"),
    Field("externalReferences[].url", URL, "reference"),
)

#: A CycloneDX service.
CYCLONEDX_SERVICE: Final = (
    Field("name", NAME, "name"),
    Field("group", GROUP, "group"),
    *_entity("provider", "provider"),
    Field("endpoints[]", URL, "endpoint"),
    Field("externalReferences[].url", URL, "reference"),
)

#: The document's own parties, added to the record of the described component.
CYCLONEDX_METADATA: Final = (
    *_entity("metadata.supplier", "supplier"),
    *_entity("metadata.manufacture", "manufacturer"),
    *_entity("metadata.manufacturer", "manufacturer"),
)

#: An SPDX 2 package (JSON, YAML, tag-value, XML and RDF read into one shape).
#: Supplier and originator say "Person: ..." or "Organization: ..."; `party_of`
#: reads which.
SPDX2_PACKAGE: Final = (
    Field("name", NAME, "name"),
    Field("supplier", ORG, "supplier", ORGANIZATION),
    Field("originator", ORG, "originator", ORGANIZATION),
    Field("downloadLocation", URL, "reference"),
    Field("homepage", URL, "reference"),
    # the kind of an external reference follows from its referenceType
    Field("externalRefs[].referenceLocator", PURL, "purl"),
    Field("externalRefs[].referenceLocator", CPE, "cpe"),
    Field("externalRefs[].referenceLocator", URL, "reference"),
    Field("checksums[].checksumValue", HASH, "hash"),
)

#: An SPDX 3 software package. Agents (suppliedBy, originatedBy) are elements
#: of their own: a Person or an Organization.
SPDX3_PACKAGE: Final = (
    Field("name", NAME, "name"),
    Field("suppliedBy", ORG, "supplier", ORGANIZATION),
    Field("suppliedBy.externalIdentifier[].identifier", URL, "supplier"),
    Field("originatedBy[]", ORG, "originator", ORGANIZATION),
    Field("originatedBy[].externalIdentifier[].identifier", URL, "originator"),
    Field("software_packageUrl", PURL, "purl"),
    Field("software_downloadLocation", URL, "reference"),
    Field("software_homePage", URL, "reference"),
    Field("externalIdentifier[].identifier", PURL, "purl"),
    Field("externalIdentifier[].identifier", CPE, "cpe"),
    Field("externalIdentifier[].identifier", URL, "reference"),
    Field("externalRef[].locator[]", URL, "reference"),
    Field("verifiedUsing[].hashValue", HASH, "hash"),
)

#: Every table, by the name findings use for its family of formats.
TABLES: Final = {
    "cyclonedx-component": CYCLONEDX_COMPONENT,
    "cyclonedx-service": CYCLONEDX_SERVICE,
    "cyclonedx-metadata": CYCLONEDX_METADATA,
    "spdx2-package": SPDX2_PACKAGE,
    "spdx3-package": SPDX3_PACKAGE,
}

#: Roles whose value names a product or package, not a party.
ROLES: Final = (
    "supplier",
    "manufacturer",
    "publisher",
    "provider",
    "author",
    "contact",
    "originator",
    "reference",
    "endpoint",
    "purl",
    "group",
    "cpe",
    "hash",
    "name",
    "product",
)

# -- reading values with the table --------------------------------------------------

_INDEX = re.compile(r"\[\d+\]")


def extract(obj: Any, fields: tuple[Field, ...]) -> list[Value]:
    """Every identity value of one object, as (kind, field label, raw, role, party), in table order.

    `obj` is a decoded struct whose attributes carry the table's names
    (CycloneDX's typed decoder); empty strings and nulls are no values.
    """
    values: list[Value] = []
    for row in fields:
        for label, raw in _walk(obj, _compiled(row.path), ""):
            if raw:
                values.append((row.kind, label, raw, row.role, _party(row.party, raw)))
    return values


def value(kind: str, label: str, raw: str) -> Value:
    """One identity value a loader read by hand (SPDX), with the role and party its field gives it."""
    role, party = role_of(label, kind, raw)
    return (kind, label, raw, role, party)


def identified(obj: Any, fields: tuple[Field, ...]) -> bool:
    """True when some row of an identifying kind has a value in `obj`."""
    for row in fields:
        if row.kind in IDENTIFYING and any(raw for _, raw in _walk(obj, _compiled(row.path), "")):
            return True
    return False


@cache
def _compiled(path: str) -> tuple[tuple[str, bool], ...]:
    """A path as steps (attribute, is an array)."""
    return tuple((step.removesuffix("[]"), step.endswith("[]")) for step in path.split("."))


def _walk(obj: Any, steps: tuple[tuple[str, bool], ...], label: str) -> Iterator[tuple[str, Any]]:
    if obj is None:
        return
    if not steps:
        yield label, obj
        return
    (name, array), rest = steps[0], steps[1:]
    value = getattr(obj, name, None)
    where = f"{label}.{name}" if label else name
    if array:
        for position, item in enumerate(value or ()):
            yield from _walk(item, rest, f"{where}[{position}]")
    elif value is not None:
        yield from _walk(value, rest, where)


# -- what a matched field says ------------------------------------------------------------

_PERSON_PREFIX = re.compile(r"^\s*person\s*:", re.IGNORECASE)
_ORGANIZATION_PREFIX = re.compile(r"^\s*organi[sz]ation\s*:", re.IGNORECASE)


@lru_cache(maxsize=1)
def _by_label() -> dict[tuple[str, str], Field]:
    rows: dict[tuple[str, str], Field] = {}
    for table in TABLES.values():
        for row in table:
            rows.setdefault((row.path, row.kind), row)
    return rows


def row_of(label: str, kind: str) -> Field | None:
    """The table row of a field label and kind (`supplier.contact[0].name` -> `supplier.contact[].name`)."""
    return _by_label().get((_INDEX.sub("[]", label), kind))


def role_of(label: str, kind: str, raw: str = "") -> tuple[str, str]:
    """The role and party of the value at a field label.

    The party of an organisation value is the row's, except where the value
    says otherwise (SPDX's ``Person: Jane Doe`` or ``Organization: ACME``).
    A field no row names (a format's own extra) takes the role of its kind.
    """
    row = row_of(label, kind)
    if row is None:
        return _ROLE_OF_KIND.get(kind, "reference"), _party(ORGANIZATION if kind == ORG else NO_PARTY, raw)
    return row.role, _party(row.party, raw)


def _party(party: str, raw: str) -> str:
    """The row's party, unless the value says otherwise.

    SPDX writes ``Person: ...`` or ``Organization: ...``; and a name in a
    person's field that ends in a legal form ("ByteDance Ltd.") is a company's.
    """
    if party and raw[:1] in "PpOo":
        if _PERSON_PREFIX.match(raw):
            return PERSON
        if _ORGANIZATION_PREFIX.match(raw):
            return ORGANIZATION
    if party == PERSON and _LEGAL_FORM.search(raw):
        return ORGANIZATION
    return party


#: A legal form at the end of a name (before any bracket or e-mail): the name is a company's.
_LEGAL_FORM = re.compile(
    r"[\s,]((inc|ltd|llc|llp|plc|gmbh|corp|corporation|company|limited|co|ag|sa|srl|spa|bv|nv|oy|ab|as|kk|pty|pte"
    r"|jsc|ojsc|pjsc|ooo|ao|zao|oao|s\.a|s\.r\.l|s\.p\.a|b\.v|n\.v)\.?)\s*([(<\[].*)?$",
    re.IGNORECASE,
)


_ROLE_OF_KIND = {
    ORG: "supplier",
    URL: "reference",
    PURL: "purl",
    CPE: "cpe",
    GROUP: "group",
    NAME: "name",
    HASH: "hash",
}
