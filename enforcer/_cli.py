"""The command line: flags in, one library call, an exit code out.

All logic lives in the library; this module parses flags, writes the report
and turns `EnforcerError` into one line on stderr and exit code 3. It is
built on argparse and imports the library only inside the commands, so that
`enforcer --help`, `enforcer version` and a usage error cost little more
than starting Python, and a small check does not pay for a CLI framework.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from enforcer import __version__
from enforcer._choices import ENGINES, FAIL_ON, REPORT_FORMATS, ListingFormat, QueryKind
from enforcer._errors import EnforcerError

if TYPE_CHECKING:
    from enforcer._models import FailOn, RunResult
    from enforcer.report import ReportFormat

EXIT_OK, EXIT_POLICY, EXIT_USAGE, EXIT_ERROR = 0, 1, 2, 3

_T = TypeVar("_T")
_Number = TypeVar("_Number", int, float)


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def _fail(message: str, code: int = EXIT_ERROR) -> SystemExit:
    print(f"enforcer: error: {message}", file=sys.stderr)
    return SystemExit(code)


def _guard(call: Callable[[], _T]) -> _T:
    """Run a library call; an EnforcerError becomes its line(s) on stderr and exit 3."""
    try:
        return call()
    except EnforcerError as error:
        lines = error.lines()
        for line in lines[:-1]:
            print(f"enforcer: error: {line}", file=sys.stderr)
        raise _fail(lines[-1]) from None


# -- the parser ------------------------------------------------------------------


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help, with options written as the README writes them (`-p, --policy PATH`).

    argparse repeats the metavar after every alias (`-p PATH, --policy PATH`)
    and runs the paragraphs of a description together.
    """

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)

    def _format_action_invocation(self, action: argparse.Action) -> str:
        if not action.option_strings or action.nargs == 0:
            return super()._format_action_invocation(action)
        return f"{', '.join(action.option_strings)} {self._format_args(action, action.dest.upper())}"

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        fill = super()._fill_text
        return "\n\n".join(fill(paragraph, width, indent) for paragraph in text.split("\n\n"))


class Parser(argparse.ArgumentParser):
    """A parser of the enforcer's command line, or of one command of it.

    A usage error is one line on stderr and exit 2 (argparse prints the usage
    and the error on two lines). Long options are never abbreviated: a prefix
    that names one option today could name two tomorrow, and scripts would
    break. `commands` holds the commands of a group (`enforcer`, `enforcer
    policy`), each a parser of its own.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(formatter_class=_HelpFormatter, allow_abbrev=False, **kwargs)
        self.commands: dict[str, Parser] = {}
        #: The command's positional argument, if it has one: SBOM..., PATH..., NAME.
        self.operands: argparse.Action | None = None
        self._listing: argparse._SubParsersAction[Parser] | None = None

    def command(self, name: str, run: Callable[..., int], usage: str) -> Parser:
        """Add a command that calls `run` with its options; `run`'s docstring is the command's help."""
        parser = self._add(name, run.__doc__ or "", usage)
        parser.set_defaults(command=run)
        return parser

    def group(self, name: str, description: str) -> Parser:
        """Add a command that holds commands (`enforcer policy`)."""
        return self._add(name, description, None)

    def _add(self, name: str, description: str, usage: str | None) -> Parser:
        if self._listing is None:
            self._listing = self.add_subparsers(title="commands", metavar="COMMAND", prog=self.prog)
        summary = description.strip().split("\n", 1)[0]
        parser = self._listing.add_parser(name, help=summary, description=description, usage=usage)
        self.commands[name] = parser
        return parser

    def error(self, message: str) -> NoReturn:
        """One line on stderr, `enforcer: error: WHAT; try 'enforcer check --help'`, and exit 2."""
        name, colon, reason = message.partition(": ")
        if name.startswith("argument ") and colon:  # argument -j/--jobs: ...: name the option by its long name
            aliases = name.removeprefix("argument ").split("/")
            message = f"{next((a for a in aliases if a.startswith('--')), aliases[0])}: {reason}"
        elif name == "the following arguments are required":
            message = f"missing {reason}"
        self.exit(EXIT_USAGE, f"enforcer: error: {message}; try '{self.prog} --help'\n")


def _choice(values: Iterable[str]) -> Callable[[str], str]:
    """An argparse type: one of `values`, in any case (`--format JSON` is `json`)."""
    choices = tuple(values)

    def parse(text: str) -> str:
        if text.lower() not in choices:
            raise argparse.ArgumentTypeError(f"{text!r} is not one of {', '.join(choices)}")
        return text.lower()

    return parse


def _bounded(
    kind: Callable[[str], _Number], minimum: _Number, maximum: _Number | None = None
) -> Callable[[str], _Number]:
    """An argparse type: an int or a float from `minimum` to `maximum`."""

    def parse(text: str) -> _Number:
        value: _Number | None
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"{text!r} is not {'an integer' if kind is int else 'a number'}")
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{text} is below the minimum {minimum:g}")
        if maximum is not None and value > maximum:
            raise argparse.ArgumentTypeError(f"{text} is above the maximum {maximum:g}")
        return value

    return parse


def _date(text: str) -> dt.date:
    """An argparse type: a date in the form YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _env(name: str) -> str | None:
    """The default an option takes from the environment; an empty variable is none."""
    return os.environ.get(name) or None


