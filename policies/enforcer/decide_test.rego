# Tests of the decision library (decide.rego): phases and dates, the warning
# window, scopes, weak matches, waivers. They replace input key by key
# (`with input.as_of as ...`), never as a whole: replacing the whole input
# crashes the embedded engine, and these tests run on both engines
# (`enforcer policy test` and `enforcer policy test --embedded`).
package enforcer.decide_test

import rego.v1

# Two phases: warn from 2024-03-01, deny from 2024-07-20.
phased := {
	"id": "test-phased",
	"vendor": "Phased Vendor",
	"match": {"organizations": ["Phased Vendor"]},
	"phases": [
		{"effect": "warn", "from": "2024-03-01", "summary": "first phase"},
		{"effect": "deny", "from": "2024-07-20", "summary": "second phase"},
	],
	"scopes": ["us", "us-federal"],
}

# One phase that ended.
ended := {
	"id": "test-ended",
	"vendor": "Ended Vendor",
	"match": {"organizations": ["Ended Vendor"]},
	"phases": [{"effect": "deny", "from": "2020-01-01", "until": "2021-06-30", "summary": "over now"}],
	"scopes": ["eu"],
}

# A bounded warn phase followed by an open deny phase.
bounded := {
	"id": "test-bounded",
	"vendor": "Bounded Vendor",
	"match": {"organizations": ["Bounded Vendor"]},
	"phases": [
		{"effect": "warn", "from": "2024-01-01", "until": "2024-06-01", "summary": "warn window"},
		{"effect": "deny", "from": "2025-01-01", "summary": "deny later"},
	],
	"scopes": [],
}

component := {"ref": "pkg-1", "name": "vendor-sdk", "purl": "pkg:npm/vendor-sdk@1.2.3?arch=x64"}

finding(ban, confidence) := {"id": "f1", "ban": ban, "confidence": confidence, "component": component}

# A waiver of test-phased for pkg-1 until 2024-12-31; tests change what they need.
# (Objects, not string arguments: rego-cpp quotes a string that came in as a
# function argument when sprintf prints it.)
waiver := {
	"id": "w-1",
	"ban": "test-phased",
	"components": {"refs": ["pkg-1"]},
	"expires": "2024-12-31",
	"reason": "replacement under way",
	"approved_by": "security@example.com",
}

# The waiver with some fields replaced (removed first: object.union merges
# nested objects on OPA and replaces them on rego-cpp).
# enforcer: portable: no key is on both sides.
waiver_with(changes) := object.union(object.remove(waiver, object.keys(changes)), changes)

# The decisions for a request. The only `with` block of the decision tests:
# rego-cpp recompiles every `with` on every query, so fewer is faster.
decide_request(request) := decisions if {
	test_bans := [phased, ended, bounded]
	decisions := data.enforcer.decide with data.enforcer.bans.bans as test_bans
		with input.as_of as request.as_of
		with input.scopes as object.get(request, "scopes", [])
		with input.warn_days as object.get(request, "warn_days", 90)
		with input.findings as request.findings
		with input.waivers as object.get(request, "waivers", [])
}

# The decision for one finding of `ban` on `as_of`.
decide(ban, confidence, as_of, scopes, waivers) := decide_request({
	"as_of": as_of,
	"scopes": scopes,
	"findings": [finding(ban, confidence)],
	"waivers": waivers,
}).f1

at(ban, as_of) := decide(ban, "exact", as_of, [], [])

# -- phases and dates ------------------------------------------------------------

test_long_before_the_first_phase_allows if {
	d := at("test-phased", "2023-06-01")
	d.verdict == "allow"
	d.reason == "not in effect until 2024-03-01 (in 274 days)"
	d.phase.effect == "warn"
	d.in_scope == true
	d.waiver == null
}

test_within_the_warning_window_warns if {
	d := at("test-phased", "2024-02-01")
	d.verdict == "warn"
	d.reason == "takes effect on 2024-03-01 (in 29 days): first phase"
}

test_the_day_before_a_phase_warns if {
	d := at("test-phased", "2024-02-29")
	d.verdict == "warn"
	d.reason == "takes effect on 2024-03-01 (in 1 days): first phase"
}

test_on_the_first_day_of_a_warn_phase_warns if {
	d := at("test-phased", "2024-03-01")
	d.verdict == "warn"
	d.reason == "warned since 2024-03-01: first phase"
	d.phase == {"effect": "warn", "date": "2024-03-01", "summary": "first phase"}
}

test_the_day_before_the_deny_phase_still_warns if {
	d := at("test-phased", "2024-07-19")
	d.verdict == "warn"
	d.phase.date == "2024-03-01"
}

