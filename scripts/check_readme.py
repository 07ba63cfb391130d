"""Check that the README documents every command and option of the CLI.

    python scripts/check_readme.py        (make check-readme; also a test)

Reads the options of each command from the CLI's argparse parser itself and looks for
each one in README.md. Prints what is missing and exits 1, or prints a count.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def cli_surface() -> dict[str, list[str]]:
    """{"enforcer check": ["--policy", "-p", ...], ...} from the CLI's parser."""
    from enforcer._cli import Parser, build_parser

    surface: dict[str, list[str]] = {}

    def walk(parser: Parser, path: str) -> None:
        for name, command in parser.commands.items():
            walk(command, f"{path} {name}")
        if not parser.commands:
            flags = (flag for action in parser._actions for flag in action.option_strings)
            surface[path] = [flag for flag in flags if flag not in ("--help", "-h")]

    walk(build_parser(), "enforcer")
    return surface


def missing(readme: str) -> list[str]:
    problems = []
    for command, options in cli_surface().items():
        if f"`{command}" not in readme:
            problems.append(f"command `{command}` is not documented")
        problems.extend(
            f"`{command}`: option {option} is not documented"
            for option in options
            if f"`{option}" not in readme and f" {option}" not in readme
        )
    return problems


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