def _add_selection(parser: Parser) -> None:
    """--policy, --as-of, --scope, --warn-days: which bans decide, on which date."""
    parser.add_argument(
        "-p",
        "--policy",
        action="append",
        type=Path,
        metavar="PATH",
        help="Rego file or directory (repeatable). Default: the shipped policies/.",
    )
    parser.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="Decide as on this date. Default: today (UTC)."
    )
    parser.add_argument(
        "-s",
        "--scope",
        action="append",
        metavar="TAG",
        help="Only bans with this scope tag (repeatable). Default: all.",
    )
    parser.add_argument(
        "--warn-days",
        type=_bounded(int, 0),
        default=90,
        metavar="N",
        help="Warn this many days before a ban phase starts. [default: %(default)s; at least 0]",
    )


def _add_listing_format(parser: Parser) -> None:
    parser.add_argument(
        "-f",
        "--format",
        type=_choice(ListingFormat),
        default=ListingFormat.TABLE.value,
        metavar="|".join(ListingFormat),
        help="Output format. [default: %(default)s]",
    )


def _add_engine(parser: Parser) -> None:
    parser.add_argument(
        "-e",
        "--engine",
        type=_choice(ENGINES),
        default=ENGINES[0],
        metavar="|".join(ENGINES),
        help="Policy engine. [default: %(default)s]",
    )


def _add_waivers(parser: Parser) -> None:
    parser.add_argument(
        "-w", "--waivers", action="append", type=Path, metavar="FILE", help="Waiver file, YAML or JSON (repeatable)."
    )


def _add_opa_binary(parser: Parser) -> None:
    parser.add_argument(
        "--opa-binary",
        type=Path,
        default=_env("OPA"),
        metavar="PATH",
        help="The opa binary (--engine opa). Default: opa on PATH. [env var: OPA]",
    )


def _add_opa(parser: Parser) -> None:
    """The options of the opa-server and opa engines."""
    parser.add_argument(
        "--opa-url",
        default=_env("ENFORCER_OPA_URL"),
        metavar="URL",
        help="OPA server URL (--engine opa-server). [env var: ENFORCER_OPA_URL]",
    )
    parser.add_argument(
        "--opa-token",
        default=_env("ENFORCER_OPA_TOKEN"),
        metavar="TOKEN",
        help="Bearer token for the OPA server. [env var: ENFORCER_OPA_TOKEN]",
    )
    parser.add_argument(
        "--no-push",
        action="store_true",
        help="Use the policies already loaded in the OPA server (a bundle); push nothing.",
    )
    parser.add_argument("--insecure", action="store_true", help="Do not verify the OPA server's TLS certificate.")
    parser.add_argument(
        "--ca-cert", type=Path, metavar="FILE", help="CA bundle to verify the OPA server's certificate."
    )
    parser.add_argument(
        "--opa-timeout",
        type=_bounded(float, 0.1),
        default=10.0,
        metavar="SECONDS",
        help="Timeout per OPA request. [default: %(default)s; at least 0.1]",
    )
    _add_opa_binary(parser)


