"""The match index: bans compiled once into hash tables.

`MatchIndex.build(bans)` turns every ban's match spec into dictionaries keyed
by normalised values. Matching a component is then a handful of lookups, one
per identity value, never a loop over the bans:

========================  ======================================  ==========
matcher                   key looked up                           confidence
========================  ======================================  ==========
``organization``          normalised organisation name            exact
``organization-prefix``   its leading words ("huawei device" ->    strong
                          "huawei")
``domain``                host of a URL/e-mail and its parents    exact
``cpe-vendor``            CPE vendor field                        exact
``purl``                  purl type + namespace/name prefixes     exact
``group``                 CycloneDX group as a namespace prefix   exact
``hash``                  digest                                  exact
``product``               word tokens of the component name       weak
========================  ======================================  ==========

Lookups of values that SBOMs repeat (organisations, URLs, groups, names) are
cached per raw string, so each distinct value is normalised once per run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import unquote

from enforcer._models import Ban, Confidence
from enforcer.match import normalise as norm
from enforcer.sbom.interface import CPE, GROUP, HASH, NAME, ORG, PURL, URL, ComponentRecord

#: (ban index, matcher, confidence, key)
Hit = tuple[int, str, Confidence, str]
#: (ban index, matcher, confidence, key, field, raw value)
Evidence = tuple[int, str, Confidence, str, str, str]

EXACT, STRONG, WEAK = Confidence.EXACT, Confidence.STRONG, Confidence.WEAK
_K = TypeVar("_K", str, tuple[str, str])
_NO_HITS: tuple[Hit, ...] = ()
_CACHE_LIMIT = 200_000
#: the kinds of value in the order the native scanner takes them (`MatchIndex.prefilter_spec`)
PREFILTER_KINDS = (ORG, URL, PURL, CPE, GROUP, NAME, HASH)


@dataclass(slots=True)
class RawFinding:
    """A component that matched at least one ban, before the policy decides."""

    record: ComponentRecord
    evidence: list[Evidence]


@dataclass(slots=True)
class ScanResult:
    """What a scan of one SBOM found."""

    findings: list[RawFinding] = field(default_factory=list)
    components: int = 0
    unidentified: int = 0


class MatchIndex:
    """Every enabled ban, compiled into lookup tables."""

    def __init__(self, bans: Sequence[Ban]) -> None:
        self.bans: list[Ban] = [ban for ban in bans if ban.enabled]
        self.orgs: dict[str, list[int]] = {}
        self.domains: dict[str, list[int]] = {}
        self.cpe_vendors: dict[str, list[int]] = {}
        self.purls: dict[tuple[str, str], list[int]] = {}
        self.purl_paths: dict[str, list[int]] = {}
        self.products: dict[str, list[tuple[tuple[str, ...], int]]] = {}
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
                ptype, path = norm.purl_pattern(pattern)
                _add(self.purls, (ptype, path), number)
                _add(self.purl_paths, path, number)
            for product in spec.products:
                tokens = norm.name_tokens(product)
                if tokens:
                    entries = self.products.setdefault(tokens[0], [])
                    if (tokens, number) not in entries:
                        entries.append((tokens, number))
            for digest in spec.hashes:
                _add(self.hashes, norm.hash_key(digest), number)
        self.orgs.pop("", None)
        # Pre-filters: an ASCII value can only match a domain or a purl pattern
        # that appears in its lower-cased text, so one regex search rejects
        # almost every value before it is parsed (case-sensitive search on
        # lower-cased text: re.IGNORECASE is several times slower).
        self._domain_filter = _literal_filter(self.domains)
        self._purl_filter = _literal_filter(path for _, path in self.purls)
        self._product_filter = (
            re.compile(
                r"(?<![^\W_])(?:"
                + "|".join(sorted(map(re.escape, self.products), key=len, reverse=True))
                + r")(?![^\W_])"
            )
            if self.products
            else None
        )
        self._org_cache: dict[str, tuple[Hit, ...]] = {}
        self._url_cache: dict[str, tuple[Hit, ...]] = {}
        self._group_cache: dict[str, tuple[Hit, ...]] = {}
        self._name_cache: dict[str, tuple[Hit, ...]] = {}
        self._needles: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._aliases: dict[tuple[int, str, str], str] = {}

    @classmethod
    def build(cls, bans: Sequence[Ban]) -> MatchIndex:
        return cls(bans)

    def needles(self, kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """What an ASCII value of this kind must contain (lower-cased) to have a hit.

        Returns (needles, markers): a value can have hits only if its
        lower-cased text contains one of the needles, or one of the markers
        (escapes, a repository_url qualifier) that send it to the general
        parser. Used by `enforcer.match.prefilter`. The needles are short
        distinctive pieces of the keys ("kaspersky" for "kaspersky.co.uk"), so a
        handful of fast substring searches cover every key.
        """
        cached = self._needles.get(kind)
        if cached is None:
            cached = self._needles[kind] = self._needles_uncached(kind)
        return cached

    def _needles_uncached(self, kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if kind == URL:
            return _cover(self.domains), ()
        if kind == PURL:
            return _cover(path for _, path in self.purls), ("repository_url=",) if self.domains else ()
        if kind == CPE:
            return _cover(self.cpe_vendors), ("\\",) if self.cpe_vendors else ()
        if kind == NAME:
            return _cover(self.products), ()
        raise ValueError(f"no needles for {kind!r} values: they are matched exactly")

    def prefilter_spec(self) -> list[tuple[bool, list[str]]]:
        """What the native scanner needs to find suspects, per kind of value.

        For each kind, in the order `PREFILTER_KINDS` lists them: whether any
        key of the bans can match a value of that kind, and needles (lower
        case) one of which an ASCII value must contain to hit:

        - organisations: a word of each key (a value hits only if it holds all
          of them), searched with dots, apostrophes and slashes removed, as
          the normaliser joins words across them; and the domain needles (an
          e-mail or URL in a name);
        - names: the first word of each product, which the scanner finds as a
          whole word only, as `name_tokens` splits names;
        - the others: the needles of `needles`, and its markers.
        """
        url_needles, _ = self.needles(URL) if self.domains else ((), ())
        org_words = {_distinctive(key.split(" ")) for key in self.orgs if key.isascii()}
        spec: dict[str, tuple[bool, list[str]]] = {
            ORG: (bool(self.orgs or self.domains), sorted(org_words | set(url_needles))),
            URL: (bool(self.domains), list(url_needles)),
            PURL: (bool(self.purls or self.domains), self._needles_and_markers(PURL)),
            CPE: (bool(self.cpe_vendors), self._needles_and_markers(CPE)),
            GROUP: (bool(self.purl_paths), sorted(_cover(self.purl_paths))),
            NAME: (bool(self.products), sorted(word for word in self.products if word.isascii())),
            HASH: (bool(self.hashes), sorted(self.hashes)),
        }
        return [spec[kind] for kind in PREFILTER_KINDS]

    def _needles_and_markers(self, kind: str) -> list[str]:
        needles, markers = self.needles(kind)
        # a backslash (CPE escapes) is tested by the scanner itself
        return sorted(set(needles) | {marker.lower() for marker in markers if marker != "\\"})

    # -- lookups, one per kind of identity value ----------------------------

    def org(self, raw: str) -> tuple[Hit, ...]:
        """Hits for an organisation or person name (and any e-mail or URL in it)."""
        hits = self._org_cache.get(raw)
        if hits is None:
            hits = self._org_uncached(raw)
            _remember(self._org_cache, raw, hits)
        return hits

    def _org_uncached(self, raw: str) -> tuple[Hit, ...]:
        found: list[Hit] = []
        key = norm.org_key(raw)
        if key:
            exact = self.orgs.get(key, ())
            found.extend((number, "organization", EXACT, key) for number in exact)
            seen = set(exact)
            for prefix in reversed(norm.org_prefixes(key)):  # longest first
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
        hits = self._url_cache.get(raw)
        if hits is None:
            found: list[Hit] = []
            for host in norm.domains_in(raw):
                for parent in norm.parent_domains(host):
                    found.extend((number, "domain", EXACT, parent) for number in self.domains.get(parent, ()))
            hits = _unique(found)
            _remember(self._url_cache, raw, hits)
        return hits

    def purl(self, raw: str) -> tuple[Hit, ...]:
        """Hits for a purl: its type and namespace/name prefixes, and its repository_url."""
        found: list[Hit] = []
        if self.purls and (not raw.isascii() or "%" in raw or self._purl_filter.search(raw.lower())):
            parts = norm.purl_path(raw)
            if parts is not None:
                ptype, path, _ = parts
                for prefix in norm.purl_prefixes(path):
                    for key in ((ptype, prefix), ("*", prefix)):
                        found.extend((n, "purl", EXACT, f"pkg:{key[0]}/{prefix}") for n in self.purls.get(key, ()))
        if self.domains and "repository_url=" in raw:
            parts = norm.purl_path(raw)
            location = norm.repository_url(parts[2]) if parts else None
            if location:
                found.extend(self.url(location))
        return _unique(found) if found else _NO_HITS

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
        hits = self._group_cache.get(raw)
        if hits is None:
            found: list[Hit] = []
            group = norm.fold(raw.strip()).strip("/")
            if "%" in group:
                group = unquote(group)
            if group:
                for prefix in norm.purl_prefixes(group):
                    found.extend((number, "group", EXACT, prefix) for number in self.purl_paths.get(prefix, ()))
            hits = _unique(found)
            _remember(self._group_cache, raw, hits)
        return hits

    def name(self, raw: str) -> tuple[Hit, ...]:
        """Hits for product tokens in a component name (weak on their own)."""
        if self._product_filter is None:
            return _NO_HITS
        if raw.isascii() and not self._product_filter.search(raw.lower()):
            return _NO_HITS
        hits = self._name_cache.get(raw)
        if hits is None:
            found: list[Hit] = []
            tokens = norm.name_tokens(raw)
            for position, token in enumerate(tokens):
                for product, number in self.products.get(token, ()):
                    if tokens[position : position + len(product)] == product:
                        found.append((number, "product", WEAK, " ".join(product)))
            hits = _unique(found)
            _remember(self._name_cache, raw, hits)
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
        return self._dispatch[kind](self, raw)

    def lookup_function(self, kind: str) -> Callable[[str], tuple[Hit, ...]]:
        """The bound lookup for one kind of value (`org`, `url`, ...)."""
        function: Callable[[str], tuple[Hit, ...]] = self._dispatch[kind].__get__(self)
        return function

    _dispatch = {
        ORG: org,
        URL: url,
        PURL: purl,
        CPE: cpe,
        GROUP: group,
        NAME: name,
        HASH: hash,
    }

    def alias(self, number: int, matcher: str, key: str) -> str:
        """The ban's own spelling that gave a match key ("AO Kaspersky Lab" for "kaspersky lab").

        Asked only for findings, so it normalises the ban's values again
        instead of keeping a table (each answer is kept: findings repeat
        their keys); "" when no value of the ban gives the key.
        """
        found = self._aliases.get((number, matcher, key))
        if found is None:
            found = self._aliases[number, matcher, key] = self._alias_uncached(number, matcher, key)
        return found

    def _alias_uncached(self, number: int, matcher: str, key: str) -> str:
        spec = self.bans[number].match
        candidates: list[tuple[str, str]]
        if matcher in ("organization", "organization-prefix"):
            candidates = [(value, norm.org_key(value)) for value in spec.organizations]
        elif matcher == "domain":
            candidates = [(value, norm.host_key(value) or value.lower()) for value in spec.domains]
        elif matcher == "cpe-vendor":
            candidates = [(value, norm.fold(value)) for value in spec.cpe_vendors]
        elif matcher == "purl":
            candidates = [(value, "pkg:{}/{}".format(*norm.purl_pattern(value))) for value in spec.purls]
        elif matcher == "group":
            candidates = [(value, norm.purl_pattern(value)[1]) for value in spec.purls]
        elif matcher == "product":
            candidates = [(value, " ".join(norm.name_tokens(value))) for value in spec.products]
        elif matcher == "hash":
            candidates = [(value, norm.hash_key(value)) for value in spec.hashes]
        else:
            candidates = []
        return next((value for value, candidate in candidates if candidate == key), "")

    # -- scanning -------------------------------------------------------------

    def scan_records(self, records: Iterable[ComponentRecord]) -> ScanResult:
        """Match flat records; the generic path every loader can use."""
        result = ScanResult()
        dispatch = self._dispatch
        for record in records:
            if record.kind == "component":
                result.components += 1
            identified = False
            evidence: list[Evidence] = []
            for kind, field_name, raw in record.values:
                if kind != NAME and kind != GROUP:
                    identified = True
                hits = dispatch[kind](self, raw)
                for number, matcher, confidence, key in hits:
                    evidence.append((number, matcher, confidence, key, field_name, raw))
            if not identified and record.kind == "component":
                result.unidentified += 1
            if evidence:
                result.findings.append(RawFinding(record, evidence))
        return result

    def summary(self) -> dict[str, int]:
        """How many keys of each kind the index holds."""
        return {
            "bans": len(self.bans),
            "organizations": len(self.orgs),
            "domains": len(self.domains),
            "cpe_vendors": len(self.cpe_vendors),
            "purls": len(self.purls),
            "products": sum(len(entries) for entries in self.products.values()),
            "hashes": len(self.hashes),
        }


# Pieces of keys too common to serve as needles on their own.
_COMMON_PIECES = frozenset("com org net io co uk cn ru de jp kr us www github gitlab pkg npm maven".split())
_PIECE = re.compile(r"[a-z0-9]+")


def _cover(keys: Iterable[str]) -> tuple[str, ...]:
    """Short needles that every key contains one of: the key's longest uncommon piece."""
    needles: set[str] = set()
    for key in keys:
        if not key.isascii():
            continue  # a non-ASCII key can only meet a non-ASCII value, which is always checked
        pieces = [piece for piece in _PIECE.findall(key) if piece not in _COMMON_PIECES]
        needles.add(max(pieces, key=len) if pieces else key)
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


def _remember(cache: dict[str, tuple[Hit, ...]], raw: str, hits: tuple[Hit, ...]) -> None:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[raw] = hits
