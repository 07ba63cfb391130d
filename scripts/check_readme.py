"""Check that the README documents every command and option of the CLI, in the CLI's words.

    python scripts/check_readme.py        (make check-readme; also a test)

Reads the commands and options from the typer app itself (typer.main.get_command)
and looks in README.md for each command, each of its flags, and the help text that
`--help` shows for each option and operand. Prints what is missing and exits 1, or
prints a count.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from enforcer.cli._adapter import subcommands  # noqa: E402

#: typer's own options, documented by typer's wording where they appear
_HELP = ("--help", "-h")


@dataclass(frozen=True)
class Option:
    flags: tuple[str, ...]
    help: str


def _commands() -> dict[str, Any]:
    """{"enforcer": group, "enforcer check": command, ...}: every command of the app, groups included."""
    from typer.main import get_command

    from enforcer.cli import app

    found: dict[str, Any] = {}

    def walk(command: Any, path: str) -> None:
        found[path] = command
        for name, sub in subcommands(command).items():
            walk(sub, f"{path} {name}")

    walk(get_command(app), "enforcer")
    return found


def cli_options() -> dict[str, list[Option]]:
    """{"enforcer check": [Option(("-p", "--policy"), "Rego file ..."), ...], ...}; operands have no flags."""
    surface: dict[str, list[Option]] = {}
    for path, command in _commands().items():
        options = []
        for param in command.params:
            flags = tuple(flag for flag in (*param.opts, *param.secondary_opts) if flag not in _HELP)
            if param.param_type_name == "argument":
                flags = ()
            options.append(Option(flags, " ".join((param.help or "").split())))
        if options or not subcommands(command):
            surface[path] = options
    return surface


def cli_surface() -> dict[str, list[str]]:
    """{"enforcer check": ["-p", "--policy", ...], ...}: the flags of each command."""
    return {path: [flag for option in options for flag in option.flags] for path, options in cli_options().items()}


def missing(readme: str) -> list[str]:
    problems = []
    text = " ".join(readme.split())
    for command, options in cli_options().items():
        if f"`{command}" not in readme:
            problems.append(f"command `{command}` is not documented")
        for option in options:
            problems.extend(
                f"`{command}`: option {flag} is not documented"
                for flag in option.flags
                if f"`{flag}" not in readme and f" {flag}" not in readme
            )
            if option.help and option.help not in text:
                name = option.flags[-1] if option.flags else "an operand"
                problems.append(f"`{command}`: the help of {name} is not in the README: {option.help!r}")
    return sorted(set(problems), key=problems.index)


def main() -> int:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    problems = missing(readme)
    for problem in problems:
        print(f"README.md: {problem}")
    if problems:
        return 1
    surface = cli_surface()
    print(f"README.md documents {len(surface)} commands and {sum(map(len, surface.values()))} options")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
