"""A small on-disk cache for what depends only on the policy files.

Compiling the policies and evaluating the ban table are the slowest part of a
small check on the embedded engine. Both depend only on the text of the Rego
modules (and on the versions of the enforcer and of rego-cpp), so they are
kept under a key made from exactly that, in `$ENFORCER_CACHE_DIR` (default:
`$XDG_CACHE_HOME/enforcer` or `~/.cache/enforcer`; `off` disables it). A
cache that cannot be read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from enforcer.engine.interface import PolicyModule

try:  # BLAKE2 of Python's own: `import hashlib` would load OpenSSL (megabytes of memory) for this
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - an interpreter without the module
    from hashlib import blake2b as _blake2b


def _hash() -> _blake2b:
    return _blake2b(digest_size=32)


def cache_dir() -> Path | None:
    """Where cached files go, or None when caching is off."""
    configured = os.environ.get("ENFORCER_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "enforcer"


def digest(*parts: bytes) -> str:
    """A checksum of some bytes (BLAKE2b, hex)."""
    hashed = _hash()
    for part in parts:
        hashed.update(part)
        hashed.update(b"\0")
    return hashed.hexdigest()


def policy_key(modules: Sequence[PolicyModule], *parts: str) -> str:
    """A key that changes whenever a module's path or text (or any part) changes."""
    digest = _hash()
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    for module in sorted(modules, key=lambda m: m.path):
        digest.update(module.path.encode())
        digest.update(b"\0")
        digest.update(module.text.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def read(name: str) -> bytes | None:
    directory = cache_dir()
    if directory is None:
        return None
    try:
        return (directory / name).read_bytes()
    except OSError:
        return None


def path(name: str) -> Path | None:
    """The path of a cached file, if it exists."""
    directory = cache_dir()
    if directory is None:
        return None
    candidate = directory / name
    return candidate if candidate.is_file() else None


def write(name: str, data: bytes) -> Path | None:
    """Store a file atomically; None when the cache is off or not writable."""
    directory = cache_dir()
    if directory is None:
        return None
    try:
        import tempfile

        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        target = directory / name
        os.replace(temporary, target)
        return target
    except OSError:
        return None


def temporary_path(name: str) -> Path | None:
    """A fresh path in the cache directory to write to (then `publish` it)."""
    directory = cache_dir()
    if directory is None:
        return None
    try:
        import tempfile

        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
        os.close(handle)
        return Path(temporary)
    except OSError:
        return None


def publish(temporary: Path, name: str, *, checksum: bool = False) -> None:
    """Move a finished temporary file into place (with a checksum beside it if asked)."""
    try:
        if checksum:
            write(f"{name}.b2sum", _digest(temporary.read_bytes()).encode())
        os.replace(temporary, temporary.parent / name)
    except OSError:
        temporary.unlink(missing_ok=True)


def intact(cached: Path) -> bool:
    """True when a cached file still has the checksum written beside it."""
    try:
        expected = (cached.parent / f"{cached.name}.b2sum").read_text().strip()
        return expected == _digest(cached.read_bytes())
    except OSError:
        return False


def _digest(data: bytes) -> str:
    digest = _hash()
    digest.update(data)
    return digest.hexdigest()


def remove(names: Iterable[str]) -> None:
    directory = cache_dir()
    if directory is None:
        return
    for name in names:
        (directory / name).unlink(missing_ok=True)
