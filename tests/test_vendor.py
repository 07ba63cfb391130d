"""`enforcer vendor`: spot checks of a name, domain, URL, e-mail, purl, CPE or hash."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from enforcer import Enforcer, Options
from enforcer._vendor import QueryKind, detect_kind, spot_check
from tests.conftest import FIXTURES, POLICIES

EXAMPLE = FIXTURES / "worked-example" / "policies"
KASPERSKY_BAN = "us-commerce-icts-kaspersky-2024"
#: The decision library and the Kaspersky ban alone: a decision over the whole pack costs time.
KASPERSKY_POLICIES = (POLICIES / "enforcer", POLICIES / "gov" / "us_commerce_icts_kaspersky.rego")

EXTRA_BANS = """package enforcer.bans

import rego.v1

bans contains {
	"id": "test-globex-other-scope",
	"vendor": "Globex Surveillance",
	"match": {"organizations": ["Globex Surveillance"]},
	"phases": [{"effect": "deny", "from": "2020-01-01", "summary": "other scope"}],
	"scopes": ["other"],
}

bans contains {
	"id": "test-globex-disabled",
	"vendor": "Globex Surveillance",
	"match": {"domains": ["globex.example"]},
	"phases": [{"effect": "deny", "from": "2020-01-01", "summary": "disabled"}],
	"scopes": ["other"],
	"enabled": false,
	"disabled_reason": "names executives, not a vendor",
}
"""


def spot(cli, *args, policies=KASPERSKY_POLICIES, as_of="2024-10-01"):
    policy_args = [arg for path in policies for arg in ("-p", path)]
    result = cli("vendor", *args, *policy_args, "--as-of", as_of, "--format", "json")
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else None


# -- the shipped pack: the spellings the requirements name -------------------------------------


@pytest.fixture(scope="module")
def pack():
    """The shipped policies, loaded once, deciding for 2024-10-01."""
    with Enforcer(Options(policies=[POLICIES], as_of=dt.date(2024, 10, 1))) as enforcer:
        yield enforcer


@pytest.fixture(scope="module")
def kaspersky():
    with Enforcer(Options(policies=KASPERSKY_POLICIES, as_of=dt.date(2024, 10, 1))) as enforcer:
        yield enforcer


@pytest.mark.parametrize(
    ("query", "kind", "matcher", "alias"),
    [
        ("AO Kaspersky Lab", "organization", "organization", "AO Kaspersky Lab"),
        ("Kaspersky Labs Ltd.", "organization", "organization", "Kaspersky Labs Limited"),
        ("KASPERSKY", "organization", "organization", "Kaspersky"),
        ("Лаборатория Касперского", "organization", "organization", "Лаборатория Касперского"),
        ("Kaspersky Lab Switzerland GmbH", "organization", "organization-prefix", "AO Kaspersky Lab"),
        ("kaspersky.com", "domain", "domain", "kaspersky.com"),
        ("https://support.kaspersky.com/help", "domain", "domain", "kaspersky.com"),
        ("dev@kaspersky.ru", "domain", "domain", "kaspersky.ru"),
        ("pkg:nuget/Kaspersky.Sdk@1.0.0", "purl", "purl", "pkg:nuget/kaspersky"),
        ("pkg:npm/%40kaspersky/sdk", "purl", "purl", "pkg:npm/@kaspersky"),
        ("cpe:2.3:a:kaspersky:anti-virus:21.3:*:*:*:*:*:*:*", "cpe", "cpe-vendor", "kaspersky"),
        ("cpe:/a:kaspersky_lab:kav", "cpe", "cpe-vendor", "kaspersky_lab"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 30 else None,
)
def test_a_kaspersky_spelling_is_denied(kaspersky, query, kind, matcher, alias):
    # as a security application (what the Commerce rule covers); a purl alone would say "library"
    result = spot_check(kaspersky, query, component_kind="application")
    assert (result.exit_code, result.kind.value, result.verdict) == (1, kind, "deny")
    [ban] = [b for b in result.bans if b.ban == KASPERSKY_BAN]
    assert ban.status == "deny"
    assert ban.reason.startswith("banned since 2024-09-29")
    assert any(m.matcher == matcher and m.alias == alias for m in ban.matches), ban.matches


def test_a_purl_says_its_kind_and_the_coverage_follows(kaspersky):
    """A NuGet package is a library: the Commerce rule covers Kaspersky's security applications and services."""
    result = spot_check(kaspersky, "pkg:nuget/Kaspersky.Sdk@1.0.0")
    assert (result.component_kind, result.verdict, result.exit_code) == ("library", "warn", 0)
    [ban] = [b for b in result.bans if b.ban == KASPERSKY_BAN]
    assert ban.coverage is not None and ban.coverage.decision == "outside"
    assert ban.reason == "Kaspersky: a library; the ban covers application, service, data; at most a warning"


