"""The README, the user's manual, documents every command and option, in the words of `--help`."""

from __future__ import annotations

from scripts.check_readme import cli_options, cli_surface, missing
from tests.conftest import ROOT


def test_every_command_and_option_is_in_the_readme():
    assert missing((ROOT / "README.md").read_text(encoding="utf-8")) == []


def test_the_check_finds_an_undocumented_option():
    surface = cli_surface()
    assert "--fail-on" in surface["enforcer check"]
    assert "--install-completion" in surface["enforcer"]
    assert any("--fail-on" in problem for problem in missing("`enforcer check` `enforcer policy check`"))


def test_the_check_finds_help_worded_otherwise():
    """A README that names an option but says something else than its help fails the check."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [jobs] = [option for option in cli_options()["enforcer check"] if "--jobs" in option.flags]
    assert jobs.help in " ".join(readme.split())
    reworded = readme.replace("Check the SBOMs in N processes;", "Check the SBOMs in N workers;")
    assert missing(reworded) == [f"`enforcer check`: the help of --jobs is not in the README: {jobs.help!r}"]
