"""Orchestration: the stages in one direction, for the library and the CLI alike.

    policies ──► engine ──► ban table ──► match index ──► needles
    SBOM ──► load (records) ──► match (matches) ──► decide (findings) ──► RunResult ──► report

`Enforcer` holds what is built once per run (the engine with its modules,
the validated bans, the match index, the decider); `Enforcer.run` expands
the paths, loads and matches every SBOM (in parallel processes with
`jobs`), decides every match in batched queries and returns a `RunResult`.
No stage calls back into an earlier one: the loaders get the needles as
plain data and return records with their paths; the matcher returns
matches with their evidence; the decider returns findings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from enforcer import __version__
from enforcer._checked import Checked, match_file, match_loaded
from enforcer._env import source_date_epoch
from enforcer._models import BanInfo, RunResult, SbomResult
from enforcer._records import ComponentRecord
from enforcer.decide import Decider
from enforcer.engine import create_engine
from enforcer.engine.interface import PolicyEngine, PolicyModule
from enforcer.load import LoadedSbom, expand_paths
from enforcer.match.index import MatchIndex
from enforcer.policy import find_modules, shipped_policies, uses_shipped_decisions, with_decision_library
from enforcer.policy.tables import read_tables

#: The shipped pack is stale when its newest review is older than this many days (a warning, once per run).
PACK_REVIEW_DAYS = 180


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


class Enforcer:
    """Policies compiled, bans validated, index built: ready to check SBOMs."""

    def __init__(self, options: Options, *, engine: PolicyEngine | None = None) -> None:
        self.options = options
        self.started_at = _started_at()
        paths = list(options.policies) or [shipped_policies()]
        self.modules: list[PolicyModule] = with_decision_library(find_modules(paths))
        self.engine = engine or create_engine(options.engine, **options.engine_options)
        try:
            self.engine.load(self.modules)
            tables = read_tables(self.engine, self.modules, options.waivers)
        except BaseException:
            self.engine.close()  # what was pushed to a server goes again
            raise
        self.bans = tables.bans
        self.waivers = tables.waivers
        #: what the user should know about this run's policies (said once, on stderr, by the CLI)
        self.notices: list[str] = _pack_notices(self.modules, self.bans)
        if not any(ban.enabled for ban in self.bans):
            self.notices.append("the policies give no enabled ban: this run cannot find anything")
        self.index = MatchIndex(self.bans)
        self.needles = self.index.needles()
        self.decider = Decider(
            self.engine,
            self.index.bans,
            self.waivers,
            as_of=options.as_of,
            scopes=list(options.scopes),
            warn_days=options.warn_days,
            shipped=uses_shipped_decisions(self.modules),
        )

    @property
    def options(self) -> Options:
        return self._options

    @options.setter
    def options(self, options: Options) -> None:
        """New options for the next decisions (the date, scopes and warning window); the policies stay."""
        self._options = options
        decider = getattr(self, "decider", None)
        if decider is not None:
            decider.as_of, decider.scopes, decider.warn_days = options.as_of, list(options.scopes), options.warn_days

    def close(self) -> None:
        self.engine.close()

    def __enter__(self) -> Enforcer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- load and match ----------------------------------------------------------------

    def match_path(self, path: str) -> Checked:
        """Load and match one SBOM; an unreadable file becomes an error result."""
        return match_file(self.index, path, self.needles)

    def match_loaded(self, loaded: LoadedSbom) -> Checked:
        return match_loaded(self.index, loaded)

    def match_records(self, path: str, records: Sequence[ComponentRecord]) -> Checked:
        """Match records built elsewhere (a spot check, the inventory), as one SBOM."""
        return Checked(SbomResult(path=path), self.index.match(records).matches)

    # -- decide ------------------------------------------------------------------------

    def decide(self, checked: Sequence[Checked]) -> list[SbomResult]:
        """Every match of every SBOM decided, in batched queries; the SBOMs' results with their findings."""
        decided = self.decider.decide([item.matches for item in checked])
        return [
            msgspec.structs.replace(item.result, findings=result.findings, out_of_scope=result.out_of_scope)
            for item, result in zip(checked, decided, strict=True)
        ]

    def ban_status(self) -> dict[str, Any]:
        """Each ban's status on the as-of date (active, upcoming, not-yet, ended), disabled bans too."""
        return self.decider.status(self.bans)

    # -- the whole run -----------------------------------------------------------------

    def run(
        self,
        paths: Iterable[str],
        *,
        jobs: int = 1,
        progress: Callable[[int], None] | None = None,
        dask: str | None = None,
    ) -> RunResult:
        """Check SBOM files, directories and glob patterns (each file once), in `jobs` processes.

        `dask`: the address of a Dask scheduler whose workers load and match
        the files instead (they must see them at the same absolute paths);
        the verdicts are decided here, in one batched query, as always.
        """
        from enforcer._batch import match_many

        files = expand_paths(paths)
        return self.result(self.decide(match_many(self, files, jobs=jobs, progress=progress, dask=dask)))

    def result(self, sboms: list[SbomResult]) -> RunResult:
        used = self.decider.covering | {f.waiver.id for sbom in sboms for f in sbom.findings if f.waiver is not None}
        return RunResult(
            tool_version=__version__,
            as_of=self.options.as_of,
            scopes=sorted(self.options.scopes),
            warn_days=self.options.warn_days,
            engine=self.engine.describe(),
            policies=[module.path for module in self.modules],
            sboms=sboms,
            unused_waivers=sorted(w.id for w in self.waivers if w.id not in used),
            bans=sorted((ban_info(ban) for ban in self.bans), key=lambda info: info.id),
            started_at=self.started_at,
        )


def ban_info(ban: Any) -> BanInfo:
    """A ban as reports cite it."""
    return BanInfo(
        id=ban.id,
        vendor=ban.vendor,
        title=ban.title,
        references=ban.references,
        scopes=ban.scopes,
        enabled=ban.enabled,
        covers=ban.coverage.describe(),
        phases=ban.phases,
        confidence=ban.confidence,
        reviewed=ban.reviewed,
    )


def _pack_notices(modules: Sequence[PolicyModule], bans: Sequence[Any]) -> list[str]:
    """A warning when the run uses the shipped government pack and its newest review is old."""
    shipped = str(shipped_policies() / "gov")
    if not any(module.path.startswith(shipped) for module in modules):
        return []
    reviewed = [ban.reviewed for ban in bans if ban.reviewed is not None and ban.id]
    today = dt.datetime.now(dt.UTC).date()
    if not reviewed:
        return ["the shipped government pack gives no review dates: its facts may be out of date"]
    newest = max(reviewed)
    if (today - newest).days > PACK_REVIEW_DAYS:
        return [
            f"the shipped government pack was last reviewed on {newest}, over {PACK_REVIEW_DAYS} days ago:"
            " bans may have changed since; update the enforcer or review the pack"
        ]
    return []


def _started_at() -> dt.datetime:
    """Now (UTC, whole seconds), or SOURCE_DATE_EPOCH when set, so reports can be reproduced.

    A SOURCE_DATE_EPOCH that is no time is a `SettingError`, never ignored.
    """
    return source_date_epoch() or dt.datetime.now(dt.UTC).replace(microsecond=0)


def check(paths: Iterable[str], options: Options | None = None, *, jobs: int = 1) -> RunResult:
    """Check SBOMs against the policies: the library's one-call entry point (paths as the CLI takes them)."""
    with Enforcer(options or Options()) as enforcer:
        return enforcer.run(paths, jobs=jobs)
