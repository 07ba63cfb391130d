"""The policy contract: what a broken ban or waiver is told, field by field, every problem at once.

pydantic validates the contract (`enforcer.contract.bans`); `enforcer.contract._words`
words each problem the project's way (`field.path: why`). These cases pin that
wording, so a pydantic upgrade that changes its own messages cannot reach a
policy author unnoticed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from enforcer._errors import BanValidationError
from enforcer.policy.tables import ban_problems, read_waiver_files


def _ban(**changes: Any) -> dict[str, Any]:
    ban: dict[str, Any] = {
        "id": "x-1",
        "vendor": "V",
        "match": {"organizations": ["V Inc"]},
        "phases": [{"effect": "deny", "from": "2024-01-01", "summary": "s"}],
    }
    ban.update(changes)
    return {key: value for key, value in ban.items() if value is not None}


def _phase(**changes: Any) -> list[dict[str, Any]]:
    return [{"effect": "deny", "from": "2024-01-01", "summary": "s", **changes}]


@pytest.mark.parametrize(
    ("ban", "problem"),
    [
        (_ban(id=None), "a ban without an id: id: required field is missing"),
        (_ban(id="bad id!"), "ban 'bad id!': id: 'bad id!' is not an id (letters, digits and . _ : -"),
        (_ban(id="x-1\n"), "ban 'x-1\\n': id: 'x-1\\n' is not an id"),
        (_ban(vendor=""), "ban 'x-1': vendor: must not be empty"),
        (_ban(match={}), "ban 'x-1': match names no organization, domain, CPE vendor, purl, product or hash"),
        (_ban(match={"domains": ["not a domain"]}), "ban 'x-1': match.domains.0: 'not a domain' is not a domain name"),
        (_ban(match={"purls": ["npm/x"]}), "ban 'x-1': match.purls.0: 'npm/x' is not a purl pattern"),
        (_ban(match={"hashes": ["zz"]}), "ban 'x-1': match.hashes.0: 'zz' is not a hexadecimal digest"),
        (_ban(match={"organizations": [""]}), "ban 'x-1': match.organizations.0: must not be empty"),
        (_ban(match={"orgs": ["V"]}), "ban 'x-1': match.orgs: unknown field (see the policy contract in the README)"),
        (_ban(phases=[]), "ban 'x-1': phases: needs at least one phase"),
        (
            _ban(phases=_phase(**{"from": "2024-13-45"})),
            "ban 'x-1': phases.0.from: '2024-13-45' is not a valid calendar date",
        ),
        (
            _ban(phases=_phase(**{"from": "2024-01-01T00:00:00Z"})),
            "ban 'x-1': phases.0.from: '2024-01-01T00:00:00Z' is not a date in the form YYYY-MM-DD",
        ),
        (
            _ban(phases=_phase(**{"from": 20240101})),
            "ban 'x-1': phases.0.from: 20240101 is not a date in the form YYYY-MM-DD",
        ),
        (
            _ban(phases=_phase(until="2024-02-30")),
            "ban 'x-1': phases.0.until: '2024-02-30' is not a valid calendar date",
        ),
        (
            _ban(phases=_phase(until="2023-12-31")),
            "ban 'x-1': phases.0: until (2023-12-31) must be after from (2024-01-01)",
        ),
        (_ban(phases=[{"effect": "deny", "summary": "s"}]), "ban 'x-1': phases.0.from: required field is missing"),
        (_ban(phases=_phase(effect="block")), "ban 'x-1': phases.0.effect: 'block' is not one of 'deny', 'warn'"),
        (_ban(enabled=False), "ban 'x-1': a disabled ban must say why (disabled_reason)"),
        (_ban(enabled="false"), "ban 'x-1': enabled: expected true or false, got the string 'false'"),
        (_ban(scopes="us"), "ban 'x-1': scopes: expected a list, got the string 'us'"),
        (_ban(covers={"kinds": ["toaster"]}), "ban 'x-1': covers.kinds.0: 'toaster' is not one of '*', 'application'"),
        (_ban(covers={"kinds": []}), "ban 'x-1': covers.kinds: must not be empty"),
        (_ban(covers={"outside": "deny"}), "ban 'x-1': covers.outside: 'deny' is not one of 'warn', 'allow'"),
        (_ban(covers={"only_products": True}), "ban 'x-1': covers: only_products needs products (names, app_ids"),
        (_ban(covers={"products": {"purls": ["x"]}}), "ban 'x-1': covers.products.purls.0: 'x' is not a purl pattern"),
        (
            _ban(covers={"excludes": {"kinds": ["gadget"]}}),
            "ban 'x-1': covers.excludes.kinds.0: 'gadget' is not one of",
        ),
        (_ban(covers={"kind": ["device"]}), "ban 'x-1': covers.kind: unknown field (see the policy contract"),
        (_ban(contract=1, covers={"kinds": ["device"]}), "ban 'x-1': covers needs contract 2"),
        (_ban(contract=3), "ban 'x-1': contract: 3 is not one of 1, 2"),
        (_ban(reviewed="2026-13-01"), "ban 'x-1': reviewed: '2026-13-01' is not a valid calendar date"),
    ],
)
def test_a_broken_ban_names_its_field(ban: dict[str, Any], problem: str) -> None:
    bans, problems = ban_problems([ban], [])
    assert bans == []
    assert len(problems) == 1
    assert problems[0].startswith(f"policies: {problem}"), problems[0]


def test_valid_bans_are_read_with_their_dates() -> None:
    phases = [{"effect": "warn", "from": "2024-01-01", "until": "2024-06-30", "summary": "s"}]
    [ban], problems = ban_problems([_ban(phases=phases, enabled=False, disabled_reason="r")], [])
    assert problems == []
    assert (ban.phases[0].from_, ban.phases[0].until) == (dt.date(2024, 1, 1), dt.date(2024, 6, 30))
    assert ban.contract == 1 and ban.coverage.kinds == ("*",)


def test_every_problem_of_every_ban_at_once() -> None:
    broken = _ban(vendor="", match={"domains": ["x"], "orgs": []}, phases=_phase(effect="block", until="2020-01-01"))
    other = _ban(id="y-2", enabled="no")
    bans, problems = ban_problems([broken, other, _ban(id="ok")], [])
    assert [ban.id for ban in bans] == ["ok"]
    assert problems == [
        "policies: ban 'x-1': vendor: must not be empty",
        "policies: ban 'x-1': match.domains.0: 'x' is not a domain name (e.g. 'example.com')",
        "policies: ban 'x-1': match.orgs: unknown field (see the policy contract in the README)",
        "policies: ban 'x-1': phases.0.effect: 'block' is not one of 'deny', 'warn'",
        "policies: ban 'y-2': enabled: expected true or false, got the string 'no'",
    ]


def test_a_contract_2_ban_states_what_it_covers() -> None:
    covers = {
        "kinds": ["device", "firmware"],
        "products": {"app_ids": ["com.example.app"]},
        "excludes": {"purls": ["pkg:golang/github.com/example/*"]},
        "outside": "allow",
    }
    [ban], problems = ban_problems([_ban(covers=covers, reviewed="2026-12-03")], [])
    assert problems == []
    assert ban.contract == 2
    assert ban.coverage.kinds == ("device", "firmware") and ban.coverage.outside == "allow"
    assert ban.coverage.products.app_ids == ("com.example.app",) and ban.reviewed == dt.date(2026, 12, 3)
    assert (
        ban.coverage.describe() == "device, firmware; products: com.example.app; except pkg:golang/github.com/example/*"
    )


def test_a_ban_named_by_its_products_alone_is_valid() -> None:
    [ban], problems = ban_problems([_ban(match={}, covers={"products": {"names": ["App"]}, "only_products": True})], [])
    assert problems == [] and ban.match.organizations == ()


def test_the_wording_is_the_projects_own() -> None:
    """No library wording reaches a policy author, whatever the problem."""
    cases = [_ban(id=5), _ban(vendor=7), _ban(match=[]), _ban(phases={}), _ban(scopes=[1]), _ban(covers="all")]
    _, problems = ban_problems(cases, [])
    assert problems
    for problem in problems:
        assert "Input should" not in problem and "pydantic" not in problem and "`" not in problem, problem


WAIVER = {
    "id": "W-1",
    "ban": "b",
    "components": {"names": ["x"]},
    "expires": "2025-12-31",
    "reason": "r",
    "approved_by": "a",
}


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"expires": "2025-12-31T00:00:00"}, "expires: '2025-12-31T00:00:00' is not a date in the form YYYY-MM-DD"),
        ({"expires": None}, "expires: None is not a date in the form YYYY-MM-DD"),
        ({"components": {"names": []}}, "components names no purl pattern, name or ref"),
        ({"components": {"names": [""]}}, "components.names.0: must not be empty"),
        ({"reason": ""}, "reason: must not be empty"),
    ],
)
def test_a_broken_waiver_names_its_field(tmp_path, changes: dict[str, Any], problem: str) -> None:
    import json

    path = tmp_path / "w.json"
    path.write_text(json.dumps([{**WAIVER, **changes}], default=str))
    with pytest.raises(BanValidationError) as error:
        read_waiver_files([path])
    assert error.value.lines()[0].startswith(f"{path}: waivers[0]: waiver 'W-1': {problem}"), error.value.lines()


def test_a_waiver_expires_on_a_date(tmp_path) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(
        "- id: W-1\n  ban: b\n  components: {names: [x]}\n  expires: 2025-12-31\n  reason: r\n  approved_by: a\n"
    )
    assert read_waiver_files([path])[0].expires == dt.date(2025, 12, 31)
