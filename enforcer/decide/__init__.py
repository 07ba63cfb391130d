"""The decide stage: matches in, verdicts out, decided in Rego.

Every match of every SBOM of a run goes to the decision library
(`data.enforcer.decisions`, policies/enforcer/decide.rego) in batched
queries, with the as-of date, the scopes, the warning window, the waivers and
the bans the matches name. The library answers a verdict per match: the
phase, whether the ban covers the component (contract 2), the waiver. The
enforcer validates what comes back and builds the findings.

A decision depends only on what the query is given, so a question asked
twice is asked once. With the shipped decision library, a match whose ban no
waiver names is decided by its ban and a few facts of the match (weak or not,
the component's kind, a named product, an exclusion, a person's name only),
never by the component itself: such questions are asked once per distinct
set of facts (`question_of`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import msgspec
import orjson

from enforcer._errors import EngineError
from enforcer._models import (
    PRODUCT_MATCHERS,
    Ban,
    Confidence,
    CoverageInfo,
    Finding,
    Match,
    PhaseInfo,
    Verdict,
    Waiver,
    WaiverInfo,
)
from enforcer.engine.interface import PolicyEngine

DECIDE_QUERY = "data.enforcer.decide"
DECISIONS_QUERY = "data.enforcer.decisions"
STATUS_QUERY = "data.enforcer.ban_status"
STATUSES_QUERY = "data.enforcer.ban_statuses"
SCOPE_QUERY = "data.enforcer.bans_in_scope"


@dataclass
class Decided:
    """The findings of one SBOM, and how many matches fell outside the selected scopes."""

    findings: list[Finding]
    out_of_scope: int = 0


@dataclass
class Decider:
    """Asks the decision library about matches, batched, once per distinct question."""

    engine: PolicyEngine
    #: the bans the matches' numbers refer to (the match index's bans)
    bans: Sequence[Ban]
    waivers: Sequence[Waiver]
    as_of: dt.date
    scopes: Sequence[str] = ()
    warn_days: int = 90
    #: the shipped decision library decides: ask once per question of `question_of`
    shipped: bool = False
    #: ids of the waivers that covered at least one finding
    covering: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._by_id = {ban.id: ban for ban in self.bans}
        self._ban_input: dict[str, dict[str, Any]] = {}
        self._waiver_input: list[dict[str, Any]] = msgspec.to_builtins(list(self.waivers))
        self._waived = {waiver.ban for waiver in self.waivers}
        self._use_array = True
        self._phases: dict[bytes, PhaseInfo] = {}

    def decide(self, matches: Sequence[Sequence[Match]]) -> list[Decided]:
        """The findings of each SBOM's matches (one list of matches per SBOM)."""
        questions: list[dict[str, Any]] = []
        asked: dict[tuple[Any, ...], str] = {}
        keys: list[list[str | None]] = []
        per_ban = self.shipped and "*" not in self._waived
        # the shipped library decides nothing but "outside the selected scopes" for a
        # ban out of scope that no waiver names: asked once per ban, not per match
        outside = self._outside_scopes(matches) if per_ban else set()
        for sbom_number, sbom in enumerate(matches):
            sbom_keys: list[str | None] = []
            for match_number, match in enumerate(sbom):
                ban = self.bans[match.ban]
                if match.ban in outside:
                    sbom_keys.append(None)
                    continue
                question = question_of(match, ban) if per_ban and ban.id not in self._waived else None
                if question is None:
                    facts = tuple(tuple(item.values()) for item in _evidence(match))
                    question = (ban.id, match.confidence.value, match.component, match.product, match.excluded, facts)
                key = asked.get(question)
                if key is None:
                    key = asked[question] = f"{sbom_number}:{match_number}"
                    questions.append(self.finding_input(key, match))
                sbom_keys.append(key)
            keys.append(sbom_keys)
        decisions: dict[str, Any] = {}
        batch = self.engine.decide_batch or len(questions) or 1
        for start in range(0, len(questions), batch):
            decisions.update(self._ask(questions[start : start + batch]))
        for decision in decisions.values():
            if isinstance(decision, dict):
                self.covering.update(decision.get("covered_by") or ())
        results = []
        for sbom_number, sbom in enumerate(matches):
            decided = Decided([])
            for match_number, match in enumerate(sbom):
                key = keys[sbom_number][match_number]
                if key is None:
                    decided.out_of_scope += 1
                    continue
                decision = decisions.get(key)
                if not isinstance(decision, dict):
                    raise EngineError(f"{DECIDE_QUERY} gave no decision for finding {key}")
                if not decision.get("in_scope", True):
                    decided.out_of_scope += 1
                    continue
                decided.findings.append(self._finding(match, decision))
            decided.findings.sort(key=finding_order)
            results.append(decided)
        return results

    def _outside_scopes(self, matches: Sequence[Sequence[Match]]) -> set[int]:
        """The numbers of the matched bans, named by no waiver, that the selected scopes leave out.

        Asked of the shipped library (`data.enforcer.bans_in_scope`) with
        each such ban's id and scopes; with no scope selected, every ban applies.
        """
        if not self.scopes:
            return set()
        named = {match.ban for sbom in matches for match in sbom if self.bans[match.ban].id not in self._waived}
        if not named:
            return set()
        request = {
            **self.request([]),
            "bans": [{"id": self.bans[number].id, "scopes": list(self.bans[number].scopes)} for number in named],
        }
        answer = self.engine.query(SCOPE_QUERY, request, bounded=False)
        if not isinstance(answer, list) or not all(isinstance(item, str) for item in answer):
            raise EngineError(f"{SCOPE_QUERY} must be an array of ban ids")
        applying = set(answer)
        return {number for number in named if self.bans[number].id not in applying}

    def in_scope(self, bans: Sequence[Ban]) -> set[str]:
        """The ids of these bans that apply in the selected scopes (`data.enforcer.bans_in_scope`).

        Every ban when no scope is selected, or when the decision library has no such rule.
        """
        if not self.scopes or not bans:
            return {ban.id for ban in bans}
        request = {**self.request([]), "bans": [{"id": ban.id, "scopes": list(ban.scopes)} for ban in bans]}
        answer = self.engine.query(SCOPE_QUERY, request, bounded=not self.shipped)
        if answer is None:
            return {ban.id for ban in bans}
        if not isinstance(answer, list) or not all(isinstance(item, str) for item in answer):
            raise EngineError(f"{SCOPE_QUERY} must be an array of ban ids")
        return set(answer)

    def finding_input(self, key: str, match: Match) -> dict[str, Any]:
        """What the decision library is told about one match."""
        component = match.component
        return {
            "id": key,
            "ban": self.bans[match.ban].id,
            "confidence": match.confidence.value,
            "kind": component.kind,
            "product": match.product,
            "excluded": match.excluded,
            "evidence": _evidence(match),
            "component": {"ref": component.ref, "name": component.name, "purl": component.purl},
        }

    def _ask(self, findings: list[dict[str, Any]]) -> dict[str, Any]:
        """The decisions for some findings, by finding id.

        `data.enforcer.decisions` (the same decisions as an array, in input
        order) is asked first: engines build arrays faster than objects. A
        decision library without it is asked for `data.enforcer.decide`.
        """
        request = self.request(findings)
        if self._use_array:
            # the shipped library over the input's bans ends by construction: no child process needed
            answer = self.engine.query(DECISIONS_QUERY, request, bounded=not self.shipped)
            if isinstance(answer, list) and len(answer) == len(findings):
                return {finding["id"]: decision for finding, decision in zip(findings, answer, strict=True)}
            if answer is not None:
                raise EngineError(f"{DECISIONS_QUERY} must be an array with one decision per finding")
            self._use_array = False
        answer = self.engine.query(DECIDE_QUERY, request)
        if answer is None:
            return {}
        if not isinstance(answer, dict):
            raise EngineError(f"{DECIDE_QUERY} must be an object keyed by finding id")
        return answer

    def request(self, findings: list[dict[str, Any]]) -> dict[str, Any]:
        """The input of the decision library: the findings, and the bans they name."""
        named = {finding["ban"] for finding in findings}
        return {
            "as_of": self.as_of.isoformat(),
            "scopes": list(self.scopes),
            "warn_days": self.warn_days,
            "findings": findings,
            "waivers": self._waiver_input,
            "bans": [self._input_of(ban_id) for ban_id in sorted(named) if ban_id in self._by_id],
        }

    def _input_of(self, ban_id: str) -> dict[str, Any]:
        found = self._ban_input.get(ban_id)
        if found is None:
            found = self._ban_input[ban_id] = ban_input(self._by_id[ban_id], decided=self.shipped)
        return found

    def status(self, bans: Sequence[Ban] | None = None) -> dict[str, Any]:
        """Each ban's status on the as-of date (active, upcoming, not-yet, ended), asked a batch of bans at a time.

        A decision library without `ban_statuses` is asked for the object `ban_status`.
        """
        chosen = list(bans if bans is not None else self.bans)
        found: dict[str, Any] = {}
        batch = self.engine.decide_batch or len(chosen) or 1
        for start in range(0, len(chosen), batch):
            request = {**self.request([]), "bans": [ban_input(ban) for ban in chosen[start : start + batch]]}
            answer = self.engine.query(STATUSES_QUERY, request, bounded=not self.shipped)
            if answer is None:
                status = self.engine.query(STATUS_QUERY, self.request([]))
                return status if isinstance(status, dict) else {}
            if not isinstance(answer, list):
                raise EngineError(f"{STATUSES_QUERY} must be an array of [id, status]")
            for item in answer:
                if isinstance(item, list) and len(item) == 2 and isinstance(item[0], str):
                    found[item[0]] = item[1]
        return found

    def _finding(self, match: Match, decision: dict[str, Any]) -> Finding:
        ban = self.bans[match.ban]
        try:
            phase = decision.get("phase")
            waiver = decision.get("waiver")
            coverage = decision.get("coverage")
            # the parts that come from Rego are validated; the rest is the enforcer's own
            return Finding(
                component=match.component,
                ban=ban.id,
                vendor=ban.vendor,
                verdict=Verdict(decision["verdict"]),
                phase=self._phase_info(phase) if phase else None,
                reason=str(decision.get("reason", "")),
                matches=match.evidence,
                waiver=msgspec.convert(waiver, WaiverInfo) if waiver else None,
                coverage=msgspec.convert(coverage, CoverageInfo) if coverage else None,
            )
        except (KeyError, ValueError, TypeError, msgspec.ValidationError) as error:
            raise EngineError(f"{DECIDE_QUERY} returned a malformed decision for ban {ban.id!r}: {error}") from None

    def _phase_info(self, phase: Any) -> PhaseInfo:
        """A decision's phase, validated once per distinct phase (many findings share one)."""
        key = orjson.dumps(phase, option=orjson.OPT_SORT_KEYS)
        info = self._phases.get(key)
        if info is None:
            info = self._phases[key] = msgspec.convert(phase, PhaseInfo)
        return info


