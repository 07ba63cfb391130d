"""The pipeline a newcomer can see: the stages call one way, and no part imports in a circle.

Every import in the package (at the top of a module or inside a function) is
read with `ast`. Each module belongs to a part (ARCHITECTURE.md):

    the command line  ->  the orchestrator  ->  load -> identify -> match -> decide -> report

with the services the stages use (policy, engine, contract) and the shared
types every part may use (`_models`, `_records`, `_errors`, ...). A stage may
import the stages after it, never one before it; the shared types import no
part; and no two parts import each other.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "enforcer"

#: The stages, in the order data flows through them.
STAGES = ["load", "identify", "match", "decide", "report"]
#: What every part may import: the stage-neutral types and helpers.
SHARED = {
    "_models", "_records", "_errors", "_cache", "_native", "_choices", "_jsontext", "_env", "_printable", "__init__",
    "config", "contract",
}  # fmt: skip
#: Services a stage may use, and what they may use in turn.
SERVICES = {
    "engine": {"engine"},
    "policy": {"policy", "engine", "decide"},
    "contract": {"contract", "identify"},
}
#: The parts that drive the stages.
DRIVERS = {"cli", "_run", "_checked", "_batch", "_dask", "_vendor", "inventory", "__main__"}


def part_of(module: str) -> str:
    """`enforcer.load.spdx_json` -> `load`; `enforcer._run` -> `_run`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).with_suffix("")
        name = ".".join(relative.parts)
        found[name.removesuffix(".__init__")] = path
    return found


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node of the code, but what only a type checker reads (`if TYPE_CHECKING:` blocks)."""
    found: list[ast.AST] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            stack.extend(node.orelse)
            continue
        found.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return found


def imports_of(path: Path, module: str) -> set[str]:
    """Every `enforcer...` module the file imports when it runs, at any depth of the code."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("enforcer"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.startswith("enforcer"):
                submodules = {f"{target}.{alias.name}" for alias in node.names} & set(_modules())
                found.update(submodules or {target})
    modules = _modules()
    # a module inside a package that reaches the package's own `__init__` (to get at a sibling) is no cycle
    return {name for name in found if name in modules and not module.startswith(f"{name}.")}


GRAPH = {module: imports_of(path, module) for module, path in _modules().items()}


def _allowed(source: str, target: str) -> bool:
    if source == target or target in SHARED:
        return True
    if source in SHARED:
        # the shared types import no part (the package's lazy `__init__` names the public API)
        return source == "__init__" or (source == "contract" and target == "identify")
    if source in DRIVERS:
        return True
    if source in STAGES:
        if target in STAGES:
            return STAGES.index(target) > STAGES.index(source)
        return target in ("engine", "policy") and source == "decide"
    if source in SERVICES:
        return target in SERVICES[source] or target in SHARED
    return False


def test_every_module_belongs_to_a_known_part() -> None:
    known = set(STAGES) | SHARED | set(SERVICES) | DRIVERS
    unknown = sorted({part_of(module) for module in GRAPH} - known)
    assert unknown == [], f"parts this test does not place (add them to ARCHITECTURE.md and here): {unknown}"


def test_the_stages_call_one_way() -> None:
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if not _allowed(part_of(module), part_of(target))
    )
    assert wrong == []


def test_no_part_imports_in_a_circle() -> None:
    edges: dict[str, set[str]] = defaultdict(set)
    for module, targets in GRAPH.items():
        for target in targets:
            if part_of(module) != part_of(target):
                edges[part_of(module)].add(part_of(target))
    cycles = []
    for start in list(edges):
        stack = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            for nxt in edges.get(node, ()):
                if nxt == start:
                    cycles.append(" -> ".join([*trail, start]))
                elif nxt not in trail:
                    stack.append((nxt, [*trail, nxt]))
    allowed = {"__init__"}  # the lazy public API re-exports what the parts define
    assert [cycle for cycle in cycles if not allowed & set(cycle.split(" -> "))] == []


def test_no_module_imports_in_a_circle() -> None:
    """Within and across parts, module by module (imports inside functions included)."""
    cycles = set()
    for start in GRAPH:
        stack = [(start, (start,))]
        seen: set[str] = set()
        while stack:
            node, trail = stack.pop()
            for nxt in GRAPH.get(node, ()):
                if nxt == start and len(trail) > 1:
                    cycles.add(tuple(sorted(trail)))
                elif nxt not in trail and nxt not in seen and nxt != "enforcer":
                    seen.add(nxt)
                    stack.append((nxt, (*trail, nxt)))
    assert sorted(cycles) == []


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_is_a_package(stage: str) -> None:
    assert (PACKAGE / stage / "__init__.py").is_file()
