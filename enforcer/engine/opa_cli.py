"""The `opa` engine: the Open Policy Agent binary, one `opa eval` per query.

The modules are written once to a private temporary directory; each query is
one process (`opa eval --stdin-input`), so a run costs a process for the ban
table, one for the waivers and one for the batched decisions, never one per
component. Errors that OPA reports name the original policy file and line.

Every `opa` process (`version`, `check`, `eval`) runs in a process group of
its own under the `--opa-timeout`: at the deadline the whole group is killed
(a wrapper script and what it started included), and an answer larger than
``ENFORCER_MAX_ANSWER_BYTES`` is refused.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson

from enforcer._errors import EngineConnectionError, EngineError, PolicyCompileError
from enforcer.engine import _limits
from enforcer.engine.interface import PolicyEngine, PolicyModule

#: The project-local OPA that `make opa` (scripts/ensure-opa) builds.
LOCAL_OPA = Path(__file__).resolve().parent.parent.parent / ".tools" / "bin" / "opa"
#: what `opa version` may take when no timeout is given (the CLI's --opa-timeout default)
DEFAULT_TIMEOUT = 10.0
#: what `opa version` may print
_VERSION_CAP = 1 << 20
#: binary -> its version (None: it does not run as OPA), asked once per process
_VERSIONS: dict[str, str | None] = {}


class OpaVersionTimeoutError(EngineConnectionError):
    """`opa version` gave no answer in time."""


def opa_version(binary: str, *, timeout: float = DEFAULT_TIMEOUT) -> str | None:
    """The version an `opa` binary reports ("1.22.2"), or None when it does not run.

    Raises `OpaVersionTimeoutError` when it gives no answer within `timeout`
    seconds (it and whatever it started are killed).
    """
    if binary in _VERSIONS:
        return _VERSIONS[binary]
    try:
        finished = _limits.run_bounded([binary, "version"], None, timeout=timeout, cap=_VERSION_CAP)
    except _limits.ProcessTimeoutError:
        raise OpaVersionTimeoutError(
            f"opa engine: {binary}: `opa version` gave no answer within {timeout:g} s (--opa-timeout)"
        ) from None
    except (OSError, _limits.AnswerTooLargeError):
        return None
    version = None
    if finished.returncode == 0:
        for line in finished.stdout.decode("utf-8", "replace").splitlines():
            if line.startswith("Version:"):
                version = line.partition(":")[2].strip()
                break
    _VERSIONS[binary] = version
    return version


def find_opa(explicit: str | None = None, *, timeout: float = DEFAULT_TIMEOUT) -> str | None:
    """An OPA 1.x binary: `explicit`, else $OPA, the project's .tools/bin/opa, then PATH.

    A candidate that hangs on `opa version` is passed over after `timeout` seconds.
    """
    if explicit:
        return explicit
    for candidate in (os.environ.get("OPA"), str(LOCAL_OPA), shutil.which("opa")):
        if candidate and os.access(candidate, os.X_OK):
            try:
                version = opa_version(candidate, timeout=timeout)
            except OpaVersionTimeoutError:
                continue
            if version is not None and version.startswith("1."):
                return candidate
    return None


class OpaCliEngine(PolicyEngine):
    """Evaluates queries with the `opa` binary (`opa eval`), one process per query."""

    name = "opa"
    answer_hint = "is the binary Open Policy Agent?"

    def __init__(self, opa_binary: str | None = None, timeout: float = DEFAULT_TIMEOUT, **_: Any) -> None:
        self.timeout = timeout
        binary = find_opa(opa_binary, timeout=timeout)
        if binary is None:
            raise EngineConnectionError(
                "opa engine: no OPA 1.x binary found (give --opa-binary PATH or OPA=PATH, or put opa on PATH)"
            )
        if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
            raise EngineConnectionError(f"opa engine: {binary}: no such executable")
        version = opa_version(binary, timeout=timeout)
        if version is None:
            raise EngineConnectionError(f"opa engine: {binary}: does not run as `opa version`")
        if not version.startswith("1."):
            raise EngineError(f"opa engine: {binary}: OPA {version} is not 1.x")
        self.binary = binary
        self.version = version
        self._cap = _limits.max_answer_bytes()
        self._directory: tempfile.TemporaryDirectory[str] | None = None
        #: temporary file -> the module's own path, to name the right file in errors
        self._origins: dict[str, str] = {}
        self._files: list[str] = []

    def describe(self) -> str:
        return f"opa (OPA {self.version}, {self.binary})"

    def load(self, modules: Sequence[PolicyModule]) -> None:
        self._note_modules(modules)
        if self._directory is None:
            self._directory = tempfile.TemporaryDirectory(prefix="enforcer-opa-")
        root = Path(self._directory.name)
        for module in modules:
            number = len(self._files)
            file = root / f"{number:04d}-{Path(module.path).name}"
            if file.suffix != ".rego":
                file = file.with_name(file.name + ".rego")
            file.write_text(module.text, encoding="utf-8")
            self._files.append(str(file))
            self._origins[str(file)] = module.path
        completed = self._run(["check", "--format", "json", *self._files], None, "opa check")
        if completed.returncode != 0:
            raise PolicyCompileError(self._describe(completed, "the policies do not compile"))

    def query(self, query: str, input: Any = None, *, bounded: bool = True) -> Any:
        arguments = ["eval", "--format", "json"]
        for file in self._files:
            arguments += ["--data", file]
        if input is not None:
            arguments.append("--stdin-input")
        arguments.append(query)
        completed = self._run(arguments, orjson.dumps(input) if input is not None else None, query)
        if completed.returncode != 0:
            raise EngineError(f"opa engine: {query}: {self._describe(completed, 'evaluation failed')}")
        value = _eval_value(completed.stdout, query)
        self.check_answer(query, value, source="opa engine")
        return value

    def close(self) -> None:
        if self._directory is not None:
            self._directory.cleanup()
            self._directory = None
        self._files.clear()
        self._origins.clear()

    # -- helpers ---------------------------------------------------------------

    def _run(self, arguments: list[str], stdin: bytes | None, what: str) -> _limits.Finished:
        try:
            return _limits.run_bounded([self.binary, *arguments], stdin, timeout=self.timeout, cap=self._cap)
        except _limits.ProcessTimeoutError:
            raise EngineError(f"opa engine: {what}: no answer within {self.timeout:g} s (--opa-timeout)") from None
        except _limits.AnswerTooLargeError:
            raise EngineError(
                f"opa engine: {what}: the answer is larger than {_limits.describe_size(self._cap)}"
                " (ENFORCER_MAX_ANSWER_BYTES)"
            ) from None
        except OSError as error:
            raise EngineConnectionError(f"opa engine: {self.binary}: cannot run: {error.strerror or error}") from None

    def _describe(self, completed: _limits.Finished, fallback: str) -> str:
        """OPA's first error as ``file:row:col: message``, with the module's own path."""
        for stream in (completed.stdout, completed.stderr):
            try:
                report = orjson.loads(stream)
            except orjson.JSONDecodeError:
                continue
            errors = report.get("errors") if isinstance(report, dict) else None
            if errors:
                return describe_errors(errors, self._origins)
        text = (completed.stderr or completed.stdout).decode("utf-8", "replace").strip()
        return text.splitlines()[0] if text else fallback


def opa_check(binary: str, modules: Sequence[PolicyModule], *, timeout: float = 120.0) -> list[str]:
    """Every error `opa check` finds in the modules, one line each with the module's own path.

    OPA reports what the embedded engine lets through: unsafe or undefined
    variables, type errors, rules redeclared.
    """
    with tempfile.TemporaryDirectory(prefix="enforcer-opa-check-") as directory:
        origins: dict[str, str] = {}
        for number, module in enumerate(modules):
            file = Path(directory) / f"{number:04d}-{Path(module.path).stem}.rego"
            file.write_text(module.text, encoding="utf-8")
            origins[str(file)] = module.path
        try:
            completed = _limits.run_bounded(
                [binary, "check", "--format", "json", *origins], None, timeout=timeout, cap=_limits.max_answer_bytes()
            )
        except _limits.ProcessTimeoutError:
            raise EngineError(f"opa check: no answer within {timeout:g} s") from None
        except _limits.AnswerTooLargeError:
            raise EngineError("opa check: the answer is larger than ENFORCER_MAX_ANSWER_BYTES") from None
        except OSError as error:
            raise EngineConnectionError(f"opa check: {binary}: cannot run: {error.strerror or error}") from None
    if completed.returncode == 0:
        return []
    for stream in (completed.stderr, completed.stdout):
        try:
            report = orjson.loads(stream)
        except orjson.JSONDecodeError:
            continue
        errors = report.get("errors") if isinstance(report, dict) else None
        if errors:
            return [describe_errors([error], origins) for error in errors]
    text = (completed.stderr or completed.stdout).decode("utf-8", "replace").strip()
    return [f"opa check: {text.splitlines()[0] if text else f'exit code {completed.returncode}'}"]


def _eval_value(stdout: bytes, query: str) -> Any:
    """The value in `opa eval --format json` output: None when undefined (no result), else the first expression's."""
    try:
        output = orjson.loads(stdout)
    except orjson.JSONDecodeError:
        raise EngineError(f"opa engine: {query}: unreadable output {stdout[:80]!r}") from None
    if not isinstance(output, dict):
        raise EngineError(f"opa engine: {query}: unexpected output {stdout[:80]!r}")
    results = output.get("result")
    if results is None or results == []:
        return None  # undefined: OPA gives no result set
    if not isinstance(results, list) or not isinstance(results[0], dict):
        raise EngineError(f"opa engine: {query}: unexpected output {stdout[:80]!r}")
    expressions = results[0].get("expressions")
    if not isinstance(expressions, list) or not expressions or not isinstance(expressions[0], dict):
        raise EngineError(f"opa engine: {query}: unexpected output {stdout[:80]!r}")
    if "value" not in expressions[0]:
        raise EngineError(f"opa engine: {query}: the result has no value")
    return expressions[0]["value"]


def describe_errors(errors: list[Any], origins: dict[str, str]) -> str:
    """OPA's error list on one line: the first error with its location, and how many more."""
    first = errors[0] if isinstance(errors[0], dict) else {}
    message = str(first.get("message", "error")).replace("\n", " ").strip()
    message = " ".join(message.split())
    for temporary, original in origins.items():
        message = message.replace(temporary, original)
    location = first.get("location") if isinstance(first.get("location"), dict) else None
    text = message
    if location and location.get("file"):
        file = origins.get(str(location["file"]), str(location["file"]))
        text = f"{file}:{location.get('row', 0)}:{location.get('col', 0)}: {message}"
    code = first.get("code")
    if code and code not in message:
        text = f"{text} ({code})"
    if len(errors) > 1:
        text += f" (and {len(errors) - 1} more)"
    return text
