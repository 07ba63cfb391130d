"""The command line, `enforcer COMMAND ...`: flags in, one library call, an exit code out.

Built on typer. All logic lives in the library; the commands parse flags,
call it, write what it returns and exit:

- 0 pass, 1 policy failure, 2 usage error, 3 tool or input error, 130 Ctrl-C;
- every error is one line on stderr (`enforcer: error: ...`), never a
  traceback, never a usage panel.

The app is run with `standalone_mode=False`, so typer hands back what would
end the process and `run` says it in one line. The library and pydantic are
imported inside the commands, when they run; rich only when help is shown.

A command group is one line below (in `_Enforcer.lazy`: its name and its
module, whose `app` is made by `new_app(...)`; it is imported only when it
runs, or when help or completion lists it); a command is one line too
(`app.command("check", cls=Command)(check.check)`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import ClassVar

import typer

from enforcer._env import check_environment
from enforcer._errors import EnforcerError, SettingError
from enforcer.cli import check, schema, vendor, version
from enforcer.cli._adapter import Command, LazyGroup, UsageError, new_app, usage_error
from enforcer.cli._errors import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    CommandLineError,
    Interrupted,
    error,
    say,
)

__all__ = ["app", "main", "run"]


class _Enforcer(LazyGroup):
    lazy: ClassVar[dict[str, str]] = {"policy": "enforcer.cli.policy", "inventory": "enforcer.cli.inventory"}


app = new_app("Check SBOMs against government vendor bans written in Rego.", completion=True, cls=_Enforcer)
app.command("check", cls=Command)(check.check)
app.command("vendor", cls=Command)(vendor.vendor)
app.command("version", cls=Command)(version.version)
app.command("schema", cls=Command)(schema.schema)


def run(argv: Sequence[str]) -> int:
    """Run the command line `argv` (without the program name) in this process: the exit code.

    An error of the enforcer's (a usage error, an `EnforcerError`) is one line
    on stderr; any other exception is a bug and goes up to the caller. The
    environment variables are checked first: a bad one is a usage error.
    """
    try:
        check_environment()
        code = app(args=list(argv), prog_name="enforcer", standalone_mode=False)
    except CommandLineError as problem:
        for line in problem.lines():
            say(line)
        return EXIT_USAGE
    except UsageError as problem:
        for line in usage_error(problem).lines():
            say(line)
        return EXIT_USAGE
    except SettingError as problem:  # an environment variable: the caller's setting, as a flag is
        error(str(problem))
        return EXIT_USAGE
    except EnforcerError as failure:
        for line in failure.lines():  # a broken policy set: every problem, a line each
            error(line)
        return EXIT_ERROR
    except typer.Abort:  # end of input where the command wanted more
        error("aborted")
        return EXIT_ERROR
    except SystemExit as exit:  # shell completion exits through sys.exit
        return EXIT_OK if exit.code is None else exit.code if isinstance(exit.code, int) else EXIT_ERROR
    if code == EXIT_INTERRUPTED:  # typer's answer to KeyboardInterrupt
        say("enforcer: interrupted")
    return code if isinstance(code, int) else EXIT_OK


def main() -> None:
    """Entry point of the `enforcer` console script and of `python -m enforcer`.

    A run of the CLI makes no reference cycles worth collecting, while the
    cyclic garbage collector would walk the millions of objects of a large
    SBOM again and again: it is off for the process. When the run is over the
    process exits at once, without freeing, object by object, what the
    operating system takes back anyway (everything is written and flushed by
    then). An exception nobody expected is still one line and exit 3.
    """
    import gc

    gc.disable()
    _tolerant_streams()
    _on_signals()
    try:
        code = run(sys.argv[1:])
    except KeyboardInterrupt:
        say("enforcer: interrupted")
        code = EXIT_INTERRUPTED
    except Interrupted as stop:
        say(f"enforcer: interrupted by {stop.name}")
        code = 128 + stop.signal_number
    except RecursionError:  # nesting no reader bounded: still one line
        error("internal error: input nested too deeply (please report it)")
        code = EXIT_ERROR
    except Exception as failure:  # a bug: still no traceback for a script to parse
        error(f"internal error: {type(failure).__name__}: {failure} (please report it)")
        code = EXIT_ERROR
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, OSError):  # the reader went away (`| head`): nothing left to say
            pass
    os._exit(code)


def _tolerant_streams() -> None:
    """Text that the terminal's encoding cannot show (PYTHONIOENCODING=ascii) is escaped, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _on_signals() -> None:
    """SIGTERM and SIGHUP unwind the process as Ctrl-C does (temporary files go), then exit 128 + N."""
    import signal

    def stop(number: int, frame: object) -> None:
        raise Interrupted(number, signal.Signals(number).name)

    for number in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(number) is signal.SIG_DFL:  # an inherited SIG_IGN (nohup) stays
            signal.signal(number, stop)
