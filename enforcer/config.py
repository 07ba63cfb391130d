"""The project configuration: its keys, checked with pydantic, in the enforcer's words.

A project states its defaults once, in `[tool.enforcer]` of its
pyproject.toml or at the top level of an enforcer.toml (the command line
finds the file: `enforcer.cli._config`). This module is imported only when
there is such a file, so a run without one never loads pydantic.

    scopes = ["us-federal"]          # --scope, repeated
    fail_on = "warn"                 # --fail-on
    fail_on_unidentified = 5         # --fail-on-unidentified
    warn_days = 120                  # --warn-days
    policies = ["policies/"]         # --policy, repeated; relative to the file
    waivers = ["waivers.yaml"]       # --waivers, repeated; relative to the file
    engine = "opa-server"            # --engine, and the OPA options:
    opa_url = "https://opa.internal" #   opa_token, no_push, insecure, ca_cert, opa_timeout, opa_binary
    format = "sarif"                 # --format of enforcer check
    jobs = 0                         # --jobs
    db = "inventory.sqlite"          # --db of enforcer inventory (a file, or a postgresql:// URL)

Every problem is reported at once, each with the file and the key.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from enforcer._choices import ENGINES, FAIL_ON, REPORT_FORMATS
from enforcer._errors import EnforcerError

__all__ = ["KEYS", "ConfigError", "ProjectConfig", "validate"]


class ConfigError(EnforcerError):
    """The project configuration is wrong: `problems` holds one line per problem, each with file and key."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _one_of(values: Iterable[str]) -> Callable[[str], str]:
    """A check of a choice, in any case: `fail_on = "Warn"` is `warn`."""
    *most, last = values

    def check(value: str) -> str:
        if value.lower() not in (*most, last):
            raise ValueError(f"must be {', '.join(most)} or {last}")
        return value.lower()

    return check


def _listed(value: Any) -> Any:
    """One string where a list goes is a list of one: `scopes = "us"`."""
    return [value] if isinstance(value, str) else value


_Text = Annotated[str, Field(min_length=1)]
_Texts = Annotated[list[_Text], BeforeValidator(_listed)]


class ProjectConfig(BaseModel):
    """The keys of the project configuration; each one a default of the option of the same meaning."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    scopes: _Texts | None = None
    fail_on: Annotated[str, AfterValidator(_one_of(FAIL_ON))] | None = None
    fail_on_unidentified: Annotated[float, Field(ge=0, le=100)] | None = None
    warn_days: Annotated[int, Field(ge=0, le=36_525)] | None = None
    policies: _Texts | None = None
    waivers: _Texts | None = None
    engine: Annotated[str, AfterValidator(_one_of(ENGINES))] | None = None
    opa_url: _Text | None = None
    opa_token: _Text | None = None
    no_push: bool | None = None
    insecure: bool | None = None
    ca_cert: _Text | None = None
    opa_timeout: Annotated[float, Field(ge=0.1)] | None = None
    opa_binary: _Text | None = None
    format: Annotated[str, AfterValidator(_one_of(REPORT_FORMATS))] | None = None
    jobs: Annotated[int, Field(ge=0)] | None = None
    #: reserved for the inventory store: a file (relative to the configuration) or a database URL
    db: _Text | None = None


#: Every key, in the order of the README.
KEYS = tuple(ProjectConfig.model_fields)

#: Keys whose values are paths, relative to the configuration file.
_PATHS = ("policies", "waivers", "ca_cert", "opa_binary")


def validate(table: Mapping[str, Any], source: Path, prefix: str = "") -> dict[str, Any]:
    """The keys `table` sets, checked, with paths made relative to `source`'s folder.

    `prefix` is where the table sits in its file (`tool.enforcer` in a
    pyproject.toml), for the messages. Raises ConfigError with every problem.
    """
    try:
        config = ProjectConfig.model_validate(dict(table))
    except ValidationError as error:
        raise ConfigError([_problem(source, prefix, item) for item in error.errors()]) from None
    values = config.model_dump(exclude_none=True)
    base = source.parent
    for key in _PATHS:
        if key in values:
            value = values[key]
            values[key] = [_path(base, item) for item in value] if isinstance(value, list) else _path(base, value)
    if "db" in values and "://" not in values["db"]:
        values["db"] = str(_path(base, values["db"]))
    return values


def _path(base: Path, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else base / path


#: pydantic's error types, in the enforcer's words
_WORDS = {
    "missing": "is required",
    "string_type": "must be a string",
    "string_too_short": "must not be empty",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "dict_type": "must be a table",
    "model_type": "must be a table",
}


def _problem(source: Path, prefix: str, item: Any) -> str:
    """One line: `FILE: KEY: what is wrong (got VALUE)`."""
    location = list(item["loc"])
    key = ".".join(part for part in [prefix, *(str(p) for p in location if isinstance(p, str))] if part)
    key += "".join(f"[{p}]" for p in location if isinstance(p, int))
    kind, context = item["type"], item.get("ctx") or {}
    if kind == "extra_forbidden":
        name = str(location[-1])
        close = difflib.get_close_matches(name, KEYS, n=1)
        hint = f" (did you mean {close[0]}?)" if close else f" (known: {', '.join(KEYS)})"
        return f"{source}: {key}: unknown key{hint}"
    if kind == "value_error":
        words = str(context.get("error", "is not valid"))
    elif kind == "greater_than_equal":
        words = f"must be at least {context['ge']:g}"
    elif kind == "less_than_equal":
        words = f"must be at most {context['le']:g}"
    else:
        words = _WORDS.get(kind, "is not a valid value here")
    got = item.get("input")
    shown = "" if kind == "missing" or isinstance(got, dict | list) else f" (got {_toml(got)})"
    return f"{source}: {key}: {words}{shown}"


def _toml(value: Any) -> str:
    """A value as TOML writes it: "text", 12, true."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)