def question_of(match: Match, ban: Ban) -> tuple[Any, ...]:
    """What the shipped library's decision of a match depends on, when no waiver names its ban.

    decide.rego reads, of a finding: its ban, whether its best match is weak,
    its kind, whether a named product matched and through which matchers, the
    exclusion it matched, and whether every match is a person's name. Nothing
    else of the component.
    """
    person_only = all(item.matcher == "person-name" for item in match.evidence)
    products = tuple(sorted({item.matcher for item in match.evidence} & PRODUCT_MATCHERS))
    return (
        ban.id,
        "weak" if match.confidence is Confidence.WEAK else "exact",
        match.component.kind,
        match.product,
        products,
        match.excluded,
        person_only,
    )


def _evidence(match: Match) -> list[dict[str, str]]:
    """The matches of a finding as the decision sees them: role, party, matcher, confidence (each once)."""
    seen: dict[tuple[str, str, str, str], None] = {}
    for item in match.evidence:
        seen[(item.role, item.party, item.matcher, item.confidence.value)] = None
    return [
        {"role": role, "party": party, "matcher": matcher, "confidence": confidence}
        for role, party, matcher, confidence in seen
    ]


def ban_input(ban: Ban, *, decided: bool = False) -> dict[str, Any]:
    """The part of a ban the decision library reads, as plain data (`from`, not `from_`).

    `decided`: for the shipped library, which reads of the coverage only the
    kinds, whether only named products are covered, the excluded kinds, and
    what happens outside and to an unknown kind (the products and the
    excluded names were matched already): the lists of names stay out of
    the input, which rego-cpp builds node by node.
    """
    document = msgspec.to_builtins(ban)
    chosen = {key: document[key] for key in ("id", "vendor", "phases", "scopes", "covers")}
    covers = chosen["covers"]
    if decided and isinstance(covers, dict):
        chosen["covers"] = {key: covers[key] for key in _DECIDED_COVERAGE if key in covers}
        if isinstance(covers.get("excludes"), dict):
            chosen["covers"]["excludes"] = {"kinds": covers["excludes"].get("kinds", [])}
    return chosen


#: what decide.rego reads of a ban's `covers` (besides `excludes.kinds`)
_DECIDED_COVERAGE = ("kinds", "only_products", "outside", "unknown_kind")


def finding_order(finding: Finding) -> tuple[int, str, str, str]:
    rank = {"deny": 0, "warn": 1, "waived": 2, "allow": 3}[finding.status]
    return (rank, finding.ban, finding.component.ref, finding.component.name)
