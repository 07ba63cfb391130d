"""The embedded engine: rego-cpp in process, through `regopy`.

No server and no binary: the default. rego-cpp differs from OPA in a few
places that the shipped policies avoid and `enforcer policy check` warns about
(see `enforcer.engine.portability`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import orjson

from enforcer._errors import EngineError, PolicyCompileError
from enforcer.engine.interface import PolicyEngine, PolicyModule

_ERROR = re.compile(r"\(error (\d+):")
_MESSAGE = re.compile(r"\(errormsg (\d+):")
#: a plain reference such as data.enforcer.decide (dots and quoted brackets only)
_REF = re.compile(r'^(?:data|input)(?:\.[A-Za-z_][A-Za-z0-9_]*|\["[^"\\]*"\])*$')
_BINDING = "__enforcer_value"
#: queries answered from a compiled bundle: query -> bundle entrypoint
_BUNDLED = {"data.enforcer.decide": "enforcer/decide", "data.enforcer.decisions": "enforcer/decisions"}


class EmbeddedEngine(PolicyEngine):
    """rego-cpp, in process."""

    name = "embedded"
    # rego-cpp stops a query after a fixed number of statements ("Maximum
    # statement count reached"): large result sets are decided in batches.
    decide_batch = 2000

    def __init__(self) -> None:
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

    def _set_input(self, value: Any) -> None:
        text = orjson.dumps(value)
        if len(text) < 1 << 16:
            self._interpreter.set_input_term(text.decode())
        else:
            self._interpreter.set_input(self._regopy.Input(value))

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

    def _query_bundle(self, query: str, entrypoint: str) -> Any:
        if self._bundle is None:
            self._bundle = self._compiled_bundle()
        shared = self._regopy.rego_shared
        impl = shared.rego_bundle_query_entrypoint(self._interpreter._impl, self._bundle._impl, entrypoint)
        return self._read_output(query, impl)

    def _compiled_bundle(self) -> Any:
        from enforcer import _cache

        regopy = self._regopy
        name = f"{_cache.policy_key(self._loaded, 'bundle', regopy.rego_version(), *_BUNDLED.values())}.rbb"
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

    def parse(self) -> None:
        """Give rego-cpp every module taken by `load` (a test run forks children that need them parsed)."""
        while self._unparsed:
            module = self._unparsed.pop(0)
            try:
                self._interpreter.add_module(module.path, module.text)
            except self._regopy.RegoError as error:
                self._unparsed.clear()
                raise PolicyCompileError(_describe_error(str(error), self._modules)) from None

    def query(self, query: str, input: Any = None) -> Any:
        shared = self._regopy.rego_shared
        if input is not None:
            # a JSON text is parsed by rego-cpp's Rego parser, which is slow on
            # large inputs; for those, an input built through the C API is faster
            self._set_input(input)
        entrypoint = _BUNDLED.get(query)
        if entrypoint is not None and self._decision_library_loaded():
            return self._query_bundle(query, entrypoint)
        self.parse()
        # rego-cpp answers "undefined" for a bare reference whose value is
        # `false` (OPA answers false): bind the value to a variable instead.
        wrapped = _REF.match(query) is not None
        try:
            impl = shared.rego_query(self._interpreter._impl, f"{_BINDING} := {query}" if wrapped else query)
        except self._regopy.RegoError as error:
            raise EngineError(f"embedded engine: {query}: {_describe_error(str(error), self._modules)}") from None
        return self._read_output(query, impl, binding=_BINDING if wrapped else None)

    def _read_output(self, query: str, impl: Any, *, binding: str | None = None) -> Any:
        """The value of a query's output (freed here), or None when undefined."""
        shared = self._regopy.rego_shared
        try:
            text = shared.rego_output_string(impl)
            ok = shared.rego_output_ok(impl)
            if not ok:
                text = _error_text(self._regopy, shared.rego_output_node(impl)) or text
        finally:
            shared.rego_free_output(impl)
        if not ok or "(errormsg" in text:
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


def _error_in_output(text: str) -> str:
    found = _MESSAGE.search(text)
    return _length_prefixed(text, found.end(), int(found.group(1))) if found else "the result holds an error"
