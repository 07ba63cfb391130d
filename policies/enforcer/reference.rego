# METADATA
# title: Reference matcher
# description: |
#   The matching of the enforcer's fast path (enforcer/match/index.py), stated
#   in plain Rego. It exists to keep the fast path honest: for any SBOM, the
#   evidence the Python index finds must equal `data.enforcer.reference.evidence`
#   evaluated by OPA on the same records, and the exclusions it finds must
#   equal `data.enforcer.reference.excluded` (tests/test_differential.py).
#
#   Normalisation stays in Python (Unicode case folding and NFKC are not in
#   every Rego engine): the input carries each raw value with its normalised
#   forms, and the bans with their normalised keys. This rule restates the
#   matching: exact keys, word prefixes, people named like a one-word alias,
#   parent domains, purl path prefixes and name prefixes, group prefixes,
#   product token runs, and the products a ban names (names, app ids, purls).
#
#   Input (built by enforcer/match/reference.py):
#     bans     [{"organizations": [key], "domains": [host], "cpe_vendors": [vendor],
#                "purls": [[type or "*", path, name prefix?]], "products": [[token]],
#                "hashes": [digest], "product_names": [[token]], "app_ids": [id],
#                "product_purls": [[type, path, prefix?]], "exclude_names": [[token]],
#                "exclude_purls": [[type, path, prefix?]]}]
#              (position = ban number)
#     records  [{"index": n, "values": [value], "name_tokens", "purl", "purl_types"}],
#              where a value is {"kind", "field", "raw"} and, by kind:
#                org    "keys" (organisation keys, brackets kept then dropped),
#                       "hosts" (hosts named in it), "person" (a person's field)
#                url    "hosts"
#                purl   "purl" ([type, path] or null), "types" (pattern types it
#                       is looked up under), "repository_hosts"
#                cpe    "vendor" (or null)
#                group  "group" (the group as a namespace path)
#                name   "forms" (its token runs: split at camel case, and not),
#                       "folded" (the whole name, folded)
#                hash   "key"
#
#   Output: evidence, a set of
#     [record index, ban number, matcher, confidence, key, field, raw];
#   excluded, a set of [record index, ban number] for every ban with evidence
#   whose exclusions (names, purl patterns) the record matches.
package enforcer.reference

import rego.v1

# -- the bans' keys, as lookup tables: key -> ban numbers ----------------------

org_bans := {key: {n | ban := input.bans[n]; key in ban.organizations} |
	some ban in input.bans
	some key in ban.organizations
}

domain_bans := {key: {n | ban := input.bans[n]; key in ban.domains} |
	some ban in input.bans
	some key in ban.domains
}

cpe_bans := {key: {n | ban := input.bans[n]; key in ban.cpe_vendors} |
	some ban in input.bans
	some key in ban.cpe_vendors
}

hash_bans := {key: {n | ban := input.bans[n]; key in ban.hashes} |
	some ban in input.bans
	some key in ban.hashes
}

# "pkg:TYPE/PATH" (TYPE may be "*") -> ban numbers, for patterns that are not name prefixes
purl_bans := {purl_key(pattern[0], pattern[1]): {n | ban := input.bans[n]; some other in ban.purls; other == pattern} |
	some ban in input.bans
	some pattern in ban.purls
	pattern[2] == false
}

product_purl_bans := {purl_key(pattern[0], pattern[1]): {n | ban := input.bans[n]; some other in ban.product_purls; other == pattern} |
	some ban in input.bans
	some pattern in ban.product_purls
	pattern[2] == false
}

# PATH of any purl pattern that is not a name prefix, whatever its type -> ban numbers (for groups)
purl_path_bans := {pattern[1]: {n | ban := input.bans[n]; some other in ban.purls; other[1] == pattern[1]; other[2] == false} |
	some ban in input.bans
	some pattern in ban.purls
	pattern[2] == false
}

# first token of a product -> [product tokens, ban number]
product_bans := {product[0]: {[tokens, n] | ban := input.bans[n]; some tokens in ban.products; tokens[0] == product[0]} |
	some ban in input.bans
	some product in ban.products
	count(product) > 0
}

