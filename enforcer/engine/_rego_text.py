"""What the text of a Rego module says about its rules, without an engine.

A small lexer (strings, raw strings, comments, brackets) and a reader of the
top-level statements: enough to tell

- which rules a module always defines: a partial set (`name contains ...`)
  or a rule with a `default` has a value whenever the module is loaded, so
  an engine that answers "undefined" for it is not evaluating these modules;
- which members of a partial set are literals (`bans contains {...}` with
  nothing that refers to anything): such a member is in the set whatever
  else the program holds.

Anything the reader does not follow (template strings, a statement it does
not recognise) makes it answer "nothing known" for that module, never guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from enforcer.engine.interface import PolicyModule

_TOKEN = re.compile(
    r"""
    (?P<space>[ \t\r\n]+)
    |(?P<comment>\#[^\n]*)
    |(?P<str>"(?:[^"\\\n]|\\.)*")
    |(?P<raw>`[^`]*`)
    |(?P<num>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)
    |(?P<ident>[A-Za-z_][A-Za-z0-9_]*)
    |(?P<punct>:=|==|!=|<=|>=|[{}\[\](),;:.=<>+\-*/%|&])
    """,
    re.VERBOSE,
)
#: inside a bracket group: what may make it other than a literal, and the brackets
_INNER = re.compile(
    r"""
    (?P<str>"(?:[^"\\\n]|\\.)*"|`[^`]*`)
    |(?P<comment>\#[^\n]*)
    |(?P<num>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)
    |(?P<ident>[A-Za-z_][A-Za-z0-9_]*)
    |(?P<open>[{\[(])
    |(?P<close>[}\])])
    |(?P<other>[^\s,:\-])
    """,
    re.VERBOSE,
)
_OPEN = {"{", "[", "("}
_CLOSE = {"}", "]", ")"}
_LITERAL_WORDS = {"true", "false", "null"}


class Token(NamedTuple):
    """A top-level token, or a whole bracket group (kind "group")."""

    kind: str  # str, raw, num, ident, punct, group
    start: int
    end: int
    #: the first token on its line
    line_start: bool
    #: a group holding only literals (strings, numbers, true, false, null, brackets, commas, colons, minus signs)
    literal: bool = False


def tokens(text: str) -> list[Token] | None:
    """The top-level tokens of a module, each bracket group as one (None: it holds what this lexer does not know)."""
    found: list[Token] = []
    append = found.append
    position = 0
    line_start = True
    length = len(text)
    while position < length:
        match = _TOKEN.match(text, position)
        if match is None:
            return None  # a character no token starts with
        start, end = match.span()
        kind = match.lastgroup or ""
        if kind == "space":
            if "\n" in match.group():
                line_start = True
        elif kind != "comment":
            value = match.group()
            if value in _CLOSE:
                return None  # closes nothing
            if value in _OPEN:
                group = _group(text, start)
                if group is None:
                    return None
                end, literal = group
                append(Token("group", start, end, line_start, literal))
            else:
                append(Token(kind, start, end, line_start))
            line_start = False
        position = end
    return found


def _group(text: str, start: int) -> tuple[int, bool] | None:
    """Where the bracket group opening at `start` ends, and whether it holds only literals."""
    depth = 0
    literal = text[start] != "("
    for match in _INNER.finditer(text, start):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
            literal = literal and match.group() != "("
        elif kind == "close":
            depth -= 1
            if depth == 0:
                return match.end(), literal
        elif kind == "ident":
            literal = literal and match.group() in _LITERAL_WORDS
        elif kind == "other":
            literal = False
            if match.group() == '"':
                return None  # a string that does not end on its line
    return None


@dataclass(frozen=True, slots=True)
class Statement:
    """A top-level statement: its tokens."""

    tokens: list[Token]


def statements(text: str, found: list[Token]) -> list[Statement]:
    """Split the tokens at every token that starts a line."""
    result: list[Statement] = []
    for token in found:
        if token.line_start or not result:
            result.append(Statement([token]))
        else:
            result[-1].tokens.append(token)
    return result


@dataclass(frozen=True, slots=True)
class ModuleShape:
    """What the reader found in one module."""

    package: str | None
    #: (rule name, kind): contains, default, or other
    heads: tuple[tuple[str, str], ...]
    #: the literal members of partial sets: (rule name, (start, end) of the term)
    literals: tuple[tuple[str, tuple[int, int]], ...]
    #: True when every statement besides `package` and plain imports is a literal member
    only_literals: bool


_UNKNOWN = ModuleShape(None, (), (), False)


def shape(text: str) -> ModuleShape:
    """Read a module's statements (its package, rule heads and literal members)."""
    found = tokens(text)
    if not found:
        return _UNKNOWN
    parts = statements(text, found)
    first = parts[0].tokens
    package = _path(text, first[1:]) if _word(text, first[0]) == "package" else None
    if package is None:
        return _UNKNOWN
    heads: list[tuple[str, str]] = []
    literals: list[tuple[str, tuple[int, int]]] = []
    only_literals = True
    for part in parts[1:]:
        toks = part.tokens
        head = _word(text, toks[0])
        if head == "import":
            if not _plain_import(text, toks[1:]):
                only_literals = False
            continue
        if toks[0].kind != "ident":
            return _UNKNOWN
        second = _word(text, toks[1]) if len(toks) > 1 else ""
        if head == "default" and len(toks) > 2 and toks[1].kind == "ident":
            after = _word(text, toks[2])
            heads.append((second, "default" if after in (":=", "=") else "other"))
            only_literals = False
        elif second == "contains":
            heads.append((head, "contains"))
            term = _literal_term(text, toks[2:])
            if term is None:
                only_literals = False
            else:
                literals.append((head, term))
        else:
            heads.append((head, "other"))
            only_literals = False
    return ModuleShape(package, tuple(heads), tuple(literals), only_literals)


def _word(text: str, token: Token) -> str:
    return text[token.start : token.end]


def _path(text: str, toks: Sequence[Token]) -> str | None:
    """`a.b.c` from the tokens of a dotted path of plain names (None otherwise)."""
    words = [_word(text, token) for token in toks]
    if not words or len(words) % 2 == 0:
        return None
    for number, word in enumerate(words):
        if number % 2 == 0 and not (toks[number].kind == "ident"):
            return None
        if number % 2 == 1 and word != ".":
            return None
    return "".join(words)


def _plain_import(text: str, toks: Sequence[Token]) -> bool:
    """`import rego.v1` or `import future.keywords[.x]`: imports that name no rule or document."""
    path = _path(text, toks)
    return path is not None and (path == "rego.v1" or path == "future.keywords" or path.startswith("future.keywords."))


def _literal_term(text: str, toks: Sequence[Token]) -> tuple[int, int] | None:
    """Where the term is, when `toks` are exactly one term made of literals only."""
    if len(toks) == 1:
        token = toks[0]
        if token.kind == "group":
            return (token.start, token.end) if token.literal else None
        if token.kind in ("str", "raw", "num") or _word(text, token) in _LITERAL_WORDS:
            return (token.start, token.end)
        return None
    if len(toks) == 2 and _word(text, toks[0]) == "-" and toks[1].kind == "num":
        return (toks[0].start, toks[1].end)
    return None


# -- over a set of modules -------------------------------------------------------


_SIMPLE_REF = re.compile(r"^data((?:\.[A-Za-z_][A-Za-z0-9_]*)+)$")


def split_ref(query: str) -> tuple[str, str] | None:
    """``data.a.b.rule`` -> (``a.b``, ``rule``); None for anything else."""
    match = _SIMPLE_REF.match(query.strip())
    if match is None:
        return None
    path = match.group(1)[1:]
    package, _, rule = path.rpartition(".")
    return (package, rule) if package else None


class PolicyText:
    """The shapes of a set of modules, read once."""

    def __init__(self, modules: Iterable[PolicyModule]) -> None:
        self.modules = list(modules)
        self.shapes = [shape(module.text) for module in self.modules]

    def always_defined(self, query: str) -> bool:
        """True when some module makes `query` a partial set or gives it a default."""
        parts = split_ref(query)
        if parts is None:
            return False
        package, rule = parts
        return any(
            found.package == package and (rule, kind) in found.heads
            for found in self.shapes
            for kind in ("contains", "default")
        )

    def literal_members(self, query: str) -> int:
        """How many literal members (`rule contains {...}`) the modules give the partial set `query`."""
        parts = split_ref(query)
        if parts is None:
            return 0
        package, rule = parts
        return sum(1 for found in self.shapes if found.package == package for name, _ in found.literals if name == rule)

    def literal_split(self, query: str) -> tuple[list[str], list[PolicyModule]] | None:
        """The literal members of `query` from modules that hold nothing else, and every other module.

        The value of a partial set is the union of what its rules give. A
        module holding only literal members of `query` defines nothing any
        other rule can read (save `query` itself, which its own rules may not
        read), so the set is: those literals, together with the value of
        `query` over the other modules. None when no module is of that kind.
        """
        parts = split_ref(query)
        if parts is None:
            return None
        package, rule = parts
        literals: list[str] = []
        rest: list[PolicyModule] = []
        for module, found in zip(self.modules, self.shapes, strict=True):
            if (
                found.only_literals
                and found.package == package
                and found.literals
                and all(name == rule for name, _ in found.literals)
            ):
                literals.extend(module.text[start:end] for _, (start, end) in found.literals)
            else:
                rest.append(module)
        if not literals:
            return None
        # another way of defining the same document in the other modules
        # (`rule := ...`, a default, a package below it) is a conflict that
        # only the whole program reports
        known = {id(module) for module in rest}
        for module, found in zip(self.modules, self.shapes, strict=True):
            if id(module) in known and _may_conflict(found, package, rule):
                return None
        return literals, rest


def _may_conflict(found: ModuleShape, package: str, rule: str) -> bool:
    """True when a module may define `data.package.rule` other than as partial set members."""
    if found.package is None:
        return True  # not read: it may define anything
    full = f"{package}.{rule}"
    if found.package == full or found.package.startswith(full + "."):
        return True
    if found.package == package:
        return any(name == rule and kind != "contains" for name, kind in found.heads)
    if full.startswith(found.package + "."):
        return any(
            full == f"{found.package}.{name}" or full.startswith(f"{found.package}.{name}.") for name, _ in found.heads
        )
    return False
