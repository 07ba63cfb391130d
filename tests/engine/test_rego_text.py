"""What the text of a module says without an engine: rule heads, literal members, when the literal reading applies."""

from __future__ import annotations

import pytest

from enforcer.engine._rego_text import PolicyText, shape
from enforcer.engine.interface import PolicyModule

BANS = "data.enforcer.bans.bans"


@pytest.mark.parametrize(
    ("text", "literals", "only_literals"),
    [
        ('package p\nbans contains {"a": [1, -2, true, null, `raw`, 1.5e3]}\nbans contains "x"\n', 2, True),
        ('package p\nbans contains {"a": "# not a comment {"} # a comment with "quotes" and {\n', 1, True),
        ('package p\nimport rego.v1\nbans contains {"a": 1} if { true }\n', 0, False),
        ('package p\nbans contains {"a": x}\n', 0, False),
        ('package p\nbans contains {"a": set()}\n', 0, False),
        ('package p\nbans contains {"a": 1 + 2}\n', 0, False),
        ('package p\nimport data.other\nbans contains {"a": 1}\n', 1, False),
        ('package p\nbans contains {"a": 1}\nhelper := 2\n', 1, False),
    ],
    ids=["scalars", "comment", "conditional", "variable", "call", "arithmetic", "import", "other-rule"],
)
def test_literal_members(text: str, literals: int, only_literals: bool) -> None:
    found = shape(text)
    assert found.package == "p"
    assert len(found.literals) == literals
    assert found.only_literals is only_literals


@pytest.mark.parametrize(
    "text",
    [
        'package p\nx := $"template {1}"\n',
        'package p\nbans contains {"a": 1}\n{"b": 2}\n',
        "package p\nx := 1\n}\n",
        'package p\nbans contains {"a": "no end\n}\n',
        'package p["q"]\nbans contains 1\n',
        "",
    ],
    ids=["template-string", "stray-term", "stray-bracket", "open-string", "bracket-package", "empty"],
)
def test_what_the_reader_does_not_follow_is_unknown(text: str) -> None:
    found = shape(text)
    assert found.package is None and not found.heads and not found.literals


def test_always_defined_and_literal_members() -> None:
    text = PolicyText(
        [
            PolicyModule("a.rego", 'package enforcer.bans\n\nbans contains {"id": "a"}\n\nbans contains {"id": "b"}\n'),
            PolicyModule("b.rego", "package enforcer\n\ndefault allow := false\n\ndecide := {}\n"),
        ]
    )
    assert text.always_defined(BANS) and text.literal_members(BANS) == 2
    assert text.always_defined("data.enforcer.allow")
    assert not text.always_defined("data.enforcer.decide")  # a complete rule may be undefined
    assert not text.always_defined("data.enforcer.waivers.waivers")
    assert not text.always_defined('data.enforcer["bans"].bans')


LITERAL = PolicyModule("lit.rego", 'package enforcer.bans\n\nbans contains {"id": "a"}\n')


@pytest.mark.parametrize(
    ("other", "applies"),
    [
        ("package enforcer.bans\n\nimport rego.v1\n\nbans contains x if {\n\tx := 1\n}\n", True),
        ("package enforcer\n\ndecide := {}\n", True),
        ("package enforcer.bans\n\nbans := [1]\n", False),
        ("package enforcer.bans\n\ndefault bans := []\n", False),
        ("package enforcer\n\nbans.bans := [1]\n", False),
        ("package enforcer.bans.bans\n\nx := 1\n", False),
        ('package enforcer.bans\n\nx := $"{1}"\n', False),
    ],
    ids=["conditional-member", "other-package", "complete-rule", "default", "ref-head", "package-below", "unread"],
)
def test_the_literal_reading_applies_only_without_another_definition(other: str, applies: bool) -> None:
    split = PolicyText([LITERAL, PolicyModule("other.rego", other)]).literal_split(BANS)
    assert (split is not None) is applies
    if split is not None:
        literals, rest = split
        assert literals == ['{"id": "a"}'] and [module.path for module in rest] == ["other.rego"]
