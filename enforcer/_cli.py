"""The command line: flags in, one library call, an exit code out.

All logic lives in the library; this module parses flags, writes the report
and turns `EnforcerError` into one line on stderr and exit code 3.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from enforcer import __version__
from enforcer._choices import ListingFormat, QueryKind
from enforcer._errors import EnforcerError
from enforcer._models import FailOn, RunResult
from enforcer.engine import EngineChoice
from enforcer.report import ReportFormat, reporter_for

EXIT_OK, EXIT_POLICY, EXIT_USAGE, EXIT_ERROR = 0, 1, 2, 3

app = typer.Typer(
    name="enforcer",
    help="Check SBOMs against government vendor bans written in Rego.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
policy_app = typer.Typer(help="Write, check and test ban policies.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(policy_app, name="policy")

_T = TypeVar("_T")


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def _fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    typer.echo(f"enforcer: error: {message}", err=True)
    return typer.Exit(code)


def _guard(call: Callable[[], _T]) -> _T:
    """Run a library call; an EnforcerError becomes one line on stderr and exit 3."""
    try:
        return call()
    except EnforcerError as error:
        raise _fail(str(error)) from None


# -- shared options --------------------------------------------------------------

PolicyOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--policy", "-p", metavar="PATH", help="Rego file or directory (repeatable). Default: the shipped policies/."
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", metavar="YYYY-MM-DD", help="Decide as on this date. Default: today (UTC)."),
]
ScopeOption = Annotated[
    list[str] | None,
    typer.Option("--scope", "-s", metavar="TAG", help="Only bans with this scope tag (repeatable). Default: all."),
]
WarnDaysOption = Annotated[
    int, typer.Option("--warn-days", min=0, metavar="N", help="Warn this many days before a ban phase starts.")
]
EngineOption = Annotated[EngineChoice, typer.Option("--engine", "-e", help="Policy engine.", case_sensitive=False)]
OpaUrlOption = Annotated[
    str | None,
    typer.Option("--opa-url", envvar="ENFORCER_OPA_URL", metavar="URL", help="OPA server URL (--engine opa-server)."),
]
OpaTokenOption = Annotated[
    str | None,
    typer.Option(
        "--opa-token",
        envvar="ENFORCER_OPA_TOKEN",
        metavar="TOKEN",
        help="Bearer token for the OPA server.",
        show_default=False,
    ),
]
NoPushOption = Annotated[
    bool,
    typer.Option("--no-push", help="Use the policies already loaded in the OPA server (a bundle); push nothing."),
]
InsecureOption = Annotated[bool, typer.Option("--insecure", help="Do not verify the OPA server's TLS certificate.")]
CaCertOption = Annotated[
    Path | None, typer.Option("--ca-cert", metavar="FILE", help="CA bundle to verify the OPA server's certificate.")
]
OpaTimeoutOption = Annotated[
    float, typer.Option("--opa-timeout", min=0.1, metavar="SECONDS", help="Timeout per OPA request.")
]
OpaBinaryOption = Annotated[
    Path | None,
    typer.Option(
        "--opa-binary", envvar="OPA", metavar="PATH", help="The opa binary (--engine opa). Default: opa on PATH."
    ),
]
WaiversOption = Annotated[
    list[Path] | None,
    typer.Option("--waivers", "-w", metavar="FILE", help="Waiver file, YAML or JSON (repeatable)."),
]


def _engine_options(
    engine: EngineChoice,
    opa_url: str | None,
    opa_token: str | None,
    no_push: bool,
    insecure: bool,
    ca_cert: Path | None,
    opa_timeout: float,
    opa_binary: Path | None,
) -> dict[str, Any]:
    """The options of the chosen engine, checked for what it needs."""
    if engine is EngineChoice.OPA_SERVER:
        if not opa_url:
            raise _fail("--engine opa-server needs --opa-url URL (or ENFORCER_OPA_URL)", EXIT_USAGE)
        return {
            "opa_url": opa_url,
            "opa_token": opa_token,
            "push": not no_push,
            "tls_verify": not insecure,
            "ca_cert": str(ca_cert) if ca_cert else None,
            "timeout": opa_timeout,
        }
    if engine is EngineChoice.OPA:
        return {"opa_binary": str(opa_binary) if opa_binary else None, "timeout": opa_timeout}
    return {}


def _options(
    policy: list[Path] | None,
    as_of: str | None,
    scope: list[str] | None,
    warn_days: int,
    engine: EngineChoice,
    waivers: list[Path] | None,
    engine_options: dict[str, Any] | None = None,
) -> Any:
    from enforcer._run import Options

    return Options(
        policies=list(policy or ()),
        as_of=_parse_date(as_of) or _today(),
        scopes=sorted(set(scope or ())),
        warn_days=warn_days,
        waivers=list(waivers or ()),
        engine=engine.value,
        engine_options=engine_options or {},
    )


def _check_scopes(enforcer: Any, scopes: Sequence[str]) -> None:
    known = sorted({tag for ban in enforcer.bans for tag in ban.scopes})
    unknown = [scope for scope in scopes if scope not in known]
    if unknown:
        raise _fail(
            f"no ban has the scope {', '.join(repr(s) for s in unknown)} (known: {', '.join(known) or 'none'})",
            EXIT_USAGE,
        )


# -- enforcer check ------------------------------------------------------------------


@app.command()
def check(
    ctx: typer.Context,
    sboms: Annotated[
        list[str],
        typer.Argument(
            metavar="SBOM", help="SBOM files, directories or glob patterns; - reads stdin.", show_default=False
        ),
    ],
    policy: PolicyOption = None,
    as_of: AsOfOption = None,
    scope: ScopeOption = None,
    warn_days: WarnDaysOption = 90,
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Report format.", case_sensitive=False)
    ] = ReportFormat.TABLE,
    output: Annotated[
        list[str] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="[FORMAT=]FILE",
            help="Write the --format report to FILE (- for stdout), or one more report as FORMAT=FILE (repeatable).",
        ),
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 on this verdict or worse.", case_sensitive=False)
    ] = FailOn.DENY,
    fail_on_unidentified: Annotated[
        float | None,
        typer.Option(
            "--fail-on-unidentified",
            min=0.0,
            max=100.0,
            metavar="PERCENT",
            help="Exit 1 when more than PERCENT % of the components carry no identity.",
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=0, metavar="N", help="Check SBOMs in N processes (0: one per CPU)."),
    ] = 1,
    engine: EngineOption = EngineChoice.EMBEDDED,
    waivers: WaiversOption = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show what matched, and the path, for every finding.")
    ] = False,
    stream: Annotated[
        bool | None,
        typer.Option(
            "--stream/--no-stream",
            help="Read CycloneDX JSON a window at a time, in bounded memory. Default: for files over 256 MiB.",
            show_default=False,
        ),
    ] = None,
    opa_url: OpaUrlOption = None,
    opa_token: OpaTokenOption = None,
    no_push: NoPushOption = False,
    insecure: InsecureOption = False,
    ca_cert: CaCertOption = None,
    opa_timeout: OpaTimeoutOption = 10.0,
    opa_binary: OpaBinaryOption = None,
) -> None:
    """Check SBOMs for software from banned vendors."""
    from enforcer._batch import ProgressBar, check_many, default_jobs, expand_paths
    from enforcer._run import Enforcer

    engine_options = _engine_options(engine, opa_url, opa_token, no_push, insecure, ca_cert, opa_timeout, opa_binary)
    options = _options(policy, as_of, scope, warn_days, engine, waivers, engine_options)
    options.stream = stream
    source = ctx.get_parameter_source("format")
    format_given = source is not None and source.name == "COMMANDLINE"
    outputs = _outputs(format, output or [], format_given)
    files = _guard(lambda: expand_paths(sboms))
    for _, target in outputs:
        if target != "-":
            _refuse_overwrite(Path(target), sboms, files, options.policies, options.waivers)
    with _guard(lambda: Enforcer(options)) as enforcer:
        _check_scopes(enforcer, options.scopes)
        progress = ProgressBar.for_terminal(len(files))
        try:
            result: RunResult = _guard(lambda: check_many(enforcer, files, jobs=default_jobs(jobs), progress=progress))
        finally:
            if progress is not None:
                progress.close()
    for report_format, target in outputs:
        _write(None if target == "-" else Path(target), reporter_for(report_format, explain=explain).render(result))
    for sbom in result.sboms:
        if sbom.error is not None:
            typer.echo(f"enforcer: error: {sbom.error}", err=True)
    code = result.exit_code(fail_on, max_unidentified_percent=fail_on_unidentified)
    typer.echo(_summary(result, fail_on, code, fail_on_unidentified), err=True)
    raise typer.Exit(code)


def _outputs(format: ReportFormat, output: Sequence[str], format_given: bool) -> list[tuple[ReportFormat, str]]:
    """Where each report goes: (format, FILE or -), the --format report first.

    `--output FILE` redirects the --format report; `--output FORMAT=FILE` adds a
    report; `FORMAT=-` takes stdout instead of the --format report.
    """
    known = {choice.value for choice in ReportFormat}
    plain: list[str] = []
    extra: list[tuple[ReportFormat, str]] = []
    for item in output:
        name, equals, target = item.partition("=")
        if equals and name.lower() in known:
            if not target:
                raise _fail(f"--output {item}: no FILE after '=' (use - for stdout)", EXIT_USAGE)
            extra.append((ReportFormat(name.lower()), target))
        else:
            plain.append(item)
    if len(plain) > 1:
        raise _fail(
            f"--output {plain[1]}: only one plain FILE (for --format); name the format of the others: FORMAT=FILE",
            EXIT_USAGE,
        )
    to_stdout = any(target == "-" for _, target in extra)
    outputs = list(extra)
    if plain:
        outputs.insert(0, (format, plain[0]))
    elif not to_stdout:
        outputs.insert(0, (format, "-"))
    elif format_given:
        raise _fail(f"--format {format.value} and an --output FORMAT=- both want stdout; give one a FILE", EXIT_USAGE)
    seen: set[str] = set()
    for _, target in outputs:
        key = target if target == "-" else str(Path(target).resolve())
        if key in seen:
            raise _fail(f"--output: two reports would go to {'stdout' if target == '-' else target}", EXIT_USAGE)
        seen.add(key)
    return outputs


def _summary(result: RunResult, fail_on: FailOn, code: int, max_unidentified: float | None = None) -> str:
    totals = result.totals()
    sboms = len(result.sboms)
    counts = ", ".join(f"{totals[key]} {key}" for key in ("deny", "warn", "waived", "allow"))
    unreadable = sum(sbom.unreadable for sbom in result.sboms)
    lost = f", {unreadable} could not be read" if unreadable else ""
    text = (
        f"enforcer: {sboms} SBOM{'s' if sboms != 1 else ''}, {totals['components']} components"
        f" ({totals['unidentified']} without identity{lost}): {counts}"
    )
    if code == EXIT_ERROR:
        return f"{text}; exit 3: {totals['errors']} of {sboms} SBOMs could not be checked"
    reasons = []
    if (fail_on is FailOn.DENY and totals["deny"]) or (fail_on is FailOn.WARN and (totals["deny"] or totals["warn"])):
        reasons.append(f"{fail_on.value} findings fail the gate (--fail-on {fail_on.value})")
    percent = result.unidentified_percent()
    if max_unidentified is not None and percent > max_unidentified:
        reasons.append(
            f"{percent:.1f}% of components without identity, over --fail-on-unidentified {max_unidentified:g}"
        )
    if code == EXIT_POLICY:
        return f"{text}; exit 1: {' and '.join(reasons)}"
    return f"{text}; exit 0: passed (--fail-on {fail_on.value})"


def _refuse_overwrite(output: Path, *protected_lists: Sequence[Any]) -> None:
    target = output.resolve()
    for protected in protected_lists:
        for item in protected:
            if str(item) != "-" and Path(item).resolve() == target:
                raise _fail(f"--output {output} would overwrite an input file", EXIT_USAGE)
    if target.is_dir():
        raise _fail(f"--output {output} is a directory", EXIT_USAGE)


def _write(output: Path | None, text: str) -> None:
    """Write the report to stdout or, atomically, to a file."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        if output.exists() and not output.is_file():  # a device or a pipe (/dev/stderr, a FIFO): never replace it
            with output.open("w", encoding="utf-8") as stream:
                stream.write(text)
            return
        target = output.resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        mask = os.umask(0)
        os.umask(mask)
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~mask
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        raise _fail(f"{output}: cannot write the report: {error.strerror or error}") from None


