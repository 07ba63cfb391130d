"""Policy tests: the `test_` rules, run by `opa test` or, without OPA, on the embedded engine.

On the embedded engine the tests run in a child process (a construct that
crashes rego-cpp then fails one test instead of the command), with the
report laid out as `opa test -v` lays it out (`enforcer policy test`).
"""

from __future__ import annotations

import json
import os
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from enforcer._errors import EnforcerError, EngineError, PolicyCompileError
from enforcer.engine.interface import PolicyEngine, PolicyModule
from enforcer.policy.portability import code_only, scan_modules

Severity = Literal["error", "warning"]

#: Marks a line checked by hand.
# -- running policy tests ----------------------------------------------------------

Status = Literal["pass", "fail", "error", "skip"]


@dataclass(frozen=True, slots=True)
class TestOutcome:
    """One `test_` rule and how it went."""

    file: str
    line: int
    package: str
    name: str
    status: Status
    duration_ns: int = 0
    message: str = ""

    @property
    def label(self) -> str:
        return f"{self.package}.{self.name}"


@dataclass
class TestReport:
    """Every test of a `policy test` run, and which engine ran them."""

    runner: str
    outcomes: list[TestOutcome] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def passed(self) -> bool:
        return self.count("fail") == 0 and self.count("error") == 0

    def render(self, verbose: bool = True) -> str:
        """The report in the layout of `opa test -v`, whichever engine ran the tests."""
        lines: list[str] = []
        shown = self.outcomes if verbose else [o for o in self.outcomes if o.status in ("fail", "error")]
        for outcome in shown:
            lines.append(f"{outcome.file}:{outcome.line}:")
            word = {"pass": "PASS", "fail": "FAIL", "error": "ERROR", "skip": "SKIPPED"}[outcome.status]
            timing = f" ({_duration(outcome.duration_ns)})" if outcome.status != "skip" else ""
            detail = f": {outcome.message}" if outcome.message else ""
            lines.append(f"{outcome.label}: {word}{timing}{detail}")
        lines.append("-" * 80)
        total = len(self.outcomes)
        words: tuple[tuple[Status, str], ...] = (
            ("pass", "PASS"),
            ("fail", "FAIL"),
            ("error", "ERROR"),
            ("skip", "SKIPPED"),
        )
        for status, word in words:
            number = self.count(status)
            if number or status == "pass":
                lines.append(f"{word}: {number}/{total}")
        return "\n".join(lines) + "\n"


def _duration(nanoseconds: int) -> str:
    if nanoseconds >= 1_000_000:
        return f"{nanoseconds / 1_000_000:.3f}ms"
    return f"{nanoseconds / 1_000:.3f}µs"


def run_opa_tests(binary: str, paths: Sequence[str], *, timeout: float = 600.0) -> TestReport:
    """`opa test` on the paths, read back from its JSON report (the process group killed after `timeout` s)."""
    from enforcer.engine import _limits
    from enforcer.engine.opa_cli import opa_version

    try:
        completed = _limits.run_bounded(
            [binary, "test", "--format", "json", *paths], None, timeout=timeout, cap=_limits.max_answer_bytes()
        )
    except _limits.ProcessTimeoutError:
        raise EngineError(f"opa test: no answer within {timeout:g} s") from None
    except _limits.AnswerTooLargeError:
        raise EngineError("opa test: the report is larger than ENFORCER_MAX_ANSWER_BYTES") from None
    except OSError as error:
        raise EngineError(f"opa test: {binary}: cannot run: {error.strerror or error}") from None
    try:
        results = json.loads(completed.stdout or b"null")
    except ValueError:
        results = None
    if not isinstance(results, list):
        text = (completed.stderr or completed.stdout).decode("utf-8", "replace").strip()
        first = text.splitlines()[0] if text else f"exit code {completed.returncode}"
        if len(text.splitlines()) > 1 and "error occurred" in first:
            first = text.splitlines()[1].strip() if "errors occurred" in first else first
        raise PolicyCompileError(f"opa test: {first.removeprefix('1 error occurred: ')}")
    report = TestReport(runner=f"opa (OPA {opa_version(binary) or '?'}, {binary})")
    for item in results:
        location = item.get("location") or {}
        if item.get("skip"):
            status: Status = "skip"
        elif item.get("error"):
            status = "error"
        elif item.get("fail"):
            status = "fail"
        else:
            status = "pass"
        failure = item.get("error")
        report.outcomes.append(
            TestOutcome(
                file=str(location.get("file", "")),
                line=int(location.get("row", 0)),
                package=str(item.get("package", "")),
                name=str(item.get("name", "")),
                status=status,
                duration_ns=int(item.get("duration", 0)),
                message=str(failure.get("message", "")) if isinstance(failure, dict) else "",
            )
        )
    report.outcomes.sort(key=lambda outcome: (outcome.file, outcome.line, outcome.name))
    return report


