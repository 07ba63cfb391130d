"""Specification checks on the CycloneDX fields the matcher reads.

A component that breaks the specification in a field the enforcer relies on
(no type, no name, an empty or repeated ``bom-ref``, an unknown hash
algorithm, a digest that is no hex digest, a dependency without a ``ref``)
is still checked, and the SBOM gets a warning naming the JSON path, so a
broken generator is noticed instead of silently half-read. Fields the
enforcer does not read (licences, patches, data flows, timestamps) are not
checked here.

The checks cost a pass over the components, so only the first
`CHECKED_COMPONENTS` are checked: a generator that breaks the specification
shows it early, and a huge SBOM is not slowed down.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from enforcer.sbom.cyclonedx_json import Bom, Component

#: Component types of every CycloneDX version (1.0 to 1.7).
COMPONENT_TYPES = frozenset(
    {
        "application",
        "framework",
        "library",
        "container",
        "platform",
        "operating-system",
        "device",
        "device-driver",
        "firmware",
        "file",
        "machine-learning-model",
        "data",
        "cryptographic-asset",
    }
)
HASH_ALGORITHMS = frozenset(
    {
        "MD5",
        "SHA-1",
        "SHA-256",
        "SHA-384",
        "SHA-512",
        "SHA3-256",
        "SHA3-384",
        "SHA3-512",
        "BLAKE2b-256",
        "BLAKE2b-384",
        "BLAKE2b-512",
        "BLAKE3",
        "Streebog-256",
        "Streebog-512",
    }
)
_DIGEST_LENGTHS = frozenset({32, 40, 64, 96, 128})
_HEX = "0123456789abcdefABCDEF"
#: Components checked per SBOM (in document order, the document's own component first).
CHECKED_COMPONENTS = 20_000
#: Warnings kept per SBOM; the rest are counted in one last line.
MAX_WARNINGS = 20


def spec_warnings(bom: Bom) -> list[str]:
    """One line per problem, at most `MAX_WARNINGS` (then a count of the rest)."""
    if _looks_valid(bom):
        return []
    problems: list[str] = []
    seen: set[str] = set()
    for number, (where, component) in enumerate(_components(bom)):
        if number == CHECKED_COMPONENTS:
            break
        _component(where, component, seen, problems)
    for i, dependency in enumerate(bom.dependencies or ()):
        if not dependency.ref:
            problems.append(f"$.dependencies[{i}].ref: missing or empty")
    if len(problems) > MAX_WARNINGS:
        rest = len(problems) - MAX_WARNINGS
        problems[MAX_WARNINGS:] = [f"{rest} more problems like these"]
    return problems


def _looks_valid(bom: Bom) -> bool:
    """The quick pass every SBOM takes: no paths, no strings built; False at the first problem."""
    seen: set[str] = set()
    stack = list(bom.components or ())[::-1]
    if bom.metadata is not None and bom.metadata.component is not None:
        stack.append(bom.metadata.component)
    types, algorithms, lengths = COMPONENT_TYPES, HASH_ALGORITHMS, _DIGEST_LENGTHS
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
                content = digest.content
                if digest.alg not in algorithms or len(content) not in lengths or content.strip(_HEX):
                    return False
        if component.components:
            stack.extend(reversed(component.components))
    return all(dependency.ref for dependency in bom.dependencies or ())


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
        if len(digest.content) not in _DIGEST_LENGTHS or digest.content.strip(_HEX):
            problems.append(f"{where}.hashes[{i}].content: not a hex digest of 32, 40, 64, 96 or 128 digits")
