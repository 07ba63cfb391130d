"""The embedded engine: rego-cpp in process, through `regopy`.

No server and no binary: the default. rego-cpp differs from OPA in a few
places that the shipped policies avoid and `enforcer policy check` warns about
(see `enforcer.policy.portability`).

Bounds:

- Each evaluation runs in a forked child process with a time limit
  (`eval_timeout`, else ``ENFORCER_EVAL_TIMEOUT`` seconds, default 60;
  ``off`` evaluates in process without one). rego-cpp has no way to stop a
  query from outside (its statement limit is not reachable from Python and
  does not count the work of a built-in), so a runaway rule is stopped by
  killing the child; a crash of rego-cpp fails the query, not the process.
- rego-cpp's allocator (snmalloc) reserves 256 GiB of address space when
  the library loads and aborts the process when it cannot: under a smaller
  ``ulimit -v`` the engine refuses to start, with one line, instead.
- The members of a partial set that modules state as literals
  (`bans contains {...}`) are read as arrays and merged as a set here:
  rego-cpp builds a set of objects in time quadratic in its size (3,000
  bans: 76 s; as arrays, under 2 s).
"""

from __future__ import annotations

import os
import re
import select
import signal
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import orjson

from enforcer._errors import EngineError, PolicyCompileError
from enforcer.engine import _limits
from enforcer.engine.interface import PolicyEngine, PolicyModule

_ERROR = re.compile(r"\(error (\d+):")
_MESSAGE = re.compile(r"\(errormsg (\d+):")
#: a plain reference such as data.enforcer.decide (dots and quoted brackets only)
_REF = re.compile(r'^(?:data|input)(?:\.[A-Za-z_][A-Za-z0-9_]*|\["[^"\\]*"\])*$')
_BINDING = "__enforcer_value"
#: queries answered from a compiled bundle: query -> bundle entrypoint
_BUNDLED = {
    "data.enforcer.decide": "enforcer/decide",
    "data.enforcer.decisions": "enforcer/decisions",
    "data.enforcer.bans_in_scope": "enforcer/bans_in_scope",
}
#: snmalloc's pagemap: address space reserved when librego_shared loads
_RESERVED = 1 << 38
#: room to work beyond that reservation
_HEADROOM = 1 << 30
#: the package of the array of literal members (no policy may use a name with this prefix)
_LITERALS = "__enforcer_literal_members"

#: one rego-cpp output: ("ok" | "error" | "raised", text)
_Output = tuple[str, str]


def check_address_space() -> None:
    """Refuse to load rego-cpp under an address-space limit its allocator cannot start in.

    snmalloc reserves 256 GiB of address space (not memory) when the library
    loads, and aborts the whole process with "Failed to initialise snmalloc"
    when the reservation fails, as it does under ``ulimit -v 8388608``.
    """
    if "regopy" in sys.modules:
        return  # loaded already: the reservation was made
    try:
        import resource
    except ImportError:  # pragma: no cover - not on a POSIX system
        return
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return
    needed = _address_space_used() + _RESERVED + _HEADROOM
    if soft < needed:
        raise EngineError(
            f"embedded engine: the address-space limit (ulimit -v) is {_limits.describe_size(soft)}, and rego-cpp's"
            f" allocator reserves 256 GiB of address space (not memory) when it loads: it needs a limit of at least"
            f" {_gib(needed)} GiB (ulimit -v {-(-needed // 1024)}, or unlimited); or use --engine opa"
        )


