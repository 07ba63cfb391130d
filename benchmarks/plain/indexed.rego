# METADATA
# title: Vendor bans in plain Rego, written for speed
# description: |
#   The whole CycloneDX SBOM is the input, as in naive.rego, but the bans are
#   first compiled into lookup objects keyed by normalised value (the same
#   idea as the enforcer's match index), so each component costs lookups
#   instead of a loop over every ban and alias. This is the best plain Rego we
#   know how to write for raw SBOM input; the benchmark checks it finds the
#   same (component, ban) pairs as the enforcer.
#
#   Scope: components and their direct children, ASCII text, single-word
#   product names, as naive.rego.
package bench.indexed

import rego.v1

legal_forms := {
	"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "llp", "plc",
	"gmbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "oy", "as", "aps",
	"kk", "pte", "pty", "ao", "zao", "oao", "pao", "jsc", "pjsc", "ooo",
}

norm_tokens(name) := [t |
	some t in regex.split(`[^a-z0-9]+`, lower(replace(replace(name, ".", ""), "'", "")))
	t != ""
	not legal_forms[t]
]

bans := data.enforcer.bans.bans

# key -> ban ids, built once (object comprehensions: rego-cpp has no
# partial-object rules with a variable key)
org_pairs := {[concat(" ", norm_tokens(alias)), ban.id] | some ban in bans; some alias in ban.match.organizations}

org_index := {pair[0]: ids_for(org_pairs, pair[0]) | some pair in org_pairs; pair[0] != ""}

domain_pairs := {[lower(d), ban.id] | some ban in bans; some d in ban.match.domains}

domain_index := {pair[0]: ids_for(domain_pairs, pair[0]) | some pair in domain_pairs}

cpe_pairs := {[lower(v), ban.id] | some ban in bans; some v in ban.match.cpe_vendors}

cpe_index := {pair[0]: ids_for(cpe_pairs, pair[0]) | some pair in cpe_pairs}

purl_pairs := {[[pattern_type(p), pattern_path(p)], ban.id] | some ban in bans; some p in ban.match.purls}

purl_index := {pair[0]: ids_for(purl_pairs, pair[0]) | some pair in purl_pairs}

path_pairs := {[pair[0][1], pair[1]] | some pair in purl_pairs}

path_index := {pair[0]: ids_for(path_pairs, pair[0]) | some pair in path_pairs}

ids_for(pairs, key) := {pair[1] | some pair in pairs; pair[0] == key}

product_pairs := {[lower(p), ban.id] | some ban in bans; some p in ban.match.products}

product_index := {pair[0]: ids_for(product_pairs, pair[0]) | some pair in product_pairs}

pattern_path(p) := trim_suffix(trim_suffix(lower(substring(p, indexof(p, "/") + 1, -1)), ".*"), "/*")

pattern_type(p) := lower(substring(p, 4, indexof(p, "/") - 4))

# an array, not a set: building a set of large objects is quadratic in rego-cpp
components := array.concat(input.components, [c | some parent in input.components; some c in parent.components])

component_orgs(c) := ((({n | n := c.supplier.name} | {n | n := c.publisher}) | {n | n := c.author}) | {n | n := c.manufacturer.name}) | {a.name | some a in c.authors}

component_urls(c) := (({u | some u in c.supplier.url} | {r.url | some r in c.externalReferences}) | {a.email | some a in c.authors}) | {u | some u in c.manufacturer.url}

host(u) := lower(split(split(split(u, "://")[1], "/")[0], ":")[0]) if contains(u, "://")

host(u) := lower(split(u, "@")[1]) if {
	not contains(u, "://")
	contains(u, "@")
}

# a host and each parent domain with at least two labels
host_keys(h) := {concat(".", array.slice(labels, i, count(labels))) |
	labels := split(h, ".")
	some i in numbers.range(0, count(labels) - 2)
}

# prefixes of a path at '/' and '.' boundaries, and the path itself
path_prefixes(path) := {substring(path, 0, i) | some i in boundaries(path)} | {path}

boundaries(path) := [i | some i in numbers.range(1, count(path) - 1); substring(path, i, 1) in [".", "/"]]

purl_path(p) := lower(urlquery.decode(rest)) if {
	body := substring(p, 4, -1)
	rest := split(split(substring(body, indexof(body, "/") + 1, -1), "?")[0], "#")[0]
	not contains(rest, "@")
}

purl_path(p) := lower(urlquery.decode(without_version)) if {
	body := substring(p, 4, -1)
	rest := split(split(substring(body, indexof(body, "/") + 1, -1), "?")[0], "#")[0]
	contains(rest, "@")
	parts := split(rest, "@")
	without_version := concat("@", array.slice(parts, 0, count(parts) - 1))
}

findings contains [c["bom-ref"], id] if {
	some c in components
	some name in component_orgs(c)
	tokens := norm_tokens(name)
	some n in numbers.range(1, count(tokens))
	some id in org_index[concat(" ", array.slice(tokens, 0, n))]
}

findings contains [c["bom-ref"], id] if {
	some c in components
	some u in component_urls(c)
	some key in host_keys(host(u))
	some id in domain_index[key]
}

findings contains [c["bom-ref"], id] if {
	some c in components
	some id in cpe_index[lower(split(c.cpe, ":")[3])]
}

findings contains [c["bom-ref"], id] if {
	some c in components
	ptype := lower(split(substring(c.purl, 4, -1), "/")[0])
	some prefix in path_prefixes(purl_path(c.purl))
	some t in {"*", ptype}
	some id in purl_index[[t, prefix]]
}

findings contains [c["bom-ref"], id] if {
	some c in components
	some prefix in path_prefixes(lower(c.group))
	some id in path_index[prefix]
}

findings contains [c["bom-ref"], id] if {
	some c in components
	some token in regex.split(`[^a-z0-9]+`, lower(c.name))
	some id in product_index[token]
}
