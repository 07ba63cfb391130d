"""The match index: bans compiled once into hash tables; records in, matches out.

`MatchIndex(bans)` turns every ban's identities into dictionaries keyed by
normalised values. Matching a component is then a handful of lookups, one per
identity value, never a loop over the bans:

========================  ======================================  ==========
matcher                   key looked up                           confidence
========================  ======================================  ==========
``organization``          normalised organisation name            exact
``organization-prefix``   its leading words ("huawei device" ->    strong
                          "huawei")
``person-name``           a person's name that is or begins with  weak
                          a one-word alias ("Dahua Lin")
``domain``                host of a URL/e-mail and its parents    exact
``cpe-vendor``            CPE vendor field                        exact
``purl``                  purl type + namespace/name prefixes     exact
``group``                 CycloneDX group as a namespace prefix   exact
``hash``                  digest                                  exact
``product``               word tokens of the component name       weak
``product-name``          the whole name is a named product       strong
``app-id``                an app's package or bundle id           exact
``product-purl``          a purl pattern of a named product       exact
========================  ======================================  ==========

The last three come from what a ban covers (contract 2, ``covers.products``).
`match` groups the hits of one component by ban into a `Match`: the evidence
(with the field's role and party, and the ban's own spelling), the best
confidence, and the coverage facts the decision needs (a named product
matched; an exclusion matched). `needles` describes, as plain data, what a
value must contain to be able to hit, for the loaders' prefilters.

Lookups of values that SBOMs repeat are cached per raw string, so each
distinct value is normalised once per run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import unquote

from enforcer._models import PRODUCT_MATCHERS, Ban, ComponentInfo, Confidence, Match, MatchEvidence
from enforcer._records import (
    CPE,
    GROUP,
    HASH,
    IDENTIFYING,
    NAME,
    ORG,
    PERSON,
    PURL,
    URL,
    ComponentRecord,
    Needles,
    NeedleSet,
)
from enforcer.match import normalise as norm

#: (ban number, matcher, confidence, key)
Hit = tuple[int, str, Confidence, str]
#: (ban number, matcher, confidence, key, field, raw value, role, party)
Evidence = tuple[int, str, Confidence, str, str, str, str, str]

EXACT, STRONG, WEAK = Confidence.EXACT, Confidence.STRONG, Confidence.WEAK
RANK = {EXACT: 0, STRONG: 1, WEAK: 2}
_K = TypeVar("_K", str, tuple[str, str], tuple[str, ...])
_NO_HITS: tuple[Hit, ...] = ()
_CACHE_LIMIT = 200_000


@dataclass(slots=True)
class Matched:
    """What the matcher found in one SBOM's records."""

    matches: list[Match]
    #: records matched (components, the SBOM's own subject and services)
    records: int = 0


