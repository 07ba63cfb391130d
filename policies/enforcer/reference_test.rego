# Tests of the reference matcher (reference.rego), one matcher at a time.
# The values come normalised, as enforcer/match/reference.py builds them.
package enforcer.reference_test

import rego.v1

# Ban 0: organisations, domains, CPE vendors, purls, products, hashes.
# Ban 1: an organisation that is a word prefix of ban 0's, and a purl.
bans := [
	{
		"organizations": ["kaspersky lab", "лаборатория касперского"],
		"domains": ["kaspersky.com"],
		"cpe_vendors": ["kaspersky_lab"],
		"purls": [["*", "com.kaspersky"], ["npm", "@kaspersky"]],
		"products": [["kaspersky"], ["endpoint", "security"]],
		"hashes": ["0123456789abcdef0123456789abcdef"],
	},
	{
		"organizations": ["kaspersky"],
		"domains": [],
		"cpe_vendors": [],
		"purls": [["maven", "com.kaspersky.sdk"]],
		"products": [],
		"hashes": [],
	},
]

# The evidence for one record holding the values. The only `with` block.
# (`as` takes a local variable: rego-cpp replaces input with nothing when it
# is given a rule such as `bans` directly.)
evidence_of(values) := found if {
	all_bans := bans
	found := data.enforcer.reference.evidence with input.bans as all_bans
		with input.records as [{"index": 7, "values": values}]
}

org(key, hosts) := {"kind": "org", "field": "supplier.name", "raw": "RAW", "key": key, "hosts": hosts}

# -- organisations ------------------------------------------------------------------

test_an_exact_organisation_matches if {
	evidence_of([org("kaspersky lab", [])]) == {
		[7, 0, "organization", "exact", "kaspersky lab", "supplier.name", "RAW"],
		[7, 1, "organization-prefix", "strong", "kaspersky", "supplier.name", "RAW"],
	}
}

test_a_non_latin_organisation_matches if {
	evidence_of([org("лаборатория касперского", [])]) == {[7, 0, "organization", "exact", "лаборатория касперского", "supplier.name", "RAW"]}
}

test_the_longest_word_prefix_per_ban if {
	evidence_of([org("kaspersky lab group", [])]) == {
		[7, 0, "organization-prefix", "strong", "kaspersky lab", "supplier.name", "RAW"],
		[7, 1, "organization-prefix", "strong", "kaspersky", "supplier.name", "RAW"],
	}
}

test_a_prefix_is_whole_words_only if {
	evidence_of([org("kasperskylab", [])]) == set()
	evidence_of([org("kaspersk lab", [])]) == set()
}

test_a_one_word_name_has_no_prefix if {
	evidence_of([org("kaspersky", [])]) == {[7, 1, "organization", "exact", "kaspersky", "supplier.name", "RAW"]}
}

test_an_empty_key_matches_nothing if {
	evidence_of([org("", [])]) == set()
}

# -- domains --------------------------------------------------------------------------

test_a_host_and_its_parents_match if {
	url := {"kind": "url", "field": "externalReferences[0].url", "raw": "RAW", "hosts": ["a.support.kaspersky.com"]}
	evidence_of([url]) == {[7, 0, "domain", "exact", "kaspersky.com", "externalReferences[0].url", "RAW"]}
}

test_a_lookalike_domain_does_not_match if {
	url := {"kind": "url", "field": "u", "raw": "RAW", "hosts": ["notkaspersky.com", "kaspersky.com.evil.example"]}
	evidence_of([url]) == set()
}

test_a_top_level_label_alone_is_not_a_domain if {
	data.enforcer.reference.parent_domains("a.b.com") == {"a.b.com", "b.com"}
	data.enforcer.reference.parent_domains("localhost") == set()
}

test_an_organisation_value_yields_its_domains if {
	evidence_of([org("", ["kaspersky.com"])]) == {[7, 0, "domain", "exact", "kaspersky.com", "supplier.name", "RAW"]}
}

