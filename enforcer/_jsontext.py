"""Where in a JSON text a decoder stopped, as a reader counts: line and column.

Shared by the SBOM loaders and the report reader (`enforcer.contract.report`).
"""

from __future__ import annotations


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
