"""The options the commands share, each declared once, and the decorator that hands them out.

An option set is a frozen dataclass whose fields are typer options
(`Selection`: --policy, --as-of, --scope, --warn-days; `EngineOptions`:
--engine and the OPA options). A command asks for one by a parameter
annotated with its class; `@command` puts the set's options into the
signature typer reads and builds the dataclass from them before the command
runs:

    @command
    def vendor(query: ..., selection: Selection, engine: EngineOptions) -> int: ...

An option the project configuration may set carries `FromConfig("key")` in
its annotation. `@command` then also adds --config and --no-config, reads
the configuration, and gives each such option the file's value unless the
option was given on the command line or by its environment variable (the
command line wins; a list given there replaces the file's).

Choices take any case; numbers and dates are checked here, with the
enforcer's own words (`--warn-days: -1 is below the minimum 0`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import inspect
import math
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, get_args, get_origin, get_type_hints

import typer

from enforcer._choices import ENGINES, FAIL_ON, ListingFormat
from enforcer.cli._errors import CommandLineError

if TYPE_CHECKING:
    from enforcer._run import Enforcer

_Number = TypeVar("_Number", int, float)
#: The longest warning window (100 years): a ban's phase date minus it is still a date.
MAX_WARN_DAYS = 36_525


# -- checking values ---------------------------------------------------------------------


def choice(values: Iterable[str]) -> Callable[[str], str]:
    """A value parser: one of `values`, in any case (`--format JSON` is `json`)."""
    choices = tuple(values)

    def parse(text: str) -> str:
        if text.lower() not in choices:
            raise typer.BadParameter(f"{text!r} is not one of {', '.join(choices)}")
        return text.lower()

    parse.__name__ = "choice"
    return parse


def either(values: Iterable[str]) -> str:
    """`table, json or sarif`: choices in a sentence of the help."""
    *most, last = values
    return f"{', '.join(most)} or {last}" if most else last


def complete(values: Iterable[str]) -> Callable[[str], list[str]]:
    """Shell completion of a choice, in any case."""
    choices = tuple(values)

    def candidates(incomplete: str) -> list[str]:
        return [value for value in choices if value.startswith(incomplete.lower())]

    return candidates


def bounded(
    kind: Callable[[str], _Number], minimum: _Number, maximum: _Number | None = None
) -> Callable[[str], _Number]:
    """A value parser: an int or a float from `minimum` to `maximum`."""

    def parse(text: str) -> _Number:
        value: _Number | None
        try:
            value = kind(text)
        except (TypeError, ValueError):
            value = None
        if value is None or not math.isfinite(value):
            raise typer.BadParameter(f"{text!r} is not {'an integer' if kind is int else 'a number'}")
        if value < minimum:
            raise typer.BadParameter(f"{text} is below the minimum {minimum:g}")
        if maximum is not None and value > maximum:
            raise typer.BadParameter(f"{text} is above the maximum {maximum:g}")
        return value

    parse.__name__ = "number"
    return parse


def date(text: str) -> dt.date:
    """A value parser: a date in the form YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date in the form YYYY-MM-DD") from None


# -- the declarations ----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class FromConfig:
    """In an option's annotation: the project configuration's key that may set it."""

    key: str


@dataclasses.dataclass(frozen=True)
class OptionSet:
    """The base of the option sets: a parameter annotated with a subclass gets its options."""


_SELECTION = "Which bans decide, and when"
_ENGINE = "Engine and OPA"
_CONFIG = "Project configuration"


def option(*flags: str, panel: str | None = None, shown: bool = False, **settings: Any) -> Any:
    """A typer option in help panel `panel`; its default is written in the help only when `shown`."""
    return typer.Option(*flags, rich_help_panel=panel, show_default=shown, **settings)


def choice_option(*flags: str, choices: Iterable[str], metavar: str, help: str, panel: str | None = None) -> Any:
    """An option that takes one of `choices`, in any case, completed by the shell; `{choices}` in `help` lists them."""
    values = tuple(choices)
    parse, candidates, listed = choice(values), complete(values), help.format(choices=either(values))
    return option(
        *flags, panel=panel, shown=True, parser=parse, autocompletion=candidates, metavar=metavar, help=listed
    )


def number_option(
    *flags: str, kind: Callable[[str], _Number], at_least: _Number, at_most: _Number | None = None, **settings: Any
) -> Any:
    """An option that takes a number from `at_least` to `at_most`."""
    return option(*flags, shown=settings.pop("shown", True), parser=bounded(kind, at_least, at_most), **settings)


Policies = Annotated[
    list[Path] | None,
    option(
        "-p",
        "--policy",
        metavar="PATH",
        panel=_SELECTION,
        help="Rego file or directory (repeatable). Default: the shipped policies/.",
    ),
    FromConfig("policies"),
]
Waivers = Annotated[
    list[Path] | None,
    option("-w", "--waivers", metavar="FILE", help="Waiver file, YAML or JSON (repeatable)."),
    FromConfig("waivers"),
]
OpaBinary = Annotated[
    Path | None,
    option(
        "--opa-binary",
        envvar="OPA",
        metavar="PATH",
        panel=_ENGINE,
        help="The opa binary (--engine opa). Default: .tools/bin/opa, then opa on PATH.",
    ),
    FromConfig("opa_binary"),
]
ListingFormatOption = Annotated[
    str, choice_option("-f", "--format", choices=ListingFormat, metavar="FORMAT", help="Output format: {choices}.")
]


