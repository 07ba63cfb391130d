"""Orchestration: load bans once, match every SBOM, decide in one batch.

`Enforcer` holds what is built once per run (the engine with its modules, the
validated bans, the match index, the waivers); `Enforcer.run` checks SBOMs and
returns a `RunResult`. The CLI is a thin layer over this module.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
import orjson

from enforcer import __version__, _cache
from enforcer._errors import EngineError, PolicyError, SbomError
from enforcer._models import (
    Ban,
    BanInfo,
    ComponentInfo,
    Confidence,
    Finding,
    MatchEvidence,
    PhaseInfo,
    RunResult,
    SbomResult,
    Verdict,
    Waiver,
    WaiverInfo,
)
from enforcer._policy import (
    DECIDE_QUERY,
    DECISIONS_QUERY,
    STATUS_QUERY,
    find_modules,
    load_bans,
    load_waivers,
    shipped_policies,
    uses_shipped_decisions,
    with_decision_library,
)
from enforcer.engine import create_engine
from enforcer.engine.interface import PolicyEngine, PolicyModule
from enforcer.match.index import MatchIndex, RawFinding
from enforcer.sbom import find_sboms, load
from enforcer.sbom.interface import SbomDocument

_RANK = {Confidence.EXACT: 0, Confidence.STRONG: 1, Confidence.WEAK: 2}
#: keep the first SBOM document of a run alive (set by the CLI, which exits without freeing)
_RETAIN = os.environ.get("ENFORCER_RETAIN_DOCUMENTS") == "1"


@dataclass
class Options:
    """What a run is configured with (the CLI's flags)."""

    policies: Sequence[Path | str] = ()
    as_of: dt.date = field(default_factory=lambda: dt.datetime.now(dt.UTC).date())
    scopes: Sequence[str] = ()
    warn_days: int = 90
    waivers: Sequence[Path | str] = ()
    engine: str = "embedded"
    engine_options: dict[str, Any] = field(default_factory=dict)
    #: read CycloneDX JSON a window at a time (None: above a size threshold)
    stream: bool | None = None


@dataclass
class Pending:
    """Matches of one SBOM, waiting for the policy's verdicts."""

    result: SbomResult
    raw: list[tuple[ComponentInfo, int, list[MatchEvidence], Confidence]]


class Enforcer:
    """Policies compiled, bans validated, index built: ready to check SBOMs."""

    def __init__(self, options: Options, *, engine: PolicyEngine | None = None) -> None:
        self.options = options
        self.started_at = _started_at()
        paths = list(options.policies) or [shipped_policies()]
        self.modules: list[PolicyModule] = with_decision_library(find_modules(paths))
        self.engine = engine or create_engine(options.engine, **options.engine_options)
        self.engine.load(self.modules)
        tables = _TableQueries.for_engine(self.engine, self.modules)
        try:
            self.bans: list[Ban] = load_bans(tables, self.modules)
            self.waivers: list[Waiver] = load_waivers(tables, self.modules, options.waivers)
        except PolicyError:
            if not tables.from_cache:
                raise
            tables = _TableQueries(self.engine, tables.cache_name, None)  # a damaged entry: ask again, rewrite it
            self.bans = load_bans(tables, self.modules)
            self.waivers = load_waivers(tables, self.modules, options.waivers)
        tables.remember()
        self.index = MatchIndex.build(self.bans)
        # what the decision library reads of a ban: its phases and scopes
        self._ban_input = {ban.id: _decision_ban(ban) for ban in self.bans}
        self._waiver_input: list[dict[str, Any]] = msgspec.to_builtins(self.waivers)
        #: ids of the waivers that covered at least one finding of this run
        self._covering: set[str] = set()
        self._use_array = True
        #: ask once per ban and match strength where the decision cannot depend on the component
        self._per_ban = uses_shipped_decisions(self.modules)
        self._waived_bans = {waiver.ban for waiver in self.waivers}
        self._retained: list[SbomDocument] = []
        self._phases: dict[bytes, PhaseInfo] = {}

    def close(self) -> None:
        self.engine.close()

    def __enter__(self) -> Enforcer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- matching --------------------------------------------------------------

    def match_path(self, path: str) -> Pending:
        """Load and match one SBOM; an unreadable file becomes an error result."""
        try:
            document = load(path, stream=self.options.stream, index=self.index)
            if _RETAIN and not self._retained:
                # the CLI exits without freeing memory: dropping a large SBOM
                # object by object here would only cost time (one is enough)
                self._retained.append(document)
            return self.match_document(document)
        except SbomError as error:  # a streamed SBOM can fail while it is matched
            return Pending(SbomResult(path="<stdin>" if path == "-" else path, error=str(error)), [])

    def match_document(self, document: SbomDocument) -> Pending:
        scan = document.scan(self.index)
        result = SbomResult(
            path=document.path,
            format=document.format_name,
            spec_version=document.spec_version,
            components=scan.components,
            unidentified=scan.unidentified,
            unreadable=document.unreadable,
            warnings=list(document.warnings),
        )
        return Pending(result, self._raw(document, scan.findings))

    def _raw(
        self, document: SbomDocument, findings: list[RawFinding]
    ) -> list[tuple[ComponentInfo, int, list[MatchEvidence], Confidence]]:
        grouped: list[tuple[ComponentInfo, int, list[MatchEvidence], Confidence]] = []
        paths = document.record_paths([finding.record for finding in findings])
        for finding, path in zip(findings, paths, strict=True):
            record = finding.record
            component = ComponentInfo(
                ref=record.ref,
                name=record.name,
                version=record.version,
                purl=record.purl,
                path=path,
            )
            by_ban: dict[int, list[MatchEvidence]] = {}
            for number, matcher, confidence, key, field_name, raw in dict.fromkeys(finding.evidence):
                alias = self.index.alias(number, matcher, key)
                evidence = MatchEvidence(
                    field=field_name, value=raw, key=key, matcher=matcher, confidence=confidence, alias=alias
                )
                by_ban.setdefault(number, []).append(evidence)
            for number, items in sorted(by_ban.items()):
                items.sort(key=lambda e: (_RANK[e.confidence], e.matcher, e.field, e.value))
                best = min((e.confidence for e in items), key=_RANK.__getitem__)
                grouped.append((component, number, items, best))
        return grouped

    # -- deciding --------------------------------------------------------------

    def decide(self, pending: Sequence[Pending]) -> list[SbomResult]:
        """One batched query to `data.enforcer.decide` for every finding of every SBOM.

        A decision depends only on what the query is given (ban, confidence, ref,
        name, purl), so findings that repeat across SBOMs are asked about once.
        With the shipped decision library, a finding whose ban no waiver names
        is decided by its ban and match strength alone: those are asked about
        once per ban and strength (Rego still decides every one of them).
        """
        findings_input = []
        asked: dict[tuple[str, ...], str] = {}
        keys: list[list[str]] = []
        per_ban = self._per_ban and "*" not in self._waived_bans
        for sbom_number, item in enumerate(pending):
            item_keys = []
            for finding_number, (component, ban_number, _, confidence) in enumerate(item.raw):
                ban_id = self.index.bans[ban_number].id
                question: tuple[str, ...]
                if per_ban and ban_id not in self._waived_bans:
                    question = (ban_id, "weak" if confidence is Confidence.WEAK else "exact")
                else:
                    question = (ban_id, confidence.value, component.ref, component.name, component.purl)
                key = asked.get(question)
                if key is None:
                    key = asked[question] = f"{sbom_number}:{finding_number}"
                    findings_input.append(
                        {
                            "id": key,
                            "ban": ban_id,
                            "confidence": confidence.value,
                            "component": {"ref": component.ref, "name": component.name, "purl": component.purl},
                        }
                    )
                item_keys.append(key)
            keys.append(item_keys)
        decisions: dict[str, Any] = {}
        batch = self.engine.decide_batch or len(findings_input) or 1
        for start in range(0, len(findings_input), batch):
            chunk = findings_input[start : start + batch]
            decisions.update(self._ask(chunk))
        for decision in decisions.values():
            if isinstance(decision, dict):
                self._covering.update(decision.get("covered_by") or ())
        results = []
        for sbom_number, item in enumerate(pending):
            findings: list[Finding] = []
            out_of_scope = 0
            for finding_number, (component, ban_number, evidence, _) in enumerate(item.raw):
                key = keys[sbom_number][finding_number]
                decision = decisions.get(key)
                if not isinstance(decision, dict):
                    raise EngineError(f"{DECIDE_QUERY} gave no decision for finding {key}")
                if not decision.get("in_scope", True):
                    out_of_scope += 1
                    continue
                findings.append(self._finding(component, self.index.bans[ban_number], evidence, decision))
            findings.sort(key=_finding_order)
            results.append(msgspec.structs.replace(item.result, findings=findings, out_of_scope=out_of_scope))
        return results

    def _ask(self, findings: list[dict[str, Any]]) -> dict[str, Any]:
        """The decisions for some findings, by finding id.

        `data.enforcer.decisions` (the same decisions as an array, in input
        order) is asked first: engines build arrays faster than objects. A
        decision library without it is asked for `data.enforcer.decide`.
        """
        request = self.decision_input(findings)
        if self._use_array:
            answer = self.engine.query(DECISIONS_QUERY, request)
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

    def decision_input(self, findings: list[dict[str, Any]]) -> dict[str, Any]:
        """The input of `data.enforcer.decide`: the findings, and the bans they name.

        The bans travel in the input (as read from `data.enforcer.bans.bans`)
        so the decision evaluates a handful of bans, not the whole table again.
        """
        named = {finding["ban"] for finding in findings}
        return {
            "as_of": self.options.as_of.isoformat(),
            "scopes": list(self.options.scopes),
            "warn_days": self.options.warn_days,
            "findings": findings,
            "waivers": self._waiver_input,
            "bans": [self._ban_input[ban_id] for ban_id in sorted(named) if ban_id in self._ban_input],
        }

    def _finding(
        self, component: ComponentInfo, ban: Ban, evidence: list[MatchEvidence], decision: dict[str, Any]
    ) -> Finding:
        try:
            phase = decision.get("phase")
            waiver = decision.get("waiver")
            # the parts that come from Rego are validated; the rest is the enforcer's own
            return Finding(
                component=component,
                ban=ban.id,
                vendor=ban.vendor,
                verdict=Verdict(decision["verdict"]),
                phase=self._phase_info(phase) if phase else None,
                reason=str(decision.get("reason", "")),
                matches=evidence,
                waiver=msgspec.convert(waiver, WaiverInfo) if waiver else None,
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

    def ban_status(self) -> dict[str, Any]:
        """Each ban's status on the as-of date (active, upcoming, not-yet, ended)."""
        status = self.engine.query(STATUS_QUERY, self.decision_input([]))
        return status if isinstance(status, dict) else {}

    # -- the whole run -----------------------------------------------------------

    def run(self, paths: Iterable[str], *, progress: Callable[[int], None] | None = None) -> RunResult:
        pending = []
        for number, path in enumerate(find_sboms(paths)):
            pending.append(self.match_path(path))
            if progress is not None:
                progress(number + 1)
        return self.result(self.decide(pending))

    def result(self, sboms: list[SbomResult]) -> RunResult:
        used = self._covering | {f.waiver.id for sbom in sboms for f in sbom.findings if f.waiver is not None}
        return RunResult(
            tool_version=__version__,
            as_of=self.options.as_of,
            scopes=sorted(self.options.scopes),
            warn_days=self.options.warn_days,
            engine=self.engine.describe(),
            policies=[module.path for module in self.modules],
            sboms=sboms,
            unused_waivers=sorted(w.id for w in self.waivers if w.id not in used),
            bans=sorted(
                (
                    BanInfo(
                        id=ban.id,
                        vendor=ban.vendor,
                        title=ban.title,
                        references=list(ban.references),
                        scopes=list(ban.scopes),
                        enabled=ban.enabled,
                    )
                    for ban in self.bans
                ),
                key=lambda info: info.id,
            ),
            started_at=self.started_at,
        )


def _started_at() -> dt.datetime:
    """Now (UTC, whole seconds), or SOURCE_DATE_EPOCH when set, so reports can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class _TableQueries(PolicyEngine):
    """The ban and waiver tables, from the cache when the policies are unchanged.

    On the embedded engine, evaluating `data.enforcer.bans.bans` is the
    slowest step of a small check; its raw answer depends only on the module
    texts, so it is kept in the cache (`enforcer._cache`) under their hash.
    The answers are validated against the contract on every run all the same;
    they are written to the cache only after that validation passed.
    """

    name = "tables"

    def __init__(self, engine: PolicyEngine, cache_name: str | None, cached: dict[str, Any] | None) -> None:
        self._engine = engine
        self._cache_name = cache_name
        self._cached = cached
        self._answers: dict[str, Any] = {}

    @classmethod
    def for_engine(cls, engine: PolicyEngine, modules: Sequence[PolicyModule]) -> _TableQueries:
        if engine.name != "embedded":  # a server may hold other policies than the files say
            return cls(engine, None, None)
        name = f"{_cache.policy_key(modules, 'tables', __version__)}.tables.json"
        raw = _cache.read(name)
        try:
            cached = orjson.loads(raw) if raw else None
        except orjson.JSONDecodeError:
            cached = None
        return cls(engine, name, cached if isinstance(cached, dict) else None)

    @property
    def from_cache(self) -> bool:
        return self._cached is not None

    @property
    def cache_name(self) -> str | None:
        return self._cache_name

    def load(self, modules: Sequence[PolicyModule]) -> None:
        raise NotImplementedError("the table queries use an engine that is already loaded")

    def query(self, query: str, input: Any = None) -> Any:
        if self._cached is not None and query in self._cached and input is None:
            return self._cached[query]
        answer = self._engine.query(query, input)
        self._answers[query] = answer
        return answer

    def remember(self) -> None:
        """Keep the answers for the next run (called once they validated)."""
        if self._cache_name is not None and self._cached is None and self._answers:
            _cache.write(self._cache_name, orjson.dumps(self._answers))


def _decision_ban(ban: Ban) -> dict[str, Any]:
    """The part of a ban the decision library reads, as plain data (`from`, not `from_`)."""
    document = msgspec.to_builtins(ban)
    return {key: document[key] for key in ("id", "vendor", "phases", "scopes")}


def _finding_order(finding: Finding) -> tuple[int, str, str, str]:
    rank = {"deny": 0, "warn": 1, "waived": 2, "allow": 3}[finding.status]
    return (rank, finding.ban, finding.component.ref, finding.component.name)


def check(paths: Iterable[str], options: Options | None = None) -> RunResult:
    """Check SBOMs against the policies: the library's one-call entry point."""
    with Enforcer(options or Options()) as enforcer:
        return enforcer.run(paths)
