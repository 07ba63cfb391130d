"""A small on-disk cache for what depends only on the policy files.

Compiling the policies and evaluating the ban table are the slowest part of a
small check on the embedded engine. Both depend only on the text of the Rego
modules and on what evaluates them, so they are kept under a key made from
exactly that (`policy_key`: the module paths and texts, the enforcer's
version, the rego-cpp library, the machine type), in `$ENFORCER_CACHE_DIR`
(default: `$XDG_CACHE_HOME/enforcer` or `~/.cache/enforcer`; `off` disables
it). The cache only ever saves time:

- every entry carries a checksum of its name and content: an entry that was
  cut short, edited or copied under another name is ignored and written
  again;
- policies that call a built-in whose answer changes from run to run
  (`time.now_ns`, `opa.runtime`, `rand.intn`, ...) are never cached;
- a directory that cannot be used (not a directory, no permission to search
  or write it) is one warning line on stderr, once, and the run goes on
  without the cache.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from enforcer._env import cache_dir_setting

if TYPE_CHECKING:
    from enforcer.engine.interface import PolicyModule


try:  # BLAKE2 of Python's own: `import hashlib` would load OpenSSL (megabytes of memory) for this
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - an interpreter without the module
    from hashlib import blake2b as _blake2b

#: the first line of every entry: the format, then the checksum of the name and content
_MAGIC = b"enforcer-cache-1 "
#: keys of policies whose answers may change between runs: never read nor written
VOLATILE = "volatile-"
_VOLATILE_CALL = re.compile(
    r"\b(?:time\.now_ns|opa\.runtime|rand\.intn|uuid\.rfc4122|net\.lookup_ip_addr|http\.send)\s*\("
)
#: directory -> usable, decided once per process
_usable: dict[Path, bool] = {}
_warned: set[Path] = set()
_fingerprint: list[str] = []


def _hash() -> _blake2b:
    return _blake2b(digest_size=32)


def cache_dir() -> Path | None:
    """Where cached files go, or None when caching is off."""
    configured = cache_dir_setting()
    if configured is not None:
        return None if configured == "off" else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "enforcer"


def digest(*parts: bytes) -> str:
    """A checksum of some bytes (BLAKE2b, hex)."""
    hashed = _hash()
    for part in parts:
        hashed.update(part)
        hashed.update(b"\0")
    return hashed.hexdigest()


def _directory() -> Path | None:
    """The cache directory, when caching is on and the directory can be used (checked once)."""
    directory = cache_dir()
    if directory is None:
        return None
    usable = _usable.get(directory)
    if usable is None:
        usable = _usable[directory] = _probe(directory)
    return directory if usable else None


def _probe(directory: Path) -> bool:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        os.stat(directory / ".enforcer-probe")  # needs permission to search the directory
    except FileNotFoundError:
        return True
    except OSError as error:
        _warn(directory, f"cannot use it ({error.strerror or error})")
        return False
    return True


def _warn(directory: Path, problem: str) -> None:
    if directory in _warned:
        return
    _warned.add(directory)
    try:
        sys.stderr.write(f"enforcer: warning: cache directory {directory}: {problem}; going on without the cache\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _environment() -> list[str]:
    """What evaluates the policies, besides their text: the enforcer, the rego-cpp library, the machine."""
    if not _fingerprint:
        from enforcer import __version__

        library = "regopy: none"
        try:
            import importlib.util

            spec = importlib.util.find_spec("regopy")
            if spec is not None and spec.origin:
                shared = Path(spec.origin).parent / "librego_shared.so"
                stat = shared.stat()
                library = f"regopy: {shared} {stat.st_size} {stat.st_mtime_ns}"
        except (ImportError, OSError, ValueError):
            pass
        _fingerprint.extend((f"enforcer {__version__}", library, f"machine {os.uname().machine} {sys.byteorder}"))
    return _fingerprint


def policy_key(modules: Sequence[PolicyModule], *parts: str, evaluated: bool = True) -> str:
    """A key that changes whenever a module's path or text, any part, or what evaluates them changes.

    The key of an `evaluated` answer (not of compiled code) of policies that
    call a built-in whose answer changes between runs starts with
    `VOLATILE`: the cache never reads nor writes it.
    """
    digest = _hash()
    for part in (*_environment(), *parts):
        digest.update(part.encode())
        digest.update(b"\0")
    volatile = False
    for module in sorted(modules, key=lambda m: m.path):
        digest.update(module.path.encode())
        digest.update(b"\0")
        digest.update(module.text.encode())
        digest.update(b"\0")
        volatile = volatile or (evaluated and _VOLATILE_CALL.search(module.text) is not None)
    key = digest.hexdigest()[:32]
    return f"{VOLATILE}{key}" if volatile else key


def _cacheable(name: str) -> bool:
    return not name.startswith(VOLATILE) and "/" not in name and name not in ("", ".", "..")


def _seal(name: str, data: bytes) -> bytes:
    return _MAGIC + _digest(name, data).encode() + b"\n" + data


def read(name: str) -> bytes | None:
    """A cached entry, or None when there is none, or when it is damaged (it is removed, to be written again)."""
    directory = _directory()
    if directory is None or not _cacheable(name):
        return None
    try:
        raw = (directory / name).read_bytes()
    except OSError:
        return None
    header, newline, data = raw.partition(b"\n")
    if (
        newline
        and header.startswith(_MAGIC)
        and header[len(_MAGIC) :].decode("ascii", "replace") == _digest(name, data)
    ):
        return data
    remove([name])
    return None


def path(name: str) -> Path | None:
    """The path of a cached file, if it exists (check it with `intact` before trusting it)."""
    directory = _directory()
    if directory is None or not _cacheable(name):
        return None
    candidate = directory / name
    try:
        return candidate if candidate.is_file() else None
    except OSError:
        return None


def write(name: str, data: bytes) -> Path | None:
    """Store an entry atomically, sealed with its checksum; None when the cache is off or not writable."""
    directory = _directory()
    if directory is None or not _cacheable(name):
        return None
    import tempfile

    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    except OSError as error:
        _warn(directory, f"cannot write to it ({error.strerror or error})")
        return None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(_seal(name, data))
        target = directory / name
        os.replace(temporary, target)  # fails when something else (a directory) holds the name: left as it is
        return target
    except OSError:
        _unlink(Path(temporary))
        return None


def temporary_path(name: str) -> Path | None:
    """A fresh path in the cache directory to write to (then `publish` it)."""
    directory = _directory()
    if directory is None or not _cacheable(name):
        return None
    try:
        import tempfile

        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
        os.close(handle)
        return Path(temporary)
    except OSError as error:
        _warn(directory, f"cannot write to it ({error.strerror or error})")
        return None


def publish(temporary: Path, name: str, *, checksum: bool = False) -> None:
    """Move a finished temporary file into place (with a checksum beside it if asked)."""
    try:
        if checksum and write(f"{name}.b2sum", _digest(name, temporary.read_bytes()).encode()) is None:
            raise OSError("the checksum was not written")
        os.replace(temporary, temporary.parent / name)
    except OSError:
        _unlink(temporary)


def intact(cached: Path) -> bool:
    """True when a cached file still has the checksum written beside it."""
    expected = read(f"{cached.name}.b2sum")
    try:
        return expected is not None and expected.decode("ascii", "replace") == _digest(cached.name, cached.read_bytes())
    except OSError:
        return False


def _digest(name: str, data: bytes) -> str:
    digest = _hash()
    digest.update(name.encode())
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def remove(names: Iterable[str]) -> None:
    directory = _directory()
    if directory is None:
        return
    for name in names:
        if _cacheable(name):
            _unlink(directory / name)


def _unlink(file: Path) -> None:
    try:
        file.unlink(missing_ok=True)
    except OSError:
        pass