def build_parser() -> Parser:
    """The command line, `enforcer COMMAND ...`.

    Built on every run: the defaults of the OPA options come from the
    environment of that run.
    """
    parser = Parser(prog="enforcer", description="Check SBOMs against government vendor bans written in Rego.")

    command = parser.command("check", check, "%(prog)s [OPTIONS] SBOM...")
    command.operands = command.add_argument(
        "sboms", nargs="+", metavar="SBOM", help="SBOM files, directories or glob patterns; - reads stdin."
    )
    _add_selection(command)
    command.add_argument(  # no default here: check() tells --format given from --format left out
        "-f",
        "--format",
        type=_choice(REPORT_FORMATS),
        metavar="|".join(REPORT_FORMATS),
        help=f"Report format. [default: {REPORT_FORMATS[0]}]",
    )
    command.add_argument(
        "-o",
        "--output",
        action="append",
        metavar="[FORMAT=]FILE",
        help="Write the --format report to FILE (- for stdout), or one more report as FORMAT=FILE (repeatable).",
    )
    command.add_argument(
        "--fail-on",
        type=_choice(FAIL_ON),
        default=FAIL_ON[0],
        metavar="|".join(FAIL_ON),
        help="Exit 1 on this verdict or worse. [default: %(default)s]",
    )
    command.add_argument(
        "--fail-on-unidentified",
        type=_bounded(float, 0.0, 100.0),
        metavar="PERCENT",
        help="Exit 1 when more than PERCENT %% of the components carry no identity. [0 to 100]",
    )
    command.add_argument(
        "-j",
        "--jobs",
        type=_bounded(int, 0),
        default=1,
        metavar="N",
        help="Check SBOMs in N processes (0: one per CPU). [default: %(default)s; at least 0]",
    )
    _add_engine(command)
    _add_waivers(command)
    command.add_argument("--explain", action="store_true", help="Show what matched, and the path, for every finding.")
    _add_opa(command)

    command = parser.command("vendor", vendor, "%(prog)s [OPTIONS] NAME")
    command.operands = command.add_argument(
        "query", metavar="NAME", help="A vendor name, or a domain, URL, e-mail, purl, CPE or hash."
    )
    command.add_argument(
        "--kind",
        type=_choice(QueryKind),
        default=QueryKind.AUTO.value,
        metavar="|".join(QueryKind),
        help="What NAME is (auto: detected from its form). [default: %(default)s]",
    )
    _add_selection(command)
    _add_listing_format(command)
    _add_engine(command)
    _add_opa(command)

    parser.command("version", version, "%(prog)s")

    policy = parser.group("policy", "Write, check and test ban policies.")

    command = policy.command("check", policy_check, "%(prog)s [OPTIONS] [PATH]...")
    command.operands = command.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="Rego files or directories."
    )
    _add_engine(command)
    _add_waivers(command)
    _add_opa(command)

    command = policy.command("test", policy_test, "%(prog)s [OPTIONS] [PATH]...")
    command.operands = command.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="Rego files or directories, tests included."
    )
    command.add_argument(
        "--embedded",
        action="store_true",
        help="Run the test_ rules on the embedded engine even when OPA is here.",
    )
    _add_opa_binary(command)
    command.add_argument(
        "-v", "--verbose", action="store_true", default=True, help="List every test, not only failures. [default]"
    )
    command.add_argument("-q", "--quiet", dest="verbose", action="store_false", help="List only the failures.")

    command = policy.command("list", policy_list, "%(prog)s [OPTIONS]")
    _add_selection(command)
    _add_listing_format(command)
    _add_engine(command)
    _add_opa(command)
    return parser


