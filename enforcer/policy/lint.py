"""`enforcer policy check`: compile the policies and report every problem at once.

Not an engine: it uses one. It flags Rego that behaves differently on the
embedded engine and OPA, runs `opa check` when an OPA binary is available,
compiles the policies on the chosen engine, validates every ban and waiver
against the contract, and asks for a verdict on every ban.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from enforcer._errors import PolicyError
from enforcer._models import Ban, Waiver
from enforcer.engine.interface import PolicyModule
from enforcer.policy import BANS_QUERY, WAIVERS_QUERY, find_modules, shipped_policies, with_decision_library
from enforcer.policy.tables import ban_problems, read_waiver_files, waiver_problems


@dataclass
class PolicyCheck:
    """What `enforcer policy check` found."""

    engine: str
    modules: list[PolicyModule]
    bans: list[Ban] = field(default_factory=list)
    waivers: list[Waiver] = field(default_factory=list)
    #: each breaks the check (exit 3): file, ban id or line, and what is wrong
    problems: list[str] = field(default_factory=list)
    #: shown, but the check still passes (constructs that may differ between engines)
    warnings: list[str] = field(default_factory=list)
    #: what was not checked, and why
    notes: list[str] = field(default_factory=list)


def check_policies(
    paths: Sequence[Path | str],
    engine_name: str,
    engine_options: dict[str, Any],
    waiver_files: Sequence[Path | str] = (),
) -> PolicyCheck:
    """Compile the policies on the engine and collect every problem instead of stopping at the first.

    Checks, in order: constructs that behave differently on the embedded
    engine (`enforcer.policy.portability`), `opa check` when an OPA binary
    is available (it reports unsafe variables the embedded engine lets
    through), compilation on the chosen engine, every ban and waiver against
    the contract, and a verdict for every ban on every phase date.
    """
    from enforcer.engine import create_engine
    from enforcer.engine.opa_cli import find_opa, opa_check
    from enforcer.policy.portability import decision_problems, scan_modules

    modules = with_decision_library(find_modules(list(paths) or [shipped_policies()]))
    engine = create_engine(engine_name, **engine_options)
    report = PolicyCheck(engine=engine.describe(), modules=modules)
    with engine:
        for issue in scan_modules(modules):
            (report.problems if issue.severity == "error" else report.warnings).append(str(issue))
        timeout = float(engine_options.get("timeout") or 10.0)
        binary = find_opa(engine_options.get("opa_binary"), timeout=timeout)
        if binary is not None:
            report.problems.extend(opa_check(binary, modules, timeout=max(timeout, 30.0)))
        else:
            report.notes.append("no OPA binary found: `opa check` skipped (unsafe variables go unreported)")
        try:
            engine.load(modules)
        except PolicyError as error:
            report.problems.append(str(error))
            return report
        report.bans, problems = ban_problems(engine.query(BANS_QUERY), modules)
        report.problems.extend(problems)
        report.waivers, problems = waiver_problems(engine.query(WAIVERS_QUERY), modules)
        report.problems.extend(problems)
        try:
            report.waivers = [*report.waivers, *read_waiver_files(waiver_files)]
        except PolicyError as error:
            report.problems.extend(error.lines())
        report.problems.extend(decision_problems(engine, report.bans, report.waivers))
    return report
