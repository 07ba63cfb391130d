"""Component records and the plain description of what to look for: the data the stages hand on.

Not a stage: every stage may import this module (and `_models`, `_errors`),
and it imports no stage. The load stage fills `ComponentRecord`s, using the
identify stage's table; the match stage reads them. `Needles` travels the
other way as plain data: the match stage describes what a value must contain
to be able to hit a ban, and the orchestrator hands that description to the
loaders (and the native scanner), so no loader needs a ban.

A record's identity values are ``(kind, field, raw, role, party)`` tuples:

- kind: how the value is matched (`ORG`, `URL`, `PURL`, `CPE`, `GROUP`, `NAME`, `HASH`);
- field: where it is, with positions (``supplier.contact[0].name``);
- raw: the value as the SBOM writes it;
- role: what the field says about a vendor (supplier, author, purl, ...);
- party: ``organization``, ``person`` or ``""``.
"""

from __future__ import annotations

from typing import Final

import msgspec

# -- kinds of value: how each is matched ------------------------------------------

ORG: Final = "org"  # an organisation or person name
URL: Final = "url"  # a URL, e-mail address or host name: its domain is matched
PURL: Final = "purl"
CPE: Final = "cpe"
GROUP: Final = "group"  # a CycloneDX group / Maven groupId: matched as a purl namespace
NAME: Final = "name"  # a component name: matched as product tokens
HASH: Final = "hash"

#: Every kind of value, in the order the native scanner takes its needles.
VALUE_KINDS: Final = (ORG, URL, PURL, CPE, GROUP, NAME, HASH)
#: Kinds that identify a vendor on their own (a name or a group does not).
IDENTIFYING: Final = frozenset({ORG, URL, PURL, CPE, HASH})

# -- parties --------------------------------------------------------------------------

ORGANIZATION: Final = "organization"
PERSON: Final = "person"
NO_PARTY: Final = ""

#: (kind, field, raw, role, party)
Value = tuple[str, str, str, str, str]

#: Where a record comes from in its SBOM.
COMPONENT: Final = "component"
METADATA: Final = "metadata"  # the SBOM's own subject
SERVICE: Final = "service"

#: A path longer than this many labels keeps its first label and its last ones.
MAX_PATH: Final = 48
ELIDED: Final = "…"

#: Values SBOM tools write when they know nothing.
NO_VALUE: Final = frozenset({"", "noassertion", "none", "unknown", "n/a", "na", "null", "-"})


def is_no_value(value: str | None) -> bool:
    return value is None or value.strip().lower() in NO_VALUE


class ComponentRecord(msgspec.Struct, gc=False):
    """One component of an SBOM, flattened."""

    index: int
    ref: str
    name: str = ""
    version: str = ""
    purl: str = ""
    #: the component's kind (`enforcer.identify.kinds`)
    kind: str = "unknown"
    #: component | metadata | service
    place: str = COMPONENT
    parent: int = -1
    #: labels of the enclosing components, outermost first
    ancestors: tuple[str, ...] = ()
    values: list[Value] = []
    #: labels from the SBOM's root to this component (set by the loader for the records it returns)
    path: tuple[str, ...] = ()

    @property
    def identified(self) -> bool:
        """True when the record carries something a ban can match besides its name."""
        return any(value[0] in IDENTIFYING for value in self.values)

    def label(self) -> str:
        if self.name:
            return f"{self.name}@{self.version}" if self.version else self.name
        return self.ref


def bounded_path(labels: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """A path of at most `MAX_PATH` labels: the root, an ellipsis, and the labels nearest the component."""
    if len(labels) <= MAX_PATH:
        return tuple(labels)
    return (labels[0], ELIDED, *labels[len(labels) - MAX_PATH + 2 :])


class NeedleSet(msgspec.Struct, frozen=True, gc=False):
    """What an ASCII value of one kind must contain (lower-cased) to be able to match.

    `active`: some ban can match a value of this kind at all. `needles`: one
    of them must be in the value's lower-cased text (organisations: with
    dots, apostrophes, backquotes and slashes removed). `markers`: text that sends a value to the exact
    matcher anyway (a repository_url qualifier). A value that is not ASCII can
    always match (case folding may change its letters); so can a CPE with a
    backslash escape.
    """

    active: bool = False
    needles: tuple[str, ...] = ()
    markers: tuple[str, ...] = ()


class Needles(msgspec.Struct, frozen=True, gc=False):
    """One `NeedleSet` per kind of value."""

    org: NeedleSet = NeedleSet()
    url: NeedleSet = NeedleSet()
    purl: NeedleSet = NeedleSet()
    cpe: NeedleSet = NeedleSet()
    group: NeedleSet = NeedleSet()
    name: NeedleSet = NeedleSet()
    hash: NeedleSet = NeedleSet()

    def of(self, kind: str) -> NeedleSet:
        needles: NeedleSet = getattr(self, kind)
        return needles

    def scanner_spec(self) -> list[tuple[bool, list[str]]]:
        """The native scanner's argument: per kind, in `VALUE_KINDS` order, (active, needles and markers)."""
        return [
            (self.of(kind).active, sorted(set(self.of(kind).needles) | set(self.of(kind).markers)))
            for kind in VALUE_KINDS
        ]