#: --fail-on of check and inventory impact (the configuration's fail_on too)
FailOnOption = Annotated[
    str,
    choice_option("--fail-on", choices=FAIL_ON, metavar="VERDICT", help="Exit 1 on this verdict or worse: {choices}."),
    FromConfig("fail_on"),
]
AsOf = Annotated[
    dt.date | None,
    option(
        "--as-of",
        parser=date,
        metavar="YYYY-MM-DD",
        panel=_SELECTION,
        help="Decide as on this date. Default: today (UTC).",
    ),
]
Scopes = Annotated[
    list[str] | None,
    option(
        "-s",
        "--scope",
        metavar="TAG",
        panel=_SELECTION,
        help="Only bans with this scope tag (repeatable). Default: every jurisdiction.",
    ),
    FromConfig("scopes"),
]


@dataclasses.dataclass(frozen=True)
class Selection(OptionSet):
    """--policy, --as-of, --scope, --warn-days: which bans decide, on which date."""

    policy: Policies = None
    as_of: AsOf = None
    scope: Scopes = None
    warn_days: Annotated[
        int,
        number_option(
            "--warn-days",
            kind=int,
            at_least=0,
            at_most=MAX_WARN_DAYS,
            metavar="N",
            panel=_SELECTION,
            help="Warn this many days before a ban phase starts (0 or more).",
        ),
        FromConfig("warn_days"),
    ] = 90

    @property
    def scopes(self) -> list[str]:
        """The scope tags chosen, sorted, each once; empty: every jurisdiction."""
        return sorted(set(self.scope or ()))


@dataclasses.dataclass(frozen=True)
class EngineOptions(OptionSet):
    """--engine and the options of the opa-server and opa engines."""

    engine: Annotated[
        str,
        choice_option(
            "-e", "--engine", choices=ENGINES, metavar="ENGINE", panel=_ENGINE, help="Policy engine: {choices}."
        ),
        FromConfig("engine"),
    ] = ENGINES[0]
    opa_url: Annotated[
        str | None,
        option(
            "--opa-url",
            envvar="ENFORCER_OPA_URL",
            metavar="URL",
            panel=_ENGINE,
            help="OPA server URL (--engine opa-server).",
        ),
        FromConfig("opa_url"),
    ] = None
    opa_token: Annotated[
        str | None,
        option(
            "--opa-token",
            envvar="ENFORCER_OPA_TOKEN",
            metavar="TOKEN",
            panel=_ENGINE,
            help="Bearer token for the OPA server.",
        ),
        FromConfig("opa_token"),
    ] = None
    no_push: Annotated[
        bool,
        option(
            "--no-push",
            panel=_ENGINE,
            help="Use the policies already loaded in the OPA server (a bundle); push nothing.",
        ),
        FromConfig("no_push"),
    ] = False
    insecure: Annotated[
        bool,
        option("--insecure", panel=_ENGINE, help="Do not verify the OPA server's TLS certificate."),
        FromConfig("insecure"),
    ] = False
    ca_cert: Annotated[
        Path | None,
        option("--ca-cert", metavar="FILE", panel=_ENGINE, help="CA bundle to verify the OPA server's certificate."),
        FromConfig("ca_cert"),
    ] = None
    opa_timeout: Annotated[
        float,
        number_option(
            "--opa-timeout",
            kind=float,
            at_least=0.1,
            metavar="SECONDS",
            panel=_ENGINE,
            help="Timeout per OPA request, in seconds (0.1 or more).",
        ),
        FromConfig("opa_timeout"),
    ] = 10.0
    opa_binary: OpaBinary = None

    def library_options(self) -> dict[str, Any]:
        """The options of the chosen engine, checked for what it needs."""
        if self.engine == "opa-server":
            if not self.opa_url:
                raise CommandLineError("--engine opa-server needs --opa-url URL (or ENFORCER_OPA_URL)")
            return {
                "opa_url": self.opa_url,
                "opa_token": self.opa_token,
                "push": not self.no_push,
                "tls_verify": not self.insecure,
                "ca_cert": str(self.ca_cert) if self.ca_cert else None,
                "timeout": self.opa_timeout,
            }
        if self.engine == "opa":
            return {"opa_binary": str(self.opa_binary) if self.opa_binary else None, "timeout": self.opa_timeout}
        return {}


