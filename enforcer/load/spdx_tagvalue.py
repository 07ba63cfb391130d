"""SPDX 2.x tag-value (``.spdx``), including SPDX-Lite.

The file is read line by line without copying it: ``Tag: value`` lines, ``#``
comments, and ``<text>...</text>`` values that may span lines. A package
starts at ``PackageName`` and ends where the next package, file, snippet or
licence starts; its ``SPDXID``, ``PackageVersion``, ``PackageSupplier``,
``PackageOriginator``, ``PackageDownloadLocation``, ``PackageHomePage``,
``PackageChecksum`` and ``ExternalRef`` lines fill the same package model as
SPDX JSON, so records and field names (``supplier``,
``externalRefs[0].referenceLocator``) are the same in every encoding.
``Relationship`` lines give the path of a finding.

Limits: a line longer than `MAX_LINE` bytes, or a value the matcher reads
longer than `MAX_STRING` characters, stops the load with the line number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from enforcer._errors import SbomParseError
from enforcer.load._spdx_checks import raw_warnings
from enforcer.load.cyclonedx_model import MAX_STRING
from enforcer.load.interface import SbomLoader
from enforcer.load.spdx_json import (
    MAX_LINE,
    Checksum,
    Document,
    ExternalRef,
    Package,
    Relationship,
    Spdx2Document,
    check_version,
)

#: Warnings kept about lines that are not "Tag: value" (the rest are counted).
_MAX_WARNINGS = 20

_TAG = re.compile(r"([A-Za-z][A-Za-z0-9_-]*)\s*:\s?(.*)", re.DOTALL)
_SNIFF = re.compile(rb"(?m)^\s*SPDXVersion\s*:\s*SPDX-")
#: Tags whose value the matcher reads: their length is bounded by MAX_STRING.
_READ = frozenset(
    {
        "SPDXVersion",
        "SPDXID",
        "DocumentName",
        "PackageName",
        "PackageVersion",
        "PackageSupplier",
        "PackageOriginator",
        "PackageDownloadLocation",
        "PackageHomePage",
        "PackageChecksum",
        "PrimaryPackagePurpose",
        "ExternalRef",
        "Relationship",
    }
)
#: Tags that open an element which is not a package.
_OTHER_ELEMENTS = frozenset({"FileName", "SnippetSPDXID", "LicenseID"})


def _lines(data: bytes, path: str) -> Iterator[tuple[int, str]]:
    """(line number, text) for each line, without splitting the whole file at once."""
    start, number, size = 0, 0, len(data)
    while start < size:
        end = data.find(b"\n", start)
        if end < 0:
            end = size
        number += 1
        if end - start > MAX_LINE:
            raise SbomParseError(f"{path}: line {number}: longer than {MAX_LINE} bytes")
        try:
            text = data[start:end].decode("utf-8")
        except UnicodeDecodeError as error:
            raise SbomParseError(f"{path}: line {number}: not valid UTF-8: {error.reason}") from None
        yield number, text.rstrip("\r")
        start = end + 1


def _fields(data: bytes, path: str, warnings: list[str]) -> Iterator[tuple[int, str, str]]:
    """(line number, tag, value) for each tag, with multi-line <text> values joined."""
    lines = _lines(data, path)
    ignored = 0
    for number, line in lines:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _TAG.fullmatch(stripped)
        if match is None:
            ignored += 1
            if ignored <= _MAX_WARNINGS:
                warnings.append(f"line {number}: not a 'Tag: value' line; ignored")
            continue
        tag, value = match.group(1), match.group(2).strip()
        if value.startswith("<text>"):
            value = _text_block(value, lines, number, tag, path)
        if tag in _READ and len(value) > MAX_STRING:
            raise SbomParseError(f"{path}: line {number}: {tag}: value longer than {MAX_STRING} characters")
        yield number, tag, value
    if ignored > _MAX_WARNINGS:
        warnings.append(f"{ignored - _MAX_WARNINGS} more lines that are not 'Tag: value' ignored")


def _text_block(first: str, lines: Iterator[tuple[int, str]], number: int, tag: str, path: str) -> str:
    body = first[len("<text>") :]
    if "</text>" in body:
        return body[: body.index("</text>")].strip()
    keep = tag in _READ
    parts = [body]
    size = len(body)
    for _, line in lines:
        if "</text>" in line:
            parts.append(line[: line.index("</text>")])
            return "\n".join(parts).strip() if keep else ""
        if keep:
            size += len(line) + 1
            if size > MAX_STRING:
                raise SbomParseError(f"{path}: line {number}: {tag}: value longer than {MAX_STRING} characters")
            parts.append(line)
    raise SbomParseError(f"{path}: line {number}: {tag}: <text> is never closed by </text>")


class SpdxTagValueLoader(SbomLoader):
    name = "spdx-tag-value"

    def sniff(self, head: bytes) -> bool:
        return head.lstrip()[:1] not in (b"{", b"[", b"<") and _SNIFF.search(head) is not None

    def load(self, data: bytes, path: str) -> Spdx2Document:
        warnings: list[str] = []
        version = ""
        document_id = ""
        document_name = ""
        packages: list[Package] = []
        relationships: list[Relationship] = []
        package: Package | None = None
        in_other = False  # inside a file, snippet or licence: its SPDXID is not the package's
        checked = _Checked()
        for number, tag, value in _fields(data, path, warnings):
            checked.take(number, tag, value, package is not None, in_other)
            if tag == "PackageName":
                package = Package(name=value)
                packages.append(package)
                in_other = False
            elif tag in _OTHER_ELEMENTS:
                package = None
                in_other = True
            elif tag == "SPDXVersion":
                version = value
            elif tag == "Relationship":
                parts = value.split()
                if len(parts) >= 3:
                    relationships.append(Relationship(parts[0], parts[1], parts[2]))
                else:
                    warnings.append(f"line {number}: Relationship: expected 'ELEMENT TYPE ELEMENT', got {value!r}")
            elif package is not None:
                _refuse_repeat(package, tag, number, path)
                _package_field(package, tag, value, number, warnings)
            elif not in_other and tag == "SPDXID" and not document_id:
                document_id = value
            elif not in_other and tag == "DocumentName":
                document_name = value
        if not version:
            raise SbomParseError(f"{path}: no SPDXVersion tag")
        check_version(version, path)
        document = Document(
            spdxVersion=version,
            SPDXID=document_id,
            name=document_name,
            packages=packages,
            relationships=relationships,
        )
        result = Spdx2Document(path, document, "tag-value")
        result.warnings.extend(warnings)
        result.warnings.extend(raw_warnings(checked.raw, checked.place))
        return result


#: The JSON name of each tag the specification checks read (`_spdx_checks`), for the document and a package.
_DOCUMENT_TAGS = {
    "DataLicense": "dataLicense",
    "SPDXID": "SPDXID",
    "DocumentName": "name",
    "DocumentNamespace": "documentNamespace",
    "Created": "creationInfo.created",
    "Creator": "creationInfo.creators",
}
_PACKAGE_TAGS = {
    "SPDXID": "SPDXID",
    "PackageName": "name",
    "PackageDownloadLocation": "downloadLocation",
    "PackageSupplier": "supplier",
    "PackageOriginator": "originator",
    "PackageLicenseConcluded": "licenseConcluded",
    "PackageLicenseDeclared": "licenseDeclared",
    "PackageChecksum": "checksums",
    "ExternalRef": "externalRefs",
    "PrimaryPackagePurpose": "primaryPackagePurpose",
    "ReleaseDate": "releaseDate",
    "BuiltDate": "builtDate",
    "ValidUntilDate": "validUntilDate",
}
_TAG_OF = {
    **{field: tag for tag, field in _DOCUMENT_TAGS.items()},
    **{field: tag for tag, field in _PACKAGE_TAGS.items()},
}
_LISTS = frozenset({"creationInfo.creators", "checksums", "externalRefs"})


class _Checked:
    """The tags the specification checks read, in the JSON shape, with the line of each."""

    def __init__(self) -> None:
        self.raw: dict[str, Any] = {}
        self.packages: list[dict[str, Any]] = []
        self.lines: dict[tuple[int | None, str], int] = {}

    def take(self, number: int, tag: str, value: str, in_package: bool, in_other: bool) -> None:
        if tag == "PackageName":
            self.packages.append({})
            self.raw["packages"] = self.packages
            in_package, in_other = True, False
        if in_other:
            return
        which: int | None = len(self.packages) - 1 if in_package else None
        field = (_PACKAGE_TAGS if in_package else _DOCUMENT_TAGS).get(tag)
        if field is None or (which is None and field == "SPDXID" and "SPDXID" in self.raw):
            return
        target = self.packages[which] if which is not None else self.raw
        if field.startswith("creationInfo."):
            target = target.setdefault("creationInfo", {})
        key = field.rsplit(".", 1)[-1]
        item: Any = value
        if field == "checksums":
            algorithm, _, digest = value.partition(":")
            item = {"algorithm": algorithm.strip(), "checksumValue": digest.strip()}
        elif field == "externalRefs":
            parts = value.split(None, 2) + ["", "", ""]
            item = {"referenceCategory": parts[0], "referenceType": parts[1], "referenceLocator": parts[2]}
        if field in _LISTS:
            items = target.setdefault(key, [])
            self.lines[(which, f"{field}[{len(items)}]")] = number
            items.append(item)
        else:
            self.lines[(which, field)] = number
            target[key] = item

    def place(self, which: int | None, field: str) -> str:
        """``line 12: PackageLicenseDeclared``; for a missing tag, the package's first line."""
        base = field.split(".", 1)[0] if not field.startswith("creationInfo.") else field
        base = base.split("[", 1)[0]
        tag = _TAG_OF.get(base, _TAG_OF.get(field, field))
        item = field.split(".")[0] if "[" in field and not field.startswith("creationInfo.") else field
        line = self.lines.get((which, item)) or self.lines.get((which, base))
        if line is not None:
            return f"line {line}: {tag}"
        if which is not None:
            start = self.lines.get((which, "name"))
            name = self.packages[which].get("name", "?")
            return f"line {start} (package {name!r}): {tag}"
        return tag


