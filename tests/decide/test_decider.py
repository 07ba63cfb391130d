"""The decide stage: the shipped library's shortcuts give the decisions of asking about every match.

With the shipped decision library, the Decider asks once per distinct
question (`question_of`), asks once per run which bans the selected scopes
leave out (`data.enforcer.bans_in_scope`) and sends each ban without the
lists of names its coverage holds. A Decider told the library is not the
shipped one asks about every match with every ban whole. Both run here on
the shipped pack, on the SBOMs of the verdict table and the identity
fixtures, for several audiences and dates: their findings must be the same.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from enforcer._checked import Checked
from enforcer._run import Enforcer, Options
from enforcer.decide import SCOPE_QUERY, Decider, ban_input
from enforcer.engine.embedded import EmbeddedEngine
from tests.conftest import ROOT
from tests.test_verdict_table import TABLE, _sbom

FIXTURES = [ROOT / "fixtures" / "sboms" / "contract2-identities.cdx.json"]
AUDIENCES = [(), ("us",), ("us-federal",), ("uk-gov", "eu-institutions"), ("tw-gov",)]
DATES = [dt.date(2024, 8, 1), dt.date(2026, 12, 3)]


class RecordingEngine(EmbeddedEngine):
    """The embedded engine, keeping every query it was asked and its input."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, Any]] = []

    def query(self, query: str, input: Any = None, *, bounded: bool = True) -> Any:
        self.asked.append((query, input))
        return super().query(query, input, bounded=bounded)


@pytest.fixture(scope="module")
def enforcer() -> Any:
    with Enforcer(Options(), engine=RecordingEngine()) as ready:
        yield ready


@pytest.fixture(scope="module")
def checked(enforcer: Enforcer, tmp_path_factory: pytest.TempPathFactory) -> list[Checked]:
    folder = tmp_path_factory.mktemp("cases")
    paths = [str(path) for path in FIXTURES]
    for case in TABLE["cases"]:
        path = folder / f"{case['id']}.cdx.json"
        path.write_text(json.dumps(_sbom(case)), encoding="utf-8")
        paths.append(str(path))
    matched = [enforcer.match_path(path) for path in paths]
    assert sum(len(item.matches) for item in matched) > 500  # enough to mean something
    return matched


def _decided(decider: Decider, checked: list[Checked]) -> list[tuple[int, list[tuple[Any, ...]]]]:
    return [
        (
            result.out_of_scope,
            [
                (f.component.ref, f.ban, f.status, f.reason, f.phase, f.coverage, f.waiver, f.matches)
                for f in result.findings
            ],
        )
        for result in decider.decide([item.matches for item in checked])
    ]


@pytest.mark.parametrize("as_of", DATES, ids=str)
@pytest.mark.parametrize("scopes", AUDIENCES, ids=lambda scopes: ",".join(scopes) or "every-scope")
def test_the_shortcuts_decide_as_asking_about_every_match(
    enforcer: Enforcer, checked: list[Checked], scopes: tuple[str, ...], as_of: dt.date
) -> None:
    common: dict[str, Any] = {"as_of": as_of, "scopes": list(scopes), "warn_days": 90}
    shipped = Decider(enforcer.engine, enforcer.index.bans, enforcer.waivers, shipped=True, **common)
    plain = Decider(enforcer.engine, enforcer.index.bans, enforcer.waivers, shipped=False, **common)
    fast, slow = _decided(shipped, checked), _decided(plain, checked)
    assert fast == slow
    if scopes:
        assert sum(out for out, _ in fast) > 0  # the scope shortcut was taken


def test_a_ban_out_of_scope_is_never_sent_with_the_matches(enforcer: Enforcer, checked: list[Checked]) -> None:
    engine = enforcer.engine
    assert isinstance(engine, RecordingEngine)
    engine.asked.clear()
    decider = Decider(
        enforcer.engine, enforcer.index.bans, enforcer.waivers, as_of=DATES[1], scopes=["us"], shipped=True
    )
    decider.decide([item.matches for item in checked])
    names = [query for query, _ in engine.asked]
    assert names[0] == SCOPE_QUERY and names.count(SCOPE_QUERY) == 1
    us_bans = {ban.id for ban in enforcer.index.bans if "us" in ban.scopes}
    sent = {ban["id"] for query, request in engine.asked if query != SCOPE_QUERY for ban in request["bans"]}
    assert sent and sent <= us_bans
    for _, request in engine.asked[1:]:
        for ban in request["bans"]:
            assert set(ban["covers"] or {}) <= {"kinds", "only_products", "outside", "unknown_kind", "excludes"}


def test_the_shipped_library_gets_the_coverage_it_reads_and_others_get_all_of_it(enforcer: Enforcer) -> None:
    ban = next(ban for ban in enforcer.bans if ban.covers is not None and ban.covers.products.names)
    whole, trimmed = ban_input(ban), ban_input(ban, decided=True)
    assert list(whole["covers"]["products"]["names"]) == list(ban.covers.products.names)
    assert "products" not in trimmed["covers"]
    assert list(trimmed["covers"]["excludes"]["kinds"]) == list(ban.covers.excludes.kinds)
    assert {key: trimmed[key] for key in ("id", "vendor", "phases", "scopes")} == {
        key: whole[key] for key in ("id", "vendor", "phases", "scopes")
    }
