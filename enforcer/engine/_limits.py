"""Bounds on what an engine may cost: time, answer size, and processes that end.

- ``ENFORCER_EVAL_TIMEOUT`` (seconds, default 60; ``0`` or ``off``: none):
  the most one evaluation on the embedded engine may take. The evaluation
  runs in a child process, which is killed when the time is up.
- ``ENFORCER_MAX_ANSWER_BYTES`` (default 256 MiB; a number of bytes, or
  with a ``KiB``/``MiB``/``GiB`` suffix): the largest answer an OPA server
  or an ``opa`` process may send.
- `run_bounded` runs a program in a process group of its own, feeds its
  input, reads its output up to that size, and kills the whole group (the
  program and anything it started) when the time is up.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import time
from dataclasses import dataclass

from enforcer import _env

#: what is kept of a process's stderr (the first line is what gets reported)
_STDERR_KEPT = 64 << 10


def eval_timeout(option: float | None = None) -> float | None:
    """The embedded engine's evaluation limit in seconds (None: no limit).

    `option` when given (0: none), else $ENFORCER_EVAL_TIMEOUT (`enforcer._env`), else 60.
    """
    if option is not None:
        return option if option > 0 else None
    return _env.eval_timeout()


def max_answer_bytes() -> int:
    """The largest answer an OPA server or process may give: $ENFORCER_MAX_ANSWER_BYTES, else 256 MiB."""
    return _env.max_answer_bytes()


def describe_size(size: int) -> str:
    """256 MiB, 1000 bytes."""
    for shift, unit in ((30, "GiB"), (20, "MiB"), (10, "KiB")):
        if size >= 1 << shift and size % (1 << shift) == 0:
            return f"{size >> shift} {unit}"
    return f"{size} bytes"


class ProcessTimeoutError(Exception):
    """The process did not finish in time (it and its process group were killed)."""


class AnswerTooLargeError(Exception):
    """The process wrote more than the answer cap to stdout (it and its group were killed)."""


@dataclass(frozen=True, slots=True)
class Finished:
    returncode: int
    stdout: bytes
    stderr: bytes


def run_bounded(argv: list[str], stdin: bytes | None, *, timeout: float, cap: int) -> Finished:
    """Run `argv` in a new session, give it `stdin`, and collect its output within `timeout` seconds.

    Raises `ProcessTimeoutError` or `AnswerTooLargeError` (stdout beyond
    `cap` bytes) after killing the process group; `OSError` when the program
    cannot be started. Whatever the program left running in its group is
    killed once it exits.
    """
    deadline = time.monotonic() + timeout
    process = subprocess.Popen(
        argv,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        stdout, stderr = _exchange(process, stdin, deadline, cap)
        code = _wait(process, deadline)
        return Finished(code, stdout, stderr)
    finally:
        _kill_group(process)


def _exchange(process: subprocess.Popen[bytes], stdin: bytes | None, deadline: float, cap: int) -> tuple[bytes, bytes]:
    """Write stdin and read stdout and stderr until both close."""
    assert process.stdout is not None and process.stderr is not None
    out = bytearray()
    err = bytearray()
    pending = memoryview(stdin) if stdin is not None else memoryview(b"")
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ, out)
        selector.register(process.stderr, selectors.EVENT_READ, err)
        if process.stdin is not None:
            if pending:
                os.set_blocking(process.stdin.fileno(), False)
                selector.register(process.stdin, selectors.EVENT_WRITE, None)
            else:
                process.stdin.close()
        readers = 2
        while readers:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ProcessTimeoutError
            for key, _ in selector.select(remaining):
                if key.data is None:  # stdin is writable
                    try:
                        written = os.write(key.fd, pending[: 1 << 16])
                    except BlockingIOError:
                        continue
                    except BrokenPipeError:
                        written = len(pending)  # it stopped reading: its output says why
                    pending = pending[written:]
                    if not pending:
                        selector.unregister(key.fileobj)
                        key.fileobj.close()  # type: ignore[union-attr]
                    continue
                chunk = os.read(key.fd, 1 << 16)
                if not chunk:
                    selector.unregister(key.fileobj)
                    key.fileobj.close()  # type: ignore[union-attr]
                    readers -= 1
                    continue
                buffer: bytearray = key.data
                if buffer is out:
                    buffer += chunk
                    if len(buffer) > cap:
                        raise AnswerTooLargeError
                elif len(buffer) < _STDERR_KEPT:
                    buffer += chunk[: _STDERR_KEPT - len(buffer)]
    return bytes(out), bytes(err)


def _wait(process: subprocess.Popen[bytes], deadline: float) -> int:
    """The exit code, once the process has exited (it is reaped later, after its group is killed)."""
    if not hasattr(os, "waitid"):  # pragma: no cover - not on Linux: reaped here, the group killed after
        try:
            return process.wait(timeout=max(deadline - time.monotonic(), 0))
        except subprocess.TimeoutExpired:
            raise ProcessTimeoutError from None
    while True:
        try:
            status = os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            return process.wait()
        if status is not None:
            code = status.si_status
            return -code if status.si_code in (os.CLD_KILLED, os.CLD_DUMPED) else code
        if time.monotonic() >= deadline:
            raise ProcessTimeoutError
        time.sleep(0.005)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill the process group (the leader is not reaped yet, so its id is still the group's), then reap the leader."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        elif process.poll() is None:  # pragma: no cover - no process groups
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None and not stream.closed:
            try:
                stream.close()
            except OSError:
                pass
    process.wait()