def test_a_persons_name_is_not_the_company(pack):
    """'Dahua Lin' as an author: a person named like the vendor, never a denial."""
    as_person = spot_check(pack, "Dahua Lin", person=True)
    assert as_person.verdict in ("allow", "none") and as_person.exit_code == 0
    assert all(b.coverage is None or b.coverage.decision == "person" for b in as_person.bans if b.status == "allow")
    as_company = spot_check(pack, "Dahua Lin", component_kind="device")
    assert as_company.verdict == "deny"  # an organisation of that name: its first word is the vendor's


@pytest.mark.parametrize(
    "query",
    ["Kasper Systems GmbH", "kasperskyish-theme", "notkaspersky.com", "pkg:maven/com.kasperskyish/theme@1.0"],
)
def test_a_near_miss_matches_nothing(pack, query):
    result = spot_check(pack, query)
    assert (result.exit_code, result.verdict, result.bans) == (0, "none", [])


def test_kind_can_be_forced(kaspersky):
    assert spot_check(kaspersky, "kaspersky.com").kind is QueryKind.DOMAIN
    result = spot_check(kaspersky, "kaspersky", QueryKind.ORGANIZATION)
    assert (result.exit_code, result.kind) == (1, QueryKind.ORGANIZATION)


def test_json_through_the_cli(cli):
    code, document = spot(cli, "AO Kaspersky Lab")
    assert code == 1
    assert (document["query"], document["kind"], document["keys"], document["verdict"]) == (
        "AO Kaspersky Lab",
        "organization",
        ["kaspersky lab"],
        "deny",
    )
    assert document["as_of"] == "2024-10-01"
    [ban] = [b for b in document["bans"] if b["ban"] == KASPERSKY_BAN]
    assert ban["matches"][0] == {
        "field": "organization",
        "value": "AO Kaspersky Lab",
        "key": "kaspersky lab",
        "matcher": "organization",
        "confidence": "exact",
        "alias": "AO Kaspersky Lab",
        "role": "supplier",
        "party": "organization",
    }
    assert (document["component_kind"], document["person"]) == ("unknown", False)
    assert ban["coverage"]["decision"] in ("covered", "unknown-kind")


def test_the_table_names_the_alias_and_the_verdict(cli):
    result = cli(
        "vendor",
        "Kaspersky Labs Ltd.",
        "-p",
        KASPERSKY_POLICIES[0],
        "-p",
        KASPERSKY_POLICIES[1],
        "--as-of",
        "2024-10-01",
    )
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Kaspersky Labs Ltd.  (read as an organisation name; key 'kaspersky labs';"
        " checked as a component of unknown kind)"
    )
    assert lines[1] == "as of 2024-10-01, all scopes: deny (1 matching ban)"
    assert f"deny    {KASPERSKY_BAN}  (Kaspersky)" in lines
    assert (
        "        matched organization 'kaspersky labs' via alias 'Kaspersky Labs Limited' (exact),"
        " from organization 'Kaspersky Labs Ltd.'"
    ) in lines


def test_no_match_in_the_table(cli):
    result = cli("vendor", "Kasper Systems GmbH", "-p", POLICIES, "--as-of", "2024-10-01")  # the whole pack
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "as of 2024-10-01, all scopes: no ban matches"


# -- dates, scopes and disabled bans, on the worked example -----------------------------------------


@pytest.mark.parametrize(
    ("as_of", "code", "verdict", "reason"),
    [
        ("2024-06-01", 0, "allow", "not in effect until 2025-01-01"),
        ("2024-11-01", 0, "warn", "takes effect on 2025-01-01 (in 61 days)"),
        ("2025-03-01", 0, "warn", "warned since 2025-01-01"),
        ("2025-08-01", 1, "deny", "banned since 2025-07-01"),
    ],
    ids=["long-before", "warning-window", "warn-phase", "deny-phase"],
)
def test_the_verdict_on_a_date(cli, as_of, code, verdict, reason):
    policies = (POLICIES / "enforcer", EXAMPLE)
    result_code, document = spot(cli, "Globex Surveillance Co Ltd", policies=policies, as_of=as_of)
    assert result_code == code
    assert document["verdict"] == verdict
    [ban] = document["bans"]
    assert ban["ban"] == "example-globex-2025"
    assert ban["reason"].startswith(reason)


def test_a_product_name_alone_warns(cli):
    code, document = spot(cli, "globexcam", policies=(POLICIES / "enforcer", EXAMPLE), as_of="2025-08-01")
    assert code == 0
    assert document["verdict"] == "warn"
    assert {m["confidence"] for m in document["bans"][0]["matches"]} == {"weak"}


def test_bans_outside_the_scopes_and_disabled_bans_are_listed_without_a_verdict(cli, tmp_path):
    extra = tmp_path / "extra.rego"
    extra.write_text(EXTRA_BANS)
    policies = (POLICIES / "enforcer", EXAMPLE, extra)
    args = ("Globex Surveillance <info@globex.example>", "--scope", "example-corp")
    code, document = spot(cli, *args, policies=policies, as_of="2025-08-01")
    assert code == 1
    assert [(b["ban"], b["status"]) for b in document["bans"]] == [
        ("example-globex-2025", "deny"),
        ("test-globex-other-scope", "out-of-scope"),
        ("test-globex-disabled", "disabled"),
    ]
    assert document["bans"][1]["reason"] == "applies to other"
    assert document["bans"][2]["reason"] == "names executives, not a vendor"
    assert document["bans"][2]["matches"][0]["matcher"] == "domain"
    code, document = spot(cli, *args[:1], "--scope", "other", policies=policies, as_of="2025-08-01")
    assert code == 1
    assert [b["status"] for b in document["bans"]] == ["deny", "out-of-scope", "disabled"]
    assert document["bans"][0]["ban"] == "test-globex-other-scope"


