"""Rego that behaves differently on the embedded engine and on OPA, and a verdict for every ban.

The embedded engine (rego-cpp, through `regopy`) and Open Policy Agent agree
on the Rego the shipped policies use; the tests compare them on every
verdict. Elsewhere they differ, and a policy that relies on OPA's behaviour
silently decides differently in process. Two guards keep that visible, used
by `enforcer policy check` (`enforcer.policy.lint`):

- `scan_modules` reads the policy text and points at constructs known to
  differ (file:line), as errors (the result differs or the engine crashes)
  or warnings (the result differs for some values only);
- `decision_problems` asks the engine for a verdict on every ban, on every
  phase date and for several kinds of component, so an undefined built-in or
  a rule conflict that surfaces only at query time shows up in `enforcer
  policy check` rather than in a run.

A warning that was checked by hand is silenced by a ``# enforcer: portable``
comment on its line or above it in the same paragraph (no blank line between),
for instance before the rule.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import msgspec

from enforcer._errors import EnforcerError
from enforcer.engine.interface import PolicyEngine, PolicyModule

Severity = Literal["error", "warning"]

#: Marks a line checked by hand.
PORTABLE_MARK = "# enforcer: portable"


@dataclass(frozen=True, slots=True)
class PortabilityIssue:
    """A construct that behaves differently on the embedded engine."""

    path: str
    line: int
    rule: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} [{self.rule}]"


# -- reading the policy text ---------------------------------------------------

_STRING = r'"(?:[^"\\\n]|\\.)*"|`[^`]*`'
_REGEX_CALL = re.compile(r"\bregex\.[a-z_]+\(\s*(" + _STRING + ")")
_SPRINTF = re.compile(r"\bsprintf\(\s*(" + _STRING + ")")
_WIDTH = re.compile(r"%[-+ #0]*[1-9][0-9]*[a-zA-Z]|%[-+ #0]+[a-zA-Z]")


@dataclass(frozen=True, slots=True)
class _Check:
    rule: str
    severity: Severity
    pattern: re.Pattern[str]
    message: str


_CHECKS = (
    _Check(
        "with-input",
        "error",
        re.compile(r"\bwith\s+input\s+as\b"),
        "`with input as` crashes the embedded engine (rego-cpp 1.5) when a rule it reaches calls a built-in"
        " on input; replace input key by key (`with input.as_of as ...`)",
    ),
    _Check(
        "case-fold",
        "warning",
        re.compile(r"(?<![\w.])(?:lower|upper)\("),
        "lower()/upper() change only ASCII letters on the embedded engine; compare the enforcer's"
        " normalised keys, or ASCII text",
    ),
    _Check(
        "object-union",
        "warning",
        re.compile(r"\bobject\.union(?:_n)?\("),
        "object.union merges nested objects on OPA but replaces them on the embedded engine;"
        " keep the merged objects flat",
    ),
    _Check(
        "time-format",
        "warning",
        re.compile(r"\btime\.format\("),
        "time.format prints nanoseconds on the embedded engine; build dates with time.date() instead",
    ),
    _Check(
        "trim-space",
        "warning",
        re.compile(r"\btrim_space\("),
        "trim_space keeps Unicode spaces (such as U+00A0) on the embedded engine",
    ),
)


def scan_modules(modules: Sequence[PolicyModule]) -> list[PortabilityIssue]:
    """Every construct in the modules known to behave differently on the embedded engine."""
    issues: list[PortabilityIssue] = []
    for module in modules:
        text = code_only(module.text)
        add = _Collector(issues, module.path, text, module.text.splitlines())
        bare = code_only(module.text, strings=False)
        for check in _CHECKS:
            for match in check.pattern.finditer(bare):
                add(match.start(), check.rule, check.severity, check.message)
        for match in _REGEX_CALL.finditer(text):
            if re.search(r"\(\?[a-zA-Z]", match.group(1)):
                add(
                    match.start(),
                    "regex-flags",
                    "error",
                    "inline regex flags such as (?i) are not supported by the embedded engine (the call is"
                    " undefined there); match the lower-cased text with a lower-case pattern instead",
                )
        for match in _SPRINTF.finditer(text):
            form = match.group(1)
            if "%q" in form:
                add(match.start(), "sprintf-q", "error", "sprintf %q is printed literally by the embedded engine")
            if _WIDTH.search(form.replace("%%", "")):
                add(
                    match.start(),
                    "sprintf-width",
                    "error",
                    "sprintf widths and flags (%5s, %-8v, %05d) are ignored by the embedded engine",
                )
            if "%d" in form:
                add(
                    match.start(),
                    "sprintf-d",
                    "warning",
                    "sprintf %d is undefined on the embedded engine for a number that comes from a division"
                    " (even a whole one); use %v with round()",
                )
            arguments = _call_arguments(text, match.start() + len("sprintf"))
            if re.search(r"(?<![\w.])concat\(", arguments):
                add(
                    match.start(),
                    "sprintf-concat",
                    "error",
                    "the embedded engine wraps a concat() result in quotes inside sprintf (and the result"
                    " cannot be read); build the whole string with concat()",
                )
        rules = {match.group(1) for match in _RULE_HEAD.finditer(text)}
        for match in _WITH_AS.finditer(text):
            value = match.group(1)
            if value.startswith("data.") or re.split(r"[.\[]", value, maxsplit=1)[0] in rules:
                add(
                    match.start(),
                    "with-rule",
                    "error",
                    f"`with ... as {value}` takes a rule: the embedded engine then replaces the value with nothing;"
                    f" bind it to a local variable first (`v := {value}`, then `with ... as v`)",
                )
        for offset in _pairs_in_comprehensions(text):
            add(
                offset,
                "comprehension-some-pair",
                "error",
                "`some k, v in xs` inside a comprehension does not parse on the embedded engine (Invalid"
                " collection); write `v := xs[k]` instead",
            )
    issues.extend(_arity_clashes(modules))
    issues.sort(key=lambda issue: (issue.path, issue.line, issue.rule))
    return issues


_FUNCTION_HEAD = re.compile(r"^([A-Za-z_]\w*)\(([^()\n]*)\)\s*(?::=|=|if\b|\{)", re.MULTILINE)
_PACKAGE = re.compile(r"^package\s+([\w.]+)", re.MULTILINE)


def _arity_clashes(modules: Sequence[PolicyModule]) -> list[PortabilityIssue]:
    """Functions of one name with different numbers of arguments in different packages.

    OPA keeps them apart; rego-cpp compiles the whole program at once and
    fails on them ("Unable to unify due to cycle") or crashes.
    """
    arities: dict[str, dict[int, tuple[str, str, int]]] = {}
    for module in modules:
        text = code_only(module.text)
        package_match = _PACKAGE.search(text)
        package = package_match.group(1) if package_match else ""
        for match in _FUNCTION_HEAD.finditer(text):
            name, arguments = match.group(1), match.group(2).strip()
            arity = len([a for a in arguments.split(",") if a.strip()]) if arguments else 0
            line = text.count("\n", 0, match.start()) + 1
            arities.setdefault(name, {}).setdefault(arity, (package, module.path, line))
    issues = []
    for name, by_arity in arities.items():
        packages = {package for package, _, _ in by_arity.values()}
        if len(by_arity) > 1 and len(packages) > 1:
            for arity, (package, path, line) in sorted(by_arity.items()):
                others = ", ".join(f"{p}.{name}/{a}" for a, (p, _, _) in sorted(by_arity.items()) if a != arity)
                issues.append(
                    PortabilityIssue(
                        path,
                        line,
                        "function-arity",
                        "error",
                        f"{package}.{name}/{arity} shares its name with {others}: the embedded engine fails"
                        ' ("Unable to unify due to cycle") or crashes on functions of one name with different'
                        " numbers of arguments; rename one",
                    )
                )
    return issues


_RULE_HEAD = re.compile(r"^([A-Za-z_]\w*)\s*(?:\(|:=|=|contains\b|if\b|\{|\[)", re.MULTILINE)
_WITH_AS = re.compile(r"\bwith\s+[\w.\[\]\"]+\s+as\s+([A-Za-z_][\w.]*(?:\[[^\]]*\])?)(?!\s*[(\[{])")
_SOME_PAIR = re.compile(r"\bsome\s+[A-Za-z_]\w*\s*,\s*[A-Za-z_]\w*\s+in\b")


def _pairs_in_comprehensions(text: str) -> list[int]:
    """Offsets of `some k, v in` whose innermost bracket is a comprehension (holds a `|`)."""
    found: list[int] = []
    starts = {match.start() for match in _SOME_PAIR.finditer(text)}
    if not starts:
        return found
    # each open bracket: [its character, whether a `|` came at its own depth]
    stack: list[list[Any]] = []
    quote = ""
    for position, char in enumerate(text):
        if quote:
            if char == quote and (quote == "`" or text[position - 1] != "\\"):
                quote = ""
            continue
        if char in '"`':
            quote = char
        elif char in "[{(":
            stack.append([char, False])
        elif char in "]})":
            if stack:
                stack.pop()
        elif char == "|" and stack and stack[-1][0] in "[{":
            stack[-1][1] = True
        elif position in starts and stack and stack[-1][1]:
            found.append(position)
    return found


@dataclass(frozen=True, slots=True)
class _Collector:
    """Adds an issue at a text offset, unless a warning's line is marked portable."""

    issues: list[PortabilityIssue]
    path: str
    text: str
    lines: list[str]

    def __call__(self, offset: int, rule: str, severity: Severity, message: str) -> None:
        line = self.text.count("\n", 0, offset) + 1
        if severity == "warning" and _marked(self.lines, line):
            return
        self.issues.append(PortabilityIssue(self.path, line, rule, severity, message))


