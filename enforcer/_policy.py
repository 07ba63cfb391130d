"""Policies: find the Rego files, read the ban table and the waivers once.

`data.enforcer.bans.bans` is evaluated once per run and every ban validated
against the contract (`enforcer._models.Ban`); a broken ban is reported with
the policy file it comes from, its id and the field. Waivers come from
`data.enforcer.waivers.waivers` in Rego and from `--waivers` files (YAML or
JSON), validated the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from enforcer._errors import BanValidationError, PolicyError
from enforcer._models import Ban, Waiver
from enforcer.engine.interface import PolicyEngine, PolicyModule

BANS_QUERY = "data.enforcer.bans.bans"
WAIVERS_QUERY = "data.enforcer.waivers.waivers"
DECIDE_QUERY = "data.enforcer.decide"
STATUS_QUERY = "data.enforcer.ban_status"

_BAN = TypeAdapter(Ban)
_WAIVER = TypeAdapter(Waiver)


def shipped_policies() -> Path:
    """The policies shipped with the enforcer (the checkout's `policies/`)."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "policies", here / "_policies"):
        if candidate.is_dir():
            return candidate
    raise PolicyError(f"the shipped policies are missing (looked in {here.parent / 'policies'})")


def find_modules(paths: Sequence[Path | str], *, tests: bool = False) -> list[PolicyModule]:
    """Every Rego file under the paths, sorted; `_test.rego` files only if `tests`."""
    modules: list[PolicyModule] = []
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.rego") if p.is_file())
            if not tests:
                files = [p for p in files if not p.name.endswith("_test.rego")]
            if not files:
                raise PolicyError(f"{path}: no Rego files (*.rego) in this directory")
        elif path.is_file():
            if path.suffix != ".rego":
                raise PolicyError(f"{path}: not a Rego file (expected *.rego)")
            files = [path]
        else:
            raise PolicyError(f"{path}: no such file or directory")
        for file in files:
            try:
                text = file.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                raise PolicyError(f"{file}: not UTF-8 text") from None
            except OSError as error:
                raise PolicyError(f"{file}: cannot read: {error.strerror or error}") from None
            modules.append(PolicyModule(str(file), text))
    seen: set[str] = set()
    unique = []
    for module in modules:
        if module.path not in seen:
            seen.add(module.path)
            unique.append(module)
    return unique


def load_bans(engine: PolicyEngine, modules: Sequence[PolicyModule]) -> list[Ban]:
    """Evaluate the ban table once and validate every ban."""
    raw = engine.query(BANS_QUERY)
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise BanValidationError(f"{BANS_QUERY} must be a set of ban objects, got {type(raw).__name__}")
    bans: list[Ban] = []
    origin: dict[str, str] = {}
    for item in raw:
        where = _origin(item, modules)
        ident = item.get("id") if isinstance(item, dict) else None
        label = f"ban {ident!r}" if isinstance(ident, str) and ident else "a ban without an id"
        if not isinstance(item, dict):
            raise BanValidationError(f"{where}: {label}: expected an object, got {json.dumps(item)[:60]}")
        try:
            ban = _BAN.validate_python(item)
        except ValidationError as error:
            raise BanValidationError(f"{where}: {label}: {_first_error(error)}") from None
        if ban.id in origin:
            raise BanValidationError(
                f"{where}: ban {ban.id!r}: id already used by a different ban in {origin[ban.id]}"
            )
        origin[ban.id] = where
        bans.append(ban)
    bans.sort(key=lambda ban: ban.id)
    return bans


def load_waivers(engine: PolicyEngine, modules: Sequence[PolicyModule], files: Iterable[Path | str]) -> list[Waiver]:
    """Waivers from Rego (`data.enforcer.waivers.waivers`) and from data files."""
    waivers: list[Waiver] = []
    raw = engine.query(WAIVERS_QUERY)
    if raw is not None:
        if not isinstance(raw, list):
            raise BanValidationError(f"{WAIVERS_QUERY} must be a set of waiver objects")
        for item in raw:
            waivers.append(_waiver(item, _origin(item, modules)))
    for file in files:
        for position, item in enumerate(_read_waiver_file(Path(file))):
            waivers.append(_waiver(item, f"{file}: waivers[{position}]"))
    seen: dict[str, str] = {}
    for waiver in waivers:
        if waiver.id in seen:
            raise BanValidationError(f"waiver {waiver.id!r} is defined twice")
        seen[waiver.id] = waiver.ban
    return sorted(waivers, key=lambda waiver: waiver.id)


def _waiver(item: Any, where: str) -> Waiver:
    ident = item.get("id") if isinstance(item, dict) else None
    label = f"waiver {ident!r}" if isinstance(ident, str) and ident else "a waiver without an id"
    if not isinstance(item, dict):
        raise BanValidationError(f"{where}: expected a waiver object")
    try:
        return _WAIVER.validate_python(item)
    except ValidationError as error:
        raise BanValidationError(f"{where}: {label}: {_first_error(error)}") from None


def _read_waiver_file(path: Path) -> list[Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyError(f"{path}: no such waiver file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PolicyError(f"{path}: cannot read the waiver file: {error}") from None
    try:
        if path.suffix == ".json":
            document = json.loads(text)
        else:
            import yaml  # deferred: only waiver files need it

            document = yaml.safe_load(text)
    except (ValueError, ImportError) as error:
        raise PolicyError(f"{path}: not valid JSON: {error}") from None
    except Exception as error:  # noqa: BLE001 - yaml.YAMLError has no common import-free base
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        raise PolicyError(f"{path}: not valid YAML{where}: {getattr(error, 'problem', error)}") from None
    if isinstance(document, dict):
        document = document.get("waivers")
    if not isinstance(document, list):
        raise PolicyError(f"{path}: expected a list of waivers (or an object with a `waivers` list)")
    return document


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    location = ".".join(str(part) for part in first["loc"]) or "(ban)"
    location = location.replace("from_", "from")
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "missing":
        message = "required field is missing"
    elif first["type"] == "extra_forbidden":
        message = "unknown field (see the policy contract in the README)"
    return f"{location}: {message}"


def _origin(item: Any, modules: Sequence[PolicyModule]) -> str:
    """The policy file a ban or waiver most likely comes from.

    A Rego set carries no source position, so the file is found by the ban's
    id (or, failing that, its vendor or first organisation) in the sources.
    """
    needles: list[str] = []
    if isinstance(item, dict):
        for key in ("id", "vendor", "title"):
            value = item.get(key)
            if isinstance(value, str) and value:
                needles.append(value)
        match = item.get("match")
        if isinstance(match, dict):
            for values in match.values():
                if isinstance(values, list):
                    needles.extend(v for v in values if isinstance(v, str))
    for needle in needles:
        quoted = json.dumps(needle, ensure_ascii=False)
        hits = [module.path for module in modules if quoted in module.text]
        if len(hits) == 1:
            return hits[0]
    return "policies"