class MatchIndex:
    """Every enabled ban, compiled into lookup tables."""

    def __init__(self, bans: Sequence[Ban]) -> None:
        self.bans: list[Ban] = [ban for ban in bans if ban.enabled]
        self.orgs: dict[str, list[int]] = {}
        self.domains: dict[str, list[int]] = {}
        self.cpe_vendors: dict[str, list[int]] = {}
        #: (type or "*", path) -> bans, for purl patterns and named products' purl patterns
        self.purls: dict[tuple[str, str], list[int]] = {}
        self.product_purls: dict[tuple[str, str], list[int]] = {}
        #: type -> length -> name prefix -> bans (patterns ending in a bare "*")
        self.purl_stars: dict[str, dict[int, dict[str, list[int]]]] = {}
        self.product_purl_stars: dict[str, dict[int, dict[str, list[int]]]] = {}
        self.purl_paths: dict[str, list[int]] = {}
        self.products: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        self.product_names: dict[tuple[str, ...], list[int]] = {}
        self.app_ids: dict[str, list[int]] = {}
        self.hashes: dict[str, list[int]] = {}
        for number, ban in enumerate(self.bans):
            spec = ban.match
            for name in spec.organizations:
                _add(self.orgs, norm.org_key(name), number)
            for domain in spec.domains:
                _add(self.domains, norm.host_key(domain) or domain.lower(), number)
            for vendor in spec.cpe_vendors:
                _add(self.cpe_vendors, norm.fold(vendor), number)
            for pattern in spec.purls:
                self._add_purl(pattern, number, self.purls, self.purl_stars)
            for product in spec.products:
                for tokens in norm.product_variants(product):
                    entries = self.products.setdefault(tokens[0], [])
                    if (tokens, number) not in entries:
                        entries.append((tokens, number))
            for digest in spec.hashes:
                _add(self.hashes, norm.hash_key(digest), number)
            named = ban.coverage.products
            for product in named.names:
                for tokens in norm.product_variants(product):
                    _add(self.product_names, tokens, number)
            for app in named.app_ids:
                _add(self.app_ids, norm.fold(app.strip()), number)
            for pattern in named.purls:
                self._add_purl(pattern, number, self.product_purls, self.product_purl_stars)
        self.orgs.pop("", None)
        # The longest key of each table: a value's prefixes and parents longer
        # than that cannot be in it, and are never built (a name of 60 KB, a
        # purl of thousands of segments, costs what its first part does).
        self._org_words = max((key.count(" ") + 1 for key in self.orgs), default=0)
        self._domain_labels = max((key.count(".") + 1 for key in self.domains), default=0)
        self._purl_longest = max((len(path) for _, path in (*self.purls, *self.product_purls)), default=0)
        self._group_longest = max((len(path) for path in self.purl_paths), default=0)
        self._exclusions = [_Exclusions.of(ban) for ban in self.bans]
        # Pre-filters: an ASCII value can only match a domain or a purl pattern
        # that appears in its lower-cased text, so one regex search rejects
        # almost every value before it is parsed.
        self._domain_filter = _literal_filter(self.domains)
        # (a forge's host is in the key, not always in the purl: `pkg:github/bytedance/...`)
        self._purl_filter = _literal_filter(
            _without_forge(path)
            for path in [path for _, path in (*self.purls, *self.product_purls)]
            + [prefix for table in (self.purl_stars, self.product_purl_stars) for prefix in _star_prefixes(table)]
            + list(_cover(self.app_ids))
        )
        words = [*self.products, *(tokens[0] for tokens in self.product_names)]
        # a product's first word anywhere in the lower-cased name (camel case joins words without a gap)
        self._product_filter = (
            re.compile("|".join(sorted(map(re.escape, set(words)), key=len, reverse=True))) if words else None
        )
        self._caches: dict[str, dict[str, tuple[Hit, ...]]] = {kind: {} for kind in (ORG, URL, GROUP, NAME)}
        self._aliases: dict[tuple[int, str, str], str] = {}
        self._evidence_made: dict[Evidence, MatchEvidence] = {}
        self._needles: Needles | None = None

    def _add_purl(
        self,
        pattern: str,
        number: int,
        table: dict[tuple[str, str], list[int]],
        stars: dict[str, dict[int, dict[str, list[int]]]],
    ) -> None:
        ptype, path, star = norm.purl_pattern(pattern)
        if star:
            _add(stars.setdefault(ptype, {}).setdefault(len(path), {}), path, number)
        else:
            _add(table, (ptype, path), number)
            if table is self.purls:
                _add(self.purl_paths, path, number)

    # -- what to look for, as plain data ------------------------------------------

    def needles(self) -> Needles:
        """Per kind of value, what an ASCII value must contain (lower-cased) to be able to hit.

        - organisations: the most distinctive word of each key (a value hits
          only if it holds all of its key's words), with dots, apostrophes and
          slashes removed as the normaliser joins words across them; and the
          domain needles (an e-mail or URL in a name);
        - URLs: a piece of each banned domain; purls: a piece of each pattern
          path, of each app id, and the `repository_url=` marker;
        - names: the first word of each product and named product, and a piece
          of each app id;
        - groups: a piece of each pattern path; CPEs: the vendors; hashes: the digests.
        """
        if self._needles is None:
            domain = _cover(self.domains)
            paths = [path for _, path in (*self.purls, *self.product_purls)]
            paths += [
                prefix for table in (self.purl_stars, self.product_purl_stars) for prefix in _star_prefixes(table)
            ]
            apps = _cover(self.app_ids)
            org_words = {_distinctive(key.split(" ")) for key in self.orgs if key.isascii()}
            name_words = {word for word in self.products if word.isascii()}
            name_words |= {tokens[0] for tokens in self.product_names if tokens[0].isascii()}
            self._needles = Needles(
                org=NeedleSet(active=bool(self.orgs or self.domains), needles=tuple(sorted(org_words | set(domain)))),
                url=NeedleSet(active=bool(self.domains), needles=domain),
                purl=NeedleSet(
                    active=bool(paths or self.domains or self.app_ids),
                    needles=tuple(sorted(set(_cover(paths)) | set(apps))),
                    markers=("repository_url=",) if self.domains else (),
                ),
                cpe=NeedleSet(active=bool(self.cpe_vendors), needles=_cover(self.cpe_vendors)),
                group=NeedleSet(active=bool(self.purl_paths), needles=_cover(self.purl_paths)),
                name=NeedleSet(
                    active=bool(self.products or self.product_names or self.app_ids),
                    needles=tuple(sorted(name_words | set(apps))),
                ),
                hash=NeedleSet(active=bool(self.hashes), needles=tuple(sorted(self.hashes))),
            )
        return self._needles

    # -- lookups, one per kind of identity value ----------------------------

    def org(self, raw: str) -> tuple[Hit, ...]:
        """Hits for an organisation or person name (and any e-mail or URL in it)."""
        cache = self._caches[ORG]
        hits = cache.get(raw)
        if hits is None:
            hits = _remember(cache, raw, self._org_uncached(raw))
        return hits

    def _org_uncached(self, raw: str) -> tuple[Hit, ...]:
        found: list[Hit] = []
        keys = norm.org_keys(raw)
        seen: set[int] = set()
        for key in keys:
            for number in self.orgs.get(key, ()):
                if number not in seen:
                    seen.add(number)
                    found.append((number, "organization", EXACT, key))
        # the longest leading words of any key (then the first in text order) that a ban has
        prefixes = sorted(
            {p for key in keys for p in norm.org_prefixes(key, self._org_words)}, key=lambda p: (-p.count(" "), p)
        )
        for prefix in prefixes:
            for number in self.orgs.get(prefix, ()):
                if number not in seen:
                    seen.add(number)
                    found.append((number, "organization-prefix", STRONG, prefix))
        if self.domains and ("@" in raw or "." in raw):
            found.extend(self.url(raw))
        return _unique(found)

    def url(self, raw: str) -> tuple[Hit, ...]:
        """Hits for the domains of a URL, e-mail address or host name."""
        if not self.domains:
            return _NO_HITS
        if raw.isascii() and not self._domain_filter.search(raw.lower()):
            return _NO_HITS  # no banned domain is even a substring of it
        cache = self._caches[URL]
        hits = cache.get(raw)
        if hits is None:
            found: list[Hit] = []
            for host in norm.domains_in(raw):
                for parent in norm.parent_domains(host, self._domain_labels):
                    found.extend((number, "domain", EXACT, parent) for number in self.domains.get(parent, ()))
            hits = _remember(cache, raw, _unique(found))
        return hits

    def purl(self, raw: str) -> tuple[Hit, ...]:
        """Hits for a purl: type and namespace/name prefixes, name prefixes, named products, repository_url."""
        found: list[Hit] = []
        if (self.purls or self.purl_stars or self.product_purls or self.product_purl_stars or self.app_ids) and (
            not raw.isascii() or "%" in raw or self._purl_filter.search(raw.lower())
        ):
            parts = norm.purl_path(raw)
            if parts is not None:
                ptype, path, _ = parts
                types = norm.purl_types(ptype, path)
                prefixes = norm.purl_prefixes(path, self._purl_longest)
                for matcher, table, stars in (
                    ("purl", self.purls, self.purl_stars),
                    ("product-purl", self.product_purls, self.product_purl_stars),
                ):
                    found.extend(
                        (number, matcher, EXACT, f"pkg:{kind}/{prefix}")
                        for prefix in prefixes
                        for kind in types
                        for number in table.get((kind, prefix), ())
                    )
                    found.extend(
                        (number, matcher, EXACT, f"pkg:{kind}/{path[:length]}*")
                        for kind in types
                        for length, entries in stars.get(kind, {}).items()
                        for number in entries.get(path[:length], ())
                    )
                if self.app_ids:
                    found.extend(self._app_hits(path.rsplit("/", 1)[-1], path.replace("/", ".")))
        if self.domains and "repository_url=" in raw:
            parts = norm.purl_path(raw)
            location = norm.repository_url(parts[2]) if parts else None
            if location:
                found.extend(self.url(location))
        return _unique(found) if found else _NO_HITS

    def _app_hits(self, *candidates: str) -> list[Hit]:
        return [(number, "app-id", EXACT, key) for key in candidates for number in self.app_ids.get(key, ())]

    def cpe(self, raw: str) -> tuple[Hit, ...]:
        if not self.cpe_vendors:
            return _NO_HITS
        if raw.startswith("cpe:2.3:"):
            parts = raw.split(":", 4)
            # the common case, read without the general parser
            if len(parts) == 5 and parts[3].isascii() and "\\" not in parts[3]:
                numbers = self.cpe_vendors.get(parts[3].lower())
                if not numbers:
                    return _NO_HITS
        vendor = norm.cpe_vendor(raw)
        if vendor is None:
            return _NO_HITS
        numbers = self.cpe_vendors.get(vendor)
        if not numbers:
            return _NO_HITS
        return tuple((number, "cpe-vendor", EXACT, vendor) for number in numbers)

    def group(self, raw: str) -> tuple[Hit, ...]:
        """Hits for a CycloneDX group (Maven groupId, npm scope) as a namespace prefix."""
        if not self.purl_paths:
            return _NO_HITS
        cache = self._caches[GROUP]
        hits = cache.get(raw)
        if hits is None:
            found: list[Hit] = []
            group = group_key(raw)
            if group:
                for prefix in norm.purl_prefixes(group, self._group_longest):
                    found.extend((number, "group", EXACT, prefix) for number in self.purl_paths.get(prefix, ()))
            hits = _remember(cache, raw, _unique(found))
        return hits

    def name(self, raw: str) -> tuple[Hit, ...]:
        """Hits for a component name: product tokens in it (weak), a named product or an app id (strong, exact)."""
        if self._product_filter is None and not self.app_ids:
            return _NO_HITS
        cache = self._caches[NAME]
        hits = cache.get(raw)
        if hits is None:
            found: list[Hit] = []
            if self.app_ids:
                found.extend(self._app_hits(norm.fold(raw.strip())))
            if self._product_filter is not None and (not raw.isascii() or self._product_filter.search(raw.lower())):
                for tokens in norm.name_forms(raw):
                    for position, token in enumerate(tokens):
                        for product, number in self.products.get(token, ()):
                            if tokens[position : position + len(product)] == product:
                                found.append((number, "product", WEAK, " ".join(product)))
                    whole = self.product_names.get(tokens, ())
                    found.extend((number, "product-name", STRONG, " ".join(tokens)) for number in whole)
            hits = _remember(cache, raw, _unique(found))
        return hits

    def hash(self, raw: str) -> tuple[Hit, ...]:
        if not self.hashes:
            return _NO_HITS
        key = norm.hash_key(raw)
        numbers = self.hashes.get(key)
        if not numbers:
            return _NO_HITS
        return tuple((number, "hash", EXACT, key) for number in numbers)

    def lookup(self, kind: str, raw: str) -> tuple[Hit, ...]:
        """Hits for one identity value of the given kind."""
        return _DISPATCH[kind](self, raw)

    # -- records in, matches out ---------------------------------------------

    def evidence(self, record: ComponentRecord) -> list[Evidence]:
        """Every hit of every value of one record, with the person rule applied."""
        found: list[Evidence] = []
        for kind, field_name, raw, role, party in record.values:
            hits = _DISPATCH[kind](self, raw)
            if not hits:
                continue
            person = party == PERSON
            for number, matcher, confidence, key in hits:
                if person and matcher in ("organization", "organization-prefix") and " " not in key:
                    # a person named like a one-word alias ("Dahua Lin", "Huawei Zhang") is not the company
                    matcher, confidence = "person-name", WEAK
                found.append((number, matcher, confidence, key, field_name, raw, role, party))
        return found

    def match(self, records: Iterable[ComponentRecord]) -> Matched:
        """Match records (with their paths already set by the loader) against every ban."""
        matched = Matched([])
        for record in records:
            matched.records += 1
            evidence = self.evidence(record)
            if evidence:
                matched.matches.extend(self._matches(record, evidence))
        return matched

    def _matches(self, record: ComponentRecord, evidence: list[Evidence]) -> list[Match]:
        component = ComponentInfo(
            ref=record.ref,
            name=record.name,
            version=record.version,
            purl=record.purl,
            kind=record.kind,
            path=record.path or (*record.ancestors, record.label()),
        )
        by_ban: dict[int, list[MatchEvidence]] = {}
        made = self._evidence_made
        for item in dict.fromkeys(evidence):
            built = made.get(item)
            if built is None:
                built = made[item] = self._match_evidence(item)
            by_ban.setdefault(item[0], []).append(built)
        matches = []
        for number, items in sorted(by_ban.items()):
            items.sort(key=lambda e: (RANK[e.confidence], e.matcher, e.field, e.value))
            matches.append(
                Match(
                    component=component,
                    record=record.index,
                    ban=number,
                    evidence=items,
                    confidence=items[0].confidence,
                    product=any(item.matcher in PRODUCT_MATCHERS for item in items),
                    excluded=self._exclusions[number].matched(record),
                )
            )
        return matches

    def _match_evidence(self, item: Evidence) -> MatchEvidence:
        """One item of evidence as findings carry it (frozen: made once per distinct item)."""
        if len(self._evidence_made) >= _CACHE_LIMIT:
            self._evidence_made.clear()
        number, matcher, confidence, key, field_name, raw, role, party = item
        return MatchEvidence(
            field=field_name,
            value=raw,
            key=key,
            matcher=matcher,
            confidence=confidence,
            alias=self.alias(number, matcher, key),
            role="product" if matcher in PRODUCT_MATCHERS else role,
            party=party,
        )

    def alias(self, number: int, matcher: str, key: str) -> str:
        """The ban's own spelling that gave a match key ("AO Kaspersky Lab" for "kaspersky lab"); "" if none."""
        found = self._aliases.get((number, matcher, key))
        if found is None:
            found = self._aliases[number, matcher, key] = self._alias_uncached(number, matcher, key)
        return found

    def _alias_uncached(self, number: int, matcher: str, key: str) -> str:
        ban = self.bans[number]
        spec, named = ban.match, ban.coverage.products
        candidates: list[tuple[str, list[str]]]
        if matcher in ("organization", "organization-prefix", "person-name"):
            candidates = [(value, [norm.org_key(value)]) for value in spec.organizations]
        elif matcher == "domain":
            candidates = [(value, [norm.host_key(value) or value.lower()]) for value in spec.domains]
        elif matcher == "cpe-vendor":
            candidates = [(value, [norm.fold(value)]) for value in spec.cpe_vendors]
        elif matcher in ("purl", "product-purl"):
            patterns = spec.purls if matcher == "purl" else named.purls
            candidates = [(value, [_pattern_key(value)]) for value in patterns]
        elif matcher == "group":
            candidates = [(value, [norm.purl_pattern(value)[1]]) for value in spec.purls]
        elif matcher == "product":
            candidates = [(value, [" ".join(t) for t in norm.product_variants(value)]) for value in spec.products]
        elif matcher == "product-name":
            candidates = [(value, [" ".join(t) for t in norm.product_variants(value)]) for value in named.names]
        elif matcher == "app-id":
            candidates = [(value, [norm.fold(value.strip())]) for value in named.app_ids]
        elif matcher == "hash":
            candidates = [(value, [norm.hash_key(value)]) for value in spec.hashes]
        else:
            candidates = []
        return next((value for value, keys in candidates if key in keys), "")

    def summary(self) -> dict[str, int]:
        """How many keys of each kind the index holds."""
        return {
            "bans": len(self.bans),
            "organizations": len(self.orgs),
            "domains": len(self.domains),
            "cpe_vendors": len(self.cpe_vendors),
            "purls": len(self.purls) + sum(len(e) for t in self.purl_stars.values() for e in t.values()),
            "products": sum(len(entries) for entries in self.products.values()),
            "named_products": len(self.product_names) + len(self.app_ids) + len(self.product_purls),
            "hashes": len(self.hashes),
        }


