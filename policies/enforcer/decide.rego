# METADATA
# title: Enforcer decision library
# description: |
#   Turns the matches the enforcer found into verdicts. Everything that
#   depends on time, place, coverage or exceptions is decided here: which
#   phase of a ban is in effect on the as-of date, whether it is close enough
#   to warn about, whether the ban applies to the selected scopes, whether it
#   covers the component (contract 2: kinds, named products, exclusions;
#   people are not companies), and whether a waiver covers the component.
#
#   Input (one batched query per run):
#     as_of      "YYYY-MM-DD"
#     scopes     ["us", ...]  (empty: every ban applies)
#     warn_days  days before a phase starts during which it already warns
#     findings   [{"id", "ban", "confidence", "kind", "product", "excluded",
#                  "evidence": [{"role", "party", "matcher", "confidence"}],
#                  "component": {"ref", "name", "purl"}}]
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
#      "coverage": {"decision": "covered" | "product" | "outside" | "excluded"
#                   | "person" | "unknown-kind", "reason": str},
#      "waiver": {"id", "status", "expires", "reason", "approved_by"} | null,
#      "covered_by": [ids of every waiver that covers the finding]}
#
#   Without a waiver that names its ban, a decision depends on the ban and on
#   the finding's confidence (weak or not), kind, product, excluded and
#   whether every match is a person's name; never on the component itself.
#   The enforcer relies on this to ask once per such question.
package enforcer

import rego.v1

contract_version := "2"

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

# The day number of a YYYY-MM-DD date (days since 1970-01-01), in whole
# integers: any date up to 9999-12-31 (nanosecond time overflows in 2262).
day_number(date) := days if {
	parts := split(date, "-")
	y0 := _number(parts[0])
	m := _number(parts[1])
	d := _number(parts[2])
	y := y0 - _before_march(m)
	era := floor(y / 400)
	yoe := y - (era * 400)
	mp := (m + 9) % 12
	doy := (floor(((153 * mp) + 2) / 5) + d) - 1
	doe := (((yoe * 365) + floor(yoe / 4)) - floor(yoe / 100)) + doy
	days := ((era * 146097) + doe) - 719468
}

# A number from digits with leading zeros ("07"): rego-cpp keeps the zeros of
# to_number("07"), which then neither prints nor compares as a number.
_number(digits) := to_number(trim_left(digits, "0"))

_before_march(m) := 1 if m <= 2

else := 0

# Whole days from the as-of date to `date` (negative when `date` is past).
days_until(date, as_of) := day_number(date) - day_number(as_of)

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

# The status of each ban of the input (or of the table), as an array of
# [id, status]: the enforcer asks for this one, a batch of bans at a time
# (rego-cpp builds an object of thousands of bans in quadratic time).
ban_statuses := [[ban.id, status(ban, input.as_of, input.warn_days)] | some ban in _bans]

# -- scopes ------------------------------------------------------------------

# The ids of the input's bans that apply in the selected scopes: the enforcer
# asks this first, and counts a match of any other ban (that no waiver names)
# as outside the selected scopes without asking for its decision.
bans_in_scope := [ban.id | some ban in _bans; in_scope(ban, input.scopes)]

in_scope(_, scopes) if count(scopes) == 0

in_scope(ban, scopes) if {
	some scope in scopes
	scope in ban.scopes
}

# -- coverage: does the ban cover this component? ------------------------------

# What a ban covers, with the defaults of contract 2 (a contract-1 ban covers everything).
covers(ban) := {
	"kinds": object.get(c, "kinds", ["*"]),
	"only_products": object.get(c, "only_products", false),
	"excluded_kinds": object.get(object.get(c, "excludes", {}), "kinds", []),
	"outside": object.get(c, "outside", "warn"),
	"unknown_kind": object.get(c, "unknown_kind", "covered"),
} if {
	c := _covers_object(ban)
}

_covers_object(ban) := ban.covers if is_object(ban.covers)

else := {}

_kind(finding) := finding.kind if is_string(finding.kind)

else := "unknown"

# Every match of the finding is a person's name that is or begins with a
# one-word alias of the vendor ("Dahua Lin", "Huawei Zhang"): not the company.
person_only(finding) if {
	evidence := object.get(finding, "evidence", [])
	count(evidence) > 0
	every item in evidence {
		item.matcher == "person-name"
	}
}

# A named product matched, and the component can be that product: by its app
# id or purl, or by its name when it is no package of a language ecosystem
# (an npm package called "wechat" is not the WeChat app).
named_product(finding) if {
	object.get(finding, "product", false) == true
	some item in object.get(finding, "evidence", [])
	item.matcher in {"app-id", "product-purl"}
}

named_product(finding) if {
	object.get(finding, "product", false) == true
	not _kind(finding) in {"library", "framework"}
}

_covered_kinds(c) := "every kind" if "*" in c.kinds

else := concat(", ", c.kinds)

