"""The typed shape of a CycloneDX document: only the fields the enforcer reads.

msgspec decodes a CycloneDX JSON document straight into these structs (and
the XML loader converts its tree into the same shape): the fields of the
identity-field table (`enforcer.identify.fields.CYCLONEDX_COMPONENT`), the
component's type, and what the paths need. Everything else (licences,
properties, descriptions, evidence...) is skipped by the decoder without
creating Python objects. The structs are not tracked by the garbage
collector, which would otherwise rescan millions of objects while they are
built.
"""

from __future__ import annotations

from typing import Annotated

import msgspec

#: Longest string accepted in a field the matcher reads (names, URLs, purls).
MAX_STRING = 65_536
Str = Annotated[str, msgspec.Meta(max_length=MAX_STRING)]


class Contact(msgspec.Struct, gc=False):
    name: Str | None = None
    email: Str | None = None


class Entity(msgspec.Struct, gc=False):
    """An OrganizationalEntity: supplier, manufacturer, manufacture, provider."""

    name: Str | None = None
    url: tuple[Str, ...] | None = ()
    contact: tuple[Contact, ...] | None = ()


class Hash(msgspec.Struct, gc=False):
    alg: Str = ""
    content: Str = ""


class ExternalReference(msgspec.Struct, gc=False):
    url: Str = ""
    type: Str = ""


class Component(msgspec.Struct, gc=False):
    bom_ref: Str | None = msgspec.field(default=None, name="bom-ref")
    type: Str = ""
    name: Str = ""
    version: Str | None = None
    group: Str | None = None
    purl: Str | None = None
    cpe: Str | None = None
    supplier: Entity | None = None
    manufacturer: Entity | None = None
    publisher: Str | None = None
    author: Str | None = None
    authors: tuple[Contact, ...] | None = ()
    hashes: tuple[Hash, ...] | None = ()
    externalReferences: tuple[ExternalReference, ...] | None = ()
    components: tuple[Component, ...] | None = ()


class Service(msgspec.Struct, gc=False):
    bom_ref: Str | None = msgspec.field(default=None, name="bom-ref")
    name: Str = ""
    version: Str | None = None
    group: Str | None = None
    provider: Entity | None = None
    endpoints: tuple[Str, ...] | None = None
    externalReferences: tuple[ExternalReference, ...] | None = None
    services: tuple[Service, ...] | None = None


class Metadata(msgspec.Struct, gc=False):
    component: Component | None = None
    supplier: Entity | None = None
    manufacture: Entity | None = None
    manufacturer: Entity | None = None


class Dependency(msgspec.Struct, gc=False):
    ref: Str = ""
    dependsOn: tuple[Str, ...] | None = None


class Bom(msgspec.Struct, gc=False):
    bomFormat: Str = ""
    specVersion: Str = ""
    metadata: Metadata | None = None
    components: list[Component] | None = None
    services: list[Service] | None = None
    dependencies: list[Dependency] | None = None
