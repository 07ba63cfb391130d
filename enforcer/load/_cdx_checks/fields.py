"""The checks of the fields the matcher reads, on the decoded `Bom` (JSON and XML alike)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from enforcer.load._cdx_checks.rules import (
    CHECKED_COMPONENTS,
    COMPONENT_TYPES,
    DIGEST_LENGTHS,
    HASH_ALGORITHMS,
    HEX,
    HEX_BYTES,
)

if TYPE_CHECKING:
    from enforcer.load.cyclonedx_model import Bom, Component


def bom_problems(bom: Bom, *, dependencies: bool = True) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for number, (where, component) in enumerate(_components(bom)):
        if number == CHECKED_COMPONENTS:
            break
        _component(where, component, seen, problems)
    for i, dependency in enumerate((bom.dependencies if dependencies else None) or ()):
        if not dependency.ref:
            problems.append(f"$.dependencies[{i}].ref: missing or empty")
    return problems


def looks_valid(bom: Bom, *, dependencies: bool = True) -> bool:
    """The quick pass every SBOM takes: no paths built; False at the first problem."""
    seen: set[str] = set()
    digests: list[str] = []  # checked for hex digits at the end, all at once
    stack = (bom.components or [])[:CHECKED_COMPONENTS][::-1]
    if bom.metadata is not None and bom.metadata.component is not None:
        stack.append(bom.metadata.component)
    types, algorithms, lengths = COMPONENT_TYPES, HASH_ALGORITHMS, DIGEST_LENGTHS
    for _ in range(CHECKED_COMPONENTS):
        if not stack:
            break
        component = stack.pop()
        if component.type not in types or not component.name:
            return False
        ref = component.bom_ref
        if ref is not None:
            if not ref or ref in seen:
                return False
            seen.add(ref)
        if component.hashes:
            for digest in component.hashes:
                if digest.alg not in algorithms or len(digest.content) not in lengths:
                    return False
                digests.append(digest.content)
        if component.components:
            stack.extend(reversed(component.components))
    return _all_hex("".join(digests)) and (
        not dependencies or all(dependency.ref for dependency in bom.dependencies or ())
    )


def _all_hex(text: str) -> bool:
    """True when every character is a hex digit: deleting them leaves nothing (one pass in C)."""
    return not text.encode().translate(None, HEX_BYTES)


def _components(bom: Bom) -> Iterator[tuple[str, Component]]:
    """Every component with its JSON path, depth-first in document order."""
    tops: list[tuple[str, Component]] = []
    if bom.metadata is not None and bom.metadata.component is not None:
        tops.append(("$.metadata.component", bom.metadata.component))
    tops.extend((f"$.components[{i}]", component) for i, component in enumerate(bom.components or ()))
    stack = tops[::-1]
    while stack:
        where, component = stack.pop()
        yield where, component
        if component.components:
            stack.extend(
                (f"{where}.components[{i}]", child) for i, child in reversed(list(enumerate(component.components)))
            )


def _component(where: str, component: Component, seen: set[str], problems: list[str]) -> None:
    if not component.type:
        problems.append(f"{where}.type: missing")
    elif component.type not in COMPONENT_TYPES:
        problems.append(f"{where}.type: {component.type!r} is not a CycloneDX component type")
    if not component.name:
        problems.append(f"{where}.name: missing")
    ref = component.bom_ref
    if ref is not None:
        if not ref:
            problems.append(f"{where}.bom-ref: empty")
        elif ref in seen:
            problems.append(f"{where}.bom-ref: {ref!r} is used by another component too")
        else:
            seen.add(ref)
    for i, digest in enumerate(component.hashes or ()):
        if digest.alg not in HASH_ALGORITHMS:
            problems.append(f"{where}.hashes[{i}].alg: {digest.alg!r} is not a CycloneDX hash algorithm")
        if len(digest.content) not in DIGEST_LENGTHS or digest.content.strip(HEX):
            problems.append(f"{where}.hashes[{i}].content: not a hex digest of 32, 40, 64, 96 or 128 digits")