# the tokens of a named product, joined by spaces -> ban numbers
product_name_bans := {concat(" ", tokens): {n | ban := input.bans[n]; some other in ban.product_names; other == tokens} |
	some ban in input.bans
	some tokens in ban.product_names
}

app_bans := {app: {n | ban := input.bans[n]; app in ban.app_ids} |
	some ban in input.bans
	some app in ban.app_ids
}

purl_key(type, path) := concat("", ["pkg:", type, "/", path])

# -- helpers -------------------------------------------------------------------

# The path and each of its prefixes that ends before a "/" or "." (not at 0).
path_prefixes(path) := {substring(path, 0, i) |
	some separator in [".", "/"]
	some i in indexof_n(path, separator)
	i > 0
} | {path}

# The host and each parent domain with at least two labels.
parent_domains(host) := {concat(".", array.slice(labels, i, count(labels))) |
	labels := split(host, ".")
	count(labels) >= 2
	some i in numbers.range(0, count(labels) - 2)
}

_values contains [record.index, value] if {
	some record in input.records
	some value in record.values
}

# -- the matchers ---------------------------------------------------------------

# organization: a key of the name (the first one, for a ban two keys match) is one of the ban's keys.
evidence contains [index, n, matcher, confidence, key, value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "org"
	some i, key in value.keys
	some n in org_bans[key]
	not _exact_before(value.keys, i, n)
	[matcher, confidence] := _org_matcher(value, key, "organization", "exact")
}

_exact_before(keys, i, n) if {
	some j, earlier in keys
	j < i
	n in object.get(org_bans, earlier, set())
}

_exact_any(keys, n) if {
	some key in keys
	n in object.get(org_bans, key, set())
}

# A person's name that is or begins with a one-word alias is weak evidence, not the company.
_org_matcher(value, key, _, _) := ["person-name", "weak"] if {
	value.person == true
	not contains(key, " ")
}

_org_matcher(value, key, matcher, confidence) := [matcher, confidence] if {
	not _person_key(value, key)
}

_person_key(value, key) if {
	value.person == true
	not contains(key, " ")
}

# The leading words of every key of a name, longest first.
_prefixes(keys) := {prefix |
	some key in keys
	words := split(key, " ")
	count(words) > 1
	some size in numbers.range(1, count(words) - 1)
	prefix := concat(" ", array.slice(words, 0, size))
}

# organization-prefix: the longest leading words (then the first in text order)
# of any key of the name that are a key of a ban, for bans no key matches whole.
evidence contains [index, n, matcher, confidence, prefix, value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "org"
	prefixes := _prefixes(value.keys)
	some prefix in prefixes
	some n in org_bans[prefix]
	not _exact_any(value.keys, n)
	not _better_prefix(prefixes, prefix, n)
	[matcher, confidence] := _org_matcher(value, prefix, "organization-prefix", "strong")
}

_better_prefix(prefixes, prefix, n) if {
	some other in prefixes
	n in org_bans[other]
	_words(other) > _words(prefix)
}

_better_prefix(prefixes, prefix, n) if {
	some other in prefixes
	n in org_bans[other]
	_words(other) == _words(prefix)
	other < prefix
}

_words(text) := count(split(text, " "))

# domain: a host named in an organisation, URL or e-mail, or a parent of it.
evidence contains [index, n, "domain", "exact", parent, value.field, value.raw] if {
	some [index, value] in _values
	value.kind in {"org", "url"}
	some host in value.hosts
	some parent in parent_domains(host)
	some n in domain_bans[parent]
}

# domain: the host of a purl's repository_url qualifier.
evidence contains [index, n, "domain", "exact", parent, value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "purl"
	some host in value.repository_hosts
	some parent in parent_domains(host)
	some n in domain_bans[parent]
}

# cpe-vendor: the vendor field of a CPE.
evidence contains [index, n, "cpe-vendor", "exact", value.vendor, value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "cpe"
	is_string(value.vendor)
	some n in cpe_bans[value.vendor]
}