def _parse(parser: Parser, argv: Sequence[str]) -> argparse.Namespace:
    """The options of the command `argv` names, with `command`, the function that runs it.

    The command is found here rather than by argparse's sub-commands, which
    parse a command's options and operands in one pass, in order: they would
    reject `b.json` in `enforcer check a.json --explain b.json`.
    parse_intermixed_args takes them in any order, but not across
    sub-commands.
    """
    if not parser.commands:
        return _parse_command(parser, argv)
    if not argv:  # `enforcer` alone: what it can do, as a usage error
        parser.print_help(sys.stderr)
        raise SystemExit(EXIT_USAGE)
    name, *rest = argv
    if name in ("-h", "--help"):
        parser.print_help()
        raise SystemExit(EXIT_OK)
    if name.startswith("-"):
        parser.error(f"no such option {name!r}")
    if name not in parser.commands:
        parser.error(f"no such command {name!r} (commands: {', '.join(parser.commands)})")
    return _parse(parser.commands[name], rest)


def _parse_command(parser: Parser, argv: Sequence[str]) -> argparse.Namespace:
    """The options and operands of one command, in any order.

    parse_intermixed_args (Python 3.11 to 3.13) drops a `--` that no operand
    precedes, then reads an operand after it that starts with `-` as an
    option: `enforcer check --as-of 2025-01-01 -- -x.json` would fail. An
    empty operand put first always precedes it, and is dropped from the result.
    """
    operands = parser.operands
    if operands is None or operands.nargs not in ("*", "+"):  # one operand or none: any order already
        return parser.parse_args(argv)
    options = parser.parse_intermixed_args(["", *argv])
    values = getattr(options, operands.dest)[1:]
    if operands.nargs == "+" and not values:
        parser.error(f"missing {operands.metavar}")
    setattr(options, operands.dest, values)
    return options


def run(argv: Sequence[str]) -> int:
    """Run the command line `argv` (without the program name) in this process: the exit code."""
    try:
        options = vars(_parse(build_parser(), argv))
        command: Callable[..., int] = options.pop("command")
        return command(**options)
    except SystemExit as exit:
        return EXIT_OK if exit.code is None else exit.code if isinstance(exit.code, int) else EXIT_ERROR


# -- the options the commands share ------------------------------------------------


def _engine_options(
    engine: str,
    opa_url: str | None,
    opa_token: str | None,
    no_push: bool,
    insecure: bool,
    ca_cert: Path | None,
    opa_timeout: float,
    opa_binary: Path | None,
) -> dict[str, Any]:
    """The options of the chosen engine, checked for what it needs."""
    if engine == "opa-server":
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
    if engine == "opa":
        return {"opa_binary": str(opa_binary) if opa_binary else None, "timeout": opa_timeout}
    return {}