def test_only_out_of_scope_matches_pass(cli, tmp_path):
    extra = tmp_path / "extra.rego"
    extra.write_text(EXTRA_BANS)
    result = cli(
        "vendor", "Globex Surveillance", "-p", POLICIES / "enforcer", "-p", EXAMPLE, "-p", extra,
        "--scope", "other", "--as-of", "2024-01-01",
    )  # fmt: skip
    assert result.exit_code == 1  # the other-scope ban denies since 2020
    result = cli(
        "vendor", "globex.example", "-p", POLICIES / "enforcer", "-p", EXAMPLE, "-p", extra,
        "--scope", "other", "--as-of", "2025-08-01",
    )  # fmt: skip
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1] == "as of 2025-08-01, scope other: no ban matches in scope (2 outside the scopes or disabled)"
    assert lines[3:] == [
        "also matching, outside the selected scopes (no verdict):",
        "  example-globex-2025  applies to example-corp",
        "",
        "also matching, disabled (no verdict):",
        "  test-globex-disabled  names executives, not a vendor",
    ]


# -- the kind of query ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("AO Kaspersky Lab", QueryKind.ORGANIZATION),
        ("Kaspersky", QueryKind.ORGANIZATION),
        ("Organization: Kaspersky Lab (info@kaspersky.com)", QueryKind.ORGANIZATION),
        ("kaspersky.com", QueryKind.DOMAIN),
        ("www.kaspersky.co.uk/downloads", QueryKind.DOMAIN),
        ("https://support.kaspersky.com", QueryKind.DOMAIN),
        ("mailto:info@kaspersky.com", QueryKind.DOMAIN),
        ("info@kaspersky.com", QueryKind.DOMAIN),
        ("pkg:maven/com.huawei.hms/push@6.1.0", QueryKind.PURL),
        ("PKG:npm/@kaspersky/sdk", QueryKind.PURL),
        ("cpe:2.3:a:kaspersky:anti-virus:*:*:*:*:*:*:*:*", QueryKind.CPE),
        ("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", QueryKind.HASH),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 30 else None,
)
def test_detect_kind(query, kind):
    assert detect_kind(query) is kind


# -- bad input -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("Acme", "--kind", "purl"), 3, "enforcer: error: 'Acme': not a purl"),
        (("Acme", "--kind", "cpe"), 3, "enforcer: error: 'Acme': not a CPE with a vendor"),
        (("Acme Corp", "--kind", "domain"), 3, "enforcer: error: 'Acme Corp': no domain name in it"),
        (("xyz", "--kind", "hash"), 3, "enforcer: error: 'xyz': not a hexadecimal digest"),
        (("  ",), 3, "enforcer: error: the query is empty"),
        (("Acme", "--as-of", "2024-02-30"), 2, "'2024-02-30' is not a date in the form YYYY-MM-DD"),
        (("Acme", "--scope", "narnia"), 2, "no ban has the scope 'narnia' (known: example-corp)"),
        (("Acme", "--kind", "person"), 2, "'person' is not one of"),
        (("Acme", "--format", "sarif"), 2, "'sarif' is not one of"),
    ],
    ids=[
        "not-purl",
        "not-cpe",
        "not-domain",
        "not-hash",
        "empty",
        "bad-date",
        "unknown-scope",
        "bad-kind",
        "bad-format",
    ],
)
def test_bad_input(cli, args, code, message):
    result = cli("vendor", *args, "-p", POLICIES / "enforcer", "-p", EXAMPLE)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_missing_policy_is_exit_3(cli, tmp_path):
    result = cli("vendor", "Acme", "-p", tmp_path / "none")
    assert result.exit_code == 3
    assert result.stderr.strip() == f"enforcer: error: {tmp_path / 'none'}: no such file or directory"


@pytest.mark.opa
def test_the_opa_engine_gives_the_same_answer(cli, tmp_path, opa_binary):
    extra = tmp_path / "extra.rego"
    extra.write_text(EXTRA_BANS)
    policies = (POLICIES / "enforcer", EXAMPLE, extra)
    args = ("Globex Surveillance <info@globex.example>", "--scope", "example-corp")
    _, embedded = spot(cli, *args, policies=policies, as_of="2024-11-01")
    code, by_opa = spot(
        cli, *args, "--engine", "opa", "--opa-binary", opa_binary, policies=policies, as_of="2024-11-01"
    )
    assert code == 0
    assert by_opa["engine"].startswith("opa") and embedded["engine"].startswith("embedded")
    assert {**by_opa, "engine": ""} == {**embedded, "engine": ""}
    assert by_opa["verdict"] == "warn"
