"""Where the embedded engine (rego-cpp) and OPA differ, and the guards that say so."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import msgspec
import pytest

from enforcer._models import Ban
from enforcer.engine.embedded import EmbeddedEngine
from enforcer.engine.interface import PolicyModule
from enforcer.engine.opa_cli import OpaCliEngine
from enforcer.policy import find_modules
from enforcer.policy.portability import decision_problems, scan_modules
from enforcer.policy.testing import discover_tests
from tests.conftest import POLICIES

# -- the guard: what `scan_modules` flags ---------------------------------------------

SCAN_CASES = [
    ("regex-i", "r if regex.match(`(?i)^kaspersky`, input.name)", ["regex-flags"]),
    ("regex-plain", "r if regex.match(`^kaspersky`, input.name)", []),
    ("regex-flag-in-comment", "r if regex.match(`^a`, input.name) # not (?i)", []),
    ("sprintf-q", 'r := sprintf("%q", [input.name])', ["sprintf-q"]),
    ("sprintf-width", 'r := sprintf("%-10s|", [input.name])', ["sprintf-width"]),
    ("sprintf-percent", 'r := sprintf("100%% %s", [input.name])', []),
    ("sprintf-d", 'r := sprintf("%d days", [input.days])', ["sprintf-d"]),
    ("sprintf-concat", 'r := sprintf("%s!", [concat(", ", input.names)])', ["sprintf-concat"]),
    (
        "sprintf-concat-multiline",
        'r := sprintf("%s: %s", [\n\tinput.a,\n\tconcat(",", input.b),\n])',
        ["sprintf-concat"],
    ),
    ("concat-alone", 'r := concat("", ["a", concat(",", input.b)])', []),
    ("lower", "r := lower(input.name)", ["case-fold"]),
    ("upper", "r := upper(input.name)", ["case-fold"]),
    ("lower-in-string", 'r := "lower(x)"', []),
    ("object-union", "r := object.union(input.a, input.b)", ["object-union"]),
    ("object-union-marked", "# enforcer: portable: flat objects\nr := object.union(input.a, input.b)", []),
    ("time-format", "r := time.format(time.now_ns())", ["time-format"]),
    ("trim-space", "r := trim_space(input.name)", ["trim-space"]),
    ("with-input", "t if {\n\tr with input as {}\n}\nr := 1", ["with-input"]),
    ("with-input-key", "t if {\n\tr with input.name as 1\n}\nr := 1", []),
    ("with-rule", "v := 1\nt if {\n\tr with input.name as v\n}\nr := 1", ["with-rule"]),
    ("with-data-ref", "t if {\n\tr with input.name as data.x.v\n}\nr := 1", ["with-rule"]),
    ("with-local", "t if {\n\tw := 1\n\tr with input.name as w\n}\nr := 1", []),
    ("some-pair-in-comprehension", "r := [k | some k, v in input.x; v]", ["comprehension-some-pair"]),
    ("some-pair-in-body", "r if {\n\tsome k, v in input.x\n\tv == k\n}", []),
]


@pytest.mark.parametrize(("body", "rules"), [case[1:] for case in SCAN_CASES], ids=[case[0] for case in SCAN_CASES])
def test_scan_flags(body: str, rules: list[str]) -> None:
    issues = scan_modules([PolicyModule("p.rego", f"package p\n\nimport rego.v1\n\n{body}\n")])
    assert [issue.rule for issue in issues] == rules
    for issue in issues:
        assert issue.path == "p.rego" and issue.line >= 5
        assert str(issue).startswith(f"p.rego:{issue.line}: ")


def test_scan_names_the_line() -> None:
    text = 'package p\n\nimport rego.v1\n\na := 1\n\nb := sprintf("%q", [a])\n'
    (issue,) = scan_modules([PolicyModule("dir/p.rego", text)])
    assert (issue.path, issue.line, issue.severity) == ("dir/p.rego", 7, "error")


def test_the_shipped_policies_have_no_portability_errors() -> None:
    issues = scan_modules(find_modules([POLICIES]))
    assert [str(issue) for issue in issues if issue.severity == "error"] == []


def test_the_decision_library_tests_run_on_both_engines() -> None:
    issues = scan_modules(find_modules([POLICIES / "enforcer"], tests=True))
    assert [str(issue) for issue in issues] == []


# -- the differences themselves, proven on both engines ------------------------------------
#
# Each case is a rule value; the test evaluates every case on the embedded
# engine and on the opa binary and checks where they agree and where they
# differ as the README says. A case that starts to agree means rego-cpp
# changed: update the README and the guard.

# (id, Rego expression, value on OPA, value on the embedded engine or SAME)
SAME = object()
ENGINE_CASES = [
    ("regex-i-flag", 'regex.match(`(?i)^abc$`, "ABC")', True, None),
    ("lower-non-ascii", 'lower("ÄÖ Straße")', "äö straße", "ÄÖ straße"),
    ("upper-non-ascii", 'upper("éa")', "ÉA", "éA"),
    ("sprintf-d-division", 'sprintf("%d", [10 / 2])', "5", None),
    ("sprintf-d-round", 'sprintf("%d", [round(10 / 2)])', "5", SAME),
    ("sprintf-q", 'sprintf("%q", ["x"])', '"x"', "%q"),
    ("sprintf-width", 'sprintf("%5s|", ["ab"])', "   ab|", "ab|"),
    ("sprintf-array", 'sprintf("%s", [["a", "b"]])', '["a", "b"]', ""),
    ("sprintf-call-argument", 'sprintf("<%s>", [trim("x", " ")])', "<x>", SAME),
    ("object-union-nested", 'object.union({"a": {"b": 1}}, {"a": {"c": 2}})', {"a": {"b": 1, "c": 2}}, {"a": {"c": 2}}),
    ("trim-space-nbsp", 'trim_space("\\u00a0x\\u00a0")', "x", "\u00a0x\u00a0"),
    ("regex-dot-non-ascii", 'regex.match("^.$", "ä")', True, False),
    ("string-order", '"a" < "b"', True, SAME),
    ("false-value", "1 > 2", False, SAME),
    ("date-compare", '"2024-07-19" < "2024-07-20"', True, SAME),
    ("parse-date", 'time.parse_ns("2006-01-02", "2024-07-20")', 1721433600000000000, SAME),
    ("days-round", "round((1721433600000000000 - 1717200000000000000) / 86400000000000)", 49, SAME),
    ("indexof-n-unicode", 'indexof_n("ä.b/c", ".")', [1], SAME),
    ("substring-unicode", 'substring("äbc", 1, 1)', "b", SAME),
    ("array-slice-past-end", "array.slice([1, 2], 1, 9)", [2], SAME),
]


def _module() -> str:
    rules = "\n".join(f"r_{number} := {expression}" for number, (_, expression, _, _) in enumerate(ENGINE_CASES))
    return f"package differences\n\nimport rego.v1\n\n{rules}\n"


@pytest.fixture(scope="module")
def opa_values(opa_binary: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    file = tmp_path_factory.mktemp("differences") / "differences.rego"
    file.write_text(_module(), encoding="utf-8")
    completed = subprocess.run(
        [opa_binary, "eval", "--format", "json", "--data", str(file), "data.differences"],
        capture_output=True,
        check=True,
    )
    value: dict[str, object] = json.loads(completed.stdout)["result"][0]["expressions"][0]["value"]
    return value


@pytest.fixture(scope="module")
def embedded() -> EmbeddedEngine:
    engine = EmbeddedEngine()
    engine.load([PolicyModule("differences.rego", _module())])
    return engine


@pytest.mark.parametrize(
    ("number", "on_opa", "on_embedded"),
    [(number, case[2], case[3]) for number, case in enumerate(ENGINE_CASES)],
    ids=[case[0] for case in ENGINE_CASES],
)
def test_engine_difference(
    number: int, on_opa: object, on_embedded: object, opa_values: dict[str, object], embedded: EmbeddedEngine
) -> None:
    assert opa_values.get(f"r_{number}") == on_opa
    assert embedded.query(f"data.differences.r_{number}") == (on_opa if on_embedded is SAME else on_embedded)


def test_sprintf_quotes_a_string_that_came_in_as_an_argument(embedded: EmbeddedEngine) -> None:
    """rego-cpp prints quotes around a string a function received as an argument, or concat() made."""
    engine = EmbeddedEngine()
    engine.load(
        [PolicyModule("q.rego", 'package q\n\nf(x) := sprintf("<%s>", [x])\n\nfrom_rule := f(v)\n\nv := "a"\n')]
    )
    assert engine.query("data.q.from_rule") == "<a>"
    with pytest.raises(Exception, match="unreadable result"):
        engine.query('data.q.f("a")')


# -- asking the engine for a verdict on every ban --------------------------------------------

BAN = msgspec.convert(
    {
        "id": "portability-ban",
        "vendor": "Portability",
        "match": {"organizations": ["Portability Vendor"]},
        "phases": [{"effect": "deny", "from": "2024-01-01", "summary": "a phase"}],
    },
    Ban,
)
BAN_MODULE = """package enforcer.bans

