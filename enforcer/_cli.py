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
policy_app = typer.Typer(
    help="Write, check and test ban policies.", no_args_is_help=True, rich_markup_mode=None
)
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
    return dt.datetime.now(dt.timezone.utc).date()


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
    typer.Option("--policy", "-p", metavar="PATH", help="Rego file or directory (repeatable). Default: the shipped policies/."),
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
EngineOption = Annotated[
    EngineChoice, typer.Option("--engine", "-e", help="Policy engine.", case_sensitive=False)
]
OpaUrlOption = Annotated[
    str | None,
    typer.Option("--opa-url", envvar="ENFORCER_OPA_URL", metavar="URL", help="OPA server URL (--engine opa-server)."),
]
OpaTokenOption = Annotated[
    str | None,
    typer.Option(
        "--opa-token", envvar="ENFORCER_OPA_TOKEN", metavar="TOKEN", help="Bearer token for the OPA server.",
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
    typer.Option("--opa-binary", envvar="OPA", metavar="PATH", help="The opa binary (--engine opa). Default: opa on PATH."),
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
    sboms: Annotated[list[str], typer.Argument(metavar="SBOM", help="SBOM files or directories; - reads stdin.", show_default=False)],
    policy: PolicyOption = None,
    as_of: AsOfOption = None,
    scope: ScopeOption = None,
    warn_days: WarnDaysOption = 90,
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Report format.", case_sensitive=False)
    ] = ReportFormat.TABLE,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the report here (- for stdout).")
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 on this verdict or worse.", case_sensitive=False)
    ] = FailOn.DENY,
    engine: EngineOption = EngineChoice.EMBEDDED,
    waivers: WaiversOption = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show what matched, and the path, for every finding.")] = False,
    opa_url: OpaUrlOption = None,
    opa_token: OpaTokenOption = None,
    no_push: NoPushOption = False,
    insecure: InsecureOption = False,
    ca_cert: CaCertOption = None,
    opa_timeout: OpaTimeoutOption = 10.0,
    opa_binary: OpaBinaryOption = None,
) -> None:
    """Check SBOMs for software from banned vendors."""
    from enforcer._run import Enforcer

    engine_options = _engine_options(engine, opa_url, opa_token, no_push, insecure, ca_cert, opa_timeout, opa_binary)
    options = _options(policy, as_of, scope, warn_days, engine, waivers, engine_options)
    if output is not None and str(output) != "-":
        _refuse_overwrite(output, sboms, options.policies, options.waivers)
    with _guard(lambda: Enforcer(options)) as enforcer:
        _check_scopes(enforcer, options.scopes)
        result: RunResult = _guard(lambda: enforcer.run(sboms))
    text = reporter_for(format, explain=explain).render(result)
    _write(output, text)
    for sbom in result.sboms:
        if sbom.error is not None:
            typer.echo(f"enforcer: error: {sbom.error}", err=True)
    code = result.exit_code(fail_on)
    typer.echo(_summary(result, fail_on, code), err=True)
    raise typer.Exit(code)


def _summary(result: RunResult, fail_on: FailOn, code: int) -> str:
    totals = result.totals()
    sboms = len(result.sboms)
    counts = ", ".join(f"{totals[key]} {key}" for key in ("deny", "warn", "waived", "allow"))
    text = (
        f"enforcer: {sboms} SBOM{'s' if sboms != 1 else ''}, {totals['components']} components"
        f" ({totals['unidentified']} without identity): {counts}"
    )
    if code == EXIT_ERROR:
        return f"{text}; exit 3: {totals['errors']} SBOM(s) could not be checked"
    if code == EXIT_POLICY:
        return f"{text}; exit 1: {fail_on.value} findings fail the gate (--fail-on {fail_on.value})"
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
    directory = output.resolve().parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{output.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, output)
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
    """Compile the policies and validate every ban and waiver against the contract."""
    from enforcer._run import Enforcer

    engine_options = _engine_options(engine, opa_url, opa_token, no_push, insecure, ca_cert, opa_timeout, opa_binary)
    options = _options(paths, None, None, 90, engine, waivers, engine_options)
    with _guard(lambda: Enforcer(options)) as enforcer:
        typer.echo(
            f"enforcer: {len(enforcer.modules)} modules, {len(enforcer.bans)} bans"
            f" ({sum(1 for b in enforcer.bans if not b.enabled)} disabled), {len(enforcer.waivers)} waivers: ok"
        )


@app.command()
def version() -> None:
    """Print the enforcer version."""
    typer.echo(f"enforcer {__version__}")


def main() -> int:
    """Entry point of the `enforcer` console script."""
    try:
        app(prog_name="enforcer")
    except SystemExit as exit:
        if exit.code is None:
            return 0
        return exit.code if isinstance(exit.code, int) else EXIT_ERROR
    return 0
