"""What the command line says when it stops: exit codes and one-line errors.

Every error is one line on stderr, `enforcer: error: WHAT`. A usage error
(exit 2) ends with where to look, `; try 'enforcer check --help'`; an
`EnforcerError` from the library (exit 3) is its message alone.
"""

from __future__ import annotations

import sys

from enforcer._printable import printable

EXIT_OK, EXIT_POLICY, EXIT_USAGE, EXIT_ERROR = 0, 1, 2, 3
#: Ctrl-C, as a shell reports a process ended by SIGINT (128 + 2)
EXIT_INTERRUPTED = 130


class Interrupted(BaseException):
    """SIGTERM or SIGHUP arrived: unwind (temporary files are removed on the way), then exit 128 + the signal.

    A BaseException, like KeyboardInterrupt, so no `except Exception` stops it.
    """

    def __init__(self, signal_number: int, name: str) -> None:
        super().__init__(name)
        self.signal_number = signal_number
        self.name = name


class CommandLineError(Exception):
    """A usage error the command line finds itself: one line per message, exit 2.

    `command` is the command path of the help to point at (`enforcer check`);
    the command decorator fills it in when the error leaves a command. With
    `hint` False no pointer is added (the problems of a configuration file,
    which the help cannot solve).
    """

    def __init__(self, *messages: str, command: str | None = None, hint: bool = True) -> None:
        super().__init__(*messages)
        self.messages = messages
        self.command = command
        self.hint = hint

    def lines(self) -> list[str]:
        pointer = f"; try '{self.command or 'enforcer'} --help'" if self.hint else ""
        return [f"enforcer: error: {message}{pointer}" for message in self.messages]


def say(line: str) -> None:
    """One line on stderr, its control characters escaped (a file name may hold a newline or an escape)."""
    print(printable(line), file=sys.stderr)


def error(message: str) -> None:
    """`enforcer: error: MESSAGE` on stderr."""
    say(f"enforcer: error: {message}")
