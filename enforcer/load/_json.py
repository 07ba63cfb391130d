"""Shared words for JSON problems: where in the file, and what was found instead.

msgspec and orjson report positions in bytes and paths in their own syntax;
these helpers turn them into the line, column and field path a user reads.
"""

from __future__ import annotations

from typing import Any

from enforcer._jsontext import locate

__all__ = ["locate", "read_json", "refuse_long_strings", "relative", "struct_fields", "type_name"]


def relative(message: str) -> str:
    """`Expected str, got int - at $.name` -> `.name: expected str, got int`."""
    text, _, at = message.partition(" - at `")
    location = at.rstrip("`").removeprefix("$") if at else ""
    text = text.replace("`", "")
    return f"{location}: {text[:1].lower()}{text[1:]}"


def type_name(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )


def read_json(data: bytes, path: str) -> Any:
    """The whole document as plain data (orjson), or one line saying why it is not JSON."""
    import orjson

    from enforcer._errors import SbomParseError

    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as error:
        if "depth limit" in str(error):
            raise SbomParseError(f"{path}: JSON nested too deeply to be an SBOM") from None
        raise SbomParseError(f"{path}: not valid JSON: {error}") from None


def refuse_long_strings(document: Any, path: str, fields: frozenset[str], limit: int) -> None:
    """Raise when a field the loader reads (a key in `fields`) holds a string longer than `limit`.

    The typed decoders bound these strings; when a decode fails, this says
    where, in the words of the project, before the lenient path reads the rest.
    """
    from enforcer._errors import SbomParseError

    stack: list[tuple[Any, str]] = [(document, "$")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if key in fields:
                    if isinstance(item, str) and len(item) > limit:
                        raise SbomParseError(f"{path}: {where}.{key}: string longer than {limit} characters")
                    stack.append((item, f"{where}.{key}"))
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{number}]") for number, item in enumerate(value))
            for number, item in enumerate(value):
                if isinstance(item, str) and len(item) > limit:
                    raise SbomParseError(f"{path}: {where}[{number}]: string longer than {limit} characters")


def struct_fields(*types: type) -> frozenset[str]:
    """Every field name (as encoded) of some msgspec structs: the keys a loader reads."""
    import msgspec

    return frozenset(field.encode_name for kind in types for field in msgspec.structs.fields(kind))
