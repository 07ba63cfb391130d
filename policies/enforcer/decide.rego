# METADATA
# title: Enforcer decision library
# description: |
#   Turns the matches the enforcer found into verdicts. Everything that
#   depends on time, place or exceptions is decided here: which phase of a ban
#   is in effect on the as-of date, whether it is close enough to warn about,
#   whether the ban applies to the selected scopes, and whether a waiver
#   covers the component.
#
#   Input (one batched query per run):
#     as_of      "YYYY-MM-DD"
#     scopes     ["us", ...]  (empty: every ban applies)
#     warn_days  days before a phase starts during which it already warns
#     findings   [{"id", "ban", "confidence", "component": {"ref", "name", "purl"}}]
#     waivers    [{"id", "ban", "components": {"purls", "names", "refs"},
#                  "expires", "reason", "approved_by"}]
#     bans       optional: the bans the findings name, as the enforcer read
#                them from data.enforcer.bans.bans (so a decision need not
#                evaluate the whole ban table again); without it, the whole
#                table from data
#
#   Output, data.enforcer.decide: {finding id: decision} (and the same as an
#   array in input order, data.enforcer.decisions), where a decision is
#     {"verdict": "deny" | "warn" | "allow", "in_scope": bool, "reason": str,
#      "phase": {"effect", "date", "summary"} | null,
#      "waiver": {"id", "status", "expires", "reason", "approved_by"} | null,
#      "covered_by": [ids of every waiver that covers the finding]}
package enforcer

import rego.v1

contract_version := "1"

_bans := input.bans if {
	is_array(input.bans)
} else := data.enforcer.bans.bans

bans_by_id := {ban.id: ban | some ban in _bans}

decide := {finding.id: decision(finding) | some finding in input.findings}

# The same decisions, as an array in the order of input.findings. The enforcer
# asks for this one: rego-cpp builds a large object in quadratic time, an
# array in linear time.
decisions := [decision(finding) | some finding in input.findings]

# Each ban's status on the as-of date, computed once per query.
_status_by_id := {ban.id: status(ban, input.as_of, input.warn_days) | some ban in _bans}

# -- phases and dates --------------------------------------------------------

_day_ns := ((24 * 60) * 60) * 1000000000

# Whole days from the as-of date to `date` (negative when `date` is past).
days_until(date, as_of) := round((time.parse_ns("2006-01-02", date) - time.parse_ns("2006-01-02", as_of)) / _day_ns)

_ended(phase, as_of) if {
	is_string(phase.until)
	phase.until <= as_of
}

# The phase in effect on `as_of`: the latest one that has started and not ended.
current_phase(ban, as_of) := phase if {
	started := [p | some p in ban.phases; p.from <= as_of; not _ended(p, as_of)]
	count(started) > 0
	latest := max([p.from | some p in started])
	phase := [p | some p in started; p.from == latest][0]
}

# The next phase to start after `as_of`.
next_phase(ban, as_of) := phase if {
	upcoming := [p | some p in ban.phases; p.from > as_of]
	count(upcoming) > 0
	first := min([p.from | some p in upcoming])
	phase := [p | some p in upcoming; p.from == first][0]
}

# The date the last phase ended, when every phase has ended.
ended_on(ban, as_of) := last if {
	count(ban.phases) > 0
	every p in ban.phases {
		_ended(p, as_of)
	}
	last := max([p.until | some p in ban.phases])
}

_phase_info(phase) := {"effect": phase.effect, "date": phase.from, "summary": phase.summary}

# Status of a ban on a date, for `enforcer policy list` and the decisions.
status(ban, as_of, warn_days) := {"status": "active", "phase": _phase_info(phase), "days": days_until(phase.from, as_of)} if {
	phase := current_phase(ban, as_of)
} else := {"status": "upcoming", "phase": _phase_info(phase), "days": days} if {
	phase := next_phase(ban, as_of)
	days := days_until(phase.from, as_of)
	days <= warn_days
} else := {"status": "not-yet", "phase": _phase_info(phase), "days": days_until(phase.from, as_of)} if {
	phase := next_phase(ban, as_of)
} else := {"status": "ended", "phase": null, "days": days_until(date, as_of), "ended": date} if {
	date := ended_on(ban, as_of)
} else := {"status": "inactive", "phase": null, "days": 0}

ban_status := {ban.id: status(ban, input.as_of, input.warn_days) | some ban in data.enforcer.bans.bans}

# -- scopes ------------------------------------------------------------------

in_scope(_, scopes) if count(scopes) == 0

in_scope(ban, scopes) if {
	some scope in scopes
	scope in ban.scopes
}

# -- the verdict before waivers ----------------------------------------------