def _gib(size: int) -> int:
    return -(-size // (1 << 30))


def _address_space_used() -> int:
    """This process's address space in bytes (VmSize), 0 when unknown."""
    try:
        with open("/proc/self/statm", "rb") as stream:
            pages = int(stream.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class EmbeddedEngine(PolicyEngine):
    """rego-cpp, in process."""

    name = "embedded"
    # rego-cpp stops a query after a fixed number of statements ("Maximum
    # statement count reached"): large result sets are decided in batches.
    decide_batch = 2000

    answer_hint = "the embedded engine may be broken: try --engine opa"

    def __init__(self, eval_timeout: float | None = None, **_: Any) -> None:
        check_address_space()
        #: the evaluation limit in seconds (None: evaluate in process, without one)
        self.eval_timeout = _limits.eval_timeout(eval_timeout)
        import regopy  # deferred: loading the shared library costs time

        self._regopy = regopy
        self._interpreter = regopy.Interpreter()
        # rego-cpp prints parse errors to stdout unless told not to; we report
        # them ourselves, on one line.
        self._interpreter.log_level = regopy.LogLevel.NONE
        self._modules: dict[str, str] = {}
        self._loaded: list[PolicyModule] = []
        #: modules taken by `load` and not yet given to rego-cpp
        self._unparsed: list[PolicyModule] = []
        self._bundle: Any = None

    def _set_input(self, interpreter: Any, value: Any) -> None:
        # built through the C API: two to three times faster than rego-cpp parsing
        # the same value as JSON text, at every size measured (1 KB to 60 KB)
        interpreter.set_input(self._regopy.Input(_as_rego_strings(value)))

    # -- compiled bundles ------------------------------------------------------
    #
    # rego-cpp compiles every module again for each query. The decision, asked
    # once per batch, is answered from a bundle compiled once (and kept in the
    # cache, keyed by the modules, for the next run); other queries compile.

    def _decision_library_loaded(self) -> bool:
        return any(
            "package enforcer\n" in text and "\ndecide :=" in text and "\ndecisions :=" in text
            for text in self._modules.values()
        )

    def _compiled_bundle(self) -> Any:
        from enforcer import _cache

        regopy = self._regopy
        key = _cache.policy_key(self._loaded, "bundle", regopy.rego_version(), *_BUNDLED.values(), evaluated=False)
        name = f"{key}.rbb"
        cached = _cache.path(name)
        if cached is not None and _cache.intact(cached):
            # rego-cpp trusts a bundle file blindly (a damaged one crashes the
            # process), so only a file whose checksum matches is loaded
            try:
                return self._interpreter.load_bundle(str(cached), regopy.BundleFormat.Binary)
            except regopy.RegoError:
                pass  # an unreadable cache entry: compile again
        self.parse()
        try:
            bundle = self._interpreter.build(None, list(_BUNDLED.values()))
        except regopy.RegoError as error:
            raise PolicyCompileError(_describe_error(str(error), self._modules)) from None
        if not bundle.ok():
            raise PolicyCompileError("the policies do not compile on the embedded engine")
        temporary = _cache.temporary_path(name)
        if temporary is not None:
            try:
                self._interpreter.save_bundle(str(temporary), bundle, regopy.BundleFormat.Binary)
                _cache.publish(temporary, name, checksum=True)
            except regopy.RegoError:
                temporary.unlink(missing_ok=True)
        return bundle

    def describe(self) -> str:
        return f"embedded (rego-cpp {self._regopy.rego_version()})"

    def load(self, modules: Sequence[PolicyModule]) -> None:
        """Take the modules; rego-cpp parses them when a query first needs them.

        A check whose decision bundle and ban table are cached (both keyed by
        the module texts, written only once those texts compiled) never
        needs them: parsing them would be a tenth of a small check's time. A
        module that does not parse raises `PolicyCompileError` from the
        first query, or from the build of the decision bundle.
        """
        for module in modules:
            self._modules[module.path] = module.text
        self._unparsed.extend(modules)
        self._bundle = None
        self._loaded = [PolicyModule(path, text) for path, text in self._modules.items()]
        self._note_modules(self._loaded, replace=True)

    def parse(self) -> None:
        """Give rego-cpp every module taken by `load` (a test run forks children that need them parsed)."""
        while self._unparsed:
            module = self._unparsed.pop(0)
            try:
                self._interpreter.add_module(module.path, module.text)
            except self._regopy.RegoError as error:
                self._unparsed.clear()
                raise PolicyCompileError(_describe_error(str(error), self._modules)) from None

    def query(self, query: str, input: Any = None, *, bounded: bool = True) -> Any:
        value = self._answer(query, input, bounded)
        self.check_answer(query, value, source="embedded engine")
        return value

    def _answer(self, query: str, input: Any, bounded: bool = True) -> Any:
        entrypoint = _BUNDLED.get(query)
        if entrypoint is not None and self._decision_library_loaded():
            if self._bundle is None:
                self._bundle = self._compiled_bundle()
            return self._query_bundle(query, entrypoint, input, bounded)
        if input is None:
            split = self.policy_text().literal_split(query)
            if split is not None:
                value = self._split_query(query, *split)
                if value is not _UNANSWERED:
                    return value
        self.parse()
        return self._plain_query(self._interpreter, query, input)

    def _query_bundle(self, query: str, entrypoint: str, input: Any, bounded: bool = True) -> Any:
        shared = self._regopy.rego_shared
        interpreter, bundle = self._interpreter, self._bundle

        def steps() -> list[_Output]:
            if input is not None:
                self._set_input(interpreter, input)
            return [
                _output(
                    shared,
                    self._regopy,
                    shared.rego_bundle_query_entrypoint(interpreter._impl, bundle._impl, entrypoint),
                )
            ]

        [output] = self._evaluate(query, steps, bounded)
        return self._read_output(query, output)

    def _plain_query(self, interpreter: Any, query: str, input: Any) -> Any:
        """Evaluate a query (compiling the modules again, as rego-cpp does for each query)."""
        # rego-cpp answers "undefined" for a bare reference whose value is
        # `false` (OPA answers false): bind the value to a variable instead.
        wrapped = _REF.match(query) is not None
        text = f"{_BINDING} := {query}" if wrapped else query
        shared = self._regopy.rego_shared
        regopy = self._regopy

        def steps() -> list[_Output]:
            if input is not None:
                # a JSON text is parsed by rego-cpp's Rego parser, which is slow on
                # large inputs; for those, an input built through the C API is faster
                self._set_input(interpreter, input)
            try:
                impl = shared.rego_query(interpreter._impl, text)
            except regopy.RegoError as error:
                return [("raised", str(error))]
            return [_output(shared, regopy, impl)]

        [output] = self._evaluate(query, steps)
        return self._read_output(query, output, binding=_BINDING if wrapped else None)

    def _split_query(self, query: str, literals: list[str], rest: list[PolicyModule]) -> Any:
        """A partial set, as its literal members (read as arrays) with what the other modules give it.

        Each part is compiled and evaluated in an interpreter of its own (in
        child processes side by side, one per CPU at most): rego-cpp compiles
        the whole program for every query, so a small program per part is
        faster even on one CPU. `_UNANSWERED` when this way fails (a module
        that does not compile, an evaluation error): the query is then asked
        of the whole program, which reports the error at its place.
        """
        regopy = self._regopy
        shared = regopy.rego_shared
        binding_query = f"{_BINDING} := {query}"
        members_query = f"{_BINDING} := data.{_LITERALS}.members"

        def ask(modules: list[tuple[str, str]], text: str) -> Callable[[], list[_Output]]:
            def steps() -> list[_Output]:
                interpreter = regopy.Interpreter()
                interpreter.log_level = regopy.LogLevel.NONE
                try:
                    for path, source in modules:
                        interpreter.add_module(path, source)
                    impl = shared.rego_query(interpreter._impl, text)
                except regopy.RegoError as error:
                    return [("raised", str(error))]
                return [_output(shared, regopy, impl)]

            return steps

        parts = max(1, min(_cpus(), len(literals) // _LITERALS_PER_PART))
        size = -(-len(literals) // parts)
        jobs = [ask([(m.path, m.text) for m in rest], binding_query)]
        for start in range(0, len(literals), size):
            array = ",\n".join(literals[start : start + size])
            jobs.append(
                ask([(f"{_LITERALS}.rego", f"package {_LITERALS}\n\nmembers := [\n{array}\n]\n")], members_query)
            )
        try:
            outputs = self._evaluate_all(query, jobs)
        except _StoppedError:
            raise  # asking the whole program would take as long
        except EngineError:
            return _UNANSWERED  # a part crashed: the whole program may not
        values = []
        for [output] in outputs:
            try:
                values.append(self._read_output(query, output, binding=_BINDING))
            except EngineError:
                return _UNANSWERED
        others, members = values[0], values[1:]
        if not (others is None or isinstance(others, list)) or not all(isinstance(m, list) for m in members):
            return _UNANSWERED
        return _set_union(others or [], *members)

    # -- evaluation within a time limit --------------------------------------------

    def _evaluate(self, query: str, steps: Callable[[], list[_Output]], bounded: bool = True) -> list[_Output]:
        """Run `steps` (rego-cpp calls) in a child process within the time limit (in process without one)."""
        [outputs] = self._evaluate_all(query, [steps], bounded)
        return outputs

    def _evaluate_all(
        self, query: str, jobs: list[Callable[[], list[_Output]]], bounded: bool = True
    ) -> list[list[_Output]]:
        """Run each job in a child process of its own, side by side, all within the time limit.

        Without a limit (or without fork), or for a query the caller knows to
        end (`bounded=False`: the shipped decision library over its input),
        the jobs run here, one after the other.
        """
        limit = self.eval_timeout if bounded else None
        if limit is None or not hasattr(os, "fork"):
            return [job() for job in jobs]
        deadline = time.monotonic() + limit
        children: list[tuple[int, int]] = []
        statuses: list[int] = []
        finished = False
        try:
            for job in jobs:  # one at a time: a fork that fails leaves the others to be reaped
                children.append(_fork(job))  # noqa: PERF401
            data = _read_all([read for _, read in children], deadline)
            finished = True
        except TimeoutError:
            raise _StoppedError(
                f"embedded engine: {query}: evaluation stopped after {limit:g} s (ENFORCER_EVAL_TIMEOUT):"
                " a rule that never ends, or set the limit higher"
            ) from None
        finally:
            for pid, read in children:
                os.close(read)
                statuses.append(_reap(pid, kill=not finished))
        results = []
        for status, text in zip(statuses, data, strict=True):
            if os.WIFSIGNALED(status) or os.WEXITSTATUS(status) != 0 or not text:
                cause = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.WEXITSTATUS(status)}"
                raise EngineError(f"embedded engine: {query}: the evaluation crashed ({cause})")
            results.append([(str(kind), str(value)) for kind, value in orjson.loads(text)])
        return results

    def _read_output(self, query: str, output: _Output, *, binding: str | None = None) -> Any:
        """The value of a query's output, or None when undefined."""
        status, text = output
        if status != "ok" or "(errormsg" in text:
            raise EngineError(f"embedded engine: {query}: {_describe_error(text, self._modules)}")
        if text == "undefined":
            return None
        try:
            result = orjson.loads(text)
        except orjson.JSONDecodeError as error:
            at = int(getattr(error, "pos", 0) or 0)
            raise EngineError(
                f"embedded engine: {query}: unreadable result near {text[max(0, at - 60) : at + 20]!r}"
            ) from None
        if isinstance(result, list):
            result = result[0] if result else {}
        if binding is not None:
            return (result.get("bindings") or {}).get(binding)
        expressions = result.get("expressions") or []
        return expressions[0] if expressions else None


class _StoppedError(EngineError):
    """An evaluation stopped at the time limit (asking again another way would take as long)."""


#: `_split_query` could not answer
_UNANSWERED: Any = object()


#: literals per part of a large partial set (parts are compiled side by side)
_LITERALS_PER_PART = 1000


def _cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _fork(job: Callable[[], list[_Output]]) -> tuple[int, int]:
    """Start `job` in a child; its pid and the end of the pipe its outputs come through."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: evaluate, send the outputs, and leave without running any exit handler
        code = 0
        try:
            os.close(read)
            # rego-cpp's or a crash handler's messages must not reach the report or the terminal
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            payload = orjson.dumps(job())
            with os.fdopen(write, "wb") as stream:
                stream.write(payload)
        except BaseException:  # noqa: BLE001 - a child must never return into the caller's code
            code = 70
        os._exit(code)
    os.close(write)
    return pid, read


def _read_all(fds: list[int], deadline: float) -> list[bytes]:
    """Everything the children write to `fds` until they close them; TimeoutError at the deadline."""
    chunks: dict[int, list[bytes]] = {fd: [] for fd in fds}
    open_fds = set(fds)
    while open_fds:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        ready, _, _ = select.select(list(open_fds), [], [], remaining)
        for fd in ready:
            chunk = os.read(fd, 1 << 20)
            if chunk:
                chunks[fd].append(chunk)
            else:
                open_fds.discard(fd)
    return [b"".join(chunks[fd]) for fd in fds]


def _reap(pid: int, *, kill: bool) -> int:
    """The exit status of a child (killed first when it must not go on)."""
    if kill:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    _, status = os.waitpid(pid, 0)
    return status


def _output(shared: Any, regopy: Any, impl: Any) -> _Output:
    """A rego-cpp output as (status, text), freed here."""
    try:
        text = shared.rego_output_string(impl)
        ok = shared.rego_output_ok(impl)
        if not ok:
            text = _error_text(regopy, shared.rego_output_node(impl)) or text
    finally:
        shared.rego_free_output(impl)
    return ("ok" if ok else "error", text)


def _set_union(*parts: list[Any]) -> list[Any]:
    """The members of sets given as JSON arrays, each once (1 and 1.0 are one), in Rego's order."""
    seen: dict[bytes, Any] = {}
    for part in parts:
        for item in part:
            seen.setdefault(orjson.dumps(_canonical(item), option=orjson.OPT_SORT_KEYS), item)
    return sorted(seen.values(), key=_order)


def _canonical(value: Any) -> Any:
    """`value` with whole floats as integers (Rego compares numbers by value)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_canonical(item) for item in value]
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    return value


def _order(value: Any) -> tuple[Any, ...]:
    """Rego's order of values: null, booleans, numbers, strings, arrays, objects."""
    if value is None:
        return (0,)
    if isinstance(value, bool):
        return (1, value)
    if isinstance(value, int | float):
        return (2, value)
    if isinstance(value, str):
        return (3, value)
    if isinstance(value, list):
        return (4, tuple(_order(item) for item in value))
    if isinstance(value, dict):
        return (5, tuple((_order(key), _order(value[key])) for key in sorted(value)))
    return (6, str(value))


def _error_text(regopy: Any, node_impl: Any) -> str:
    """The S-expression of an error result (rego-cpp keeps it in the node tree)."""
    try:
        node = regopy.Node(node_impl)
        return "\n".join(node.at(i).json() for i in range(len(node)))
    except (regopy.RegoError, TypeError, ValueError):
        return ""


def _length_prefixed(text: str, start: int, length: int) -> str:
    return text[start : start + length]


def _describe_error(text: str, modules: dict[str, str]) -> str:
    """Turn rego-cpp's error S-expression into ``file:line:col: message``."""
    messages = []
    for match in _ERROR.finditer(text):
        length = int(match.group(1))
        name = _length_prefixed(text, match.end(), length)
        rest = text[match.end() + length :]
        location = name
        position = re.match(r"\|(\d+)\|(\d+)", rest)
        if position and name in modules:
            offset = int(position.group(1))
            source = modules[name]
            line = source.count("\n", 0, offset) + 1
            column = offset - (source.rfind("\n", 0, offset) + 1) + 1
            location = f"{name}:{line}:{column}"
        message = _MESSAGE.search(rest)
        detail = _length_prefixed(rest, message.end(), int(message.group(1))) if message else "error"
        messages.append(f"{location}: {detail}" if location else detail)
    if not messages:
        found = _MESSAGE.search(text)
        if found:
            return _length_prefixed(text, found.end(), int(found.group(1)))
        return text.strip().splitlines()[0] if text.strip() else "evaluation failed"
    return messages[0] + (f" (and {len(messages) - 1} more)" if len(messages) > 1 else "")


#: what JSON escapes in a string: a quote, a backslash, a control character
_ESCAPED = re.compile(r'["\\\x00-\x1f]')


def _as_rego_strings(value: Any) -> Any:
    """`value` with every string as rego-cpp keeps strings: in their JSON-escaped form.

    rego-cpp holds a string as the text between the quotes of its JSON form and
    writes it back out unchanged, so a string handed to the C API as it is (a
    component named `a "b"`) would come back as broken JSON; the JSON text
    parser escapes it first. This gives the C API what that parser would.
    """
    if isinstance(value, str):
        return orjson.dumps(value)[1:-1].decode() if _ESCAPED.search(value) else value
    if isinstance(value, dict):
        return {_as_rego_strings(key): _as_rego_strings(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_as_rego_strings(item) for item in value]
    return value
