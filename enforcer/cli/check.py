"""`enforcer check SBOM...`: check SBOMs against the bans, write the reports, exit by the gate."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from enforcer._choices import FAIL_ON, REPORT_FORMATS
from enforcer.cli import _output
from enforcer.cli._options import (
    EngineOptions,
    FromConfig,
    Given,
    Selection,
    Waivers,
    bounded,
    check_scopes,
    choice,
    command,
    complete,
    either,
    run_options,
)

_READING = "Reading SBOMs"


@command
def check(
    sboms: Annotated[
        list[str],
        typer.Argument(
            metavar="SBOM",
            show_default=False,
            help="SBOM files, directories or glob patterns; - reads stdin.",
        ),
    ],
    *,
    selection: Selection,
    format: Annotated[
        str,
        typer.Option(
            "-f",
            "--format",
            parser=choice(REPORT_FORMATS),
            autocompletion=complete(REPORT_FORMATS),
            metavar="FORMAT",
            help=f"Report format: {either(REPORT_FORMATS)}.",
        ),
        FromConfig("format"),
    ] = REPORT_FORMATS[0],
    output: Annotated[
        list[str] | None,
        typer.Option(
            "-o",
            "--output",
            metavar="[FORMAT=]FILE",
            show_default=False,
            help="Write the --format report to FILE (- for stdout), or one more report as FORMAT=FILE (repeatable).",
        ),
    ] = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            parser=choice(FAIL_ON),
            autocompletion=complete(FAIL_ON),
            metavar="VERDICT",
            help=f"Exit 1 on this verdict or worse: {either(FAIL_ON)}.",
        ),
        FromConfig("fail_on"),
    ] = FAIL_ON[0],
    fail_on_unidentified: Annotated[
        float | None,
        typer.Option(
            "--fail-on-unidentified",
            parser=bounded(float, 0.0, 100.0),
            metavar="PERCENT",
            show_default=False,
            help="Exit 1 when more than PERCENT % of the components carry no identity (0 to 100).",
        ),
        FromConfig("fail_on_unidentified"),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "-j",
            "--jobs",
            parser=bounded(int, 0),
            metavar="N",
            rich_help_panel=_READING,
            help="Check the SBOMs in N processes; 0 is one per CPU.",
        ),
        FromConfig("jobs"),
    ] = 1,
    waivers: Waivers = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            show_default=False,
            help="Show what matched, and the path, for every finding.",
        ),
    ] = False,
    stream: Annotated[
        bool | None,
        typer.Option(
            "--stream/--no-stream",
            show_default=False,
            rich_help_panel=_READING,
            help="Read CycloneDX JSON a window at a time, in bounded memory, or whole. Default: above 256 MiB.",
        ),
    ] = None,
    engine: EngineOptions,
    given: Given,
) -> int:
    """Check SBOMs for software from banned vendors."""
    from enforcer._batch import ProgressBar, check_many, default_jobs, expand_paths
    from enforcer._models import FailOn
    from enforcer._run import Enforcer
    from enforcer.report import ReportFormat, reporter_for

    options = run_options(selection, engine, waivers)
    options.stream = stream
    targets = _output.outputs(ReportFormat(format), output or [], "format" in given)
    files = expand_paths(sboms)
    for _, target in targets:
        if target != "-":
            _output.refuse_overwrite(Path(target), sboms, files, options.policies, options.waivers)
    with Enforcer(options) as enforcer:
        check_scopes(enforcer, options.scopes)
        progress = ProgressBar.for_terminal(len(files))
        try:
            result = check_many(enforcer, files, jobs=default_jobs(jobs), progress=progress)
        finally:
            if progress is not None:
                progress.close()
    for report_format, target in targets:
        _output.write(
            None if target == "-" else Path(target), reporter_for(report_format, explain=explain).render(result)
        )
    for sbom in result.sboms:
        if sbom.error is not None:
            print(f"enforcer: error: {sbom.error}", file=sys.stderr)
    gate = FailOn(fail_on)
    code = result.exit_code(gate, max_unidentified_percent=fail_on_unidentified)
    print(_output.summary(result, gate, code, fail_on_unidentified, scoped=bool(options.scopes)), file=sys.stderr)
    return code