# -- enforcer policy ... -----------------------------------------------------------------


@policy_app.command("check")
def policy_check(
    paths: Annotated[list[Path] | None, typer.Argument(metavar="[PATH]...", help="Rego files or directories.")] = None,
    engine: EngineOption = EngineChoice.EMBEDDED,
    waivers: WaiversOption = None,
    opa_url: OpaUrlOption = None,
    opa_token: OpaTokenOption = None,
    no_push: NoPushOption = False,
    insecure: InsecureOption = False,
    ca_cert: CaCertOption = None,
    opa_timeout: OpaTimeoutOption = 10.0,
    opa_binary: OpaBinaryOption = None,
) -> None:
    """Compile the policies and validate every ban and waiver against the contract.

    Also flags Rego that behaves differently on the embedded engine and OPA,
    runs `opa check` when OPA is available, and asks the engine for a verdict
    on every ban. Every problem is printed; exit 3 when there is any.
    """
    from enforcer._policy import check_policies

    engine_options = _engine_options(engine, opa_url, opa_token, no_push, insecure, ca_cert, opa_timeout, opa_binary)
    report = _guard(lambda: check_policies(list(paths or ()), engine.value, engine_options, list(waivers or ())))
    for warning in report.warnings:
        typer.echo(f"enforcer: warning: {warning}", err=True)
    for note in report.notes:
        typer.echo(f"enforcer: note: {note}", err=True)
    for problem in report.problems:
        typer.echo(f"enforcer: error: {problem}", err=True)
    counts = (
        f"{len(report.modules)} modules, {len(report.bans)} bans"
        f" ({sum(1 for b in report.bans if not b.enabled)} disabled), {len(report.waivers)} waivers"
        f" on {report.engine}"
    )
    if report.problems:
        typer.echo(f"enforcer: {counts}: {len(report.problems)} problem(s); exit 3", err=True)
        raise typer.Exit(EXIT_ERROR)
    warned = f", {len(report.warnings)} warning(s)" if report.warnings else ""
    typer.echo(f"enforcer: {counts}: ok{warned}")


