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

from enforcer._errors import EngineError
from enforcer._models import Ban, Confidence
from enforcer._records import CPE, GROUP, HASH, NAME, ORG, PERSON, PURL, URL, ComponentRecord, Value
from enforcer.match import normalise as norm
from enforcer.match.index import MatchIndex, group_key

#: The query that answers the reference rule's evidence...
REFERENCE_QUERY = "data.enforcer.reference.evidence"
#: ... and the [record index, ban number] pairs the bans' exclusions match.
EXCLUDED_QUERY = "data.enforcer.reference.excluded"

#: (record index, ban number, matcher, confidence, key, field, raw value)
ReferenceEvidence = tuple[int, int, str, Confidence, str, str, str]


def ban_keys(ban: Ban) -> dict[str, list[Any]]:
    """A ban's identities as normalised keys, the way `MatchIndex` builds its tables."""
    spec, named, excludes = ban.match, ban.coverage.products, ban.coverage.excludes
    return {
        "organizations": _unique(key for key in map(norm.org_key, spec.organizations) if key),
        "domains": _unique(norm.host_key(domain) or domain.lower() for domain in spec.domains),
        "cpe_vendors": _unique(norm.fold(vendor) for vendor in spec.cpe_vendors),
        "purls": _unique(list(norm.purl_pattern(pattern)) for pattern in spec.purls),
        "products": _unique(list(tokens) for product in spec.products for tokens in norm.product_variants(product)),
        "hashes": _unique(norm.hash_key(digest) for digest in spec.hashes),
        "product_names": _unique(list(tokens) for name in named.names for tokens in norm.product_variants(name)),
        "app_ids": _unique(norm.fold(app.strip()) for app in named.app_ids),
        "product_purls": _unique(list(norm.purl_pattern(pattern)) for pattern in named.purls),
        "exclude_names": _unique(list(tokens) for name in excludes.names for tokens in norm.product_variants(name)),
        "exclude_purls": _unique(list(norm.purl_pattern(pattern)) for pattern in excludes.purls),
    }


def value_input(value: Value) -> dict[str, Any]:
    """One identity value with the normalised forms the reference rule matches on."""
    kind, field, raw, _, party = value
    item: dict[str, Any] = {"kind": kind, "field": field, "raw": raw}
    if kind == ORG:
        item["keys"] = list(norm.org_keys(raw))
        item["hosts"] = list(norm.domains_in(raw))
        item["person"] = party == PERSON
    elif kind == URL:
        item["hosts"] = list(norm.domains_in(raw))
    elif kind == PURL:
        parts = norm.purl_path(raw)
        item["purl"] = [parts[0], parts[1]] if parts else None
        item["types"] = list(norm.purl_types(parts[0], parts[1])) if parts else []
        location = norm.repository_url(parts[2]) if parts else None
        item["repository_hosts"] = list(norm.domains_in(location)) if location else []
    elif kind == CPE:
        item["vendor"] = norm.cpe_vendor(raw)
    elif kind == GROUP:
        item["group"] = group_key(raw)
    elif kind == NAME:
        item["forms"] = [list(tokens) for tokens in norm.name_forms(raw)]
        item["folded"] = norm.fold(raw.strip())
    elif kind == HASH:
        item["key"] = norm.hash_key(raw)
    else:
        raise ValueError(f"unknown kind of identity value {kind!r}")
    return item


def record_input(record: ComponentRecord) -> dict[str, Any]:
    parts = norm.purl_path(record.purl) if record.purl else None
    return {
        "index": record.index,
        "values": [value_input(value) for value in record.values],
        "name_tokens": list(norm.name_tokens(record.name)) if record.name else None,
        "purl": [parts[0], parts[1]] if parts else None,
        "purl_types": list(norm.purl_types(parts[0], parts[1])) if parts else [],
    }


def reference_input(records: Iterable[ComponentRecord], index: MatchIndex) -> dict[str, Any]:
    """The input of the reference rule for these records and bans."""
    return {"bans": [ban_keys(ban) for ban in index.bans], "records": [record_input(record) for record in records]}


def reference_evidence(result: Any) -> dict[int, list[ReferenceEvidence]]:
    """The rule's evidence as tuples, by record index, sorted."""
    if result is None:
        return {}
    if not isinstance(result, list):
        raise EngineError(f"{REFERENCE_QUERY} must be a set, got {type(result).__name__}")
    found: dict[int, list[ReferenceEvidence]] = {}
    for item in result:
        if not (isinstance(item, list) and len(item) == 7):
            raise EngineError(f"{REFERENCE_QUERY}: malformed evidence {str(item)[:80]!r}")
        index, number, matcher, confidence, key, field, raw = item
        found.setdefault(int(index), []).append(
            (int(index), int(number), str(matcher), Confidence(confidence), str(key), str(field), str(raw))
        )
    for items in found.values():
        items.sort(key=evidence_order)
    return found


def fast_evidence(records: Iterable[ComponentRecord], index: MatchIndex) -> dict[int, list[ReferenceEvidence]]:
    """The fast index's evidence for the same records, in the reference rule's shape."""
    found: dict[int, list[ReferenceEvidence]] = {}
    for record in records:
        items = {
            (record.index, number, matcher, confidence, key, field, raw)
            for number, matcher, confidence, key, field, raw, _, _ in index.evidence(record)
        }
        if items:
            found[record.index] = sorted(items, key=evidence_order)
    return found


def evidence_order(evidence: ReferenceEvidence) -> tuple[int, int, str, str, str, str, str]:
    index, number, matcher, confidence, key, field, raw = evidence
    return (index, number, matcher, confidence.value, key, field, raw)


def _unique(items: Iterable[Any]) -> list[Any]:
    kept: list[Any] = []
    for item in items:
        if item not in kept:
            kept.append(item)
    return kept