def code_only(text: str, *, strings: bool = True) -> str:
    """The text with comments (and, unless `strings`, the insides of strings) blanked out.

    Offsets and line numbers stay those of the original text.
    """
    out: list[str] = []
    position = 0
    length = len(text)
    while position < length:
        char = text[position]
        if char == '"':
            end = position + 1
            while end < length and text[end] not in '"\n':
                end += 2 if text[end] == "\\" else 1
            out.append(text[position : end + 1] if strings else _blank(text[position : end + 1]))
            position = end + 1
        elif char == "`":
            end = text.find("`", position + 1)
            end = length - 1 if end < 0 else end
            out.append(text[position : end + 1] if strings else _blank(text[position : end + 1]))
            position = end + 1
        elif char == "#":
            end = text.find("\n", position)
            end = length if end < 0 else end
            out.append(" " * (end - position))
            position = end
        else:
            out.append(char)
            position += 1
    return "".join(out)[:length]


def _blank(literal: str) -> str:
    """A string literal with its inside replaced by spaces (newlines kept)."""
    inside = "".join("\n" if char == "\n" else " " for char in literal[1:-1])
    return literal[:1] + inside + literal[-1:] if len(literal) > 1 else literal


def _call_arguments(text: str, open_at: int) -> str:
    """The text between the parenthesis at `open_at` and its partner."""
    depth = 0
    for position in range(open_at, len(text)):
        char = text[position]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return text[open_at + 1 : position]
    return text[open_at + 1 :]


