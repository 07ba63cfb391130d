"""The policy contract: what a broken ban or waiver is told, field by field.

msgspec reports one problem per object, as text (`... - at `$.phases[0].from``);
`enforcer._policy` turns it into `field.path: why`. These cases pin that
translation, so a msgspec upgrade that words its errors differently shows here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from enforcer._errors import BanValidationError
from enforcer._policy import _waiver, ban_problems


class _Table:
    """An engine that answers the ban query with the given bans."""

    def __init__(self, bans: list[Any]) -> None:
        self.bans = bans

    def query(self, query: str, input: Any = None) -> Any:
        return self.bans


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
        (_ban(id="bad id!"), "ban 'bad id!': id: Expected `str` matching regex"),
        (_ban(id="x-1\n"), "ban 'x-1\\n': id: Expected `str` matching regex"),
        (_ban(vendor=""), "ban 'x-1': vendor: Expected `str` of length >= 1"),
        (_ban(match={}), "ban 'x-1': match: names no organization, domain, CPE vendor, purl, product or hash"),
        (_ban(match={"domains": ["not a domain"]}), "ban 'x-1': match.domains: 'not a domain' is not a domain name"),
        (_ban(match={"purls": ["npm/x"]}), "ban 'x-1': match.purls: 'npm/x' is not a purl pattern"),
        (_ban(match={"hashes": ["zz"]}), "ban 'x-1': match.hashes: 'zz' is not a hexadecimal digest"),
        (_ban(match={"organizations": [""]}), "ban 'x-1': match.organizations.0: Expected `str` of length >= 1"),
        (_ban(match={"orgs": ["V"]}), "ban 'x-1': match.orgs: unknown field (see the policy contract in the README)"),
        (_ban(phases=[]), "ban 'x-1': phases: Expected `array` of length >= 1"),
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
        (_ban(phases=_phase(effect="block")), "ban 'x-1': phases.0.effect: Invalid enum value 'block'"),
        (_ban(enabled=False), "ban 'x-1': disabled_reason: a disabled ban must say why"),
        (_ban(enabled="false"), "ban 'x-1': enabled: Expected `bool`, got `str`"),
        (_ban(scopes="us"), "ban 'x-1': scopes: Expected `array`, got `str`"),
    ],
)
def test_a_broken_ban_names_its_field(ban: dict[str, Any], problem: str) -> None:
    bans, problems = ban_problems(_Table([ban]), [])
    assert bans == []
    assert len(problems) == 1
    assert problems[0].startswith(f"policies: {problem}"), problems[0]


def test_valid_bans_are_read_with_their_dates() -> None:
    phases = [{"effect": "warn", "from": "2024-01-01", "until": "2024-06-30", "summary": "s"}]
    [ban], problems = ban_problems(_Table([_ban(phases=phases, enabled=False, disabled_reason="r")]), [])
    assert problems == []
    assert (ban.phases[0].from_, ban.phases[0].until) == (dt.date(2024, 1, 1), dt.date(2024, 6, 30))


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
        ({"expires": dt.datetime(2025, 12, 31)}, "expires: datetime.datetime(2025, 12, 31, 0, 0) is not a date in the"),
        ({"expires": None}, "expires: None is not a date in the form YYYY-MM-DD"),
        ({"components": {"names": []}}, "components: names no purl pattern, name or ref"),
        ({"components": {"names": [""]}}, "components.names.0: Expected `str` of length >= 1"),
        ({"reason": ""}, "reason: Expected `str` of length >= 1"),
    ],
)
def test_a_broken_waiver_names_its_field(changes: dict[str, Any], problem: str) -> None:
    with pytest.raises(BanValidationError) as error:
        _waiver({**WAIVER, **changes}, "w.yaml: waivers[0]")
    assert str(error.value).startswith(f"w.yaml: waivers[0]: waiver 'W-1': {problem}"), str(error.value)


def test_a_waiver_expires_on_a_date() -> None:
    assert _waiver({**WAIVER, "expires": dt.date(2025, 12, 31)}, "w").expires == dt.date(2025, 12, 31)
    assert _waiver(WAIVER, "w").expires == dt.date(2025, 12, 31)