_DISPATCH = {
    ORG: MatchIndex.org,
    URL: MatchIndex.url,
    PURL: MatchIndex.purl,
    CPE: MatchIndex.cpe,
    GROUP: MatchIndex.group,
    NAME: MatchIndex.name,
    HASH: MatchIndex.hash,
}


@dataclass(frozen=True, slots=True)
class _Exclusions:
    """What a ban excludes by name or purl (exclusion by kind is the decision's)."""

    names: frozenset[tuple[str, ...]]
    purls: tuple[tuple[str, str, bool, str], ...]

    @classmethod
    def of(cls, ban: Ban) -> _Exclusions:
        excludes = ban.coverage.excludes
        return cls(
            frozenset(tokens for name in excludes.names for tokens in norm.product_variants(name)),
            tuple((*norm.purl_pattern(pattern), pattern) for pattern in excludes.purls),
        )

    def matched(self, record: ComponentRecord) -> str:
        """What excludes the component, in words, or ""."""
        if self.names and record.name and norm.name_tokens(record.name) in self.names:
            return f"the name {record.name!r} is excluded"
        if self.purls and record.purl:
            parts = norm.purl_path(record.purl)
            if parts is not None:
                ptype, path, _ = parts
                types = norm.purl_types(ptype, path)
                for kind, prefix, star, pattern in self.purls:
                    if kind in types and (path.startswith(prefix) if star else norm.continues(path, prefix)):
                        return f"the purl matches the excluded {pattern}"
        return ""


