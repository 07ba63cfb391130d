# METADATA
# title: Vendor bans in plain Rego, the way a team would write them without the enforcer
# description: |
#   The whole CycloneDX SBOM is the input. For every component and every ban,
#   compare organisation names, URL hosts, the CPE vendor, the purl namespace,
#   the group and the name tokens, normalising both sides on the spot.
#   It reads the same bans (`data.enforcer.bans.bans`) as the enforcer and
#   finds the same (component, ban) pairs on the benchmark SBOMs; the
#   benchmark checks that before it compares times.
#
#   Scope: components and their direct children (the generator nests one
#   level), ASCII text (rego-cpp folds ASCII only), single-word product names.
package bench.naive

import rego.v1

legal_forms := {
	"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "llp", "plc",
	"gmbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "oy", "as", "aps",
	"kk", "pte", "pty", "ao", "zao", "oao", "pao", "jsc", "pjsc", "ooo",
}

norm(name) := concat(" ", [t |
	some t in regex.split(`[^a-z0-9]+`, lower(replace(replace(name, ".", ""), "'", "")))
	t != ""
	not legal_forms[t]
])

# an array, not a set: building a set of large objects is quadratic in rego-cpp
components := array.concat(input.components, [c | some parent in input.components; some c in parent.components])

component_orgs(c) := ((({n | n := c.supplier.name} | {n | n := c.publisher}) | {n | n := c.author}) | {n | n := c.manufacturer.name}) | {a.name | some a in c.authors}

component_urls(c) := (({u | some u in c.supplier.url} | {r.url | some r in c.externalReferences}) | {a.email | some a in c.authors}) | {u | some u in c.manufacturer.url}

host(u) := lower(split(split(split(u, "://")[1], "/")[0], ":")[0]) if contains(u, "://")

host(u) := lower(split(u, "@")[1]) if {
	not contains(u, "://")
	contains(u, "@")
}

purl_type(p) := lower(split(substring(p, 4, -1), "/")[0])

purl_path(p) := lower(urlquery.decode(split(split(split(rest, "?")[0], "#")[0], "@v")[0])) if {
	body := substring(p, 4, -1)
	rest := substring(body, indexof(body, "/") + 1, -1)
	not contains(rest, "@")
}

purl_path(p) := lower(urlquery.decode(without_version)) if {
	body := substring(p, 4, -1)
	rest := split(split(substring(body, indexof(body, "/") + 1, -1), "?")[0], "#")[0]
	contains(rest, "@")
	parts := split(rest, "@")
	without_version := concat("@", array.slice(parts, 0, count(parts) - 1))
}

pattern_path(p) := trim_suffix(trim_suffix(lower(substring(p, indexof(p, "/") + 1, -1)), ".*"), "/*")

pattern_type(p) := lower(substring(p, 4, indexof(p, "/") - 4))

path_matches(path, pattern) if path == pattern

path_matches(path, pattern) if startswith(path, concat("", [pattern, "/"]))

path_matches(path, pattern) if startswith(path, concat("", [pattern, "."]))

ref(c) := c["bom-ref"]

# organisations
findings contains [ref(c), ban.id] if {
	some c in components
	some ban in data.enforcer.bans.bans
	some name in component_orgs(c)
	some alias in ban.match.organizations
	key := norm(name)
	wanted := norm(alias)
	wanted != ""
	org_matches(key, wanted)
}

org_matches(key, wanted) if key == wanted

org_matches(key, wanted) if startswith(key, concat("", [wanted, " "]))

# domains of URLs and e-mail addresses
findings contains [ref(c), ban.id] if {
	some c in components
	some ban in data.enforcer.bans.bans
	some u in component_urls(c)
	h := host(u)
	some d in ban.match.domains
	domain_matches(h, lower(d))
}

domain_matches(h, d) if h == d

domain_matches(h, d) if endswith(h, concat("", [".", d]))

# CPE vendor
findings contains [ref(c), ban.id] if {
	some c in components
	some ban in data.enforcer.bans.bans
	vendor := lower(split(c.cpe, ":")[3])
	some v in ban.match.cpe_vendors
	vendor == lower(v)
}

# purl type and namespace
findings contains [ref(c), ban.id] if {
	some c in components
	some ban in data.enforcer.bans.bans
	path := purl_path(c.purl)
	some pattern in ban.match.purls
	pattern_type(pattern) in {"*", purl_type(c.purl)}
	path_matches(path, pattern_path(pattern))
}

# group as a namespace
findings contains [ref(c), ban.id] if {
	some c in components
	some ban in data.enforcer.bans.bans
	group := lower(c.group)
	some pattern in ban.match.purls
	path_matches(group, pattern_path(pattern))
}

# product names
findings contains [ref(c), ban.id] if {
	some c in components
	some ban in data.enforcer.bans.bans
	tokens := regex.split(`[^a-z0-9]+`, lower(c.name))
	some product in ban.match.products
	lower(product) in tokens
}