@policy_app.command("test")
def policy_test(
    paths: Annotated[
        list[Path] | None, typer.Argument(metavar="[PATH]...", help="Rego files or directories, tests included.")
    ] = None,
    embedded: Annotated[
        bool, typer.Option("--embedded", help="Run the test_ rules on the embedded engine even when OPA is here.")
    ] = False,
    opa_binary: OpaBinaryOption = None,
    verbose: Annotated[
        bool, typer.Option("--verbose/--quiet", "-v/-q", help="List every test, not only failures.")
    ] = True,
) -> None:
    """Run the policies' test_ rules: `opa test` when OPA is available, else the embedded engine.

    The report has the layout of `opa test -v` either way; exit 1 when a test fails.
    """
    from enforcer._policy import decision_library, find_modules, shipped_policies, with_decision_library
    from enforcer.engine.opa_cli import find_opa
    from enforcer.engine.portability import run_embedded_tests, run_opa_tests, scan_modules

    targets = list(paths or ()) or [_guard(shipped_policies)]
    found = _guard(lambda: find_modules(targets, tests=True))
    modules = _guard(lambda: with_decision_library(found))
    if len(modules) > len(found):  # the tests ask the shipped decision library
        targets.append(decision_library())
    binary = None if embedded else find_opa(str(opa_binary) if opa_binary else None)
    if binary is not None:
        report = _guard(lambda: run_opa_tests(binary, [str(target) for target in targets]))
    else:
        for issue in scan_modules(modules):  # what may make a test fail only here
            typer.echo(f"enforcer: warning: {issue}", err=True)
        report = _guard(lambda: run_embedded_tests(modules))
    typer.echo(report.render(verbose), nl=False)
    total = len(report.outcomes)
    summary = (
        f"enforcer: {total} test{'s' if total != 1 else ''} on {report.runner}: {report.count('pass')} passed,"
        f" {report.count('fail')} failed, {report.count('error')} errors, {report.count('skip')} skipped"
    )
    if total == 0:
        typer.echo(f"{summary}; no test_ rules found", err=True)
    if not report.passed:
        typer.echo(f"{summary}; exit 1", err=True)
        raise typer.Exit(EXIT_POLICY)
    if total:
        typer.echo(f"{summary}; exit 0", err=True)