def _marked(lines: list[str], line: int) -> bool:
    """True when the line, or a line above it in the same paragraph, carries the portable mark."""
    for number in range(min(line, len(lines)) - 1, -1, -1):
        text = lines[number]
        if PORTABLE_MARK in text:
            return True
        if not text.strip():
            return False
    return False


# -- asking the engine for a verdict on every ban -------------------------------


def decision_problems(
    engine: PolicyEngine, bans: Sequence[Any], waivers: Sequence[Any] = (), *, today: dt.date | None = None
) -> list[str]:
    """Problems found by deciding a finding of every ban, before, during and after its phases.

    Each enabled ban gets an exact and a weak (product-name) finding; they are
    decided today, on a date before every phase and on one after every phase
    started (three queries: rego-cpp compiles the program again for each). A
    finding without a well-formed decision means a rule is undefined on this
    engine (or conflicts): the ban would never be reported.
    """
    from enforcer.decide import DECIDE_QUERY

    enabled = [ban for ban in bans if ban.enabled]
    if not enabled:
        return []
    starts = [phase.from_ for ban in enabled for phase in ban.phases]
    dates = {today or dt.datetime.now(dt.UTC).date(), min(starts) - dt.timedelta(days=1), max(starts)}
    component = {"ref": "policy-check", "name": "policy-check", "purl": ""}
    findings = [
        {
            "id": f"{ban.id}|{confidence}|{kind}",
            "ban": ban.id,
            "confidence": confidence,
            "kind": kind,
            "product": False,
            "excluded": "",
            "evidence": [
                {"role": "supplier", "party": "organization", "matcher": "organization", "confidence": confidence}
            ],
            "component": component,
        }
        for ban in enabled
        for confidence in ("exact", "weak")
        for kind in ("unknown", "library", "device")
    ]
    waiver_input = msgspec.to_builtins(waivers)
    problems: list[str] = []
    reported: set[str] = set()
    for date in sorted(dates):
        request = {
            "as_of": date.isoformat(),
            "scopes": [],
            "warn_days": 90,
            "findings": findings,
            "waivers": waiver_input,
        }
        try:
            decisions = engine.query(DECIDE_QUERY, request)
        except EnforcerError as error:
            problems.append(f"{DECIDE_QUERY} on {date}: {error}")
            break
        if not isinstance(decisions, dict):
            problems.append(f"{DECIDE_QUERY} on {date}: undefined on the {engine.name} engine (expected an object)")
            break
        for finding in findings:
            decision = decisions.get(finding["id"])
            ban_id = finding["ban"]
            if ban_id in reported:
                continue
            if not _well_formed(decision):
                reported.add(ban_id)
                problems.append(
                    f"ban {ban_id!r}: decide: no well-formed decision on {date} for a {finding['confidence']} match"
                    f" of {finding['kind']} kind"
                    f" on the {engine.name} engine (a rule or built-in is undefined there):"
                    f" {json.dumps(decision)[:120]}"
                )
    return problems


def _well_formed(decision: Any) -> bool:
    return (
        isinstance(decision, dict)
        and decision.get("verdict") in ("deny", "warn", "allow")
        and isinstance(decision.get("reason"), str)
        and isinstance(decision.get("in_scope"), bool)
    )
