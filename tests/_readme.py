"""The README's console examples, for the tests that run them as written.

A block is a ```` ```console ```` fence whose first line is `$ COMMAND` and
whose other lines are what it prints. In the printed text a line `...` stands
for any lines, and `...` inside a line for any text.
"""

from __future__ import annotations

import re

from tests.conftest import ROOT


def console_examples(heading: str, prefix: str) -> list[tuple[str, str]]:
    """(command, output) of every console block under the README's `heading` whose command starts with `prefix`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(heading)
    section = text[start : text.index("\n## ", start + 1)]
    examples = []
    for block in re.findall(r"```console\n(.*?)```", section, re.S):
        command, _, output = block.partition("\n")
        if command.startswith(f"$ {prefix}"):
            examples.append((command.removeprefix("$ "), output))
    return examples


def output_pattern(output: str) -> str:
    """The shown output as a regular expression (`...` lines and pieces match anything)."""
    parts = []
    for line in output.splitlines():
        if line == "...":
            parts.append(r"(?:.*\n)*?")
        else:
            parts.append(".*?".join(re.escape(piece) for piece in line.split("...")) + r"\n")
    return "".join(parts)
