"""Input for the reference matcher (policies/enforcer/reference.rego), and its output back.

The reference rule states the fast index's matching in plain Rego, so that
the two can be compared on any SBOM. Normalisation is Python's on both sides
(`enforcer.match.normalise`): every raw value of every record goes in with its
normalised forms, every ban with its normalised keys. No value is filtered
out here; the pre-filters of the fast path are exactly what the comparison
checks.

    >>> from enforcer.match.index import MatchIndex
    >>> reference_input([], MatchIndex([]))
    {'bans': [], 'records': []}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote

from enforcer._errors import EngineError
from enforcer._models import Ban, Confidence
from enforcer.match import normalise as norm
from enforcer.match.index import Evidence, MatchIndex
from enforcer.sbom.interface import CPE, GROUP, HASH, NAME, ORG, PURL, URL, ComponentRecord

#: The query that answers the reference rule.
REFERENCE_QUERY = "data.enforcer.reference.evidence"


def ban_keys(ban: Ban) -> dict[str, list[Any]]:
    """A ban's match spec as normalised keys, the way `MatchIndex` builds its tables."""
    spec = ban.match
    return {
        "organizations": _unique(key for key in map(norm.org_key, spec.organizations) if key),
        "domains": _unique(norm.host_key(domain) or domain.lower() for domain in spec.domains),
        "cpe_vendors": _unique(norm.fold(vendor) for vendor in spec.cpe_vendors),
        "purls": _unique(list(norm.purl_pattern(pattern)) for pattern in spec.purls),
        "products": _unique(list(tokens) for tokens in map(norm.name_tokens, spec.products) if tokens),
        "hashes": _unique(norm.hash_key(digest) for digest in spec.hashes),
    }


def group_key(raw: str) -> str:
    """A CycloneDX group as a namespace path (what `MatchIndex.group` looks up)."""
    group = norm.fold(raw.strip()).strip("/")
    return unquote(group) if "%" in group else group


def value_input(kind: str, field: str, raw: str) -> dict[str, Any]:
    """One identity value with the normalised forms the reference rule matches on."""
    value: dict[str, Any] = {"kind": kind, "field": field, "raw": raw}
    if kind == ORG:
        value["key"] = norm.org_key(raw)
        value["hosts"] = list(norm.domains_in(raw))
    elif kind == URL:
        value["hosts"] = list(norm.domains_in(raw))
    elif kind == PURL:
        parts = norm.purl_path(raw)
        value["purl"] = [parts[0], parts[1]] if parts else None
        location = norm.repository_url(parts[2]) if parts else None
        value["repository_hosts"] = list(norm.domains_in(location)) if location else []
    elif kind == CPE:
        value["vendor"] = norm.cpe_vendor(raw)
    elif kind == GROUP:
        value["group"] = group_key(raw)
    elif kind == NAME:
        value["tokens"] = list(norm.name_tokens(raw))
    elif kind == HASH:
        value["key"] = norm.hash_key(raw)
    else:
        raise ValueError(f"unknown kind of identity value {kind!r}")
    return value


def reference_input(records: Iterable[ComponentRecord], index: MatchIndex) -> dict[str, Any]:
    """The input of `data.enforcer.reference.evidence` for these records and bans."""
    return {
        "bans": [ban_keys(ban) for ban in index.bans],
        "records": [
            {"index": record.index, "values": [value_input(kind, field, raw) for kind, field, raw in record.values]}
            for record in records
        ],
    }


def reference_evidence(result: Any) -> dict[int, list[Evidence]]:
    """The rule's output as `MatchIndex` evidence tuples, by record index, sorted."""
    if result is None:
        return {}
    if not isinstance(result, list):
        raise EngineError(f"{REFERENCE_QUERY} must be a set, got {type(result).__name__}")
    found: dict[int, list[Evidence]] = {}
    for item in result:
        if not (isinstance(item, list) and len(item) == 7):
            raise EngineError(f"{REFERENCE_QUERY}: malformed evidence {str(item)[:80]!r}")
        index, number, matcher, confidence, key, field, raw = item
        found.setdefault(int(index), []).append(
            (int(number), str(matcher), Confidence(confidence), str(key), str(field), str(raw))
        )
    for items in found.values():
        items.sort(key=evidence_order)
    return found


def evidence_order(evidence: Evidence) -> tuple[int, str, str, str, str, str]:
    number, matcher, confidence, key, field, raw = evidence
    return (number, matcher, confidence.value, key, field, raw)


def _unique(items: Iterable[Any]) -> list[Any]:
    kept: list[Any] = []
    for item in items:
        if item not in kept:
            kept.append(item)
    return kept
