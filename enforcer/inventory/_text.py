"""Text as the store holds it, and database URLs as people may see them.

PostgreSQL text cannot hold U+0000 (NUL), and no database driver can send a
lone UTF-16 surrogate; SBOMs may carry both (JSON allows ``\\u0000``, some
parsers let surrogates through). Rather than refuse such an SBOM, the store
keeps every string in a reversible form that both SQLite and PostgreSQL take:

- a string without U+0000, U+0001 or a lone surrogate is stored as it is
  (almost every string: the check is one scan in C);
- any other string is stored as U+0001 followed by its text in which U+0001
  becomes U+0001 ``a``, U+0000 becomes U+0001 ``0`` and a lone surrogate
  becomes U+0001 ``u`` and four hex digits.

Every string starting with U+0001 is therefore escaped, and `unescape`
gives the original back exactly, so matching and reports see what `check`
sees. Someone reading the tables with SQL sees the escaped form.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

_MARK = "\x01"
_ESCAPES = re.compile("\x01(a|0|u[0-9a-f]{4})")
_NEEDS = re.compile("[\x00\x01\ud800-\udfff]")


def escape(text: str) -> str:
    """The stored form of a string (itself, unless it holds NUL, U+0001 or a lone surrogate)."""
    if text.isascii():
        if "\x00" not in text and _MARK not in text:
            return text
    elif "\x00" not in text and _MARK not in text:
        try:
            text.encode("utf-8")
            return text
        except UnicodeEncodeError:
            pass
    return _MARK + _NEEDS.sub(_escape_char, text)


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    if char == _MARK:
        return "\x01a"
    if char == "\x00":
        return "\x010"
    return f"\x01u{ord(char):04x}"


def unescape(text: str) -> str:
    """The original of a stored string."""
    if text[:1] != _MARK:
        return text
    return _ESCAPES.sub(_unescape_match, text[1:])


def _unescape_match(match: re.Match[str]) -> str:
    code = match.group(1)
    if code == "a":
        return _MARK
    if code == "0":
        return "\x00"
    return chr(int(code[1:], 16))


def hide_password(text: str, password: str | None) -> str:
    """`text` with every spelling of `password` (as typed, URL-encoded or decoded) replaced by ***."""
    if not password:
        return text
    for spelling in sorted({password, quote(password, safe=""), unquote(password)}, key=len, reverse=True):
        if spelling:
            text = text.replace(spelling, "***")
    return text
