"""Policies: find the Rego files, read the ban table and the waivers once.

`data.enforcer.bans.bans` is evaluated once per run and every ban validated
against the contract (`enforcer._models.Ban`); a broken ban is reported with
the policy file it comes from, its id and the field. Waivers come from
`data.enforcer.waivers.waivers` in Rego and from `--waivers` files (YAML or
JSON), validated the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from enforcer._errors import BanValidationError, PolicyError
from enforcer._models import Ban, FieldError, Waiver
from enforcer.engine.interface import PolicyEngine, PolicyModule

BANS_QUERY = "data.enforcer.bans.bans"
WAIVERS_QUERY = "data.enforcer.waivers.waivers"
DECIDE_QUERY = "data.enforcer.decide"
DECISIONS_QUERY = "data.enforcer.decisions"
STATUS_QUERY = "data.enforcer.ban_status"


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


_DECIDE_PACKAGE = re.compile(r"(?m)^package\s+enforcer\s*$")
_DECIDE_RULE = re.compile(r"(?m)^decide\s*:?=")


def decision_library() -> Path:
    """The shipped decision library (policies/enforcer/decide.rego)."""
    return shipped_policies() / "enforcer" / "decide.rego"


def with_decision_library(modules: list[PolicyModule]) -> list[PolicyModule]:
    """The modules, plus the shipped decision library if none of them defines `data.enforcer.decide`.

    A team's own policy directory then holds only its bans (and waivers):
    `--policy my-bans/` works without repeating `--policy policies/enforcer`.
    """
    if any(_DECIDE_PACKAGE.search(m.text) and _DECIDE_RULE.search(m.text) for m in modules):
        return modules
    return [*modules, *find_modules([decision_library()])]


_ENFORCER_PACKAGE = re.compile(r"(?m)^\s*package\s+(?:data\.)?enforcer(?![\w.])")


def uses_shipped_decisions(modules: Sequence[PolicyModule]) -> bool:
    """True when `package enforcer` is exactly the shipped decision library, and nothing else adds to it.

    Its decisions depend on a finding's component only through the waivers
    that name the finding's ban (or every ban): the enforcer may then ask once
    per ban and match strength instead of once per finding.
    """
    shipped = decision_library().read_text(encoding="utf-8")
    own = [module for module in modules if _ENFORCER_PACKAGE.search(module.text)]
    return len(own) == 1 and own[0].text == shipped


def load_bans(engine: PolicyEngine, modules: Sequence[PolicyModule]) -> list[Ban]:
    """Evaluate the ban table once and validate every ban."""
    bans, problems = ban_problems(engine, modules)
    if problems:
        raise BanValidationError(problems[0])
    return bans


def ban_problems(engine: PolicyEngine, modules: Sequence[PolicyModule]) -> tuple[list[Ban], list[str]]:
    """The valid bans, sorted by id, and a line for every broken ban: file, ban id, field (its first problem)."""
    raw = engine.query(BANS_QUERY)
    if raw is None:
        return [], []
    if not isinstance(raw, list):
        raise BanValidationError(f"{BANS_QUERY} must be a set of ban objects, got {type(raw).__name__}")
    bans: list[Ban] = []
    problems: list[str] = []
    origin: dict[str, str] = {}
    for item in raw:
        where = _origin(item, modules)
        ident = item.get("id") if isinstance(item, dict) else None
        label = f"ban {ident!r}" if isinstance(ident, str) and ident else "a ban without an id"
        if not isinstance(item, dict):
            problems.append(f"{where}: {label}: expected an object, got {json.dumps(item)[:60]}")
            continue
        try:
            ban = msgspec.convert(item, Ban)
        except msgspec.ValidationError as error:
            problems.append(f"{where}: {label}: {_describe(error, item)}")
            continue
        if ban.id in origin:
            problems.append(f"{where}: ban {ban.id!r}: id already used by a different ban in {origin[ban.id]}")
            continue
        origin[ban.id] = where
        bans.append(ban)
    bans.sort(key=lambda ban: ban.id)
    return bans, problems


def load_waivers(engine: PolicyEngine, modules: Sequence[PolicyModule], files: Iterable[Path | str]) -> list[Waiver]:
    """Waivers from Rego (`data.enforcer.waivers.waivers`) and from data files."""
    entries: list[tuple[Any, str]] = []
    raw = engine.query(WAIVERS_QUERY)
    if raw is not None:
        if not isinstance(raw, list):
            raise BanValidationError(f"{WAIVERS_QUERY} must be a set of waiver objects")
        entries.extend((item, _origin(item, modules)) for item in raw)
    for file in files:
        entries.extend((item, f"{file}: waivers[{n}]") for n, item in enumerate(_read_waiver_file(Path(file))))
    waivers: list[Waiver] = []
    seen: dict[str, str] = {}
    for item, where in entries:
        waiver = _waiver(item, where)
        if waiver.id in seen:
            first = seen[waiver.id]
            raise BanValidationError(f"{where}: waiver {waiver.id!r}: id already used by the waiver in {first}")
        seen[waiver.id] = where
        waivers.append(waiver)
    return sorted(waivers, key=lambda waiver: waiver.id)


def _waiver(item: Any, where: str) -> Waiver:
    ident = item.get("id") if isinstance(item, dict) else None
    label = f"waiver {ident!r}" if isinstance(ident, str) and ident else "a waiver without an id"
    if not isinstance(item, dict):
        raise BanValidationError(f"{where}: expected a waiver object")
    try:
        return msgspec.convert(item, Waiver)
    except msgspec.ValidationError as error:
        raise BanValidationError(f"{where}: {label}: {_describe(error, item)}") from None


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
        except ValueError as error:
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


#: msgspec's message: what is wrong, then where (no `at` when it is the object itself)
_ERROR = re.compile(r"(?P<message>.*?)(?: - at `\$(?P<path>[^`]*)`)?", re.DOTALL)
_STEP = re.compile(r"\.(\w+)|\[(\d+)\]")
_MISSING = re.compile(r"Object missing required field `(.*)`", re.DOTALL)
_UNKNOWN = re.compile(r"Object contains unknown field `(.*)`", re.DOTALL)
_NOT_A_DATE = re.compile(r"Invalid RFC3339 encoded date|Expected `date(?: \| null)?`, got `\w+`")
_DATE_FORM = re.compile(r"\d{4}-\d{2}-\d{2}")


def _describe(error: msgspec.ValidationError, item: dict[str, Any]) -> str:
    """A validation error as ``field.path: message`` (``phases.0.from: ...``), in the contract's words.

    msgspec gives the path of the value (`$.phases[0].from`) and the first
    problem only. A missing or unknown field is named in its message, not in
    the path; a rule checked in `__post_init__` names its field in the
    `FieldError` msgspec wraps; a bad date is described from the raw value,
    since msgspec says only that it is not an RFC 3339 date.
    """
    parsed = _ERROR.fullmatch(str(error))
    assert parsed is not None  # the pattern matches any text
    message, path = parsed["message"], parsed["path"] or ""
    steps: list[str | int] = [name or int(index) for name, index in _STEP.findall(path)]
    missing, unknown = _MISSING.fullmatch(message), _UNKNOWN.fullmatch(message)
    if isinstance(error.__cause__, FieldError):
        steps.append(error.__cause__.field)
    elif missing:
        steps.append(missing[1])
        message = "required field is missing"
    elif unknown:
        steps.append(unknown[1])
        message = "unknown field (see the policy contract in the README)"
    elif _NOT_A_DATE.fullmatch(message):
        message = _date_problem(_value_at(item, steps))
    location = ".".join(map(str, steps))
    return f"{location}: {message}" if location else message


def _value_at(item: Any, steps: list[str | int]) -> Any:
    """The raw value at a path msgspec reported (so it is there)."""
    for step in steps:
        item = item[step]
    return item


def _date_problem(value: Any) -> str:
    """Why a value is not a date of the contract: only YYYY-MM-DD strings (or dates) are, never datetimes or numbers."""
    if not isinstance(value, str) or not _DATE_FORM.fullmatch(value):
        return f"{value!r} is not a date in the form YYYY-MM-DD"
    return f"{value!r} is not a valid calendar date"


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


@dataclass
class PolicyCheck:
    """What `enforcer policy check` found."""

    engine: str
    modules: list[PolicyModule]
    bans: list[Ban] = field(default_factory=list)
    waivers: list[Waiver] = field(default_factory=list)
    #: each breaks the check (exit 3): file, ban id or line, and what is wrong
    problems: list[str] = field(default_factory=list)
    #: shown, but the check still passes (constructs that may differ between engines)
    warnings: list[str] = field(default_factory=list)
    #: what was not checked, and why
    notes: list[str] = field(default_factory=list)


def check_policies(
    paths: Sequence[Path | str],
    engine_name: str,
    engine_options: dict[str, Any],
    waiver_files: Sequence[Path | str] = (),
) -> PolicyCheck:
    """Compile the policies on the engine and collect every problem instead of stopping at the first.

    Checks, in order: constructs that behave differently on the embedded
    engine (`enforcer.engine.portability`), `opa check` when an OPA binary
    is available (it reports unsafe variables the embedded engine lets
    through), compilation on the chosen engine, every ban and waiver against
    the contract, and a verdict for every ban on every phase date.
    """
    from enforcer.engine import create_engine
    from enforcer.engine.opa_cli import find_opa, opa_check
    from enforcer.engine.portability import decision_problems, scan_modules

    modules = with_decision_library(find_modules(list(paths) or [shipped_policies()]))
    engine = create_engine(engine_name, **engine_options)
    report = PolicyCheck(engine=engine.describe(), modules=modules)
    with engine:
        for issue in scan_modules(modules):
            (report.problems if issue.severity == "error" else report.warnings).append(str(issue))
        binary = find_opa(engine_options.get("opa_binary"))
        if binary is not None:
            report.problems.extend(opa_check(binary, modules))
        else:
            report.notes.append("no OPA binary found: `opa check` skipped (unsafe variables go unreported)")
        try:
            engine.load(modules)
        except PolicyError as error:
            report.problems.append(str(error))
            return report
        report.bans, problems = ban_problems(engine, modules)
        report.problems.extend(problems)
        try:
            report.waivers = load_waivers(engine, modules, waiver_files)
        except PolicyError as error:
            report.problems.append(str(error))
        report.problems.extend(decision_problems(engine, report.bans, report.waivers))
    return report