import rego.v1

bans contains {
	"id": "portability-ban",
	"vendor": "Portability",
	"match": {"organizations": ["Portability Vendor"]},
	"phases": [{"effect": "deny", "from": "2024-01-01", "summary": "a phase"}],
}
"""


def _library_with_days_as_d() -> str:
    """The decision library, but printing days with %d of a division (undefined on rego-cpp)."""
    text = (POLICIES / "enforcer" / "decide.rego").read_text(encoding="utf-8")
    old = '"reason": sprintf("%s since %s: %s", [_effect_word[st.phase.effect], st.phase.date, st.phase.summary]),'
    assert old in text
    new = '"reason": sprintf("%s since %s (%d): %s", [_effect_word[st.phase.effect], st.phase.date, 10 / 5, "x"]),'
    return text.replace(old, new)


@pytest.mark.parametrize("engine_name", ["embedded", "opa"])
def test_decision_problems(engine_name: str, opa_binary: str) -> None:
    engine = EmbeddedEngine() if engine_name == "embedded" else OpaCliEngine(opa_binary)
    with engine:
        engine.load([PolicyModule("decide.rego", _library_with_days_as_d()), PolicyModule("bans.rego", BAN_MODULE)])
        problems = decision_problems(engine, [BAN])
    if engine_name == "opa":
        assert problems == []
    else:
        (problem,) = problems  # rego-cpp fails the whole query ("Not a term")
        assert problem.startswith("data.enforcer.decide on 2024-01-01: embedded engine: data.enforcer.decide: ")


def test_decision_problems_without_a_library() -> None:
    with EmbeddedEngine() as engine:
        engine.load([PolicyModule("bans.rego", BAN_MODULE)])
        problems = decision_problems(engine, [BAN])
    assert problems and "undefined on the embedded engine" in problems[0]


def test_discover_tests(tmp_path: Path) -> None:
    text = "package a.b_test\n\nimport rego.v1\n\n# test_commented if true\ntest_one if true\n\ntodo_test_two if true\n"
    found = discover_tests([PolicyModule("x_test.rego", text)])
    assert [(t.package, t.name, t.line) for t in found] == [
        ("data.a.b_test", "test_one", 6),
        ("data.a.b_test", "todo_test_two", 8),
    ]