#: the package tags that hold one value, and the field of `Package` each fills
_SINGLE = {
    "SPDXID": "SPDXID",
    "PackageVersion": "versionInfo",
    "PackageSupplier": "supplier",
    "PackageOriginator": "originator",
    "PackageDownloadLocation": "downloadLocation",
    "PackageHomePage": "homepage",
    "PrimaryPackagePurpose": "primaryPackagePurpose",
}


def _refuse_repeat(package: Package, tag: str, number: int, path: str) -> None:
    """A package tag that holds one value, given twice: refused (readers disagree on which one counts)."""
    field = _SINGLE.get(tag)
    if field is not None and getattr(package, field):
        raise SbomParseError(
            f"{path}: line {number}: {tag} given a second time for the package {package.name!r}:"
            " readers disagree on which one counts; refused"
        )


def _package_field(package: Package, tag: str, value: str, number: int, warnings: list[str]) -> None:
    if tag == "SPDXID":
        package.SPDXID = value
    elif tag == "PackageVersion":
        package.versionInfo = value
    elif tag == "PackageSupplier":
        package.supplier = value
    elif tag == "PackageOriginator":
        package.originator = value
    elif tag == "PackageDownloadLocation":
        package.downloadLocation = value
    elif tag == "PackageHomePage":
        package.homepage = value
    elif tag == "PrimaryPackagePurpose":
        package.primaryPackagePurpose = value
    elif tag == "PackageChecksum":
        algorithm, _, digest = value.partition(":")
        if digest.strip():
            package.checksums = [*(package.checksums or ()), Checksum(algorithm.strip(), digest.strip())]
        else:
            warnings.append(f"line {number}: PackageChecksum: expected 'ALGORITHM: VALUE', got {value!r}")
    elif tag == "ExternalRef":
        parts = value.split(None, 2)
        if len(parts) == 3:
            package.externalRefs = [*(package.externalRefs or ()), ExternalRef(*parts)]
        else:
            warnings.append(f"line {number}: ExternalRef: expected 'CATEGORY TYPE LOCATOR', got {value!r}")
