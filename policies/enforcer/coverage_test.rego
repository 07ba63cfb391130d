# Tests of what a ban covers (contract 2) in the decision library: kinds,
# named products, exclusions, people named like a vendor, unknown kinds, and
# contract-1 bans, which cover everything as before. Also dates far ahead.
# Like decide_test.rego, they replace input key by key and keep one `with`
# block, so they run on OPA and on the embedded engine alike.
package enforcer.coverage_test

import rego.v1

# Equipment only (the FCC's bar on authorising radios and cameras).
equipment := {
	"id": "test-equipment",
	"vendor": "Radio Maker",
	"match": {"organizations": ["Radio Maker"]},
	"covers": {"kinds": ["device", "firmware"], "outside": "warn"},
	"phases": [{"effect": "deny", "from": "2022-11-11", "summary": "no new authorisations"}],
	"scopes": ["us"],
}

# One application and what the instrument names (PAFACA-like): only the products.
application := {
	"id": "test-app",
	"vendor": "App Maker",
	"match": {"organizations": ["App Maker"]},
	"covers": {
		"kinds": ["application"],
		"products": {"names": ["Short Video"], "app_ids": ["com.example.video"]},
		"only_products": true,
		"excludes": {"kinds": ["library", "framework"]},
		"outside": "allow",
	},
	"phases": [{"effect": "deny", "from": "2025-01-19", "summary": "no distribution of the app"}],
	"scopes": ["us"],
}

# Security software; unknown kinds are left out, not covered.
security := {
	"id": "test-security",
	"vendor": "AV Maker",
	"match": {"organizations": ["AV Maker"]},
	"covers": {"kinds": ["application", "service"], "unknown_kind": "outside"},
	"phases": [{"effect": "deny", "from": "2024-09-29", "summary": "no updates"}],
	"scopes": ["us"],
}

# Contract 1: no `covers`, everything is covered.
everything := {
	"id": "test-everything",
	"vendor": "Old Ban",
	"match": {"organizations": ["Old Ban"]},
	"phases": [{"effect": "deny", "from": "2020-01-01", "summary": "all of it"}],
	"scopes": ["us"],
}

# enforcer: portable: the changes replace whole fields (no key holds an object on both sides but "component", never changed).
coverage_finding(ban, kind, changes) := object.union(
	{
		"id": "f",
		"ban": ban,
		"confidence": "exact",
		"kind": kind,
		"product": false,
		"excluded": "",
		"evidence": [{"role": "supplier", "party": "organization", "matcher": "organization", "confidence": "exact"}],
		"component": {"ref": "r", "name": "n", "purl": ""},
	},
	changes,
)

decide_all(findings, as_of) := decisions if {
	test_bans := [equipment, application, security, everything]
	decisions := data.enforcer.decisions with data.enforcer.bans.bans as test_bans
		with input.as_of as as_of
		with input.scopes as []
		with input.warn_days as 90
		with input.findings as findings
		with input.waivers as []
}

one(ban, kind, changes) := decide_all([coverage_finding(ban, kind, changes)], "2026-12-03")[0]

# -- kinds -----------------------------------------------------------------------

test_a_covered_kind_is_denied if {
	d := one("test-equipment", "device", {})
	d.verdict == "deny"
	d.coverage == {"decision": "covered", "reason": "the ban covers device components"}
}

test_a_kind_outside_the_coverage_at_most_warns_and_says_why if {
	d := one("test-equipment", "library", {})
	d.verdict == "warn"
	d.coverage.decision == "outside"
	d.reason == "Radio Maker: a library; the ban covers device, firmware; at most a warning"
	d.phase.effect == "deny"
}

test_outside_the_coverage_before_the_ban_allows if {
	d := decide_all([coverage_finding("test-equipment", "library", {})], "2020-01-01")[0]
	d.verdict == "allow"
	d.coverage.decision == "outside"
}

test_an_unknown_kind_is_covered_by_default if {
	d := one("test-equipment", "unknown", {})
	d.verdict == "deny"
	d.coverage.decision == "unknown-kind"
}

test_an_unknown_kind_can_be_left_out if {
	d := one("test-security", "unknown", {})
	d.verdict == "warn"
	d.coverage.decision == "outside"
	d.reason == "AV Maker: an unknown kind of component; the ban covers application, service; at most a warning"
}

test_a_missing_kind_is_unknown if {
	f := object.remove(coverage_finding("test-equipment", "x", {}), ["kind"])
	d := decide_all([f], "2026-12-03")[0]
	d.coverage.decision == "unknown-kind"
}