@policy_app.command("list")
def policy_list(
    policy: PolicyOption = None,
    as_of: AsOfOption = None,
    scope: ScopeOption = None,
    warn_days: WarnDaysOption = 90,
    format: Annotated[
        ListingFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = ListingFormat.TABLE,
    engine: EngineOption = EngineChoice.EMBEDDED,
    opa_url: OpaUrlOption = None,
    opa_token: OpaTokenOption = None,
    no_push: NoPushOption = False,
    insecure: InsecureOption = False,
    ca_cert: CaCertOption = None,
    opa_timeout: OpaTimeoutOption = 10.0,
    opa_binary: OpaBinaryOption = None,
) -> None:
    """List every ban, its phases and its status on a date (active, upcoming, not yet, ended, disabled)."""
    from enforcer._listing import list_bans, render
    from enforcer._run import Enforcer

    engine_options = _engine_options(engine, opa_url, opa_token, no_push, insecure, ca_cert, opa_timeout, opa_binary)
    options = _options(policy, as_of, scope, warn_days, engine, None, engine_options)
    with _guard(lambda: Enforcer(options)) as enforcer:
        _check_scopes(enforcer, options.scopes)
        listing = _guard(lambda: list_bans(enforcer))
    typer.echo(render(listing, format), nl=False)


@app.command()
def vendor(
    query: Annotated[
        str,
        typer.Argument(
            metavar="NAME", help="A vendor name, or a domain, URL, e-mail, purl, CPE or hash.", show_default=False
        ),
    ],
    kind: Annotated[
        QueryKind, typer.Option("--kind", help="What NAME is (auto: detected from its form).", case_sensitive=False)
    ] = QueryKind.AUTO,
    policy: PolicyOption = None,
    as_of: AsOfOption = None,
    scope: ScopeOption = None,
    warn_days: WarnDaysOption = 90,
    format: Annotated[
        ListingFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = ListingFormat.TABLE,
    engine: EngineOption = EngineChoice.EMBEDDED,
    opa_url: OpaUrlOption = None,
    opa_token: OpaTokenOption = None,
    no_push: NoPushOption = False,
    insecure: InsecureOption = False,
    ca_cert: CaCertOption = None,
    opa_timeout: OpaTimeoutOption = 10.0,
    opa_binary: OpaBinaryOption = None,
) -> None:
    """Spot check: which bans match this vendor, through which alias, and the verdict. Exit 1 when denied."""
    from enforcer._run import Enforcer
    from enforcer._vendor import render, spot_check

    engine_options = _engine_options(engine, opa_url, opa_token, no_push, insecure, ca_cert, opa_timeout, opa_binary)
    options = _options(policy, as_of, scope, warn_days, engine, None, engine_options)
    with _guard(lambda: Enforcer(options)) as enforcer:
        _check_scopes(enforcer, options.scopes)
        result = _guard(lambda: spot_check(enforcer, query, kind))
    typer.echo(render(result, format), nl=False)
    raise typer.Exit(result.exit_code)


@app.command()
def version() -> None:
    """Print the enforcer version."""
    typer.echo(f"enforcer {__version__}")


def main() -> int:
    """Entry point of the `enforcer` console script.

    A run of the CLI makes no reference cycles worth collecting, while the
    cyclic garbage collector would walk the millions of objects of a large
    SBOM again and again: it is off for the process. When the run is over the
    process exits at once, without freeing, object by object, what the
    operating system takes back anyway (everything is written and flushed by
    then).
    """
    import gc

    gc.disable()
    os.environ.setdefault("ENFORCER_RETAIN_DOCUMENTS", "1")
    code = EXIT_ERROR
    try:
        app(prog_name="enforcer")
        code = EXIT_OK
    except SystemExit as exit:
        code = 0 if exit.code is None else exit.code if isinstance(exit.code, int) else EXIT_ERROR
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, OSError):  # the reader went away (`| head`): nothing left to say
            pass
    os._exit(code)
