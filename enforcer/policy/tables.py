"""The ban and waiver tables: read once per run, validated against the contract, cached.

`data.enforcer.bans.bans` and `data.enforcer.waivers.waivers` are evaluated
once; every ban and waiver is validated by the pydantic models of
`enforcer.contract.bans` (every problem at once, each with the policy file,
the id and the field) and becomes a light `enforcer._models.Ban`.

On the embedded engine, evaluating the ban table is the slowest step of a
small check; its raw answer depends only on the module texts, so once it
has validated it is kept in the cache (`enforcer._cache`, which seals every
entry with a checksum) under their hash. A run with a warm cache turns the
cached answer into bans directly, without pydantic; a cached answer that
does not convert, or that the engine would not give for these policies (an
empty table where the files state bans), is asked again and rewritten.

Fail closed: an engine (or a cache) that gives no bans while the policy files
state some is an error (`PolicyEngine.check_answer`), never an empty table
that lets everything pass; a policy set whose bans are all conditional and
none applies is a run over zero bans, which the run says.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
import orjson

from enforcer import __version__, _cache
from enforcer._errors import BanValidationError, PolicyError
from enforcer._models import Ban, Waiver
from enforcer.engine.interface import PolicyEngine, PolicyModule, UnexpectedAnswerError
from enforcer.policy import BANS_QUERY, WAIVERS_QUERY

#: a module that adds to the ban table
_BANS_PACKAGE = re.compile(r"(?m)^\s*package\s+(?:data\.)?enforcer\.bans\s*$")


@dataclass
class Tables:
    """The validated bans (sorted by id) and waivers of a run."""

    bans: list[Ban]
    waivers: list[Waiver]
    #: the policy files that declare bans (`package enforcer.bans`)
    declared_in: list[str]
    from_cache: bool = False


def read_tables(
    engine: PolicyEngine,
    modules: Sequence[PolicyModule],
    waiver_files: Iterable[Path | str] = (),
    *,
    cache: bool = True,
) -> Tables:
    """The ban and waiver tables of the loaded policies (and the waiver files), validated."""
    declared = [module.path for module in modules if _BANS_PACKAGE.search(module.text)]
    name = _cache_name(modules) if cache and engine.name == "embedded" else None
    answers = _cached(name) if name else None
    tables = _from_answers(engine, answers, modules) if answers is not None else None
    from_cache = tables is not None
    if tables is None:
        answers = {BANS_QUERY: engine.query(BANS_QUERY), WAIVERS_QUERY: engine.query(WAIVERS_QUERY)}
        bans, problems = ban_problems(answers[BANS_QUERY], modules)
        waivers, waiver_lines = waiver_problems(answers[WAIVERS_QUERY], modules)
        if problems or waiver_lines:
            raise BanValidationError(*problems, *waiver_lines)
        tables = (bans, waivers)
        if name:
            _remember(name, answers)
    bans, waivers = tables
    file_waivers = read_waiver_files(waiver_files)
    return Tables(bans, _merge_waivers(waivers, file_waivers), declared, from_cache)


# -- validation -------------------------------------------------------------------------


def ban_problems(raw: Any, modules: Sequence[PolicyModule]) -> tuple[list[Ban], list[str]]:
    """The valid bans, sorted by id, and a line for every problem of every broken ban."""
    if raw is None:
        return [], []
    if not isinstance(raw, list):
        return [], [f"{BANS_QUERY} must be a set of ban objects, got {type(raw).__name__}"]
    from enforcer.contract import validate
    from enforcer.contract.bans import Ban as BanModel

    origins = _Origins(modules)
    bans: list[Ban] = []
    problems: list[str] = []
    first: dict[str, Any] = {}
    for item in raw:
        ident = item.get("id") if isinstance(item, dict) else None
        label = f"ban {ident!r}" if isinstance(ident, str) and ident else "a ban without an id"
        if not isinstance(item, dict):
            problems.append(f"{origins.of(item)}: {label}: expected an object, got {json.dumps(item)[:60]}")
            continue
        model, found = validate(BanModel, item)
        if model is None:
            problems.extend(f"{origins.of(item)}: {label}: {problem}" for problem in found)
            continue
        if model.id in first:
            elsewhere = origins.of(first[model.id])
            problems.append(f"{origins.of(item)}: ban {model.id!r}: id already used by a different ban in {elsewhere}")
            continue
        first[model.id] = item
        bans.append(runtime_ban(item))
    bans.sort(key=lambda ban: ban.id)
    return bans, problems


def runtime_ban(item: dict[str, Any]) -> Ban:
    """A ban the contract validated, as the enforcer's light struct (contract 2 when it says what it covers)."""
    ban = msgspec.convert(item, Ban)
    if ban.contract is None:
        ban = msgspec.structs.replace(ban, contract=2 if ban.covers is not None else 1)
    return ban


def waiver_problems(raw: Any, modules: Sequence[PolicyModule]) -> tuple[list[Waiver], list[str]]:
    """The waivers Rego declares (`data.enforcer.waivers.waivers`), and a line for every problem."""
    if raw is None:
        return [], []
    if not isinstance(raw, list):
        return [], [f"{WAIVERS_QUERY} must be a set of waiver objects, got {type(raw).__name__}"]
    origins = _Origins(modules)
    return _waivers([(item, origins.of(item)) for item in raw])