_base(ban, weak, st) := {
	"verdict": "allow",
	"in_scope": false,
	"phase": null,
	# concat, not sprintf: rego-cpp quotes a concat() result inside sprintf.
	"reason": concat("", ["outside the selected scopes (ban applies to ", concat(", ", ban.scopes), ")"]),
} if {
	not in_scope(ban, input.scopes)
} else := {
	"verdict": "warn",
	"in_scope": true,
	"phase": st.phase,
	"reason": sprintf("product name only; %s since %s: %s", [st.phase.effect, st.phase.date, st.phase.summary]),
} if {
	st.status == "active"
	weak
} else := {
	"verdict": st.phase.effect,
	"in_scope": true,
	"phase": st.phase,
	"reason": sprintf("%s since %s: %s", [_effect_word[st.phase.effect], st.phase.date, st.phase.summary]),
} if {
	st.status == "active"
} else := {
	"verdict": "warn",
	"in_scope": true,
	"phase": st.phase,
	"reason": sprintf("takes effect on %s (in %v days): %s", [st.phase.date, st.days, st.phase.summary]),
} if {
	st.status == "upcoming"
} else := {
	"verdict": "allow",
	"in_scope": true,
	"phase": st.phase,
	"reason": sprintf("not in effect until %s (in %v days)", [st.phase.date, st.days]),
} if {
	st.status == "not-yet"
} else := {
	"verdict": "allow",
	"in_scope": true,
	"phase": null,
	"reason": sprintf("ended on %s", [st.ended]),
} if {
	st.status == "ended"
} else := {
	"verdict": "allow",
	"in_scope": true,
	"phase": null,
	"reason": "no phase in effect",
}

_effect_word := {"deny": "banned", "warn": "warned"}

# -- waivers -----------------------------------------------------------------

covers(waiver, finding) if {
	waiver.ban in {finding.ban, "*"}
	_component_covered(waiver.components, finding.component)
}

_component_covered(target, component) if {
	some ref in object.get(target, "refs", [])
	ref == component.ref
}

_component_covered(target, component) if {
	some name in object.get(target, "names", [])
	name == component.name
}

_component_covered(target, component) if {
	some pattern in object.get(target, "purls", [])
	purl_covered(pattern, component.purl)
}

# A purl pattern covers a purl when equal, when equal but for the version or
# qualifiers, or when it ends in `*` and the purl starts with the rest.
purl_covered(pattern, purl) if pattern == purl

purl_covered(pattern, purl) if {
	not endswith(pattern, "*")
	some sep in ["@", "?", "#"]
	startswith(purl, concat("", [pattern, sep]))
}

purl_covered(pattern, purl) if {
	endswith(pattern, "*")
	startswith(purl, trim_suffix(pattern, "*"))
}

_waiver_info(waiver, state) := {
	"id": waiver.id,
	"status": state,
	"expires": waiver.expires,
	"reason": waiver.reason,
	"approved_by": waiver.approved_by,
}

# The waiver that applies: among the active ones covering the finding, the one
# that lasts longest (then the smallest id).
_active_waiver(covering) := waiver if {
	active := [w | some w in covering; input.as_of <= w.expires]
	count(active) > 0
	latest := max([w.expires | some w in active])
	first := min([w.id | some w in active; w.expires == latest])
	waiver := [w | some w in active; w.id == first][0]
}

# The waiver that expired last (then the smallest id), when none is active.
_expired_waiver(covering) := waiver if {
	expired := [w | some w in covering; w.expires < input.as_of]
	count(expired) > 0
	latest := max([w.expires | some w in expired])
	first := min([w.id | some w in expired; w.expires == latest])
	waiver := [w | some w in expired; w.id == first][0]
}

# -- the decision --------------------------------------------------------------

# enforcer: portable: object.union merges flat objects here (no key holds an object on both sides).
decision(finding) := _plain[finding.ban][_strength(finding)] if {
	count(input.waivers) == 0
} else := result if {
	ban := bans_by_id[finding.ban]
	covering := [w | some w in input.waivers; covers(w, finding)]
	base := _base(ban, _strength(finding) == "weak", _status_by_id[finding.ban])
	result := object.union(_waived(base, covering), {"covered_by": sort([w.id | some w in covering])})
} else := {
	"verdict": "allow",
	"in_scope": false,
	"phase": null,
	"waiver": null,
	"covered_by": [],
	"reason": sprintf("unknown ban \"%v\"", [finding.ban]),
}

# Without waivers a decision depends only on the ban and on whether the match
# is weak: worked out once per ban, not once per finding.
# enforcer: portable: object.union merges flat objects here (no key holds an object on both sides).
_plain := {ban.id: {
	"exact": object.union(_base(ban, false, st), {"waiver": null, "covered_by": []}),
	"weak": object.union(_base(ban, true, st), {"waiver": null, "covered_by": []}),
} |
	some ban in _bans
	st := _status_by_id[ban.id]
}

_strength(finding) := "weak" if finding.confidence == "weak"

else := "exact"

# enforcer: portable: object.union merges flat objects here (no key holds an object on both sides).
_waived(base, covering) := object.union(base, {
	"verdict": "allow",
	"reason": sprintf("waived by %s until %s (%s): %s", [waiver.approved_by, waiver.expires, waiver.id, waiver.reason]),
	"waiver": _waiver_info(waiver, "applied"),
}) if {
	base.verdict != "allow"
	waiver := _active_waiver(covering)
} else := object.union(base, {
	"reason": sprintf("%s; waiver %s expired on %s", [base.reason, waiver.id, waiver.expires]),
	"waiver": _waiver_info(waiver, "expired"),
}) if {
	base.verdict != "allow"
	waiver := _expired_waiver(covering)
} else := object.union(base, {"waiver": null})