test_on_the_first_day_of_the_deny_phase_denies if {
	d := at("test-phased", "2024-07-20")
	d.verdict == "deny"
	d.reason == "banned since 2024-07-20: second phase"
}

test_after_the_deny_phase_started_denies if {
	d := at("test-phased", "2030-01-01")
	d.verdict == "deny"
	d.phase.date == "2024-07-20"
}

test_the_last_day_of_a_bounded_phase_is_outside_it if {
	at("test-bounded", "2024-05-31").verdict == "warn"
	at("test-bounded", "2024-05-31").phase.date == "2024-01-01"
	at("test-bounded", "2024-06-01").verdict == "allow"
	at("test-bounded", "2024-06-01").reason == "not in effect until 2025-01-01 (in 214 days)"
}

test_the_next_phase_warns_within_the_window if {
	d := at("test-bounded", "2024-12-01")
	d.verdict == "warn"
	d.reason == "takes effect on 2025-01-01 (in 31 days): deny later"
}

test_an_ended_ban_allows if {
	d := at("test-ended", "2022-01-01")
	d.verdict == "allow"
	d.reason == "ended on 2021-06-30"
	d.phase == null
}

test_an_ended_ban_denied_while_in_force if {
	at("test-ended", "2021-06-29").verdict == "deny"
	at("test-ended", "2021-06-30").verdict == "allow"
}

test_warn_days_zero_does_not_warn_ahead if {
	request := {"as_of": "2024-02-29", "warn_days": 0, "findings": [finding("test-phased", "exact")]}
	decide_request(request).f1.verdict == "allow"
}

# -- weak matches -------------------------------------------------------------------

test_a_weak_match_is_capped_at_warn if {
	d := decide("test-phased", "weak", "2024-08-01", [], [])
	d.verdict == "warn"
	d.reason == "product name only; deny since 2024-07-20: second phase"
}

test_a_strong_match_is_not_capped if {
	decide("test-phased", "strong", "2024-08-01", [], []).verdict == "deny"
}

test_a_weak_match_before_the_ban_allows if {
	decide("test-phased", "weak", "2023-01-01", [], []).verdict == "allow"
}

# -- scopes --------------------------------------------------------------------------

test_no_scope_selected_means_every_ban_applies if {
	decide("test-phased", "exact", "2024-08-01", [], []).in_scope == true
}

test_a_matching_scope_applies if {
	d := decide("test-phased", "exact", "2024-08-01", ["eu", "us-federal"], [])
	d.in_scope == true
	d.verdict == "deny"
}

test_another_scope_leaves_the_ban_out if {
	d := decide("test-phased", "exact", "2024-08-01", ["eu"], [])
	d.in_scope == false
	d.verdict == "allow"
	d.reason == "outside the selected scopes (ban applies to us, us-federal)"
}

# bans_in_scope, which the enforcer asks before the decisions, agrees with their in_scope.
in_scope_ids(scopes) := ids if {
	test_bans := [phased, ended, bounded]
	ids := data.enforcer.bans_in_scope with data.enforcer.bans.bans as test_bans
		with input.scopes as scopes
}

_agrees(scopes) if {
	decided := {ban |
		some ban in ["test-phased", "test-ended", "test-bounded"]
		decide(ban, "exact", "2024-08-01", scopes, []).in_scope
	}
	decided == {id | some id in in_scope_ids(scopes)}
}

test_bans_in_scope_agrees_with_the_decisions if {
	_agrees([])
	_agrees(["eu"])
	_agrees(["us"])
	_agrees(["eu", "us-federal"])
	_agrees(["uk"])
}

test_bans_in_scope_lists_every_ban_when_no_scope_is_chosen if {
	in_scope_ids([]) == ["test-phased", "test-ended", "test-bounded"]
}

test_a_ban_without_scopes_is_outside_any_selected_scope if {
	decide("test-bounded", "exact", "2025-02-01", ["us"], []).in_scope == false
}

# -- waivers ---------------------------------------------------------------------------

test_an_active_waiver_allows if {
	w := waiver_with({})
	d := decide("test-phased", "exact", "2024-08-01", [], [w])
	d.verdict == "allow"
	d.waiver.status == "applied"
	d.waiver.id == "w-1"
	d.phase.effect == "deny"
	d.reason == "waived by security@example.com until 2024-12-31 (w-1): replacement under way"
}

test_a_waiver_is_active_on_its_expiry_date if {
	w := waiver_with({"components": {"names": ["vendor-sdk"]}, "expires": "2024-08-01"})
	decide("test-phased", "exact", "2024-08-01", [], [w]).waiver.status == "applied"
}