def read_waiver_files(files: Iterable[Path | str]) -> list[Waiver]:
    """Waivers from YAML or JSON files, validated; every problem of every file at once."""
    entries: list[tuple[Any, str]] = []
    for file in files:
        entries.extend((item, f"{file}: waivers[{n}]") for n, item in enumerate(_read_waiver_file(Path(file))))
    waivers, problems = _waivers(entries)
    if problems:
        raise BanValidationError(*problems)
    return waivers


def _waivers(entries: list[tuple[Any, str]]) -> tuple[list[Waiver], list[str]]:
    if not entries:
        return [], []
    from enforcer.contract import validate
    from enforcer.contract.bans import Waiver as WaiverModel

    waivers: list[Waiver] = []
    problems: list[str] = []
    first: dict[str, str] = {}
    for item, where in entries:
        ident = item.get("id") if isinstance(item, dict) else None
        label = f"waiver {ident!r}" if isinstance(ident, str) and ident else "a waiver without an id"
        if not isinstance(item, dict):
            problems.append(f"{where}: expected a waiver object")
            continue
        model, found = validate(WaiverModel, item)
        if model is None:
            problems.extend(f"{where}: {label}: {problem}" for problem in found)
            continue
        if model.id in first:
            problems.append(f"{where}: {label}: id already used by the waiver in {first[model.id]}")
            continue
        first[model.id] = where
        waivers.append(msgspec.convert(item, Waiver))
    return waivers, problems


def _merge_waivers(*groups: list[Waiver]) -> list[Waiver]:
    seen: dict[str, Waiver] = {}
    for waiver in (waiver for group in groups for waiver in group):
        if waiver.id in seen:
            raise BanValidationError(f"waiver {waiver.id!r}: id already used by another waiver")
        seen[waiver.id] = waiver
    return sorted(seen.values(), key=lambda waiver: waiver.id)


def _read_waiver_file(path: Path) -> list[Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyError(f"{path}: no such waiver file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PolicyError(f"{path}: cannot read the waiver file: {error}") from None
    if path.suffix == ".json":
        try:
            document = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise PolicyError(f"{path}: not valid JSON: {error}") from None
    else:
        document = _read_yaml(path, text)
    if isinstance(document, dict):
        document = document.get("waivers")
    if not isinstance(document, list):
        raise PolicyError(f"{path}: expected a list of waivers (or an object with a `waivers` list)")
    return document


def _read_yaml(path: Path, text: str) -> Any:
    """Parse YAML; dates stay strings, so a bad date is reported by the waiver that holds it."""
    import yaml  # deferred: only waiver files need it

    class _Loader(yaml.SafeLoader):
        pass

    # Without this, `expires: 2025-02-30` fails inside the parser, far from the waiver.
    _Loader.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        raise PolicyError(f"{path}: not valid YAML{where}: {getattr(error, 'problem', None) or error}") from None
    except RecursionError:
        raise PolicyError(f"{path}: YAML nested too deeply to be a waiver file") from None


class _Origins:
    """The policy file a ban or waiver most likely comes from.

    A Rego set carries no source position, so the file is found by the ban's
    id (or, failing that, its vendor or first organisation) among the string
    literals of the sources. The literals are gathered once, on the first
    question: a linear pass, whatever the number of bans.
    """

    _LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')

    def __init__(self, modules: Sequence[PolicyModule]) -> None:
        self._modules = modules
        self._where: dict[str, set[str]] | None = None

    def of(self, item: Any) -> str:
        if self._where is None:
            self._where = {}
            for module in self._modules:
                for literal in self._LITERAL.findall(module.text):
                    self._where.setdefault(literal, set()).add(module.path)
        for needle in _needles(item):
            paths = self._where.get(json.dumps(needle, ensure_ascii=False)[1:-1], set())
            if len(paths) == 1:
                return next(iter(paths))
        return "policies"


def _needles(item: Any) -> list[str]:
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
    return needles


# -- the cache ----------------------------------------------------------------------------


def _cache_name(modules: Sequence[PolicyModule]) -> str:
    return f"{_cache.policy_key(modules, 'tables', __version__)}.tables.json"


def _cached(name: str) -> dict[str, Any] | None:
    raw = _cache.read(name)
    if not raw:
        return None
    try:
        entry = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(entry, dict):
        return None
    return entry


def _from_answers(
    engine: PolicyEngine, answers: dict[str, Any], modules: Sequence[PolicyModule]
) -> tuple[list[Ban], list[Waiver]] | None:
    """Cached answers (validated when they were written) as bans and waivers; None when they cannot be trusted."""
    raw_bans, raw_waivers = answers.get(BANS_QUERY), answers.get(WAIVERS_QUERY)
    try:
        # (the engine checked both answers when they were written; an empty ban table is checked again,
        # whatever the seal says: it would let everything pass)
        engine.check_answer(BANS_QUERY, raw_bans, source="the cached ban table")
    except UnexpectedAnswerError:
        return None
    try:
        bans = sorted((runtime_ban(item) for item in raw_bans or ()), key=lambda ban: ban.id)
        waivers = [msgspec.convert(item, Waiver) for item in raw_waivers or ()]
    except (msgspec.ValidationError, TypeError, AttributeError):
        return None
    return bans, waivers


def _remember(name: str, answers: dict[str, Any]) -> None:
    _cache.write(name, orjson.dumps(answers))
