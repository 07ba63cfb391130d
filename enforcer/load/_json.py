"""Shared words for JSON problems: where in the file, and what was found instead.

msgspec and orjson report positions in bytes and paths in their own syntax;
these helpers turn them into the line, column and field path a user reads.
"""

from __future__ import annotations

from typing import Any


def locate(message: str, data: bytes) -> str:
    """Turn msgspec's "(byte N)" into a line and column."""
    marker = "(byte "
    at = message.rfind(marker)
    if "truncated" in message:
        text, offset = "unexpected end of file; the file is truncated", len(data.rstrip())
    elif at < 0:
        return message
    else:
        try:
            offset = int(message[at + len(marker) : message.index(")", at)])
        except ValueError:
            return message
        text = message[:at].strip().removeprefix("JSON is malformed: ")
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return f"{text} (line {line}, column {column})"


def path_of(message: str) -> str:
    at = message.rfind("- at `")
    return message[at + 6 : -1] if at >= 0 else "$"


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