test_an_expired_waiver_no_longer_applies if {
	w := waiver_with({"components": {"names": ["vendor-sdk"]}, "expires": "2024-07-31"})
	d := decide("test-phased", "exact", "2024-08-01", [], [w])
	d.verdict == "deny"
	d.waiver.status == "expired"
	d.reason == "banned since 2024-07-20: second phase; waiver w-1 expired on 2024-07-31"
}

test_a_waiver_for_another_ban_does_not_apply if {
	w := waiver_with({"ban": "test-ended", "expires": "2030-01-01"})
	d := decide("test-phased", "exact", "2024-08-01", [], [w])
	d.verdict == "deny"
	d.waiver == null
}

test_a_waiver_for_another_component_does_not_apply if {
	w := waiver_with({"components": {"refs": ["other"], "names": ["other-sdk"]}, "expires": "2030-01-01"})
	decide("test-phased", "exact", "2024-08-01", [], [w]).waiver == null
}

test_a_wildcard_waiver_covers_every_ban if {
	w := waiver_with({"id": "w-all", "ban": "*", "expires": "2030-01-01"})
	decide("test-phased", "exact", "2024-08-01", [], [w]).waiver.id == "w-all"
}

test_a_waiver_is_not_reported_on_an_allow if {
	w := waiver_with({"expires": "2030-01-01"})
	d := decide("test-phased", "exact", "2023-01-01", [], [w])
	d.verdict == "allow"
	d.waiver == null
}

test_the_longest_lasting_active_waiver_applies if {
	short := waiver_with({"id": "w-short", "expires": "2024-09-01"})
	long := waiver_with({"id": "w-long", "expires": "2025-09-01"})
	decide("test-phased", "exact", "2024-08-01", [], [short, long]).waiver.id == "w-long"
}

test_a_waiver_also_covers_a_warning if {
	w := waiver_with({"expires": "2030-01-01"})
	d := decide("test-phased", "exact", "2024-03-15", [], [w])
	d.verdict == "allow"
	d.waiver.status == "applied"
	d.phase.effect == "warn"
}

test_waiver_purl_patterns if {
	data.enforcer.purl_covered("pkg:npm/vendor-sdk@1.2.3?arch=x64", component.purl)
	data.enforcer.purl_covered("pkg:npm/vendor-sdk", component.purl)
	data.enforcer.purl_covered("pkg:npm/vendor-sdk@1.2.3", component.purl)
	data.enforcer.purl_covered("pkg:npm/vendor-*", component.purl)
	not data.enforcer.purl_covered("pkg:npm/vendor", component.purl)
	not data.enforcer.purl_covered("pkg:npm/vendor-sdk@2.0.0", component.purl)
	not data.enforcer.purl_covered("pkg:pypi/*", component.purl)
}

test_a_waiver_by_purl_pattern_applies if {
	w := waiver_with({"components": {"purls": ["pkg:npm/vendor-sdk"]}, "expires": "2030-01-01"})
	decide("test-phased", "exact", "2024-08-01", [], [w]).verdict == "allow"
}

# -- odd input ----------------------------------------------------------------------------

test_an_unknown_ban_allows_and_says_so if {
	unknown := {"id": "f1", "ban": "no-such-ban", "confidence": "exact", "component": component}
	d := decide_request({"as_of": "2024-08-01", "findings": [unknown]}).f1
	d.verdict == "allow"
	d.in_scope == false
	d.reason == "unknown ban \"no-such-ban\""
}

test_every_finding_gets_a_decision if {
	findings := [
		{"id": "a", "ban": "test-phased", "confidence": "exact", "component": component},
		{"id": "b", "ban": "test-ended", "confidence": "weak", "component": component},
		{"id": "c", "ban": "test-bounded", "confidence": "strong", "component": component},
	]
	d := decide_request({"as_of": "2024-08-01", "findings": findings})
	count(d) == 3
	d.a.verdict == "deny"
	d.b.verdict == "allow"
	d.c.verdict == "allow"
}

# -- ban status ------------------------------------------------------------------------------

test_ban_status_on_a_date if {
	data.enforcer.status(phased, "2024-12-01", 90).status == "active"
	data.enforcer.status(ended, "2024-12-01", 90).status == "ended"
	data.enforcer.status(ended, "2024-12-01", 90).ended == "2021-06-30"
	data.enforcer.status(bounded, "2024-12-01", 90).status == "upcoming"
	data.enforcer.status(bounded, "2024-12-01", 90).days == 31
	data.enforcer.status(bounded, "2024-12-01", 10).status == "not-yet"
	data.enforcer.status(bounded, "2024-07-01", 90).status == "not-yet"
}

test_days_until_counts_whole_days if {
	data.enforcer.days_until("2024-03-01", "2024-02-28") == 2
	data.enforcer.days_until("2024-01-01", "2024-12-31") == -365
	data.enforcer.days_until("2024-07-20", "2024-07-20") == 0
}
