"""Finding the project configuration: `--config FILE`, or the first one from the working directory upwards.

In each folder from the working directory to the root, an `enforcer.toml`
(its keys at the top level) is taken first, then a `pyproject.toml` that has
a `[tool.enforcer]` table; the search stops at the first found. A
pyproject.toml without the table is passed over. `--config FILE` names the
file (a file called pyproject.toml is read for its table, any other for its
top-level keys), `--no-config` ignores every file.

Only a file found here makes the command import `enforcer.config`, and with
it pydantic.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from enforcer.cli._errors import CommandLineError

ENFORCER_TOML = "enforcer.toml"
PYPROJECT_TOML = "pyproject.toml"
TABLE = ("tool", "enforcer")


def project_config(explicit: Path | None, ignore: bool, start: Path | None = None) -> dict[str, Any] | None:
    """The configuration's values by key (paths made absolute), or None when no file applies."""
    if ignore:
        if explicit is not None:
            raise CommandLineError("--config and --no-config contradict each other; give one")
        return None
    found = _named(explicit) if explicit is not None else find_config(start or Path.cwd())
    if found is None:
        return None
    path, table = found
    from enforcer.config import ConfigError, validate

    try:
        return validate(table, path, ".".join(TABLE) if path.name == PYPROJECT_TOML else "")
    except ConfigError as error:
        raise CommandLineError(*error.problems, hint=False) from None


def config_path(explicit: Path | None, ignore: bool, start: Path | None = None) -> Path | None:
    """The configuration file that applies (an input: no report may overwrite it), or None."""
    if ignore:
        return None
    if explicit is not None:
        return explicit
    found = find_config(start or Path.cwd())
    return None if found is None else found[0]


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The first configuration from `start` upwards, and its table."""
    for folder in (start, *start.parents):
        own = folder / ENFORCER_TOML
        if own.is_file():
            return own, _read(own)
        project = folder / PYPROJECT_TOML
        if project.is_file():
            table = _table(project, required=False)
            if table is not None:
                return project, table
    return None


def _named(path: Path) -> tuple[Path, dict[str, Any]]:
    if not path.is_file():
        raise CommandLineError(f"--config {path}: {'not a file' if path.exists() else 'no such file'}")
    if path.name == PYPROJECT_TOML:
        table = _table(path, required=True)
        assert table is not None
        return path, table
    return path, _read(path)


def _table(path: Path, *, required: bool) -> dict[str, Any] | None:
    """The [tool.enforcer] table of a pyproject.toml (None when it has none and none is required)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandLineError(f"{path}: cannot read it: {error}", hint=False) from None
    if "enforcer" not in text and not required:  # most pyproject.toml files: no need to parse them
        return None
    value: Any = _parse(path, text)
    for name in TABLE:
        value = value.get(name) if isinstance(value, dict) else None
    if value is None:
        if required:
            raise CommandLineError(f"{path}: no [tool.enforcer] table", hint=False)
        return None
    if not isinstance(value, dict):
        raise CommandLineError(f"{path}: tool.enforcer: must be a table", hint=False)
    return value


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandLineError(f"{path}: cannot read it: {error}", hint=False) from None
    return _parse(path, text)


def _parse(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CommandLineError(f"{path}: not valid TOML: {error}", hint=False) from None
