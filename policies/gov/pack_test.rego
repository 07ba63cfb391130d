# Helpers for the government pack's tests, and checks over the whole pack.
#
# Each instrument's *_test.rego file states, with dates written by hand from
# the facts, what the decision library says about its bans before, on and
# after every phase, and which scopes select them. The helpers below ask the
# library (data.enforcer.decide, data.enforcer.ban_status,
# data.enforcer.status) exactly as the enforcer does.
#
# The tests run on OPA (`opa test`) and on the embedded engine
# (`enforcer policy test --embedded`), so they replace input key by key
# (`with input.as_of as ...`), never as a whole: rego-cpp crashes on
# `with input as {...}` over the decision library. Every `with` is in
# `decide_one` and `ban_status_on`; the instruments' files have none.
# No helper shares its name with a function of data.enforcer (hence
# `decision_on`, `status_on`, `in_scope_of`): when two packages have
# functions of one name with different numbers of arguments, rego-cpp can
# fail to compile the program, or crash.
package gov_test

import rego.v1

# -- helpers ---------------------------------------------------------------------

# One exact (or `confidence`) match of `ban`, decided on `as_of` for `scopes`
# with a warning window of `warn_days`. Like the enforcer, the query carries
# the ban it decides (`input.bans`): without it the library computes the
# status of every ban of the pack for each decision, which costs the embedded
# engine a fifth of a second each time.
decide_one(ban, as_of, scopes, warn_days, confidence) := result if {
	findings := [{
		"id": "f",
		"ban": ban,
		"confidence": confidence,
		"component": {"ref": "component", "name": "component", "purl": ""},
	}]
	named := [data.enforcer.bans_by_id[ban]]
	decisions := data.enforcer.decide with input.as_of as as_of
		with input.scopes as scopes
		with input.warn_days as warn_days
		with input.findings as findings
		with input.waivers as []
		with input.bans as named
	result := decisions.f
}

decision_on(ban, as_of, scopes) := decide_one(ban, as_of, scopes, 90, "exact")

status_on(ban, as_of) := data.enforcer.status(data.enforcer.bans_by_id[ban], as_of, 90)

# The status of every ban on `as_of` (data.enforcer.ban_status), warning window 90 days.
ban_status_on(as_of) := table if {
	table := data.enforcer.ban_status with input.as_of as as_of with input.warn_days as 90
}

# On `day`, `ban` has status `want` for the phase dated `phase_date`, and an
# exact match (no scope selected) gets `verdict` with that phase.
on(ban, day, want, phase_date, verdict) if {
	st := status_on(ban, day)
	st.status == want
	st.phase.date == phase_date
	d := decision_on(ban, day, [])
	d.in_scope == true
	d.verdict == verdict
	d.phase.date == phase_date
}

# Before the warning window (warn_days 0): not in effect yet, and allowed.
not_yet(ban, day, phase_date) if {
	st := data.enforcer.status(data.enforcer.bans_by_id[ban], day, 0)
	st.status == "not-yet"
	st.phase.date == phase_date
	d := decide_one(ban, day, [], 0, "exact")
	d.verdict == "allow"
	startswith(d.reason, "not in effect until ")
}

# Selecting `scope` keeps the ban, with the same verdict as selecting nothing.
in_scope_of(ban, day, scope) if {
	d := decision_on(ban, day, [scope])
	d.in_scope == true
	d.verdict == decision_on(ban, day, []).verdict
}

# Selecting `scope` leaves the ban out: allowed, and the reason names its scopes.
out_of_scope(ban, day, scope) if {
	d := decision_on(ban, day, [scope])
	d.in_scope == false
	d.verdict == "allow"
	startswith(d.reason, "outside the selected scopes (ban applies to ")
}

# The ban carries exactly `tags`; each selects it and each of `others` does not.
scoped(ban, day, tags, others) if {
	data.enforcer.bans_by_id[ban].scopes == tags
	every tag in tags {
		in_scope_of(ban, day, tag)
	}
	every tag in others {
		out_of_scope(ban, day, tag)
	}
}