def group_key(raw: str) -> str:
    """A CycloneDX group as a namespace path (what `MatchIndex.group` looks up)."""
    group = norm.fold(raw.strip()).strip("/")
    return unquote(group) if "%" in group else group


def _pattern_key(pattern: str) -> str:
    ptype, path, star = norm.purl_pattern(pattern)
    return f"pkg:{ptype}/{path}{'*' if star else ''}"


def _without_forge(path: str) -> str:
    """A key's path as a purl may write it: without the forge host that `pkg:github/...` leaves out."""
    for host in norm.FORGES.values():
        if path.startswith(host + "/"):
            return path[len(host) + 1 :]
    return path


def _star_prefixes(stars: dict[str, dict[int, dict[str, list[int]]]]) -> list[str]:
    return [prefix for lengths in stars.values() for entries in lengths.values() for prefix in entries]


# Pieces of keys too common to serve as needles on their own.
_COMMON_PIECES = frozenset("com org net io co uk cn ru de jp kr us www github gitlab pkg npm maven".split())
_PIECE = re.compile(r"[a-z0-9]+")


def _cover(keys: Iterable[str]) -> tuple[str, ...]:
    """Short needles that every key contains one of: the key's longest uncommon piece."""
    needles: set[str] = set()
    for key in keys:
        if not key.isascii():
            continue  # a non-ASCII key can only meet a non-ASCII value, which is always checked
        pieces = [piece for piece in _PIECE.findall(key.lower()) if piece not in _COMMON_PIECES]
        needles.add(max(pieces, key=len) if pieces else key.lower())
    # a needle that contains another needle is redundant
    return tuple(sorted(n for n in needles if not any(o != n and o in n for o in needles)))


