"""`enforcer check SBOM...`: check SBOMs against the bans, write the reports, exit by the gate."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from enforcer._choices import FAIL_ON, REPORT_FORMATS
from enforcer.cli import _output
from enforcer.cli._errors import CommandLineError, error, say
from enforcer.cli._options import (
    EngineOptions,
    FailOnOption,
    FromConfig,
    Given,
    Selection,
    Waivers,
    choice_option,
    command,
    enforcer_for,
    number_option,
    option,
)

_READING = "Reading SBOMs"


@command
def check(
    sboms: Annotated[
        list[str],
        typer.Argument(
            metavar="SBOM", show_default=False, help="SBOM files, directories or glob patterns; - reads stdin."
        ),
    ],
    *,
    selection: Selection,
    format: Annotated[
        str,
        choice_option("-f", "--format", choices=REPORT_FORMATS, metavar="FORMAT", help="Report format: {choices}."),
        FromConfig("format"),
    ] = REPORT_FORMATS[0],
    output: Annotated[
        list[str] | None,
        option(
            "-o",
            "--output",
            metavar="[FORMAT=]FILE",
            help="Write the --format report to FILE (- for stdout), or one more report as FORMAT=FILE (repeatable).",
        ),
    ] = None,
    fail_on: FailOnOption = FAIL_ON[0],
    fail_on_unidentified: Annotated[
        float | None,
        number_option(
            "--fail-on-unidentified",
            kind=float,
            at_least=0.0,
            at_most=100.0,
            shown=False,
            metavar="PERCENT",
            help="Exit 1 when more than PERCENT % of the components carry no identity (0 to 100).",
        ),
        FromConfig("fail_on_unidentified"),
    ] = None,
    jobs: Annotated[
        int,
        number_option(
            "-j",
            "--jobs",
            kind=int,
            at_least=0,
            metavar="N",
            panel=_READING,
            help="Check the SBOMs in N processes; 0 is one per CPU.",
        ),
        FromConfig("jobs"),
    ] = 1,
    dask: Annotated[
        str | None,
        option(
            "--dask",
            metavar="ADDRESS",
            panel=_READING,
            help="Load and match the SBOMs on this Dask cluster (tcp://HOST:PORT); the workers must see"
            " the files at the same paths.",
        ),
    ] = None,
    waivers: Waivers = None,
    explain: Annotated[bool, option("--explain", help="Show what matched, and the path, for every finding.")] = False,
    engine: EngineOptions,
    given: Given,
) -> int:
    """Check SBOMs for software from banned vendors."""
    from enforcer._batch import ProgressBar, default_jobs
    from enforcer._models import FailOn
    from enforcer.load import expand_paths
    from enforcer.report import ReportFormat, reporter_for

    if dask is not None and "jobs" in given and jobs != 1:
        raise CommandLineError("--dask and --jobs contradict each other; give one")
    targets = _output.outputs(ReportFormat(format), output or [], "format" in given)
    files = expand_paths(sboms)
    for _, target in targets:
        if target != "-":
            configuration = [given.config] if given.config is not None else []
            _output.refuse_overwrite(
                Path(target), sboms, files, waivers or (), configuration, policies=selection.policy or ()
            )
    with enforcer_for(selection, engine, waivers) as enforcer:
        for notice in enforcer.notices:
            say(f"enforcer: warning: {notice}")
        progress = ProgressBar.for_terminal(len(files))
        try:
            result = enforcer.run(files, jobs=default_jobs(jobs), progress=progress, dask=dask)
        finally:
            if progress is not None:
                progress.close()
    for report_format, target in targets:
        _output.write(
            None if target == "-" else Path(target), reporter_for(report_format, explain=explain).render(result)
        )
    for sbom in result.sboms:
        if sbom.error is not None:
            error(sbom.error)
    gate = FailOn(fail_on)
    code = result.exit_code(gate, max_unidentified_percent=fail_on_unidentified)
    say(_output.summary(result, gate, code, fail_on_unidentified, scoped=bool(selection.scopes)))
    return code
