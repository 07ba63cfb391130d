"""`enforcer policy check|test|list`: write, check and test ban policies."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from enforcer._choices import ListingFormat
from enforcer.cli._adapter import Command, new_app
from enforcer.cli._errors import EXIT_ERROR, EXIT_OK, EXIT_POLICY, error, say
from enforcer.cli._options import (
    EngineOptions,
    FromConfig,
    ListingFormatOption,
    OpaBinary,
    Selection,
    Waivers,
    command,
    enforcer_for,
    option,
)

app = new_app("Write, check and test ban policies.")

_DEFAULT_PATHS = " Default: the configuration's policies, else the shipped policies/."


@app.command("check", cls=Command)
@command
def policy_check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="PATH", show_default=False, help="Rego files or directories." + _DEFAULT_PATHS),
        FromConfig("policies"),
    ] = None,
    *,
    engine: EngineOptions,
    waivers: Waivers = None,
) -> int:
    """Compile the policies and validate every ban and waiver against the contract.

    Also flags Rego that behaves differently on the embedded engine and OPA,
    runs `opa check` when OPA is available, and asks the engine for a verdict
    on every ban. Every problem is printed; exit 3 when there is any.
    """
    from enforcer.policy.lint import check_policies

    report = check_policies(list(paths or ()), engine.engine, engine.library_options(), list(waivers or ()))
    for warning in report.warnings:
        say(f"enforcer: warning: {warning}")
    for note in report.notes:
        say(f"enforcer: note: {note}")
    for problem in report.problems:
        error(problem)
    counts = (
        f"{len(report.modules)} modules, {len(report.bans)} bans"
        f" ({sum(1 for b in report.bans if not b.enabled)} disabled), {len(report.waivers)} waivers"
        f" on {report.engine}"
    )
    if report.problems:
        say(f"enforcer: {counts}: {len(report.problems)} problem(s); exit 3")
        return EXIT_ERROR
    warned = f", {len(report.warnings)} warning(s)" if report.warnings else ""
    print(f"enforcer: {counts}: ok{warned}")
    return EXIT_OK


@app.command("test", cls=Command)
@command
def policy_test(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH", show_default=False, help="Rego files or directories, tests included." + _DEFAULT_PATHS
        ),
        FromConfig("policies"),
    ] = None,
    *,
    embedded: Annotated[
        bool, option("--embedded", help="Run the test_ rules on the embedded engine even when OPA is here.")
    ] = False,
    opa_binary: OpaBinary = None,
    verbose: Annotated[
        bool,
        option("--verbose/--quiet", "-v/-q", shown=True, help="List every test, or only the failures."),
    ] = True,
) -> int:
    """Run the policies' test_ rules: `opa test` when OPA is available, else the embedded engine.

    The report has the layout of `opa test -v` either way; exit 1 when a test fails.
    """
    from enforcer.engine.opa_cli import find_opa
    from enforcer.policy import decision_library, find_modules, shipped_policies, with_decision_library
    from enforcer.policy.portability import scan_modules
    from enforcer.policy.testing import run_embedded_tests, run_opa_tests

    targets = list(paths or ()) or [shipped_policies()]
    found = find_modules(targets, tests=True)
    modules = with_decision_library(found)
    if len(modules) > len(found):  # the tests ask the shipped decision library
        targets.append(decision_library())
    binary = None if embedded else find_opa(str(opa_binary) if opa_binary else None)
    if binary is not None:
        report = run_opa_tests(binary, [str(target) for target in targets])
    else:
        for issue in scan_modules(modules):  # what may make a test fail only here
            say(f"enforcer: warning: {issue}")
        report = run_embedded_tests(modules)
    sys.stdout.write(report.render(verbose))
    total = len(report.outcomes)
    summary = (
        f"enforcer: {total} test{'s' if total != 1 else ''} on {report.runner}: {report.count('pass')} passed,"
        f" {report.count('fail')} failed, {report.count('error')} errors, {report.count('skip')} skipped"
    )
    if total == 0:
        say(f"{summary}; no test_ rules found")
    if not report.passed:
        say(f"{summary}; exit 1")
        return EXIT_POLICY
    if total:
        say(f"{summary}; exit 0")
    return EXIT_OK


@app.command("list", cls=Command)
@command
def policy_list(
    *,
    selection: Selection,
    format: ListingFormatOption = ListingFormat.TABLE.value,
    engine: EngineOptions,
) -> int:
    """List every ban, its phases and its status on a date (active, upcoming, not yet, ended, disabled)."""
    from enforcer.policy.listing import list_bans, render

    with enforcer_for(selection, engine) as enforcer:
        listing = list_bans(enforcer)
    sys.stdout.write(render(listing, ListingFormat(format)))
    return EXIT_OK