_PACKAGE = re.compile(r"^package\s+([A-Za-z_][\w.]*)", re.MULTILINE)
_TEST_RULE = re.compile(r"^((?:todo_)?test_[A-Za-z0-9_]*)\b", re.MULTILINE)


def discover_tests(modules: Sequence[PolicyModule]) -> list[TestOutcome]:
    """The `test_` (and `todo_test_`) rules of the modules, as outcomes yet to run (status skip)."""
    found: list[TestOutcome] = []
    for module in modules:
        text = code_only(module.text)
        package = _PACKAGE.search(text)
        if package is None:
            continue
        seen: set[str] = set()
        for match in _TEST_RULE.finditer(text):
            name = match.group(1)
            if name in seen:
                continue
            seen.add(name)
            line = text.count("\n", 0, match.start()) + 1
            found.append(TestOutcome(module.path, line, f"data.{package.group(1)}", name, "skip"))
    return found


def run_embedded_tests(modules: Sequence[PolicyModule]) -> TestReport:
    """Evaluate every `test_` rule on the embedded engine, in child processes.

    rego-cpp compiles the whole program again for each query (and each `with`
    adds to that), so the tests of a package are asked in one query; when
    that query fails, they are asked one by one. rego-cpp can also crash on
    some constructs (see `with-input`): a crash fails the test that was
    running and the rest go on in a new child. The modules are compiled once,
    here; children are forked from this process (or, where there is no fork,
    started afresh and compile them again). A test that runs longer than the
    evaluation limit (``ENFORCER_EVAL_TIMEOUT``) is stopped with the child
    and counts as an error.
    """
    from enforcer.engine.embedded import EmbeddedEngine

    engine = EmbeddedEngine()
    # the tests already run in children of their own, which are stopped at the limit
    limit, engine.eval_timeout = engine.eval_timeout, None
    engine.load(modules)
    engine.parse()
    report = TestReport(runner=engine.describe())
    tests = discover_tests(modules)
    # the first `with input as` of each file, the likeliest cause of a crash
    crash_hints: dict[str, str] = {}
    for issue in scan_modules(modules):
        if issue.rule == "with-input":
            crash_hints.setdefault(issue.path, f"; `with input as` at {issue.path}:{issue.line} is a known cause")
    results: dict[int, TestOutcome] = {n: test for n, test in enumerate(tests) if test.name.startswith("todo_")}
    packages: dict[str, list[int]] = {}
    for number, test in enumerate(tests):
        if number not in results:
            packages.setdefault(test.package, []).append(number)
    for package, numbers in packages.items():
        names = [tests[number].name for number in numbers]
        output, _ = _run_child(engine, modules, [_batch_query(package, names)], batch=True, limit=limit)
        done = _read_results(output, numbers, tests, results)
        numbers = numbers[done:]
        while numbers:  # the batch failed or crashed: one test at a time
            queries = [f"{tests[number].package}.{tests[number].name}" for number in numbers]
            output, code = _run_child(engine, modules, queries, limit=limit)
            done = _read_results(output, numbers, tests, results)
            remaining = numbers[done:]
            if remaining and code != 0:
                # rego-cpp compiles the whole program for every query, so one bad
                # test file breaks them all: ask again without the other files
                # known to crash it.
                for number in remaining:
                    test = tests[number]
                    kept = [m for m in modules if m.path == test.file or m.path not in crash_hints]
                    query = [f"{test.package}.{test.name}"]
                    output, code = _run_child(engine, kept, query, reload=len(kept) < len(modules), limit=limit)
                    if _read_results(output, [number], tests, results) == 0 and code == _STOPPED:
                        message = f"stopped after {limit or 0:g} s (ENFORCER_EVAL_TIMEOUT)"
                        results[number] = _with_status(test, "error", 0, message)
                    elif number not in results:
                        cause = f"signal {-code}" if code < 0 else f"exit {code}"
                        hint = crash_hints.get(test.file) or next(iter(crash_hints.values()), "")
                        results[number] = _with_status(test, "error", 0, f"the embedded engine crashed ({cause}){hint}")
                remaining = []
            elif remaining:
                raise EngineError("embedded test runner: the child stopped early without an error")
            numbers = remaining
    engine.close()
    report.outcomes = sorted(results.values(), key=lambda outcome: (outcome.file, outcome.line, outcome.name))
    return report


def _batch_query(package: str, names: list[str]) -> str:
    """One query for every test of a package: the set of those whose value is true."""
    return f"{{name | some name in {json.dumps(names)}; {package}[name] == true}}"


