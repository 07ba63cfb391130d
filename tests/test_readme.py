"""The README, the user's manual, documents every command and option."""

from __future__ import annotations

from scripts.check_readme import cli_surface, missing
from tests.conftest import ROOT


def test_every_command_and_option_is_in_the_readme():
    assert missing((ROOT / "README.md").read_text(encoding="utf-8")) == []


def test_the_check_finds_an_undocumented_option():
    surface = cli_surface()
    assert "--fail-on" in surface["enforcer check"]
    assert any("--fail-on" in problem for problem in missing("`enforcer check` `enforcer policy check`"))