# -- the whole pack --------------------------------------------------------------

bans := data.enforcer.bans.bans

test_ban_status_reports_every_ban if {
	st := ban_status_on("2024-10-01")
	count(st) == count(bans)
	st["us-commerce-icts-kaspersky-2024"].status == "active"
	st["us-commerce-icts-kaspersky-2024"].phase.date == "2024-09-29"
	st["us-ndaa-fy2023-sec5949-semiconductors:smic"].status == "not-yet"
	st["us-ndaa-fy2023-sec5949-semiconductors:smic"].days == 1178
}

test_ban_ids_are_unique if {
	count(bans) == count({ban.id | some ban in bans})
}

test_phases_are_in_date_order_and_deny_or_warn if {
	every ban in bans {
		dates := [phase.from | some phase in ban.phases]
		dates == sort(dates)
		count({date | some date in dates}) == count(dates)
		every phase in ban.phases {
			phase.effect in {"deny", "warn"}
		}
	}
}

_cites_or_disabled(ban) if object.get(ban, "enabled", true) == false

_cites_or_disabled(ban) if count(ban.references) > 0

_enabled_or_explained(ban) if object.get(ban, "enabled", true) == true

_enabled_or_explained(ban) if count(ban.disabled_reason) > 0

test_enabled_bans_cite_their_sources_and_have_scopes if {
	every ban in bans {
		_cites_or_disabled(ban)
		count(ban.scopes) > 0
	}
}

test_disabled_bans_say_why if {
	every ban in bans {
		_enabled_or_explained(ban)
	}
}

# One `every` over the (ban, phase) pairs: a call inside an `every` nested in
# another is undefined on the embedded engine.
test_a_product_name_alone_never_denies if {
	cases := [{"ban": ban.id, "day": phase.from} | some ban in bans; some phase in ban.phases]
	count(cases) >= count(bans)
	every case in cases {
		decide_one(case.ban, case.day, [], 90, "weak").verdict == "warn"
	}
}

test_a_product_name_alone_is_capped_at_warn_on_a_deny_phase if {
	decision_on("us-ndaa-fy2019-sec889:huawei", "2021-01-01", []).verdict == "deny"
	d := decide_one("us-ndaa-fy2019-sec889:huawei", "2021-01-01", [], 90, "weak")
	d.verdict == "warn"
	startswith(d.reason, "product name only; deny since 2020-08-13")
}

test_the_warning_window_is_ninety_days if {
	# 2019-08-13 is Part A of section 889; 2019-05-15 is 90 days before it.
	on("us-ndaa-fy2019-sec889:zte", "2019-05-15", "upcoming", "2019-08-13", "warn")
	status_on("us-ndaa-fy2019-sec889:zte", "2019-05-14").status == "not-yet"
	decision_on("us-ndaa-fy2019-sec889:zte", "2019-05-14", []).verdict == "allow"
}

test_scopes_select_across_jurisdictions if {
	# A Huawei finding on 2024-07-01 under each scope: which bans apply.
	decision_on("uk-huawei-designated-vendor-direction-2022", "2024-07-01", ["uk-telecom"]).verdict == "deny"
	decision_on("uk-huawei-designated-vendor-direction-2022", "2024-07-01", ["us-federal"]).in_scope == false
	decision_on("us-ndaa-fy2019-sec889:huawei", "2024-07-01", ["uk-telecom"]).in_scope == false
	decision_on("us-ndaa-fy2019-sec889:huawei", "2024-07-01", ["uk-telecom", "us-federal"]).verdict == "deny"
	decision_on("ca-huawei-zte-5g-2022:huawei", "2024-07-01", ["ca-telecom"]).verdict == "deny"
	decision_on("au-5g-security-guidance-2018:huawei", "2024-07-01", ["au-telecom"]).verdict == "warn"
}