# The coverage decision, and why, for a finding of a ban.
coverage(ban, finding) := {"decision": "person", "reason": concat("", [
	"only a person's name matches: not ", ban.vendor,
])} if {
	person_only(finding)
} else := {"decision": "excluded", "reason": concat("", [ban.vendor, ": ", finding.excluded, " (the ban excludes it)"])} if {
	is_string(finding.excluded)
	finding.excluded != ""
} else := {"decision": "excluded", "reason": concat("", [
	ban.vendor, ": ", _article(_kind(finding)), "; the ban excludes ", _kind(finding), " components",
])} if {
	_kind(finding) in covers(ban).excluded_kinds
} else := {"decision": "product", "reason": concat("", [ban.vendor, ": a product the ban names"])} if {
	named_product(finding)
} else := {"decision": "outside", "reason": concat("", [
	ban.vendor, ": ", _article(_kind(finding)), " that is not one of the products the ban names",
])} if {
	covers(ban).only_products == true
} else := {"decision": "covered", "reason": concat("", ["the ban covers ", _covered_kinds(covers(ban))])} if {
	"*" in covers(ban).kinds
} else := {"decision": "covered", "reason": concat("", ["the ban covers ", _kind(finding), " components"])} if {
	_kind(finding) in covers(ban).kinds
} else := {"decision": "unknown-kind", "reason": concat("", [
	"the component's kind is unknown; the ban covers ", _covered_kinds(covers(ban)), " and treats an unknown kind as covered",
])} if {
	_kind(finding) == "unknown"
	covers(ban).unknown_kind == "covered"
} else := {"decision": "outside", "reason": concat("", [
	ban.vendor, ": ", _article(_kind(finding)), "; the ban covers ", _covered_kinds(covers(ban)),
])}

_article(kind) := "an unknown kind of component" if kind == "unknown"

else := concat("", ["an ", kind]) if {
	substring(kind, 0, 1) in {"a", "e", "i", "o", "u"}
} else := concat("", ["a ", kind])

# Whether the ban, on this finding, may decide more than `allow`/`warn`.
_binding(cov) if cov.decision in {"covered", "product", "unknown-kind"}

# What the instrument leaves alone, never more than allowed.
_never_warns(cov) if cov.decision in {"person", "excluded"}

# -- the verdict before waivers ----------------------------------------------

_base(ban, finding, st, cov) := {
	"verdict": "allow",
	"in_scope": false,
	"phase": null,
	# concat, not sprintf: rego-cpp quotes a concat() result inside sprintf.
	"reason": concat("", ["outside the selected scopes (ban applies to ", concat(", ", ban.scopes), ")"]),
} if {
	not in_scope(ban, input.scopes)
} else := _within(ban, finding, st, cov)

_within(ban, finding, st, cov) := _plain_verdict(st, finding.confidence == "weak") if {
	_binding(cov)
} else := {
	"verdict": "warn",
	"in_scope": true,
	"phase": st.phase,
	"reason": concat("", [cov.reason, "; at most a warning"]),
} if {
	not _never_warns(cov)
	object.get(_covers_object(ban), "outside", "warn") == "warn"
	st.status in {"active", "upcoming"}
} else := {
	"verdict": "allow",
	"in_scope": true,
	"phase": st.phase,
	"reason": cov.reason,
}

# The verdict of a ban that covers the component: its phase on the as-of date.
_plain_verdict(st, weak) := {
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

covers_component(waiver, finding) if {
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

decision(finding) := _decided(finding, bans_by_id[finding.ban]) if {
	bans_by_id[finding.ban]
} else := {
	"verdict": "allow",
	"in_scope": false,
	"phase": null,
	"waiver": null,
	"covered_by": [],
	"coverage": {"decision": "outside", "reason": "unknown ban"},
	"reason": sprintf("unknown ban \"%v\"", [finding.ban]),
}

# enforcer: portable: object.union merges flat objects here (no key holds an object on both sides).
_decided(finding, ban) := result if {
	covering := [w | some w in input.waivers; covers_component(w, finding)]
	cov := _coverage_of(ban, finding)
	base := _base(ban, finding, _status_by_id[finding.ban], cov)
	waived := _waived(base, covering)
	result := object.union(waived, {
		"covered_by": sort([w.id | some w in covering]),
		"coverage": cov,
	})
}

# The coverage of a finding, worked out once (outside the selected scopes it is not asked).
_coverage_of(ban, finding) := coverage(ban, finding) if in_scope(ban, input.scopes)

else := {"decision": "outside", "reason": "outside the selected scopes"}

# enforcer: portable: object.union merges flat objects here (no key holds an object on both sides).
_waived(base, covering) := object.union(base, {
	"verdict": "allow",
	"reason": sprintf("waived by %s until %s (%s): %s", [waiver.approved_by, waiver.expires, waiver.id, waiver.reason]),
	"waiver": _waiver_info(waiver, "applied"),
}) if {
	base.verdict != "allow"
	waiver := _active_waiver(covering)
} else := object.union(base, {
	# concat, not sprintf: the reason may be a concat() result, which rego-cpp quotes inside sprintf.
	"reason": concat("", [base.reason, "; waiver ", waiver.id, " expired on ", waiver.expires]),
	"waiver": _waiver_info(waiver, "expired"),
}) if {
	base.verdict != "allow"
	waiver := _expired_waiver(covering)
} else := object.union(base, {"waiver": null})
