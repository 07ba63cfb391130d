"""Validation problems in the contract's own words.

pydantic reports every problem of a value at once, each with its location and
a type; this module words each one the way the README's contract speaks
(``phases.0.from: '2024-13-45' is not a valid calendar date``), so no library
wording reaches a policy author, and the wording does not change with the
library's version.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

_M = TypeVar("_M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (a dotted field path, "" for the object itself) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def validate(model: type[_M], value: Any) -> tuple[_M | None, list[Problem]]:
    """The model for a raw value, or None and every problem found in it."""
    try:
        return _adapter(model).validate_python(value), []
    except ValidationError as error:
        return None, [_problem(item) for item in error.errors(include_url=False)]


def validate_json(model: type[_M], text: str | bytes) -> tuple[_M | None, list[Problem]]:
    """The model for a JSON document, or None and every problem found in it."""
    try:
        return _adapter(model).validate_json(text), []
    except ValidationError as error:
        return None, [_problem(item) for item in error.errors(include_url=False)]


_ADAPTERS: dict[type[BaseModel], TypeAdapter[Any]] = {}


def _adapter(model: type[_M]) -> TypeAdapter[_M]:
    adapter = _ADAPTERS.get(model)
    if adapter is None:
        adapter = _ADAPTERS[model] = TypeAdapter(model)
    return adapter


def _problem(item: Any) -> Problem:
    location = [str(step) for step in item["loc"]]
    kind, given, context = item["type"], item.get("input"), item.get("ctx") or {}
    return Problem(".".join(location), _message(kind, given, context, item["msg"], location))


_TYPES = {
    "string_type": "a string",
    "list_type": "a list",
    "dict_type": "an object",
    "model_type": "an object",
    "model_attributes_type": "an object",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "int_type": "an integer",
    "int_parsing": "an integer",
    "date_type": "a date in the form YYYY-MM-DD",
    "date_parsing": "a date in the form YYYY-MM-DD",
}


def _message(kind: str, given: Any, context: dict[str, Any], text: str, location: list[str]) -> str:
    if kind == "contract":  # our own validators: already in our words
        return text
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (see the policy contract in the README)"
    if kind in _TYPES:
        return f"expected {_TYPES[kind]}, got {_describe(given)}"
    if kind == "too_short":
        if location and location[-1] == "phases":
            return "needs at least one phase"
        return "must not be empty"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_pattern_mismatch":
        return f"{given!r} is not an id (letters, digits and . _ : -, starting with a letter or digit)"
    if kind == "literal_error":
        return f"{given!r} is not one of {context.get('expected', '').replace(' or ', ', ')}"
    if kind == "greater_than_equal":
        return f"{given!r} is below the minimum {context.get('ge')!r}"
    if kind == "frozen_instance":
        return "cannot be changed"
    return f"not valid ({kind})"


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the string {value[:40]!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
