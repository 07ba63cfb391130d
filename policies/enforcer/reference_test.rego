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
		"purls": [["*", "com.kaspersky", false], ["npm", "@kaspersky", false], ["pypi", "kasperskysdk", true]],
		"products": [["kaspersky"], ["endpoint", "security"]],
		"hashes": ["0123456789abcdef0123456789abcdef"],
		"product_names": [["kaspersky", "free"]],
		"app_ids": ["com.kaspersky.kav"],
		"product_purls": [["npm", "kav-app", true]],
		"exclude_names": [["klara"]],
		"exclude_purls": [["github", "github.com/kasperskylab/klara", false]],
	},
	{
		"organizations": ["kaspersky"],
		"domains": [],
		"cpe_vendors": [],
		"purls": [["maven", "com.kaspersky.sdk", false], ["github", "github.com/kasperskylab", false]],
		"products": [],
		"hashes": [],
		"product_names": [],
		"app_ids": [],
		"product_purls": [],
		"exclude_names": [],
		"exclude_purls": [],
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

# The [record, ban] pairs the exclusions match, for one record with a name and a purl.
excluded_of(values, tokens, purl) := found if {
	all_bans := bans
	record := {"index": 7, "values": values, "name_tokens": tokens, "purl": purl, "purl_types": [purl[0], "*"]}
	found := data.enforcer.reference.excluded with input.bans as all_bans with input.records as [record]
}

org(key, hosts) := {"kind": "org", "field": "supplier.name", "raw": "RAW", "keys": [key], "hosts": hosts, "person": false}

person(key) := {"kind": "org", "field": "authors[0].name", "raw": "RAW", "keys": [key], "hosts": [], "person": true}

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
	evidence_of([{"kind": "org", "field": "f", "raw": "RAW", "keys": [], "hosts": [], "person": false}]) == set()
}

test_brackets_kept_then_dropped if {
	value := {"kind": "org", "field": "f", "raw": "RAW", "keys": ["kaspersky americas lab", "kaspersky lab"], "hosts": [], "person": false}
	evidence_of([value]) == {
		[7, 0, "organization", "exact", "kaspersky lab", "f", "RAW"],
		[7, 1, "organization-prefix", "strong", "kaspersky", "f", "RAW"],
	}
}

test_a_person_named_like_a_one_word_alias_is_weak if {
	evidence_of([person("kaspersky lin")]) == {[7, 1, "person-name", "weak", "kaspersky", "authors[0].name", "RAW"]}
	evidence_of([person("kaspersky")]) == {[7, 1, "person-name", "weak", "kaspersky", "authors[0].name", "RAW"]}
}

test_a_person_field_holding_a_company_name_stays_a_company if {
	evidence_of([person("kaspersky lab")]) == {
		[7, 0, "organization", "exact", "kaspersky lab", "authors[0].name", "RAW"],
		[7, 1, "person-name", "weak", "kaspersky", "authors[0].name", "RAW"],
	}
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

purl(type, path) := {"kind": "purl", "field": "purl", "raw": "RAW", "purl": [type, path], "types": _types(type, path), "repository_hosts": []}

_types(type, path) := [type, "*", "github"] if {
	startswith(path, "github.com/")
	type != "github"
} else := [type, "*"]

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

test_a_name_prefix_pattern_matches_any_continuation if {
	evidence_of([purl("pypi", "kasperskysdkcore")]) == {[7, 0, "purl", "exact", "pkg:pypi/kasperskysdk*", "purl", "RAW"]}
	evidence_of([purl("npm", "kasperskysdkcore")]) == set()
}

test_a_forge_pattern_matches_its_own_and_go_paths if {
	evidence_of([purl("github", "github.com/kasperskylab/klara")]) == {[7, 1, "purl", "exact", "pkg:github/github.com/kasperskylab", "purl", "RAW"]}
	evidence_of([purl("golang", "github.com/kasperskylab/klara")]) == {[7, 1, "purl", "exact", "pkg:github/github.com/kasperskylab", "purl", "RAW"]}
}

test_named_products_match_by_purl_and_app_id if {
	evidence_of([purl("npm", "kav-app-lite")]) == {[7, 0, "product-purl", "exact", "pkg:npm/kav-app*", "purl", "RAW"]}
	evidence_of([purl("generic", "com.kaspersky.kav")]) == {
		[7, 0, "app-id", "exact", "com.kaspersky.kav", "purl", "RAW"],
		[7, 0, "purl", "exact", "pkg:*/com.kaspersky", "purl", "RAW"],
	}
}

test_exclusions_by_name_and_purl if {
	values := [org("kaspersky lab", [])]
	excluded_of(values, ["klara"], ["npm", "x"]) == {[7, 0]}
	excluded_of(values, ["x"], ["github", "github.com/kasperskylab/klara"]) == {[7, 0]}
	excluded_of(values, ["x"], ["github", "github.com/kasperskylab/other"]) == set()
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

name(tokens) := {"kind": "name", "field": "name", "raw": "RAW", "forms": [tokens], "folded": concat("-", tokens)}

test_product_tokens_match_contiguously if {
	evidence_of([name(["kaspersky", "endpoint", "security", "sdk"])]) == {
		[7, 0, "product", "weak", "kaspersky", "name", "RAW"],
		[7, 0, "product", "weak", "endpoint security", "name", "RAW"],
	}
	evidence_of([name(["endpoint", "cloud", "security"])]) == set()
	evidence_of([name(["security", "endpoint"])]) == set()
}

test_a_named_product_is_the_whole_name if {
	evidence_of([name(["kaspersky", "free"])]) == {
		[7, 0, "product", "weak", "kaspersky", "name", "RAW"],
		[7, 0, "product-name", "strong", "kaspersky free", "name", "RAW"],
	}
	evidence_of([{"kind": "name", "field": "name", "raw": "RAW", "forms": [["com", "kaspersky", "kav"]], "folded": "com.kaspersky.kav"}]) == {
		[7, 0, "app-id", "exact", "com.kaspersky.kav", "name", "RAW"],
		[7, 0, "product", "weak", "kaspersky", "name", "RAW"],
	}
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
