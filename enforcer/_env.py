"""Every environment variable the enforcer reads, checked in one place.

Each variable has one reader here that parses and checks its value; a bad
value is a `SettingError` naming the variable (the CLI: one line, exit 2),
never a traceback and never silently ignored. `check_environment` checks
them all at once; the CLI calls it before any command runs, so a typo in a
CI job's environment stops the job at once instead of halfway through.

    variable                  read by                      value
    ENFORCER_MAX_SBOM_BYTES   load (read_source)           a whole number of bytes, 1 or more
    ENFORCER_NATIVE           _native                      1, on, yes, true / 0, off, no, false
    ENFORCER_CACHE_DIR        _cache                       a directory, or off
    ENFORCER_OPA_URL          cli (--opa-url)              an http:// or https:// URL
    ENFORCER_OPA_TOKEN        cli (--opa-token)            text without control characters
    ENFORCER_EVAL_TIMEOUT     engine (_limits)             seconds (default 60), or 0 / off: no limit
    ENFORCER_DB               inventory (the store)        a file path (SQLite) or a postgresql:// URL
    XDG_DATA_HOME             inventory (default store)    a directory (default ~/.local/share)
    ENFORCER_MAX_ANSWER_BYTES engine (_limits)             bytes, or with a KiB, MiB, GiB suffix
    SOURCE_DATE_EPOCH         _run (the report's time)     seconds since 1970, up to the year 9999

An empty value counts as unset.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from enforcer._errors import SettingError

#: Largest SBOM read into memory by default (bytes, after decompression).
DEFAULT_MAX_SBOM_BYTES = 4 << 30
_ON = ("1", "on", "yes", "true")
_OFF = ("0", "off", "no", "false")
#: 9999-12-31T23:59:59Z: the last second a report's date can carry
_LAST_EPOCH = 253_402_300_799


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return None
    return value.strip()


def _bad(name: str, value: str, why: str) -> SettingError:
    shown = value if len(value) <= 60 else value[:57] + "..."
    return SettingError(f"{name}={shown!r}: {why}")


def max_sbom_bytes() -> int:
    """ENFORCER_MAX_SBOM_BYTES: the most bytes an SBOM may have when read whole (default 4 GiB)."""
    value = _raw("ENFORCER_MAX_SBOM_BYTES")
    if value is None:
        return DEFAULT_MAX_SBOM_BYTES
    number = value.replace("_", "")
    if not number.isdigit() or not number.isascii() or int(number) < 1 or len(number) > 18:
        raise _bad("ENFORCER_MAX_SBOM_BYTES", value, "expected a whole number of bytes from 1 to 10^18")
    return int(number)


def native_enabled() -> bool:
    """ENFORCER_NATIVE: whether CycloneDX JSON may go through the native scanner (default yes)."""
    value = _raw("ENFORCER_NATIVE")
    if value is None or value.lower() in _ON:
        return True
    if value.lower() in _OFF:
        return False
    raise _bad("ENFORCER_NATIVE", value, f"expected one of {', '.join(_ON)} or {', '.join(_OFF)}")


def cache_dir_setting() -> str | None:
    """ENFORCER_CACHE_DIR: the cache directory, "off", or None (the default place)."""
    value = _raw("ENFORCER_CACHE_DIR")
    if value is None:
        return None
    if value.lower() == "off":
        return "off"
    if "\x00" in value or any(ord(char) < 32 for char in value):
        raise _bad("ENFORCER_CACHE_DIR", value, "a directory name with control characters")
    return value


def opa_url() -> str | None:
    """ENFORCER_OPA_URL: the OPA server's URL."""
    value = _raw("ENFORCER_OPA_URL")
    if value is None:
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        valid = False
    if not valid or any(ord(char) < 33 for char in value):
        raise _bad("ENFORCER_OPA_URL", value, "expected an http:// or https:// URL with a host")
    return value


def opa_token() -> str | None:
    """ENFORCER_OPA_TOKEN: the bearer token for the OPA server (sent in a header: one line)."""
    value = os.environ.get("ENFORCER_OPA_TOKEN")
    if not value:
        return None
    if any(ord(char) < 32 or ord(char) == 127 for char in value):
        raise SettingError("ENFORCER_OPA_TOKEN: the token holds a control character (a line break?)")
    return value


#: the embedded engine's evaluation limit by default (seconds)
DEFAULT_EVAL_TIMEOUT = 60.0
#: the largest answer an OPA server or process may send by default
DEFAULT_MAX_ANSWER_BYTES = 256 << 20
_SIZE = re.compile(r"^(\d+)\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def eval_timeout() -> float | None:
    """ENFORCER_EVAL_TIMEOUT: the most seconds one embedded evaluation may take (None: no limit; default 60)."""
    value = _raw("ENFORCER_EVAL_TIMEOUT")
    if value is None:
        return DEFAULT_EVAL_TIMEOUT
    if value.lower() in ("0", "off", "none", "no"):
        return None
    try:
        seconds = float(value)
    except ValueError:
        seconds = float("nan")
    if not seconds > 0:  # negative, or not a number
        raise _bad("ENFORCER_EVAL_TIMEOUT", value, "not a number of seconds (or `off`)")
    return None if seconds == float("inf") else seconds


def max_answer_bytes() -> int:
    """ENFORCER_MAX_ANSWER_BYTES: the largest answer an OPA server or process may send (default 256 MiB)."""
    value = _raw("ENFORCER_MAX_ANSWER_BYTES")
    if value is None:
        return DEFAULT_MAX_ANSWER_BYTES
    match = _SIZE.match(value)
    if match is None or int(match.group(1)) == 0:
        raise _bad("ENFORCER_MAX_ANSWER_BYTES", value, "not a size (a number of bytes, or with KiB, MiB, GiB)")
    return int(match.group(1)) * _UNITS[match.group(2)[:1].lower()]


def inventory_db() -> str | None:
    """ENFORCER_DB: the inventory's store, a file path (SQLite) or a database URL; None when unset."""
    value = _raw("ENFORCER_DB")
    if value is not None and any(ord(char) < 32 for char in value):
        # the value may be a URL with a password: it is not repeated
        raise SettingError("ENFORCER_DB: a control character in the store's path or URL")
    return value


def data_home() -> str:
    """XDG_DATA_HOME, else ~/.local/share: where the inventory's default store lives."""
    value = _raw("XDG_DATA_HOME")
    if value is not None and any(ord(char) < 32 for char in value):
        raise _bad("XDG_DATA_HOME", value, "a directory name with control characters")
    return value or os.path.join(os.path.expanduser("~"), ".local", "share")


def source_date_epoch() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH: the time reports carry, for reproducible builds; None when unset."""
    value = _raw("SOURCE_DATE_EPOCH")
    if value is None:
        return None
    if not value.isdigit() or not value.isascii() or len(value) > 12 or int(value) > _LAST_EPOCH:
        raise _bad("SOURCE_DATE_EPOCH", value, f"expected whole seconds since 1970, from 0 to {_LAST_EPOCH}")
    return dt.datetime.fromtimestamp(int(value), dt.UTC)


#: every reader, in the order of the table above
READERS: tuple[Callable[[], object], ...] = (
    max_sbom_bytes,
    native_enabled,
    cache_dir_setting,
    opa_url,
    opa_token,
    eval_timeout,
    max_answer_bytes,
    inventory_db,
    data_home,
    source_date_epoch,
)


def check_environment() -> None:
    """Read every variable once: the first bad one raises `SettingError`."""
    for reader in READERS:
        reader()