def _read_results(output: bytes, numbers: list[int], tests: list[TestOutcome], results: dict[int, TestOutcome]) -> int:
    """Record a child's JSON lines; how many of `numbers` they settled, in order."""
    done = 0
    for line in output.decode("utf-8", "replace").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if "compile_error" in item:
            raise PolicyCompileError(str(item["compile_error"]))
        if "passed" in item:  # a whole package at once
            passed = set(item["passed"])
            share = int(item["duration"]) // max(len(numbers), 1)
            for number in numbers:
                status: Status = "pass" if tests[number].name in passed else "fail"
                results[number] = _with_status(tests[number], status, share, "")
            return len(numbers)
        number = numbers[int(item["test"])]
        results[number] = _with_status(tests[number], item["status"], int(item["duration"]), item["message"])
        done += 1
    return done


#: the exit code `_run_child` gives a child it stopped at the time limit
_STOPPED = -1000


def _run_child(
    engine: PolicyEngine,
    modules: Sequence[PolicyModule],
    queries: list[str],
    *,
    batch: bool = False,
    reload: bool = False,
    limit: float | None = None,
) -> tuple[bytes, int]:
    """Evaluate the queries in a child; its output (one JSON line per query) and exit code (-N: signal N).

    With `reload` the child compiles `modules` in a fresh interpreter instead
    of using `engine` (a compile error there makes every query an error). A
    child that gives no line for `limit` seconds is killed: exit code `_STOPPED`.
    """
    if reload or not hasattr(os, "fork"):
        payload = {"modules": [[m.path, m.text] for m in modules], "tests": queries, "batch": batch}
        try:
            completed = subprocess.run(
                [sys.executable, "-m", "enforcer.policy.testing"],
                input=json.dumps(payload).encode(),
                capture_output=True,
                check=False,
                timeout=limit * len(queries) if limit else None,
            )
        except subprocess.TimeoutExpired as timed_out:
            return timed_out.output or b"", _STOPPED
        return completed.stdout, completed.returncode
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: evaluate, report, and leave without running any exit handler
        code = 0
        try:
            os.close(read)
            # a crash report (faulthandler) must not reach the user's terminal
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)
            with os.fdopen(write, "w", encoding="utf-8") as stream:
                _evaluate_all(engine, queries, batch, stream)
        except BaseException:  # noqa: BLE001 - a child must never return into the caller's code
            code = 70
        os._exit(code)
    os.close(write)
    try:
        output, stopped = _read_lines(read, limit)
    finally:
        os.close(read)
    if stopped:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    return output, _STOPPED if stopped else code


def _read_lines(fd: int, limit: float | None) -> tuple[bytes, bool]:
    """What a child writes until it closes `fd`; True as well when `limit` seconds pass without a new line."""
    output = bytearray()
    last = time.monotonic()
    while True:
        remaining = None if limit is None else last + limit - time.monotonic()
        if remaining is not None and remaining <= 0:
            return bytes(output), True
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return bytes(output), False
        if b"\n" in chunk:
            last = time.monotonic()
        output += chunk


def _evaluate_all(engine: PolicyEngine, queries: list[str], batch: bool, stream: Any) -> None:
    """Write one JSON line per query (a batch query: one line naming the tests that passed, or nothing)."""
    for number, query in enumerate(queries):
        started = time.perf_counter_ns()
        message = ""
        try:
            value = engine.query(query)
        except EnforcerError as error:
            if batch:
                return  # the caller asks the tests one by one
            status, value, message = "error", None, str(error)
        else:
            status = "pass" if value is True else "fail"
        duration = time.perf_counter_ns() - started
        if batch:
            line = {"passed": value if isinstance(value, list) else [], "duration": duration}
        else:
            line = {"test": number, "status": status, "duration": duration, "message": message}
        stream.write(json.dumps(line) + "\n")
        stream.flush()


def _with_status(test: TestOutcome, status: Status, duration: int, message: str) -> TestOutcome:
    return TestOutcome(test.file, test.line, test.package, test.name, status, duration, message)


def _worker() -> int:
    """The child of `run_embedded_tests` where there is no fork: one JSON line per test, in order."""
    from enforcer.engine.embedded import EmbeddedEngine

    payload = json.loads(sys.stdin.buffer.read())
    engine = EmbeddedEngine(eval_timeout=0)  # the parent stops this process at the limit
    try:
        engine.load([PolicyModule(path, text) for path, text in payload["modules"]])
        engine.parse()
    except PolicyCompileError as error:
        print(json.dumps({"compile_error": str(error)}), flush=True)
        return 0
    _evaluate_all(engine, payload["tests"], bool(payload.get("batch")), sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(_worker())
