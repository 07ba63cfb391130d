"""The policy contract: what a ban and a waiver may say, validated with pydantic.

These models are the contract itself (the README documents them field by
field, `enforcer schema ban|waiver` prints their JSON Schema). The enforcer
validates what the policies declare against them, every problem at once,
then works with the light runtime types of `enforcer._models`.

Contract 1: who (`match`), when (`phases`), where (`scopes`). Contract 2 adds
what (`covers`): the kinds of component the instrument covers, the products
it names and what it excludes; a ban without `covers` covers everything.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from enforcer.identify.kinds import KINDS

CONTRACT_VERSION = 2

_ID = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"  # the Rust regex engine: `$` is the very end
_HEX = re.compile(r"^[0-9a-fA-F]{32,128}$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}$")
_PURL_PATTERN = re.compile(r"^pkg:(\*|[a-zA-Z][a-zA-Z0-9.+-]*)/(@|%40)?[^\s@?#*]+(\.\*|/\*|\*)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _problem(message: str, **context: Any) -> PydanticCustomError:
    """A contract problem, worded by the project (the `contract` error type)."""
    return PydanticCustomError("contract", message, context)


def _date(value: Any) -> Any:
    """Only YYYY-MM-DD strings (or dates) are dates of the contract, never datetimes or numbers."""
    if isinstance(value, dt.datetime):
        raise _problem("{value} is not a date in the form YYYY-MM-DD", value=repr(value.isoformat()))
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise _problem("{value} is not a date in the form YYYY-MM-DD", value=repr(value))
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _problem("{value} is not a valid calendar date", value=repr(value)) from None


def _domain(value: str) -> str:
    if not _DOMAIN.match(value.lower().rstrip(".")):
        raise _problem("{value} is not a domain name (e.g. 'example.com')", value=repr(value))
    return value


def _purl_pattern(value: str) -> str:
    if not _PURL_PATTERN.match(value):
        raise _problem(
            "{value} is not a purl pattern ('pkg:TYPE/NAMESPACE[/NAME]', TYPE may be '*';"
            " a trailing '.*' or '/*' is allowed, or '*' for a name prefix)",
            value=repr(value),
        )
    return value


def _digest(value: str) -> str:
    if not _HEX.match(value):
        raise _problem("{value} is not a hexadecimal digest", value=repr(value))
    return value


Date = Annotated[dt.date, BeforeValidator(_date)]
Text = Annotated[str, StringConstraints(min_length=1)]
Identifier = Annotated[str, StringConstraints(pattern=_ID)]
Domain = Annotated[Text, AfterValidator(_domain)]
PurlPattern = Annotated[Text, AfterValidator(_purl_pattern)]
Digest = Annotated[Text, AfterValidator(_digest)]


def _kind(value: str) -> str:
    if value not in KINDS:
        raise _problem("{value} is not one of {known}", value=repr(value), known=", ".join(map(repr, KINDS)))
    return value


def _covered_kind(value: str) -> str:
    if value != "*" and value not in KINDS:
        raise _problem("{value} is not one of {known}", value=repr(value), known=", ".join(map(repr, ["*", *KINDS])))
    return value


#: a component kind (`enforcer.identify.kinds`)
Kind = Annotated[str, AfterValidator(_kind), WithJsonSchema({"type": "string", "enum": list(KINDS)})]
#: a kind, or "*" for every kind
CoveredKind = Annotated[str, AfterValidator(_covered_kind), WithJsonSchema({"type": "string", "enum": ["*", *KINDS]})]


class _Strict(BaseModel):
    """Immutable, and an unknown field is an error: a misspelt field must not be dropped silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


class MatchSpec(_Strict):
    """Who: how a vendor's software is recognised in an SBOM."""

    organizations: list[Text] = []
    domains: list[Domain] = []
    cpe_vendors: list[Text] = []
    purls: list[PurlPattern] = []
    products: list[Text] = []
    hashes: list[Digest] = []

    def is_empty(self) -> bool:
        return not any((self.organizations, self.domains, self.cpe_vendors, self.purls, self.products, self.hashes))


class Products(_Strict):
    """Products an instrument names: a component that IS one of them is covered, whatever else it says."""

    names: list[Text] = Field(default=[], description="product names, compared as whole names")
    app_ids: list[Text] = Field(default=[], description="Android package ids and Apple bundle ids")
    purls: list[PurlPattern] = Field(default=[], description="purl patterns of the products")

    def is_empty(self) -> bool:
        return not (self.names or self.app_ids or self.purls)


class Excludes(_Strict):
    """What the instrument does not cover, although the vendor makes it."""

    kinds: list[Kind] = []
    names: list[Text] = []
    purls: list[PurlPattern] = []


class Covers(_Strict):
    """What: the components an instrument covers (contract 2)."""

    kinds: list[CoveredKind] = Field(
        default=["*"], min_length=1, description="component kinds the instrument covers; '*' for every kind"
    )
    products: Products = Products()
    only_products: bool = Field(default=False, description="only the named products are covered, of any kind")
    excludes: Excludes = Excludes()
    outside: Literal["warn", "allow"] = Field(
        default="warn", description="the verdict, at most, for a vendor match outside the coverage"
    )
    unknown_kind: Literal["covered", "outside"] = Field(
        default="covered", description="how a component whose kind is unknown is treated"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Covers:
        if self.only_products and self.products.is_empty():
            raise _problem("only_products needs products (names, app_ids or purls)")
        return self


class Phase(_Strict):
    """One step of a ban: from a date, an effect applies."""

    effect: Literal["deny", "warn"]
    from_: Date = Field(alias="from")
    until: Date | None = None
    summary: Text

    @model_validator(mode="after")
    def _ordered(self) -> Phase:
        if self.until is not None and self.until <= self.from_:
            raise _problem("until ({until}) must be after from ({start})", until=self.until, start=self.from_)
        return self


class Ban(_Strict):
    """A vendor ban, as the policies declare it in `data.enforcer.bans.bans`."""

    contract: Literal[1, 2] | None = Field(default=None, description="1 or 2; `covers` implies 2")
    id: Identifier
    vendor: Text
    title: str = ""
    match: MatchSpec
    covers: Covers | None = None
    phases: list[Phase] = Field(min_length=1)
    scopes: list[Text] = []
    references: list[Text] = []
    enabled: bool = True
    disabled_reason: str = ""
    confidence: str = "confirmed"
    reviewed: Date | None = Field(default=None, description="when the facts were last checked against the instrument")
    notes: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> Ban:
        products = self.covers is not None and not self.covers.products.is_empty()
        if self.match.is_empty() and not products:
            raise _problem("match names no organization, domain, CPE vendor, purl, product or hash")
        if not self.enabled and not self.disabled_reason:
            raise _problem("a disabled ban must say why (disabled_reason)")
        if self.contract == 1 and self.covers is not None:
            raise _problem("covers needs contract 2")
        return self


class WaiverTarget(_Strict):
    """Which components a waiver covers: any listed purl pattern, name or bom-ref."""

    purls: list[Text] = []
    names: list[Text] = []
    refs: list[Text] = []


class Waiver(_Strict):
    """An exception to a ban, with an owner, a reason and an end date."""

    id: Identifier
    ban: Text
    components: WaiverTarget
    expires: Date
    reason: Text
    approved_by: Text

    @model_validator(mode="after")
    def _targets(self) -> Waiver:
        target = self.components
        if not (target.purls or target.names or target.refs):
            raise _problem("components names no purl pattern, name or ref")
        return self