def _distinctive(words: list[str]) -> str:
    """The word of an organisation key to search for: the longest one that is not a common business word.

    Any word of the key would do (a value hits only if it holds them all);
    a rare one keeps the suspects few.
    """
    rare = [word for word in words if word not in _COMMON_WORDS and len(word) >= 4]
    return max(rare or words, key=len)


# Words that many organisation names hold, whatever the vendor.
_COMMON_WORDS = frozenset(
    """
    technology technologies tech communication communications telecommunication telecommunications telecom
    network networks system systems software digital data information electronic electronics electric
    international global group holding holdings industries industry solutions solution services service
    security labs lab laboratory laboratories corporation company enterprise enterprises devices device
    products product science sciences research development china shenzhen beijing shanghai hangzhou zhejiang
    guangdong limited the and of
    """.split()
)


def _literal_filter(words: Iterable[str]) -> re.Pattern[str]:
    """A regex that finds any of the (lower-case) words, or nothing if there are none."""
    alternatives = sorted({re.escape(word) for word in words if word}, key=len, reverse=True)
    return re.compile("|".join(alternatives) if alternatives else r"(?!)")


def _add(table: dict[_K, list[int]], key: _K, number: int) -> None:
    numbers = table.setdefault(key, [])
    if number not in numbers:
        numbers.append(number)


def _unique(hits: list[Hit]) -> tuple[Hit, ...]:
    if not hits:
        return _NO_HITS
    return tuple(dict.fromkeys(hits))


def _remember(cache: dict[str, tuple[Hit, ...]], raw: str, hits: tuple[Hit, ...]) -> tuple[Hit, ...]:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[raw] = hits
    return hits


__all__ = ["IDENTIFYING", "PRODUCT_MATCHERS", "Evidence", "Hit", "Match", "MatchIndex", "Matched", "group_key"]
