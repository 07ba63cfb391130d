"""Where the reports of `enforcer check` go, and the summary line on stderr."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from enforcer._errors import EnforcerError
from enforcer.cli._errors import EXIT_ERROR, EXIT_POLICY, CommandLineError

if TYPE_CHECKING:
    from enforcer._models import FailOn, RunResult
    from enforcer.report import ReportFormat

#: What the summary says when no scope was chosen, on the command line or in the configuration.
ALL_JURISDICTIONS = "all jurisdictions applied (choose with --scope or [tool.enforcer] scopes)"


def outputs(format: ReportFormat, output: Sequence[str], format_given: bool) -> list[tuple[ReportFormat, str]]:
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
                raise CommandLineError(f"--output {item}: no FILE after '=' (use - for stdout)")
            extra.append((ReportFormat(name.lower()), target))
        else:
            plain.append(item)
    if len(plain) > 1:
        raise CommandLineError(
            f"--output {plain[1]}: only one plain FILE (for --format); name the format of the others: FORMAT=FILE"
        )
    to_stdout = any(target == "-" for _, target in extra)
    targets = list(extra)
    if plain:
        targets.insert(0, (format, plain[0]))
    elif not to_stdout:
        targets.insert(0, (format, "-"))
    elif format_given:
        raise CommandLineError(f"--format {format.value} and an --output FORMAT=- both want stdout; give one a FILE")
    seen: set[str] = set()
    for _, target in targets:
        key = target if target == "-" else str(Path(target).resolve())
        if key in seen:
            raise CommandLineError(f"--output: two reports would go to {'stdout' if target == '-' else target}")
        seen.add(key)
    return targets


def refuse_overwrite(output: Path, *protected_lists: Sequence[Any], policies: Sequence[Any] = ()) -> None:
    """A usage error when `output` is, or is a way to, one of the run's inputs; or a directory.

    Compared by identity (device and inode), so no name for the same file
    gets past: a symbolic link, ``/dev/stdin`` or ``/proc/self/fd/0`` when
    standard input is read (``-``), a hard link. The inputs: every file of
    `protected_lists` (SBOMs, waivers), every Rego file under `policies`
    (files or directories), and every file the enforcer ships (its package
    and its policies, which every run reads); a new ``.rego`` file inside a
    policy directory, or any new file inside a shipped directory, is refused
    too (the next run would read it).
    """
    from enforcer.policy import shipped_policies

    shown = f"--output {output}"
    try:
        found: os.stat_result | None = os.stat(output)
    except (OSError, ValueError):
        found = None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise CommandLineError(f"{shown} is a directory")
    identities: dict[tuple[int, int], str] = {}

    def protect(info: os.stat_result | None, what: str) -> None:
        if info is not None:
            identities.setdefault((info.st_dev, info.st_ino), what)

    for protected in protected_lists:
        for item in protected:
            if str(item) == "-":
                protect(_stat(0), "standard input, which is read")
            else:
                protect(_stat(item), f"the input {item}")
    package = Path(__file__).resolve().parent.parent
    shipped = [package, shipped_policies().resolve()]
    rego_directories = []
    for policy in policies:
        if Path(policy).is_dir():
            rego_directories.append(_resolved(Path(policy)))
        protect(_stat(policy), f"the policy {policy}")
    for directory in shipped:
        for file in _files_below(directory):
            protect(_stat(file), f"the shipped file {file}")
    for directory in rego_directories:
        for file in _files_below(directory):
            if file.suffix == ".rego":
                protect(_stat(file), f"the policy {file}")
    if found is not None:
        what = identities.get((found.st_dev, found.st_ino))
        if what is not None:
            raise CommandLineError(f"{shown} would overwrite an input file: {what}")
    target = _resolved(output)
    for directory in shipped:
        if target.is_relative_to(directory):
            raise CommandLineError(f"{shown} would write into {directory}, which the enforcer ships and reads")
    if target.suffix == ".rego":
        for directory in rego_directories:
            if target.is_relative_to(directory):
                raise CommandLineError(f"{shown} would add a Rego file to the policy directory {directory}")


def _stat(path: Any) -> os.stat_result | None:
    """The status of a path (following links) or of a descriptor; None when there is none."""
    try:
        return os.fstat(path) if isinstance(path, int) else os.stat(path)
    except (OSError, ValueError):
        return None


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a loop of links: compared by name only
        return path.absolute()


def _files_below(directory: Path) -> list[Path]:
    files: list[Path] = []
    for folder, _, names in os.walk(directory):
        files.extend(Path(folder) / name for name in names)
    return files


def write(output: Path | None, text: str) -> None:
    """Write a report to stdout or, atomically, to a file.

    A file is written to a temporary file beside it, then renamed over it.
    The temporary file is removed on every way out: an error (a full disk,
    a file size limit), Ctrl-C, SIGTERM or SIGHUP (the CLI turns those into
    exceptions that unwind through here). The signals are held back while
    it is created and registered, so none can arrive in between.
    """
    import tempfile

    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    temporary: str | None = None
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
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
        try:
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise EnforcerError(f"{output}: cannot write the report: {error.strerror or error}") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


#: the signals held back while a temporary file is created (they unwind the CLI, which removes it)
_HELD = frozenset({signal.SIGINT, signal.SIGHUP, signal.SIGTERM})


def summary(
    result: RunResult, fail_on: FailOn, code: int, max_unidentified: float | None = None, *, scoped: bool = True
) -> str:
    """The one line on stderr: what was checked, the verdicts, the exit code and why.

    `scoped` False (no scope chosen anywhere) adds that every jurisdiction's bans applied.
    """
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
    if not scoped:
        text += f"; {ALL_JURISDICTIONS}"
    if code == EXIT_ERROR:
        problems = []
        if totals["errors"]:
            problems.append(f"{totals['errors']} of {sboms} SBOMs could not be checked")
        if totals["unreadable"]:
            problems.append(f"{totals['unreadable']} with identity values that could not be read (see the warnings)")
        return f"{text}; exit 3: {' and '.join(problems)}"
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