def _options(
    policy: list[Path] | None,
    as_of: dt.date | None,
    scope: list[str] | None,
    warn_days: int,
    engine: str,
    waivers: list[Path] | None,
    engine_options: dict[str, Any] | None = None,
) -> Any:
    from enforcer._run import Options

    return Options(
        policies=list(policy or ()),
        as_of=as_of or _today(),
        scopes=sorted(set(scope or ())),
        warn_days=warn_days,
        waivers=list(waivers or ()),
        engine=engine,
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


def check(
    sboms: list[str],
    policy: list[Path] | None,
    as_of: dt.date | None,
    scope: list[str] | None,
    warn_days: int,
    format: str | None,
    output: list[str] | None,
    fail_on: str,
    fail_on_unidentified: float | None,
    jobs: int,
    engine: str,
    waivers: list[Path] | None,
    explain: bool,
    opa_url: str | None,
    opa_token: str | None,
    no_push: bool,
    insecure: bool,
    ca_cert: Path | None,
    opa_timeout: float,
    opa_binary: Path | None,
) -> int:
    """Check SBOMs for software from banned vendors."""
    from enforcer._batch import ProgressBar, default_jobs
    from enforcer._models import FailOn
    from enforcer._run import Enforcer
    from enforcer.load import expand_paths
    from enforcer.report import ReportFormat, reporter_for

    engine_options = _engine_options(engine, opa_url, opa_token, no_push, insecure, ca_cert, opa_timeout, opa_binary)
    options = _options(policy, as_of, scope, warn_days, engine, waivers, engine_options)
    format_given = format is not None
    outputs = _outputs(ReportFormat(format or ReportFormat.TABLE), output or [], format_given)
    files = _guard(lambda: expand_paths(sboms))
    for _, target in outputs:
        if target != "-":
            _refuse_overwrite(Path(target), sboms, files, options.policies, options.waivers)
    with _guard(lambda: Enforcer(options)) as enforcer:
        _check_scopes(enforcer, options.scopes)
        progress = ProgressBar.for_terminal(len(files))
        try:
            result: RunResult = _guard(lambda: enforcer.run(files, jobs=default_jobs(jobs), progress=progress))
        finally:
            if progress is not None:
                progress.close()
    for report_format, target in outputs:
        _write(None if target == "-" else Path(target), reporter_for(report_format, explain=explain).render(result))
    for sbom in result.sboms:
        if sbom.error is not None:
            print(f"enforcer: error: {sbom.error}", file=sys.stderr)
    gate = FailOn(fail_on)
    code = result.exit_code(gate, max_unidentified_percent=fail_on_unidentified)
    print(_summary(result, gate, code, fail_on_unidentified), file=sys.stderr)
    return code


def _outputs(format: ReportFormat, output: Sequence[str], format_given: bool) -> list[tuple[ReportFormat, str]]:
    """Where each report goes: (format, FILE or -), the --format report first.

    `--output FILE` redirects the --format report; `--output FORMAT=FILE` adds a
    report; `FORMAT=-` takes stdout instead of the --format report.
    """
    from enforcer.report import ReportFormat

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
    from enforcer._models import FailOn

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
    import tempfile

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


def policy_check(
    paths: list[Path] | None,
    engine: str,
    waivers: list[Path] | None,
    opa_url: str | None,
    opa_token: str | None,
    no_push: bool,
    insecure: bool,
    ca_cert: Path | None,
    opa_timeout: float,
    opa_binary: Path | None,
) -> int:
    """Compile the policies and validate every ban and waiver against the contract.

    Also flags Rego that behaves differently on the embedded engine and OPA,
    runs `opa check` when OPA is available, and asks the engine for a verdict
    on every ban. Every problem is printed; exit 3 when there is any.
    """
    from enforcer.policy.lint import check_policies

    engine_options = _engine_options(engine, opa_url, opa_token, no_push, insecure, ca_cert, opa_timeout, opa_binary)
    report = _guard(lambda: check_policies(list(paths or ()), engine, engine_options, list(waivers or ())))
    for warning in report.warnings:
        print(f"enforcer: warning: {warning}", file=sys.stderr)
    for note in report.notes:
        print(f"enforcer: note: {note}", file=sys.stderr)
    for problem in report.problems:
        print(f"enforcer: error: {problem}", file=sys.stderr)
    counts = (
        f"{len(report.modules)} modules, {len(report.bans)} bans"
        f" ({sum(1 for b in report.bans if not b.enabled)} disabled), {len(report.waivers)} waivers"
        f" on {report.engine}"
    )
    if report.problems:
        print(f"enforcer: {counts}: {len(report.problems)} problem(s); exit 3", file=sys.stderr)
        return EXIT_ERROR
    warned = f", {len(report.warnings)} warning(s)" if report.warnings else ""
    print(f"enforcer: {counts}: ok{warned}")
    return EXIT_OK


def policy_test(paths: list[Path] | None, embedded: bool, opa_binary: Path | None, verbose: bool) -> int:
    """Run the policies' test_ rules: `opa test` when OPA is available, else the embedded engine.

    The report has the layout of `opa test -v` either way; exit 1 when a test fails.
    """
    from enforcer.engine.opa_cli import find_opa
    from enforcer.engine.portability import run_embedded_tests, run_opa_tests, scan_modules
    from enforcer.policy import decision_library, find_modules, shipped_policies, with_decision_library

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
            print(f"enforcer: warning: {issue}", file=sys.stderr)
        report = _guard(lambda: run_embedded_tests(modules))
    sys.stdout.write(report.render(verbose))
    total = len(report.outcomes)
    summary = (
        f"enforcer: {total} test{'s' if total != 1 else ''} on {report.runner}: {report.count('pass')} passed,"
        f" {report.count('fail')} failed, {report.count('error')} errors, {report.count('skip')} skipped"
    )
    if total == 0:
        print(f"{summary}; no test_ rules found", file=sys.stderr)
    if not report.passed:
        print(f"{summary}; exit 1", file=sys.stderr)
        return EXIT_POLICY
    if total:
        print(f"{summary}; exit 0", file=sys.stderr)
    return EXIT_OK


def policy_list(
    policy: list[Path] | None,
    as_of: dt.date | None,
    scope: list[str] | None,
    warn_days: int,
    format: str,
    engine: str,
    opa_url: str | None,
    opa_token: str | None,
    no_push: bool,
    insecure: bool,
    ca_cert: Path | None,
    opa_timeout: float,
    opa_binary: Path | None,
) -> int:
    """List every ban, its phases and its status on a date (active, upcoming, not yet, ended, disabled)."""
    from enforcer._run import Enforcer
    from enforcer.policy.listing import list_bans, render

    engine_options = _engine_options(engine, opa_url, opa_token, no_push, insecure, ca_cert, opa_timeout, opa_binary)
    options = _options(policy, as_of, scope, warn_days, engine, None, engine_options)
    with _guard(lambda: Enforcer(options)) as enforcer:
        _check_scopes(enforcer, options.scopes)
        listing = _guard(lambda: list_bans(enforcer))
    sys.stdout.write(render(listing, ListingFormat(format)))
    return EXIT_OK


def vendor(
    query: str,
    kind: str,
    policy: list[Path] | None,
    as_of: dt.date | None,
    scope: list[str] | None,
    warn_days: int,
    format: str,
    engine: str,
    opa_url: str | None,
    opa_token: str | None,
    no_push: bool,
    insecure: bool,
    ca_cert: Path | None,
    opa_timeout: float,
    opa_binary: Path | None,
) -> int:
    """Spot check: which bans match this vendor, through which alias, and the verdict. Exit 1 when denied."""
    from enforcer._run import Enforcer
    from enforcer._vendor import render, spot_check

    engine_options = _engine_options(engine, opa_url, opa_token, no_push, insecure, ca_cert, opa_timeout, opa_binary)
    options = _options(policy, as_of, scope, warn_days, engine, None, engine_options)
    with _guard(lambda: Enforcer(options)) as enforcer:
        _check_scopes(enforcer, options.scopes)
        result = _guard(lambda: spot_check(enforcer, query, QueryKind(kind)))
    sys.stdout.write(render(result, ListingFormat(format)))
    return result.exit_code


def version() -> int:
    """Print the enforcer version, and whether the native scanner is in use."""
    from enforcer._native import describe

    print(f"enforcer {__version__} ({describe()})")
    return EXIT_OK


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
    code = run(sys.argv[1:])
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, OSError):  # the reader went away (`| head`): nothing left to say
            pass
    os._exit(code)