# -- named products and exclusions ---------------------------------------------------

test_only_named_products_are_covered if {
	app := one("test-app", "application", {"product": true})
	app.verdict == "deny"
	app.coverage.decision == "product"
	other := one("test-app", "application", {})
	other.verdict == "allow"
	other.coverage.decision == "outside"
	other.reason == "App Maker: an application that is not one of the products the ban names"
}

test_an_excluded_kind_wins_over_a_product_name if {
	d := one("test-app", "library", {"product": true})
	d.verdict == "allow"
	d.coverage.decision == "excluded"
	d.coverage.reason == "App Maker: a library; the ban excludes library components"
}

test_an_excluded_name_or_purl_is_said_in_words if {
	d := one("test-equipment", "device", {"excluded": "the purl matches the excluded pkg:golang/x/*"})
	d.verdict == "allow"
	d.coverage == {"decision": "excluded", "reason": "Radio Maker: the purl matches the excluded pkg:golang/x/* (the ban excludes it)"}
}

test_a_product_name_is_no_library_of_that_name if {
	by_name := [{"role": "product", "party": "", "matcher": "product-name", "confidence": "strong"}]
	library := one("test-app", "library", {"product": true, "evidence": by_name})
	library.coverage.decision != "product"
	app := one("test-app", "application", {"product": true, "evidence": by_name})
	app.coverage.decision == "product"
	by_id := [{"role": "product", "party": "", "matcher": "app-id", "confidence": "exact"}]
	one("test-equipment", "library", {"product": true, "evidence": by_id}).coverage.decision == "product"
}

test_an_expired_waiver_on_a_finding_outside_the_coverage_keeps_the_reason if {
	waiver := {
		"id": "w-old",
		"ban": "test-equipment",
		"components": {"refs": ["r"]},
		"expires": "2024-01-01",
		"reason": "r",
		"approved_by": "a",
	}
	test_bans := [equipment, application, security, everything]
	decisions := data.enforcer.decisions with data.enforcer.bans.bans as test_bans
		with input.as_of as "2026-12-03"
		with input.scopes as []
		with input.warn_days as 90
		with input.findings as [coverage_finding("test-equipment", "library", {})]
		with input.waivers as [waiver]
	d := decisions[0]
	d.verdict == "warn"
	d.reason == "Radio Maker: a library; the ban covers device, firmware; at most a warning; waiver w-old expired on 2024-01-01"
}

# -- people are not companies -----------------------------------------------------------

person := [{"role": "author", "party": "person", "matcher": "person-name", "confidence": "weak"}]

test_a_persons_name_alone_never_denies if {
	d := one("test-everything", "library", {"evidence": person, "confidence": "weak"})
	d.verdict == "allow"
	d.coverage == {"decision": "person", "reason": "only a person's name matches: not Old Ban"}
}

test_a_persons_name_beside_a_company_match_counts_the_company if {
	evidence := array.concat(person, [{"role": "supplier", "party": "organization", "matcher": "organization", "confidence": "exact"}])
	d := one("test-everything", "library", {"evidence": evidence})
	d.verdict == "deny"
}

# -- contract 1 ------------------------------------------------------------------------

test_a_contract_1_ban_covers_every_kind if {
	every kind in ["library", "device", "unknown", "machine-learning-model"] {
		d := one("test-everything", kind, {})
		d.verdict == "deny"
		d.coverage == {"decision": "covered", "reason": "the ban covers every kind"}
	}
}

test_a_weak_match_of_a_covered_kind_warns if {
	d := one("test-equipment", "firmware", {"confidence": "weak"})
	d.verdict == "warn"
	startswith(d.reason, "product name only; deny since 2022-11-11")
}

# -- dates ---------------------------------------------------------------------------------

test_every_date_up_to_9999_decides if {
	every day in ["2262-04-12", "2500-01-01", "9999-12-31"] {
		d := decide_all([coverage_finding("test-everything", "device", {})], day)[0]
		d.verdict == "deny"
	}
}

test_day_numbers_are_exact_far_ahead if {
	data.enforcer.day_number("1970-01-01") == 0
	data.enforcer.day_number("2000-03-01") == 11017
	data.enforcer.day_number("9999-12-31") == 2932896
	data.enforcer.days_until("2262-04-12", "2262-04-11") == 1
	data.enforcer.days_until("2400-03-01", "2400-02-28") == 2
	data.enforcer.days_until("2100-03-01", "2100-02-28") == 1
}