test_a_purl_repository_url_yields_its_domain if {
	purl := {"kind": "purl", "field": "purl", "raw": "RAW", "purl": ["maven", "org.example/x"], "repository_hosts": ["repo.kaspersky.com"]}
	evidence_of([purl]) == {[7, 0, "domain", "exact", "kaspersky.com", "purl", "RAW"]}
}

# -- CPE vendors ----------------------------------------------------------------------

test_a_cpe_vendor_matches if {
	cpe := {"kind": "cpe", "field": "cpe", "raw": "RAW", "vendor": "kaspersky_lab"}
	evidence_of([cpe]) == {[7, 0, "cpe-vendor", "exact", "kaspersky_lab", "cpe", "RAW"]}
}

test_a_cpe_without_vendor_matches_nothing if {
	evidence_of([{"kind": "cpe", "field": "cpe", "raw": "RAW", "vendor": null}]) == set()
}

# -- purls and groups -----------------------------------------------------------------

purl(type, path) := {"kind": "purl", "field": "purl", "raw": "RAW", "purl": [type, path], "repository_hosts": []}

test_a_purl_matches_at_a_dot_or_slash_boundary if {
	evidence_of([purl("maven", "com.kaspersky.sdk/core")]) == {
		[7, 0, "purl", "exact", "pkg:*/com.kaspersky", "purl", "RAW"],
		[7, 1, "purl", "exact", "pkg:maven/com.kaspersky.sdk", "purl", "RAW"],
	}
	evidence_of([purl("npm", "@kaspersky/sdk")]) == {[7, 0, "purl", "exact", "pkg:npm/@kaspersky", "purl", "RAW"]}
}

test_a_purl_does_not_match_inside_a_word if {
	evidence_of([purl("maven", "com.kasperskyx/core")]) == set()
}

test_a_typed_pattern_needs_its_type if {
	evidence_of([purl("pypi", "@kaspersky/sdk")]) == set()
	evidence_of([purl("gradle", "com.kaspersky.sdk")]) == {[7, 0, "purl", "exact", "pkg:*/com.kaspersky", "purl", "RAW"]}
}

test_path_prefixes if {
	data.enforcer.reference.path_prefixes("com.huawei.hms/push") == {"com", "com.huawei", "com.huawei.hms", "com.huawei.hms/push"}
	data.enforcer.reference.path_prefixes("@scope/name") == {"@scope", "@scope/name"}
}

test_a_group_matches_any_pattern_path if {
	group := {"kind": "group", "field": "group", "raw": "RAW", "group": "@kaspersky"}
	evidence_of([group]) == {[7, 0, "group", "exact", "@kaspersky", "group", "RAW"]}
	nested := {"kind": "group", "field": "group", "raw": "RAW", "group": "com.kaspersky.sdk.internal"}
	evidence_of([nested]) == {
		[7, 0, "group", "exact", "com.kaspersky", "group", "RAW"],
		[7, 1, "group", "exact", "com.kaspersky.sdk", "group", "RAW"],
	}
}

# -- products and hashes ----------------------------------------------------------------

name(tokens) := {"kind": "name", "field": "name", "raw": "RAW", "tokens": tokens}

test_product_tokens_match_contiguously if {
	evidence_of([name(["kaspersky", "endpoint", "security", "sdk"])]) == {
		[7, 0, "product", "weak", "kaspersky", "name", "RAW"],
		[7, 0, "product", "weak", "endpoint security", "name", "RAW"],
	}
	evidence_of([name(["endpoint", "cloud", "security"])]) == set()
	evidence_of([name(["security", "endpoint"])]) == set()
}

test_a_hash_matches if {
	digest := {"kind": "hash", "field": "hashes[0].content", "raw": "RAW", "key": "0123456789abcdef0123456789abcdef"}
	evidence_of([digest]) == {[7, 0, "hash", "exact", "0123456789abcdef0123456789abcdef", "hashes[0].content", "RAW"]}
}

test_nothing_matches_an_unrelated_record if {
	values := [
		org("acme", ["acme.example"]),
		purl("npm", "left-pad"),
		name(["left", "pad"]),
		{"kind": "hash", "field": "h", "raw": "RAW", "key": "ffff"},
	]
	evidence_of(values) == set()
}
