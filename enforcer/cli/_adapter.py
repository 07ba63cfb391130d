"""Where the command line meets typer's insides: the one module that knows them.

typer (0.26 and later) carries its own copy of click as the private module
`typer._click`, and the usage errors it raises are classes of that copy. This
module is the only one that imports from it; pyproject.toml pins typer to the
range this module was written for, and tests/cli/test_adapter.py fails when
typer's layout changes. Everything else uses typer's public API.

It holds:

- `Group` and `Command`, typer's group and command classes with the
  enforcer's rules: a group alone, an unknown command and an operand too
  many are usage errors of the enforcer's own (`CommandLineError`), and the
  usage line reads `enforcer check [OPTIONS] SBOM...`;
- `new_app`, a typer app made with them, help on `-h` too, rich help only
  when help is shown, no pretty tracebacks;
- `usage_error`, which turns click's usage errors into one line.
"""

from __future__ import annotations

import difflib
import importlib
from typing import Any, ClassVar

import typer
from typer._click.core import Context, Parameter
from typer._click.exceptions import BadOptionUsage, BadParameter, MissingParameter, NoSuchOption, UsageError
from typer.core import TyperCommand, TyperGroup

from enforcer.cli._errors import CommandLineError

#: The typer releases this module is written for (the same range as pyproject.toml).
TYPER_RANGE = ((0, 26), (0, 29))

__all__ = ["TYPER_RANGE", "Command", "Group", "LazyGroup", "UsageError", "new_app", "subcommands", "usage_error"]


class Command(TyperCommand):
    """A command: options and operands in any order; an operand too many is a usage error of ours."""

    #: leftover operands reach parse_args below, which names the first one
    allow_extra_args = True

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        try:
            rest = super().parse_args(ctx, args)
        except UsageError as error:  # click's option parser raises some without the context
            error.ctx = error.ctx or ctx
            raise
        if rest and not ctx.resilient_parsing:
            raise CommandLineError(f"unexpected operand {rest[0]!r}", command=ctx.command_path)
        return rest

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        """`[OPTIONS] SBOM...`, `[OPTIONS] [PATH]...`, `[OPTIONS] NAME`: the operands as the README writes them."""
        pieces = [self.options_metavar or "[OPTIONS]"]
        for param in self.get_params(ctx):
            if param.param_type_name != "argument":
                continue
            name = param.metavar or (param.name or "").upper()
            repeated = "..." if param.nargs == -1 else ""
            pieces.append(f"{name}{repeated}" if param.required else f"[{name}]{repeated}")
        return pieces


class Group(TyperGroup):
    """A command of commands (`enforcer`, `enforcer policy`): a missing or unknown command is a usage error."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:
            raise CommandLineError(f"missing COMMAND ({self._commands(ctx)})", command=ctx.command_path)
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: Context, args: list[str]) -> tuple[str | None, Any, list[str]]:
        name = args[0] if args else ""
        if self.get_command(ctx, name) is None and not ctx.resilient_parsing and not name.startswith("-"):
            raise CommandLineError(f"no such command {name!r} ({self._commands(ctx)})", command=ctx.command_path)
        return super().resolve_command(ctx, args)

    def _commands(self, ctx: Context) -> str:
        return f"commands: {', '.join(self.list_commands(ctx))}"


class LazyGroup(Group):
    """A group whose command groups are imported and built only when one is used, helped or completed.

    `enforcer check` then pays neither for importing `enforcer.cli.inventory`
    nor for building its commands. Listed after the group's own commands, in
    the order of `lazy`.
    """

    #: the name of each command group -> the module whose `app` it is
    lazy: ClassVar[dict[str, str]] = {}

    def list_commands(self, ctx: Context) -> list[str]:
        own = list(super().list_commands(ctx))
        return [*own, *(name for name in self.lazy if name not in own)]

    def get_command(self, ctx: Context, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in self.lazy:
            module = importlib.import_module(self.lazy[cmd_name])
            command = typer.main.get_group(module.app)
            command.name = cmd_name
            self.add_command(command, cmd_name)
        return command


def subcommands(command: Any) -> dict[str, Any]:
    """The commands of a group by name, lazy groups built (none for a command): for the README check and the tests."""
    if not isinstance(command, typer.core.TyperGroup):
        return {}
    ctx = Context(command)
    return {name: command.get_command(ctx, name) for name in command.list_commands(ctx)}


def new_app(help: str, *, completion: bool = False, cls: type[Group] = Group) -> typer.Typer:
    """A typer app of `Group` whose commands are added with `cls=Command`.

    Help is rich (typer imports rich only when it formats help); tracebacks
    are never pretty-printed: the entry point turns every error into a line.
    """
    return typer.Typer(
        cls=cls,
        help=help,
        add_completion=completion,
        rich_markup_mode="rich",
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


def usage_error(error: UsageError) -> CommandLineError:
    """Click's usage error as the enforcer's one line: `--jobs: 'abc' is not an integer`."""
    ctx = error.ctx
    command = ctx.command_path if ctx is not None else None
    if isinstance(error, MissingParameter):
        return CommandLineError(f"missing {_name(error.param)}", command=command)
    if isinstance(error, BadParameter):
        return CommandLineError(f"{_name(error.param)}: {error.message}", command=command)
    if isinstance(error, NoSuchOption):
        guess = _guess(ctx, error.option_name)
        return CommandLineError(f"no such option {error.option_name!r}{guess}", command=command)
    if isinstance(error, BadOptionUsage):
        param = _option(ctx, error.option_name)
        takes_value = param is not None and not getattr(param, "is_flag", False)
        name = _name(param) if param is not None else error.option_name
        return CommandLineError(f"{name}: {'needs a value' if takes_value else 'takes no value'}", command=command)
    message = error.message.rstrip(".")
    return CommandLineError(message[:1].lower() + message[1:], command=command)


def _guess(ctx: Context | None, flag: str) -> str:
    """` (did you mean --warn-days?)`: the options `flag` begins (never taken as abbreviations), or one like it."""
    if ctx is None or not flag.startswith("--"):
        return ""
    known = [name for param in ctx.command.get_params(ctx) for name in (*param.opts, *param.secondary_opts)]
    known = [name for name in known if name.startswith("--")]
    close = [name for name in known if name.startswith(flag)] or difflib.get_close_matches(
        flag, known, n=1, cutoff=0.75
    )
    return f" (did you mean {' or '.join(close)}?)" if close else ""


def _option(ctx: Context | None, flag: str) -> Parameter | None:
    """The option of the command that `flag` (`-j`, `--jobs`) names."""
    if ctx is None:
        return None
    for param in ctx.command.get_params(ctx):
        if flag in param.opts or flag in param.secondary_opts:
            return param
    return None


def _name(param: Parameter | None) -> str:
    """An option by its long name (`--jobs`), an operand by its metavar (`SBOM`)."""
    if param is None:
        return "a value"
    if param.param_type_name == "argument":
        return param.metavar or (param.name or "").upper()
    flags = [*param.opts, *param.secondary_opts]
    return next((flag for flag in flags if flag.startswith("--")), flags[0] if flags else param.name or "?")
