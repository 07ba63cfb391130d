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
# with a warning window of `warn_days`. The match is of a product the ban
# names (`"product": true`), so the ban covers it whatever the ban's kinds:
# these helpers speak of dates and scopes; what a ban covers is tested on its
# data below and on real components in the verdict table. Like the enforcer, the query carries
# the ban it decides (`input.bans`): without it the library computes the
# status of every ban of the pack for each decision, which costs the embedded
# engine a fifth of a second each time.
decide_one(ban, as_of, scopes, warn_days, confidence) := result if {
	findings := [{
		"id": "f",
		"ban": ban,
		"confidence": confidence,
		"kind": "unknown",
		"product": true,
		"excluded": "",
		"evidence": [{"role": "supplier", "party": "organization", "matcher": "organization", "confidence": confidence}],
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

# -- coverage (contract 2) -------------------------------------------------------
#
# What a ban's own data says about one component, read the way ban contract 2
# defines `covers` (notes/contract2.md): "excluded" (covers.excludes names it),
# "product" (a covers.products identity: a product name, an app id, a product
# purl), "outside" (only_products, or a kind the ban does not cover) or
# "covered". `component` is {"kind", "name", "purl"}, each optional. These
# helpers test the data each ban states; the verdict the decision library
# derives from it is the verdict table's business
# (tests/_data/coverage_cases.yaml).

covers_of(ban) := object.get(data.enforcer.bans_by_id[ban], "covers", {})

coverage(ban, component) := "excluded" if {
	_excluded(covers_of(ban), component)
} else := "product" if {
	_product(covers_of(ban), component)
} else := "outside" if {
	object.get(covers_of(ban), "only_products", false) == true
} else := "covered" if {
	_kind_covered(covers_of(ban), object.get(component, "kind", "unknown"))
} else := "outside"

# What a vendor match outside the coverage gets: "warn" or "allow".
outside_of(ban) := object.get(covers_of(ban), "outside", "warn")

_excludes(covers, key) := object.get(object.get(covers, "excludes", {}), key, [])

_products(covers, key) := object.get(object.get(covers, "products", {}), key, [])

_excluded(covers, component) if {
	object.get(component, "kind", "unknown") in _excludes(covers, "kinds")
}

_excluded(covers, component) if {
	some name in _excludes(covers, "names")
	lower(name) == lower(object.get(component, "name", ""))
}

_excluded(covers, component) if {
	some pattern in _excludes(covers, "purls")
	purl_matches(pattern, object.get(component, "purl", ""))
}

_product(covers, component) if {
	some name in _products(covers, "names")
	lower(name) == lower(object.get(component, "name", ""))
}

_product(covers, component) if {
	object.get(component, "name", "") in _products(covers, "app_ids")
}

_product(covers, component) if {
	purl_name(object.get(component, "purl", "")) in _products(covers, "app_ids")
}

_product(covers, component) if {
	some pattern in _products(covers, "purls")
	purl_matches(pattern, object.get(component, "purl", ""))
}

_kind_covered(covers, _) if "*" in object.get(covers, "kinds", ["*"])

_kind_covered(covers, kind) if kind in object.get(covers, "kinds", ["*"])

_kind_covered(covers, "unknown") if object.get(covers, "unknown_kind", "covered") == "covered"

# -- purl patterns ----------------------------------------------------------------
#
# A pattern `pkg:TYPE/PATH` (TYPE may be `*`) matches a purl whose type is TYPE
# and whose namespace/name path is PATH or continues it after a `/` or `.`; a
# trailing `.*` or `/*` says the same, and a trailing `*` alone makes PATH a
# prefix of the name (`pkg:pypi/huaweicloudsdk*`). Case and `%40` do not matter.

purl_matches(pattern, purl) if {
	[ptype, mode, ppath] := _pattern_parts(pattern)
	[type, path] := _purl_parts(purl)
	ptype in {"*", type}
	_path_matches(mode, ppath, path)
}

# The name of a purl: the last segment of its path, without the version.
purl_name(purl) := name if {
	[_, path] := _purl_parts(purl)
	segments := split(path, "/")
	name := segments[count(segments) - 1]
}

_pattern_parts(pattern) := [ptype, mode, path] if {
	body := substring(pattern, 4, -1)
	ptype := lower(split(body, "/")[0])
	raw := lower(replace(substring(body, count(ptype) + 1, -1), "%40", "@"))
	[mode, path] := _pattern_mode(raw)
}

_pattern_mode(raw) := ["segment", substring(raw, 0, count(raw) - 2)] if {
	endswith(raw, ".*")
} else := ["segment", substring(raw, 0, count(raw) - 2)] if {
	endswith(raw, "/*")
} else := ["prefix", substring(raw, 0, count(raw) - 1)] if {
	endswith(raw, "*")
} else := ["segment", raw]

_purl_parts(purl) := [type, path] if {
	startswith(lower(purl), "pkg:")
	body := split(split(substring(purl, 4, -1), "?")[0], "#")[0]
	type := lower(split(body, "/")[0])
	segments := split(substring(body, count(type) + 1, -1), "/")
	last := count(segments) - 1
	name := split(segments[last], "@")[0]
	path := lower(replace(concat("/", array.concat(array.slice(segments, 0, last), [name])), "%40", "@"))
}

_path_matches("prefix", pattern, path) if startswith(path, pattern)

_path_matches("segment", pattern, path) if path == pattern

_path_matches("segment", pattern, path) if startswith(path, concat("", [pattern, "/"]))

_path_matches("segment", pattern, path) if startswith(path, concat("", [pattern, "."]))

# A purl pattern of the ban's vendor identity (match.purls) matches `purl`.
vendor_purl(ban, purl) if {
	some pattern in data.enforcer.bans_by_id[ban].match.purls
	purl_matches(pattern, purl)
}

# Components the coverage tests of the instruments share.
sample := {
	# Kaspersky
	"kaspersky_agent": {"kind": "application", "name": "kes-agent"},
	"kaspersky_product": {"kind": "file", "name": "Kaspersky Endpoint Security"},
	"kaspersky_vpn": {"kind": "file", "name": "Kaspersky VPN Secure Connection"},
	"kaspersky_android": {"kind": "file", "name": "com.kms.free"},
	"kaspersky_signatures": {"kind": "data", "name": "kaspersky-av-bases"},
	"kaspersky_ti": {"kind": "service", "name": "Kaspersky Threat Intelligence Portal"},
	"opentip_scanner": {"kind": "application", "name": "OpenTIP-scanner", "purl": "pkg:github/KasperskyLab/OpenTIP-scanner@1.0.0"},
	"kasperskyos": {"kind": "operating-system", "name": "KasperskyOS Community Edition"},
	"kaspresso": {"kind": "library", "name": "kaspresso", "purl": "pkg:maven/com.kaspersky.android-components/kaspresso@1.5.3"},
	"klara": {"kind": "library", "name": "klara", "purl": "pkg:github/KasperskyLab/klara@1.0.0"},
	# telecommunications and video-surveillance equipment
	"router": {"kind": "device", "name": "AR6120 enterprise router"},
	"router_firmware": {"kind": "firmware", "name": "vrp-firmware"},
	"modem_driver": {"kind": "device-driver", "name": "lte-modem-driver"},
	"camera": {"kind": "device", "name": "DS-2CD2143G2-I"},
	"network_service": {"kind": "service", "name": "managed-5g-core"},
	"network_manager": {"kind": "application", "name": "network-management-system"},
	"server_os": {"kind": "operating-system", "name": "euleros"},
	"hms_push": {"kind": "library", "name": "push", "purl": "pkg:maven/com.huawei.hms/push@6.11.0.300"},
	"huaweicloud_go": {"kind": "library", "purl": "pkg:golang/github.com/huaweicloud/huaweicloud-sdk-go-v3@v0.1.120"},
	"huaweicloud_pypi": {"kind": "library", "purl": "pkg:pypi/huaweicloudsdkcore@3.1.86"},
	"camera_sdk": {"kind": "library", "name": "hcnetsdk"},
	"chip": {"kind": "device", "name": "nand-flash-512gb"},
	# drones
	"drone": {"kind": "device", "name": "Mavic 3 Pro"},
	"drone_app": {"kind": "application", "name": "DJI Fly"},
	"dji_sdk": {"kind": "library", "name": "dji-sdk", "purl": "pkg:maven/com.dji/dji-sdk@4.16.4"},
	# ByteDance and TikTok
	"tiktok_app": {"kind": "application", "name": "TikTok"},
	"tiktok_apk": {"kind": "file", "name": "com.zhiliaoapp.musically"},
	"trill_apk": {"kind": "file", "name": "com.ss.android.ugc.trill"},
	"tiktok_open_sdk": {"kind": "library", "purl": "pkg:maven/com.tiktok.open.sdk/tiktok-open-sdk-core@2.3.0"},
	"capcut": {"kind": "application", "name": "CapCut"},
	"lemon8_apk": {"kind": "file", "name": "com.bd.nproject"},
	"lark": {"kind": "application", "name": "Lark"},
	"pangle": {"kind": "library", "purl": "pkg:maven/com.bytedance.sdk/pangle-sdk@5.1.0.6"},
	"sonic": {"kind": "library", "purl": "pkg:golang/github.com/bytedance/sonic@v1.11.6"},
	"sonic_github": {"kind": "unknown", "purl": "pkg:github/bytedance/sonic@v1.11.6"},
	"kitex": {"kind": "library", "purl": "pkg:golang/github.com/cloudwego/kitex@v0.9.1"},
	# DeepSeek, WeChat and other apps
	"deepseek_app": {"kind": "application", "name": "DeepSeek"},
	"deepseek_apk": {"kind": "file", "name": "com.deepseek.chat"},
	"deepseek_api": {"kind": "service", "name": "deepseek-chat-completions"},
	"deepseek_weights": {"kind": "machine-learning-model", "name": "DeepSeek-R1", "purl": "pkg:huggingface/deepseek-ai/DeepSeek-R1"},
	"wechat_app": {"kind": "application", "name": "WeChat"},
	"wechat_ios": {"kind": "file", "name": "com.tencent.xin"},
	"wechat_sdk": {"kind": "library", "purl": "pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0"},
	"rednote_apk": {"kind": "file", "name": "com.xingin.xhs"},
	"trading_sdk": {"kind": "library", "purl": "pkg:pypi/tigeropen@3.3.3"},
	"unknown": {"kind": "unknown", "name": "blob"},
}

# -- scopes of ban data ------------------------------------------------------------

has_scopes(ban, tags) if data.enforcer.bans_by_id[ban].scopes == tags

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

_kinds := {
	"*", "application", "framework", "library", "container", "platform", "operating-system", "device",
	"device-driver", "firmware", "file", "machine-learning-model", "data", "cryptographic-asset", "service",
	"unknown",
}

test_every_ban_states_its_coverage_review_and_confidence if {
	every ban in bans {
		ban.covers.outside in {"warn", "allow"}
		ban.reviewed == "2026-12-03"
		ban.confidence in {"confirmed", "secondary", "press", "unconfirmed"}
	}
	kinds := {kind | some ban in bans; some kind in object.get(ban.covers, "kinds", ["*"])}
	count(kinds - _kinds) == 0
	excluded := {kind | some ban in bans; some kind in _excludes(ban.covers, "kinds")}
	count(excluded - _kinds) == 0
}

test_a_ban_that_covers_only_products_names_them if {
	only := [ban | some ban in bans; object.get(ban.covers, "only_products", false) == true]
	count(only) >= 10
	every ban in only {
		count(_products(ban.covers, "names")) + count(_products(ban.covers, "app_ids")) > 0
	}
}

test_product_and_exclusion_patterns_are_purl_patterns if {
	patterns := {p | some ban in bans; some key in ["purls"]; some p in array.concat(_products(ban.covers, key), _excludes(ban.covers, key))}
	count(patterns) > 0
	every pattern in patterns {
		startswith(pattern, "pkg:")
		contains(substring(pattern, 4, -1), "/")
	}
}

# A ban that binds a whole country binds its narrower audiences too; a ban that
# binds federal agencies (contractors) binds the Department of Defense (its
# contractors) too. Checked as (ban, tag it must carry) pairs in one `every`.
test_wider_audiences_carry_their_narrower_tags if {
	tags := {tag | some ban in bans; some tag in ban.scopes}
	implied := {[wide, narrow] |
		some wide in {"us", "de", "it", "tw"}
		some narrow in tags
		startswith(narrow, concat("", [wide, "-"]))
	} | {["us-federal", "us-dod"], ["us-federal-contractor", "us-dod-contractor"]}
	needed := [[ban.id, pair[1]] | some ban in bans; some pair in implied; pair[0] in ban.scopes]
	count(needed) > 0
	every need in needed {
		need[1] in data.enforcer.bans_by_id[need[0]].scopes
	}
}

test_the_coverage_helpers_read_the_contract if {
	coverage("us-pafaca-tiktok-2024", sample.sonic) == "excluded"
	coverage("us-pafaca-tiktok-2024", sample.tiktok_apk) == "product"
	coverage("us-pafaca-tiktok-2024", sample.pangle) == "outside"
	coverage("us-pafaca-tiktok-2024", sample.lark) == "covered"
	coverage("us-pafaca-tiktok-2024", sample.unknown) == "covered"
	purl_matches("pkg:pypi/huaweicloudsdk*", "pkg:pypi/huaweicloudsdkecs@3.1.86")
	not purl_matches("pkg:pypi/huaweicloudsdk*", "pkg:pypi/huaweicloud-helper@1.0")
	purl_matches("pkg:*/com.huawei", "pkg:maven/com.huawei.hms/push@6.1.0")
	not purl_matches("pkg:*/com.huawei", "pkg:maven/com.huaweicloud.sdk/core@3.0")
	purl_matches("pkg:npm/@bytedance", "pkg:npm/%40bytedance/lynx@3.0.0")
	purl_matches("pkg:github/kasperskylab", "pkg:github/KasperskyLab/klara@1.0.0")
	not purl_matches("pkg:github/kasperskylab", "pkg:golang/github.com/kasperskylab/x@v1.0.0")
	purl_name("pkg:generic/com.zhiliaoapp.musically@35.1.3?arch=arm64") == "com.zhiliaoapp.musically"
}
