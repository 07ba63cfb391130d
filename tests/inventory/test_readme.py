"""The README's inventory walkthrough: every `$ enforcer inventory ...` block runs, in order, on a new store.

Each block must print what the README shows (a line `...` stands for any
lines, `...` inside a line for any text) and exit as the README says: 1 for
`diff` and `impact` that deny, 0 for the rest.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

#: the commands whose answer denies something (the README says they exit 1)
DENYING = ("inventory diff", "inventory impact -p")


def _walkthrough() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## The inventory: the day a ban lands")
    section = text[start : text.index("\n## ", start + 1)]
    blocks = []
    for block in re.findall(r"```console\n(.*?)```", section, re.S):
        command, _, output = block.partition("\n")
        if command.startswith("$ enforcer inventory "):
            blocks.append((command.removeprefix("$ "), output))
    return blocks


def _pattern(output: str) -> str:
    parts = []
    for line in output.splitlines():
        if line == "...":
            parts.append(r"(?:.*\n)*?")
        else:
            parts.append(".*?".join(re.escape(piece) for piece in line.split("...")) + r"\n")
    return "".join(parts)


WALKTHROUGH = _walkthrough()


def test_the_walkthrough_is_there() -> None:
    commands = [command.split()[2] for command, _ in WALKTHROUGH]
    assert commands == ["add", "list", "impact", "diff", "impact", "calendar", "find", "remove"]


def test_the_walkthrough_runs_as_written(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("ENFORCER_DB", str(tmp_path / "portfolio.db"))
    for command, output in WALKTHROUGH:
        result = cli(*shlex.split(command)[1:])
        shown = result.stdout + result.stderr
        assert re.fullmatch(_pattern(output), shown), f"$ {command}\n{shown}"
        expected = 1 if any(command.startswith(f"enforcer {start}") for start in DENYING) else 0
        assert result.exit_code == expected, f"$ {command}: exit {result.exit_code}\n{shown}"
