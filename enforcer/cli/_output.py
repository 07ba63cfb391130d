"""Where the reports of `enforcer check` go, and the summary line on stderr."""

from __future__ import annotations

import os
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


def refuse_overwrite(output: Path, *protected_lists: Sequence[Any]) -> None:
    """A usage error when `output` is one of the inputs, or a directory."""
    target = output.resolve()
    for protected in protected_lists:
        for item in protected:
            if str(item) != "-" and Path(item).resolve() == target:
                raise CommandLineError(f"--output {output} would overwrite an input file")
    if target.is_dir():
        raise CommandLineError(f"--output {output} is a directory")


def write(output: Path | None, text: str) -> None:
    """Write a report to stdout or, atomically, to a file."""
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
        raise EnforcerError(f"{output}: cannot write the report: {error.strerror or error}") from None


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
