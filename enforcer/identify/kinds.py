"""Component kinds: one closed vocabulary for what a component *is*.

A ban covers kinds of component (a radio's firmware, an application, a
library...), so every component record says which kind it is. The SBOM
formats each have their own words for it; they are mapped here, in one place:

- CycloneDX ``type`` uses the vocabulary's own words (services are ``service``);
- SPDX 2.3 ``primaryPackagePurpose`` and SPDX 3 ``software_primaryPurpose``
  are mapped word by word (`SPDX2_PURPOSES`, `SPDX3_PURPOSES`);
- a component that declares no kind takes one from its purl type when the
  type names a language ecosystem (a library) or an image format (a
  container); otherwise it is ``unknown``, and each ban says how to treat
  an unknown kind (contract 2, ``covers.unknown_kind``).
"""

from __future__ import annotations

from typing import Final

APPLICATION: Final = "application"
FRAMEWORK: Final = "framework"
LIBRARY: Final = "library"
CONTAINER: Final = "container"
PLATFORM: Final = "platform"
OPERATING_SYSTEM: Final = "operating-system"
DEVICE: Final = "device"
DEVICE_DRIVER: Final = "device-driver"
FIRMWARE: Final = "firmware"
FILE: Final = "file"
MODEL: Final = "machine-learning-model"
DATA: Final = "data"
CRYPTOGRAPHIC_ASSET: Final = "cryptographic-asset"
SERVICE: Final = "service"
UNKNOWN: Final = "unknown"

#: Every kind, in the order the README lists them.
KINDS: Final = (
    APPLICATION,
    FRAMEWORK,
    LIBRARY,
    CONTAINER,
    PLATFORM,
    OPERATING_SYSTEM,
    DEVICE,
    DEVICE_DRIVER,
    FIRMWARE,
    FILE,
    MODEL,
    DATA,
    CRYPTOGRAPHIC_ASSET,
    SERVICE,
    UNKNOWN,
)
_KNOWN = frozenset(KINDS)

#: SPDX 2.3 primaryPackagePurpose -> kind.
SPDX2_PURPOSES: Final = {
    "APPLICATION": APPLICATION,
    "FRAMEWORK": FRAMEWORK,
    "LIBRARY": LIBRARY,
    "CONTAINER": CONTAINER,
    "OPERATING-SYSTEM": OPERATING_SYSTEM,
    "DEVICE": DEVICE,
    "FIRMWARE": FIRMWARE,
    "INSTALL": APPLICATION,
    "SOURCE": FILE,
    "ARCHIVE": FILE,
    "FILE": FILE,
    "OTHER": UNKNOWN,
}

_SPDX2_WORDS = {word.replace("-", ""): kind for word, kind in SPDX2_PURPOSES.items()}

#: SPDX 3 software_primaryPurpose (and software_additionalPurpose) -> kind.
SPDX3_PURPOSES: Final = {
    "application": APPLICATION,
    "executable": APPLICATION,
    "install": APPLICATION,
    "library": LIBRARY,
    "module": LIBRARY,
    "framework": FRAMEWORK,
    "container": CONTAINER,
    "operatingSystem": OPERATING_SYSTEM,
    "device": DEVICE,
    "deviceDriver": DEVICE_DRIVER,
    "firmware": FIRMWARE,
    "platform": PLATFORM,
    "model": MODEL,
    "data": DATA,
    "bom": DATA,
    "configuration": DATA,
    "manifest": DATA,
    "evidence": DATA,
    "requirement": DATA,
    "specification": DATA,
    "archive": FILE,
    "source": FILE,
    "file": FILE,
    "patch": FILE,
    "test": FILE,
    "documentation": FILE,
    "diskImage": FILE,
    "filesystemImage": FILE,
    "other": UNKNOWN,
}

#: purl types of language ecosystems and source hosts: their packages are libraries.
LIBRARY_PURL_TYPES: Final = frozenset(
    """
    maven npm pypi golang cargo nuget gem composer hex pub cocoapods swift conan cran
    hackage julia luarocks conda bitbucket github gitlab swid
    """.split()
)
#: purl types of images: containers.
CONTAINER_PURL_TYPES: Final = frozenset({"docker", "oci"})


def from_cyclonedx(value: str | None) -> str:
    """The kind of a CycloneDX component `type` ("" or an unknown word: unknown)."""
    if not value:
        return UNKNOWN
    kind = value.strip().lower()
    return kind if kind in _KNOWN else UNKNOWN


def from_spdx2(purpose: str | None) -> str:
    """The kind of an SPDX 2 primaryPackagePurpose (``LIBRARY``; RDF writes ``...#purpose_library``)."""
    if not purpose:
        return UNKNOWN
    word = purpose.strip().rsplit("#", 1)[-1].removeprefix("purpose_")
    return _SPDX2_WORDS.get(word.upper().replace("_", "").replace("-", ""), UNKNOWN)


def from_spdx3(purpose: str | None) -> str:
    if not purpose:
        return UNKNOWN
    word = purpose.strip().rsplit("/", 1)[-1]  # a full IRI ends in the word
    return SPDX3_PURPOSES.get(word, SPDX3_PURPOSES.get(word[:1].lower() + word[1:], UNKNOWN))


def from_purl(purl: str | None) -> str:
    """The kind a purl's type implies, for a component that declares none."""
    if not purl:
        return UNKNOWN
    head = purl.strip()[:64].lower()
    if not head.startswith("pkg:"):
        return UNKNOWN
    ptype = head[4:].lstrip("/").split("/", 1)[0]
    if ptype in LIBRARY_PURL_TYPES:
        return LIBRARY
    if ptype in CONTAINER_PURL_TYPES:
        return CONTAINER
    return UNKNOWN


def resolve(declared: str, purl: str | None) -> str:
    """The declared kind, or the purl's when none is declared."""
    return declared if declared != UNKNOWN else from_purl(purl)


def with_article(kind: str) -> str:
    """The kind as a noun phrase: "a library", "an application", "a component of unknown kind"."""
    if kind == UNKNOWN:
        return "a component of unknown kind"
    return f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind}"