# purl, product-purl: a pattern type the purl is looked up under and a prefix of its path.
evidence contains [index, n, "purl", "exact", key, value.field, value.raw] if {
	some [index, value] in _values
	[key, n] := _purl_hit(value, purl_bans)[_]
}

evidence contains [index, n, "product-purl", "exact", key, value.field, value.raw] if {
	some [index, value] in _values
	[key, n] := _purl_hit(value, product_purl_bans)[_]
}

_purl_hit(value, table) := {[key, n] |
	value.kind == "purl"
	is_array(value.purl)
	some prefix in path_prefixes(value.purl[1])
	some type in value.types
	key := purl_key(type, prefix)
	some n in object.get(table, key, set())
}

# purl, product-purl: a pattern ending in a bare "*" that the path starts with.
evidence contains [index, n, "purl", "exact", key, value.field, value.raw] if {
	some [index, value] in _values
	some n, ban in input.bans
	[key, _] := _star_hit(value, ban.purls)[_]
}

evidence contains [index, n, "product-purl", "exact", key, value.field, value.raw] if {
	some [index, value] in _values
	some n, ban in input.bans
	[key, _] := _star_hit(value, ban.product_purls)[_]
}

_star_hit(value, patterns) := {[concat("", [purl_key(pattern[0], pattern[1]), "*"]), pattern] |
	value.kind == "purl"
	is_array(value.purl)
	some pattern in patterns
	pattern[2] == true
	pattern[0] in value.types
	startswith(value.purl[1], pattern[1])
}

# app-id: the purl's name, or its path written with dots, is an app id a ban names.
evidence contains [index, n, "app-id", "exact", candidate, value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "purl"
	is_array(value.purl)
	parts := split(value.purl[1], "/")
	some candidate in {parts[count(parts) - 1], replace(value.purl[1], "/", ".")}
	some n in object.get(app_bans, candidate, set())
}

# group: a prefix of the group is the path of a purl pattern.
evidence contains [index, n, "group", "exact", prefix, value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "group"
	value.group != ""
	some prefix in path_prefixes(value.group)
	some n in purl_path_bans[prefix]
}

# product: the product's tokens appear, in order and contiguous, in a token run of the name.
evidence contains [index, n, "product", "weak", concat(" ", tokens), value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "name"
	some form in value.forms
	some i, token in form
	some [tokens, n] in product_bans[token]
	array.slice(form, i, i + count(tokens)) == tokens
}

# product-name: a token run of the whole name is a product a ban names.
evidence contains [index, n, "product-name", "strong", key, value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "name"
	some form in value.forms
	key := concat(" ", form)
	some n in object.get(product_name_bans, key, set())
}

# app-id: the name is an app id a ban names.
evidence contains [index, n, "app-id", "exact", value.folded, value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "name"
	some n in object.get(app_bans, value.folded, set())
}

# hash: the digest is one of the ban's.
evidence contains [index, n, "hash", "exact", value.key, value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "hash"
	some n in hash_bans[value.key]
}

# -- exclusions -------------------------------------------------------------------

_matched contains [record.index, n] if {
	some record in input.records
	some item in evidence
	item[0] == record.index
	n := item[1]
}

excluded contains [index, n] if {
	some [index, n] in _matched
	some record in input.records
	record.index == index
	_excludes(input.bans[n], record)
}

_excludes(ban, record) if {
	is_array(record.name_tokens)
	some tokens in ban.exclude_names
	tokens == record.name_tokens
}

_excludes(ban, record) if {
	is_array(record.purl)
	some pattern in ban.exclude_purls
	pattern[0] in record.purl_types
	pattern[2] == false
	pattern[1] in path_prefixes(record.purl[1])
}

_excludes(ban, record) if {
	is_array(record.purl)
	some pattern in ban.exclude_purls
	pattern[0] in record.purl_types
	pattern[2] == true
	startswith(record.purl[1], pattern[1])
}
