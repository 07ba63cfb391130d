"""Text from an SBOM or a file name made safe to show on a terminal or in a CI log."""

from __future__ import annotations

import re

__all__ = ["printable"]


def _escapes() -> dict[int, str]:
    """Characters a terminal acts on instead of showing: C0 and C1 controls, DEL, line and
    paragraph separators, and the bidirectional controls that reorder what is shown."""
    codes = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F)]
    codes += [*range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]
    named = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}
    return {code: named.get(code, f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}") for code in codes}


_ESCAPES = _escapes()
#: any of them (a line without one, nearly every line, is returned as it is: `translate` looks up every character)
_UNSAFE = re.compile("[" + "".join(re.escape(chr(code)) for code in _ESCAPES) + "]")


def printable(text: str) -> str:
    """`text` on one line, safe for a terminal: control characters written as escapes (`\\n`, `\\x1b`).

    A newline or an escape sequence in a component name must not start a line
    of its own (a CI log would read "::error::..." there as a workflow
    command), drive the terminal, or reorder what is shown.
    """
    return text.translate(_ESCAPES) if _UNSAFE.search(text) else text
