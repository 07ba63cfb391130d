# METADATA
# title: Reference matcher
# description: |
#   The matching of the enforcer's fast path (enforcer/match/index.py), stated
#   in plain Rego. It exists to keep the fast path honest: for any SBOM, the
#   evidence the Python index finds must equal `data.enforcer.reference.evidence`
#   evaluated by OPA on the same records (tests/test_differential.py).
#
#   Normalisation stays in Python (Unicode case folding and NFKC are not in
#   every Rego engine): the input carries each raw value with its normalised
#   forms, and the bans with their normalised keys. This rule restates the
#   matching: exact keys, word prefixes, parent domains, purl path prefixes,
#   group prefixes and product token runs.
#
#   Input (built by enforcer/match/reference.py):
#     bans     [{"organizations": [key], "domains": [host], "cpe_vendors": [vendor],
#                "purls": [[type or "*", path]], "products": [[token]], "hashes": [digest]}]
#              (position = ban number)
#     records  [{"index": n, "values": [value]}], where a value is
#              {"kind", "field", "raw"} and, by kind:
#                org    "key" (organisation key), "hosts" (hosts named in it)
#                url    "hosts"
#                purl   "purl" ([type, path] or null), "repository_hosts"
#                cpe    "vendor" (or null)
#                group  "group" (the group as a namespace path)
#                name   "tokens"
#                hash   "key"
#
#   Output: evidence, a set of
#     [record index, ban number, matcher, confidence, key, field, raw].
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

# "pkg:TYPE/PATH" (TYPE may be "*") -> ban numbers
purl_bans := {purl_key(pattern[0], pattern[1]): {n | ban := input.bans[n]; pattern in ban.purls} |
	some ban in input.bans
	some pattern in ban.purls
}

# PATH of any purl pattern, whatever its type -> ban numbers (for groups)
purl_path_bans := {pattern[1]: {n | ban := input.bans[n]; some other in ban.purls; other[1] == pattern[1]} |
	some ban in input.bans
	some pattern in ban.purls
}

# first token of a product -> [product tokens, ban number]
product_bans := {product[0]: {[tokens, n] | ban := input.bans[n]; some tokens in ban.products; tokens[0] == product[0]} |
	some ban in input.bans
	some product in ban.products
	count(product) > 0
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

# organization: the normalised name is one of the ban's keys.
evidence contains [index, n, "organization", "exact", value.key, value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "org"
	some n in org_bans[value.key]
}

# organization-prefix: the longest leading words of the name that are a key
# of a ban, for bans the whole name does not match.
evidence contains [index, n, "organization-prefix", "strong", prefix, value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "org"
	words := split(value.key, " ")
	count(words) > 1
	some size in numbers.range(1, count(words) - 1)
	prefix := concat(" ", array.slice(words, 0, size))
	some n in org_bans[prefix]
	not n in object.get(org_bans, value.key, set())
	not _longer_prefix(words, size, n)
}

_longer_prefix(words, size, n) if {
	some longer in numbers.range(size + 1, count(words) - 1)
	longer > size
	longer < count(words)
	n in object.get(org_bans, concat(" ", array.slice(words, 0, longer)), set())
}

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

# purl: the type (or "*") and a prefix of the namespace/name path.
evidence contains [index, n, "purl", "exact", key, value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "purl"
	is_array(value.purl)
	some prefix in path_prefixes(value.purl[1])
	some type in {value.purl[0], "*"}
	key := purl_key(type, prefix)
	some n in purl_bans[key]
}

# group: a prefix of the group is the path of a purl pattern.
evidence contains [index, n, "group", "exact", prefix, value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "group"
	value.group != ""
	some prefix in path_prefixes(value.group)
	some n in purl_path_bans[prefix]
}

# product: the product's tokens appear, in order and contiguous, in the name.
evidence contains [index, n, "product", "weak", concat(" ", tokens), value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "name"
	some i, token in value.tokens
	some [tokens, n] in product_bans[token]
	array.slice(value.tokens, i, i + count(tokens)) == tokens
}

# hash: the digest is one of the ban's.
evidence contains [index, n, "hash", "exact", value.key, value.field, value.raw] if {
	some [index, value] in _values
	value.kind == "hash"
	some n in hash_bans[value.key]
}
