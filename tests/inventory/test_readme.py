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

from tests._readme import console_examples, output_pattern
from tests.conftest import ROOT

#: the commands whose answer denies something (the README says they exit 1)
DENYING = ("inventory diff", "inventory impact -p")


WALKTHROUGH = console_examples("## The inventory: the day a ban lands", "enforcer inventory ")


def test_the_walkthrough_is_there() -> None:
    commands = [command.split()[2] for command, _ in WALKTHROUGH]
    assert commands == ["add", "list", "impact", "diff", "impact", "calendar", "find", "remove"]


def test_the_walkthrough_runs_as_written(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("ENFORCER_DB", str(tmp_path / "portfolio.db"))
    for command, output in WALKTHROUGH:
        result = cli(*shlex.split(command)[1:])
        shown = result.stdout + result.stderr
        assert re.fullmatch(output_pattern(output), shown), f"$ {command}\n{shown}"
        expected = 1 if any(command.startswith(f"enforcer {start}") for start in DENYING) else 0
        assert result.exit_code == expected, f"$ {command}: exit {result.exit_code}\n{shown}"