@dataclasses.dataclass(frozen=True)
class ProjectOptions(OptionSet):
    """--config and --no-config: which project configuration applies. Added by `@command` where one may."""

    config: Annotated[
        Path | None,
        option(
            "--config",
            metavar="FILE",
            panel=_CONFIG,
            help="Project configuration file. Default: the first enforcer.toml, or pyproject.toml with a"
            " tool.enforcer table, from the working directory upwards.",
        ),
    ] = None
    no_config: Annotated[bool, option("--no-config", panel=_CONFIG, help="Ignore any project configuration file.")] = (
        False
    )


class Given(frozenset[str]):
    """The names of the parameters given on the command line or by their environment variable.

    A command that needs to tell a value given from a default asks for it by
    a parameter annotated `Given`.
    """

    #: the project configuration file that applied, if any (an input that no report may overwrite)
    config: Path | None = None


@contextlib.contextmanager
def enforcer_for(selection: Selection, engine: EngineOptions, waivers: list[Path] | None = None) -> Iterator[Enforcer]:
    """The library's Enforcer for these options, once every chosen scope is known to some ban."""
    from enforcer._run import Enforcer, Options

    options = Options(
        policies=list(selection.policy or ()),
        as_of=selection.as_of or dt.datetime.now(dt.UTC).date(),
        scopes=selection.scopes,
        warn_days=selection.warn_days,
        waivers=list(waivers or ()),
        engine=engine.engine,
        engine_options=engine.library_options(),
    )
    with Enforcer(options) as enforcer:
        known = sorted({tag for ban in enforcer.bans for tag in ban.scopes})
        unknown = [scope for scope in options.scopes if scope not in known]
        if unknown:
            raise CommandLineError(
                f"no ban has the scope {', '.join(repr(s) for s in unknown)} (known: {', '.join(known) or 'none'})"
            )
        yield enforcer


# -- the decorator -------------------------------------------------------------------------------

_CONTEXT = "enforcer_context__"


@dataclasses.dataclass(frozen=True)
class _Slot:
    """One parameter of the signature typer reads."""

    name: str
    annotation: Any
    default: Any


def command(function: Callable[..., int]) -> Callable[..., int]:
    """Give `function` the options of its option sets, the project configuration and `Given`."""
    hints = get_type_hints(function, include_extras=True)
    slots: list[_Slot] = []
    sets: dict[str, type[OptionSet]] = {}
    given_name: str | None = None
    for parameter in inspect.signature(function).parameters.values():
        annotation = hints.get(parameter.name, parameter.annotation)
        if isinstance(annotation, type) and issubclass(annotation, OptionSet):
            sets[parameter.name] = annotation
            slots.extend(_fields(annotation))
        elif annotation is Given:
            given_name = parameter.name
        else:
            slots.append(_Slot(parameter.name, annotation, parameter.default))
    config_keys = {slot.name: key for slot in slots if (key := _config_key(slot.annotation)) is not None}
    if config_keys:  # --config and --no-config, where the configuration sets something
        slots.extend(_fields(ProjectOptions))

    @functools.wraps(function)
    def run(**values: Any) -> int:
        context: typer.Context = values.pop(_CONTEXT)
        try:
            given = Given(name for name in values if _given(context, name))
            if config_keys:
                project = ProjectOptions(config=values.pop("config"), no_config=values.pop("no_config"))
                _apply_config(values, given, config_keys, project)
                from enforcer.cli._config import config_path

                given.config = config_path(project.config, project.no_config)
            arguments: dict[str, Any] = {}
            for name, kind in sets.items():
                arguments[name] = kind(**{field.name: values.pop(field.name) for field in dataclasses.fields(kind)})
            if given_name is not None:
                arguments[given_name] = given
            return function(**values, **arguments)
        except CommandLineError as error:
            error.command = error.command or context.command_path
            raise

    parameters = [
        inspect.Parameter(slot.name, inspect.Parameter.KEYWORD_ONLY, default=slot.default, annotation=slot.annotation)
        for slot in slots
    ]
    parameters.append(inspect.Parameter(_CONTEXT, inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context))
    run.__signature__ = inspect.Signature(parameters, return_annotation=int)  # type: ignore[attr-defined]
    run.__annotations__ = {parameter.name: parameter.annotation for parameter in parameters}
    return run


def _fields(kind: type[OptionSet]) -> list[_Slot]:
    hints = get_type_hints(kind, include_extras=True)
    return [_Slot(field.name, hints[field.name], field.default) for field in dataclasses.fields(kind)]


def _config_key(annotation: Any) -> str | None:
    if get_origin(annotation) is not Annotated:
        return None
    return next((extra.key for extra in get_args(annotation)[1:] if isinstance(extra, FromConfig)), None)


def _given(context: typer.Context, name: str) -> bool:
    source = context.get_parameter_source(name)
    return source is not None and source.name in ("COMMANDLINE", "ENVIRONMENT")


def _apply_config(values: dict[str, Any], given: Given, keys: dict[str, str], project: ProjectOptions) -> None:
    """Fill the options not given with the project configuration's values."""
    from enforcer.cli._config import project_config

    config = project_config(project.config, project.no_config)
    if config is None:
        return
    for name, key in keys.items():
        value = config.get(key)
        if name not in given and value is not None:
            values[name] = value
