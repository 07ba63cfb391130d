"""Policies: the Rego files a run evaluates, and the queries it asks them.

`find_modules` reads the policy files; `with_decision_library` adds the
shipped decision library when a team's own policy set has none. The ban and
waiver tables are read and validated by `enforcer.policy.tables`; checking
and listing policies live beside (`lint`, `listing`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from enforcer._errors import PolicyError
from enforcer.engine.interface import PolicyModule

BANS_QUERY = "data.enforcer.bans.bans"
WAIVERS_QUERY = "data.enforcer.waivers.waivers"
DECIDE_QUERY = "data.enforcer.decide"
DECISIONS_QUERY = "data.enforcer.decisions"
STATUS_QUERY = "data.enforcer.ban_status"


def shipped_policies() -> Path:
    """The policies shipped with the enforcer: `enforcer/_policies`.

    In a wheel that is a directory of the package; in a checkout, a link to
    the checkout's `policies/`, which is returned as such (so reports name
    `policies/...`). A checkout whose link was not kept (a system without
    symbolic links) still finds `policies/` beside the package.
    """
    here = Path(__file__).resolve().parent.parent  # the enforcer package
    shipped = (here / "_policies").resolve()
    if shipped.is_dir():
        return shipped
    checkout = here.parent / "policies"
    if (here.parent / "pyproject.toml").is_file() and checkout.is_dir():
        return checkout
    raise PolicyError(f"the shipped policies are missing (looked in {here / '_policies'})")


def find_modules(paths: Sequence[Path | str], *, tests: bool = False) -> list[PolicyModule]:
    """Every Rego file under the paths, sorted; `_test.rego` files only if `tests`."""
    modules: list[PolicyModule] = []
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.rego") if p.is_file())
            if not tests:
                files = [p for p in files if not p.name.endswith("_test.rego")]
            if not files:
                raise PolicyError(f"{path}: no Rego files (*.rego) in this directory")
        elif path.is_file():
            if path.suffix != ".rego":
                raise PolicyError(f"{path}: not a Rego file (expected *.rego)")
            files = [path]
        else:
            raise PolicyError(f"{path}: no such file or directory")
        for file in files:
            try:
                text = file.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                raise PolicyError(f"{file}: not UTF-8 text") from None
            except OSError as error:
                raise PolicyError(f"{file}: cannot read: {error.strerror or error}") from None
            modules.append(PolicyModule(str(file), text))
    seen: set[str] = set()
    unique = []
    for module in modules:
        if module.path not in seen:
            seen.add(module.path)
            unique.append(module)
    return unique


_DECIDE_PACKAGE = re.compile(r"(?m)^package\s+enforcer\s*$")
_DECIDE_RULE = re.compile(r"(?m)^decide\s*:?=")


def decision_library() -> Path:
    """The shipped decision library (policies/enforcer/decide.rego)."""
    return shipped_policies() / "enforcer" / "decide.rego"


def with_decision_library(modules: list[PolicyModule]) -> list[PolicyModule]:
    """The modules, plus the shipped decision library if none of them defines `data.enforcer.decide`.

    A team's own policy directory then holds only its bans (and waivers):
    `--policy my-bans/` works without repeating `--policy policies/enforcer`.
    """
    if any(_DECIDE_PACKAGE.search(m.text) and _DECIDE_RULE.search(m.text) for m in modules):
        return modules
    return [*modules, *find_modules([decision_library()])]


_ENFORCER_PACKAGE = re.compile(r"(?m)^\s*package\s+(?:data\.)?enforcer(?![\w.])")


def uses_shipped_decisions(modules: Sequence[PolicyModule]) -> bool:
    """True when `package enforcer` is exactly the shipped decision library, and nothing else adds to it.

    Its decisions depend on a finding's component only through the waivers
    that name the finding's ban (or every ban): the enforcer may then ask once
    per ban and match strength instead of once per finding.
    """
    shipped = decision_library().read_text(encoding="utf-8")
    own = [module for module in modules if _ENFORCER_PACKAGE.search(module.text)]
    return len(own) == 1 and own[0].text == shipped
