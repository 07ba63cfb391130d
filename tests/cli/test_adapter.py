"""The adapter to typer's insides: fails when typer's layout changes, before a user sees a traceback."""

from __future__ import annotations

import re
import tomllib

import pytest
import typer
from typer._click import exceptions

from enforcer.cli import _adapter
from tests.conftest import ROOT


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:2])


def test_typer_is_the_release_range_the_adapter_was_written_for():
    """pyproject.toml, the adapter and the installed typer agree."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [requirement] = [item for item in project["project"]["dependencies"] if item.startswith("typer")]
    low, high = (_version(bound) for bound in requirement.removeprefix("typer").split(","))
    assert (low, high) == _adapter.TYPER_RANGE
    assert low <= _version(typer.__version__) < high


def test_the_click_inside_typer_has_what_the_adapter_reads():
    from typer._click import core

    assert typer.BadParameter is exceptions.BadParameter  # what the option parsers raise
    assert _adapter.UsageError is exceptions.UsageError
    for kind in (exceptions.BadParameter, exceptions.NoSuchOption, exceptions.BadOptionUsage):
        assert issubclass(kind, exceptions.UsageError)
    assert issubclass(exceptions.MissingParameter, exceptions.BadParameter)
    assert issubclass(exceptions.UsageError, typer.TyperException)
    assert {"COMMANDLINE", "ENVIRONMENT", "DEFAULT"} <= set(core.ParameterSource.__members__)
    error = exceptions.NoSuchOption("--x", possibilities=["--xy"])
    assert (error.option_name, error.possibilities, error.ctx) == ("--x", ["--xy"], None)
    assert exceptions.BadOptionUsage("-j", "m").option_name == "-j"
    assert exceptions.BadParameter("why").message == "why"


def _context(name: str):
    """The context of `enforcer NAME`, parsed from nothing, as click makes it."""
    from typer.main import get_command

    from enforcer.cli import app

    group = get_command(app)
    parent = group.make_context("enforcer", [name], resilient_parsing=True)
    return group.commands[name].make_context(name, [], parent=parent, resilient_parsing=True)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("make", "line"),
    [
        (
            lambda ctx: exceptions.NoSuchOption("--form", ctx=ctx),
            "enforcer: error: no such option '--form' (did you mean --format?); try 'enforcer check --help'",
        ),
        (
            lambda ctx: exceptions.BadOptionUsage("-j", "Option '-j' requires an argument.", ctx=ctx),
            "enforcer: error: --jobs: needs a value; try 'enforcer check --help'",
        ),
        (
            lambda ctx: exceptions.BadOptionUsage("--explain", "Option '--explain' does not take a value.", ctx=ctx),
            "enforcer: error: --explain: takes no value; try 'enforcer check --help'",
        ),
        (
            lambda ctx: exceptions.MissingParameter(ctx=ctx, param=_param(ctx, "sboms")),
            "enforcer: error: missing SBOM; try 'enforcer check --help'",
        ),
        (
            lambda ctx: exceptions.BadParameter("'x' is wrong", ctx=ctx, param=_param(ctx, "warn_days")),
            "enforcer: error: --warn-days: 'x' is wrong; try 'enforcer check --help'",
        ),
        (
            lambda ctx: exceptions.UsageError("Something else went wrong.", ctx=ctx),
            "enforcer: error: something else went wrong; try 'enforcer check --help'",
        ),
    ],
    ids=["no-such-option", "needs-a-value", "takes-no-value", "missing-operand", "bad-value", "other"],
)
def test_click_usage_errors_in_the_enforcers_words(make, line):
    [written] = _adapter.usage_error(make(_context("check"))).lines()
    assert written == line


def _param(ctx, name):
    return next(param for param in ctx.command.params if param.name == name)
