"""`enforcer policy list`: every ban, its phases and its status on a date."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, POLICIES

EXAMPLE = FIXTURES / "worked-example" / "policies"

STATUS_BANS = """package enforcer.bans

import rego.v1

bans contains {
	"id": "t-ended",
	"vendor": "Ended Co",
	"match": {"organizations": ["Ended Co"]},
	"phases": [{"effect": "deny", "from": "2020-01-01", "until": "2021-01-01", "summary": "was banned"}],
	"scopes": ["test"],
}

bans contains {
	"id": "t-not-yet",
	"vendor": "Later Co",
	"match": {"organizations": ["Later Co"]},
	"phases": [{"effect": "deny", "from": "2030-01-01", "summary": "banned from 2030"}],
	"scopes": ["test"],
}

bans contains {
	"id": "t-upcoming",
	"vendor": "Soon Co",
	"match": {"organizations": ["Soon Co"]},
	"phases": [{"effect": "deny", "from": "2025-09-01", "summary": "banned from September"}],
	"scopes": ["test", "other"],
}

bans contains {
	"id": "t-disabled",
	"vendor": "People",
	"match": {"organizations": ["Somebody"]},
	"phases": [{"effect": "deny", "from": "2020-01-01", "summary": "sanctioned people"}],
	"scopes": ["test"],
	"enabled": false,
	"disabled_reason": "names people, not a vendor",
}
"""


@pytest.fixture
def policies(tmp_path):
    path = tmp_path / "status.rego"
    path.write_text(STATUS_BANS)
    return ("-p", POLICIES / "enforcer", "-p", EXAMPLE, "-p", path)


def listing(cli, policies, *args, as_of="2025-08-01"):
    result = cli("policy", "list", *policies, "--as-of", as_of, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_each_status_on_a_date(cli, policies):
    document = listing(cli, policies)
    assert document["as_of"] == "2025-08-01"
    by_id = {ban["id"]: ban for ban in document["bans"]}
    assert {key: (ban["status"], ban["description"]) for key, ban in by_id.items()} == {
        "example-globex-2025": ("active", "active (deny since 2025-07-01)"),
        "t-ended": ("ended", "ended on 2021-01-01"),
        "t-not-yet": ("not-yet", "not yet (deny from 2030-01-01, in 1614 days)"),
        "t-upcoming": ("upcoming", "upcoming in 31 days (deny from 2025-09-01)"),
        "t-disabled": ("disabled", "disabled"),
    }
    assert [ban["id"] for ban in document["bans"]] == sorted(by_id)
    assert document["summary"] == {
        "active": 1,
        "upcoming": 1,
        "not-yet": 1,
        "inactive": 0,
        "ended": 1,
        "disabled": 1,
    }
    globex = by_id["example-globex-2025"]
    assert globex["phase"] == {
        "effect": "deny",
        "date": "2025-07-01",
        "summary": "no Globex components in new releases",
    }
    assert [(p["effect"], p["from"]) for p in globex["phases"]] == [("warn", "2025-01-01"), ("deny", "2025-07-01")]
    assert globex["days"] == -31
    assert by_id["t-ended"]["ended"] == "2021-01-01"
    assert by_id["t-disabled"]["disabled_reason"] == "names people, not a vendor"


@pytest.mark.parametrize(
    ("as_of", "status", "description"),
    [
        ("2024-06-01", "not-yet", "not yet (warn from 2025-01-01, in 214 days)"),
        ("2024-12-31", "upcoming", "upcoming in 1 day (warn from 2025-01-01)"),
        ("2025-01-01", "active", "active (warn since 2025-01-01)"),
        ("2025-06-30", "active", "active (warn since 2025-01-01)"),
        ("2025-07-01", "active", "active (deny since 2025-07-01)"),
    ],
)
def test_the_example_ban_through_time(cli, as_of, status, description):
    document = listing(cli, ("-p", POLICIES / "enforcer", "-p", EXAMPLE), as_of=as_of)
    [ban] = document["bans"]
    assert (ban["status"], ban["description"]) == (status, description)


def test_warn_days_moves_the_upcoming_window(cli, policies):
    document = listing(cli, policies, "--warn-days", "10")
    statuses = {ban["id"]: ban["status"] for ban in document["bans"]}
    assert statuses["t-upcoming"] == "not-yet"


def test_scope_selects_bans(cli, policies):
    document = listing(cli, policies, "--scope", "other")
    assert [ban["id"] for ban in document["bans"]] == ["t-upcoming"]
    assert document["scopes"] == ["other"]


def test_the_table(cli, policies):
    result = cli("policy", "list", *policies, "--as-of", "2025-08-01")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "bans on 2025-08-01 (scopes: all; warning window 90 days)"
    header = lines[2]
    assert header.split() == ["STATUS", "BAN", "VENDOR", "SCOPES"]
    rows = {line.split("  ")[0].strip(): line for line in lines[3:] if line and not line.startswith(" ")}
    assert "example-globex-2025" in rows["active (deny since 2025-07-01)"]
    assert "t-upcoming" in rows["upcoming in 31 days (deny from 2025-09-01)"]
    assert "    2025-07-01  deny  no Globex components in new releases  (in effect)" in lines
    assert "    2025-01-01  warn  plan the replacement of Globex components" in lines
    assert "    2020-01-01 to 2021-01-01  deny  was banned" in lines
    assert "    disabled: names people, not a vendor" in lines
    assert lines[-1] == "5 bans: 1 active, 1 upcoming, 1 not yet, 0 inactive, 1 ended, 1 disabled"


def test_the_shipped_pack_lists(cli):
    result = cli("policy", "list", "--as-of", "2024-10-01", "--format", "json")
    assert result.exit_code == 0, result.stderr
    by_id = {ban["id"]: ban for ban in json.loads(result.stdout)["bans"]}
    kaspersky = by_id["us-commerce-icts-kaspersky-2024"]
    assert (kaspersky["status"], kaspersky["phase"]["date"]) == ("active", "2024-09-29")
    assert all(
        ban["status"] in ("active", "upcoming", "not-yet", "inactive", "ended", "disabled") for ban in by_id.values()
    )
    assert all(ban["status"] == "disabled" for ban in by_id.values() if not ban["enabled"])


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--scope", "narnia"), 2, "no ban has the scope 'narnia'"),
        (("--as-of", "2025-02-30"), 2, "'2025-02-30' is not a date in the form YYYY-MM-DD"),
        (("--format", "xml"), 2, "'xml' is not one of"),
    ],
    ids=["unknown-scope", "bad-date", "bad-format"],
)
def test_bad_input(cli, args, code, message):
    result = cli("policy", "list", "-p", POLICIES / "enforcer", "-p", EXAMPLE, *args)
    assert result.exit_code == code
    assert message in result.stderr
    assert result.stdout == ""


def test_a_policy_that_does_not_compile(cli, tmp_path):
    broken = tmp_path / "broken.rego"
    broken.write_text("package enforcer.bans\n\nbans contains {\n")
    result = cli("policy", "list", "-p", POLICIES / "enforcer", "-p", broken)
    assert result.exit_code == 3
    assert result.stderr.startswith(f"enforcer: error: {broken}")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.opa
def test_the_opa_engine_gives_the_same_listing(cli, policies, opa_binary):
    embedded = listing(cli, policies)
    by_opa = listing(cli, policies, "--engine", "opa", "--opa-binary", opa_binary)
    assert by_opa == embedded
