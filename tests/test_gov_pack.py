"""The government ban pack (`policies/gov/`): valid, faithful to its facts, right on real spellings.

The bans are loaded through the enforcer's own validation on the embedded
engine. Where the shared corpus is present, every ban is compared with the
facts it was built from (`../shared/reference/government-bans.json`): its
confidence, citations, phase dates and the names of the entities. End-to-end
cases check what the pack decides for components spelled the way SBOMs
spell these vendors, including the near-misses it must leave alone.

The pack is loaded with the decision library alone (`-p decide.rego -p gov/`)
so that these tests speak about the pack and nothing else in `policies/`.

The bans are written in ban contract 2 (each states what its instrument
covers); the decision library in force may not read `covers` yet, so the
verdicts below are those of the phases and scopes, and what coverage changes
is stated by `tests/_data/coverage_cases.yaml`. Measures added from the
December 2026 update (`../shared/reference/government-bans-2026-update.md`)
are checked against that file instead of the facts file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import msgspec
import pytest
import yaml

from enforcer import Ban, Enforcer, Options
from enforcer.engine import create_engine
from enforcer.match.index import MatchIndex
from enforcer.match.normalise import org_key
from enforcer.policy import find_modules
from enforcer.policy.tables import read_tables
from tests.conftest import POLICIES, start_opa_server, write_cdx

GOV = POLICIES / "gov"
DECIDE = POLICIES / "enforcer" / "decide.rego"
PACK = ("-p", DECIDE, "-p", GOV)

#: The scope tags of the pack (README, "The government ban pack").
SCOPES = {
    "us",
    "us-federal",
    "us-federal-contractor",
    "us-telecom",
    "uk-gov",
    "uk-telecom",
    "de",
    "de-gov",
    "de-critical-infrastructure",
    "de-telecom",
    "lt-gov",
    "lt-critical-infrastructure",
    "nl-gov",
    "it-gov",
    "eu-institutions",
    "eu-telecom",
    "ca-gov",
    "ca-telecom",
    "au-gov",
    "au-telecom",
    "us-dod",
    "us-dod-contractor",
    "us-tx-gov",
    "it",
    "cz-gov",
    "kr-gov",
    "tw",
    "tw-gov",
}
#: Audiences that contain narrower ones: a ban binding the wider one carries the narrower tags.
WIDER = {"us", "de", "it", "tw"}
IMPLIED = {"us-federal": "us-dod", "us-federal-contractor": "us-dod-contractor"}
#: Bans shipped disabled, each with its reason in the policy.
DISABLED = {"us-bis-entity-list-kaspersky-2024", "us-fcc-covered-list-2022-09:pacnet"}
#: Facts entries the pack leaves out: no vendor is named (people, a foreign-control test, a category).
LEFT_OUT = {
    "us-ofac-kaspersky-leadership-2024",
    "us-bis-connected-vehicles-2025",
    "us-american-security-drone-act-2023",
}
#: Ban ids (or instruments) whose instrument is not a facts entry of its own: the entry that holds its facts.
FACTS_OF = {
    "us-fcc-22-84-equipment-authorization": "us-fcc-covered-list-2021-initial",
    "us-fcc-22-84-equipment-authorization:dji": "us-fcc-covered-list-2025-12-uas",
    "us-fcc-22-84-equipment-authorization:autel": "us-fcc-covered-list-2025-12-uas",
}
#: Confidence the December 2026 update (part B) changed: facts entry -> confidence now.
CONFIDENCE_NOW = {"us-fcc-covered-list-2025-12-uas": "secondary"}
CONFIDENCE = {"confirmed", "secondary", "press", "unconfirmed"}
REVIEWED = dt.date(2026, 12, 3)


@dataclass(frozen=True)
class Update:
    """A measure of part A of the December 2026 update, built into a ban of its own."""

    confidence: str
    #: every phase date the ban may use (the update's dates, and the days the stored pages confirmed)
    dates: frozenset[str]
    #: strings of the update's citations column that the ban's references must carry
    cites: tuple[str, ...]


UPDATE = {
    "ca-hikvision-federal-use-2025": Update(
        "press", frozenset({"2025-06-27"}), ("globalnews.ca/news/11266032", "5208716")
    ),
    # 2027-06-30 is the day law-firm summaries give for the goods-and-services prohibition ("2027" in the update)
    "us-ndaa-fy2024-sec805-1260h": Update(
        "secondary", frozenset({"2026-06-30", "2027-06-30"}), ("digitimes.com/news/a20250107PD215", "arnoldporter.com")
    ),
    "us-ofac-sdn-positive-technologies-2021": Update("secondary", frozenset({"2021-04-15"}), ("JY0127",)),
    "us-tx-state-devices-apps-2025": Update(
        "press", frozenset({"2025-01-31"}), ("texas-bans-deepseek-rednote-government-devices", "3756714")
    ),
    # 2025-01-31 is the Ministry of Digital Affairs notice the update names
    "tw-executive-yuan-deepseek-2025": Update("press", frozenset({"2025-01-31", "2025-02-03"}), ("3250426",)),
    "nl-deepseek-central-government-2025": Update(
        "press", frozenset({"2025-02-06"}), ("nltimes.nl/node/78220", "231566")
    ),
    "kr-ministries-deepseek-2025": Update("press", frozenset({"2025-02-06"}), ("18262004",)),
    "cz-government-deepseek-2025": Update("press", frozenset({"2025-07-09"}), ("390464", "ksat.com")),
    "it-garante-deepseek-2025": Update("press", frozenset({"2025-01-30"}), ("ai-privacy-guarantor-blocks-deepseek",)),
    "tw-moi-rednote-2025": Update("press", frozenset({"2025-12-04"}), ("CNBC",)),
}
#: Measures of the update left out, each with words the README's pack section must use to say why.
UPDATE_LEFT_OUT = {
    "Lithuania's Law on Electricity": "names no vendor",
    "BIOSECURE": "not confirmed",
    "Data Security Program": "not a vendor list",
    "connected-vehicle rule": "names no vendor",
}
#: Device bans on the TikTok app alone: ByteDance itself is deliberately not matched.
TIKTOK_DEVICE_BANS = {
    "us-no-tiktok-on-government-devices-act",
    "uk-tiktok-government-devices-2023",
    "eu-institutions-tiktok-2023",
    "ca-tiktok-government-devices-2023",
    "au-pspf-tiktok-2023",
}
#: Facts names the pack deliberately does not match, and why.
UNMATCHED_NAMES = {
    ("us-fcc-covered-list-2022-03", "CTA"): "a common acronym",
    ("ca-wechat-kaspersky-government-devices-2023", "Tencent Holdings Ltd."): "only the WeChat app is banned",
    ("ca-wechat-kaspersky-government-devices-2023", "Tencent"): "only the WeChat app is banned",
}

_ID_LINE = re.compile(r'^\t"id": "([^"]+)",$', re.MULTILINE)


def _policy_files() -> list[Path]:
    return sorted(p for p in GOV.glob("*.rego") if not p.name.endswith("_test.rego"))


def _test_files() -> list[Path]:
    return sorted(GOV.glob("*_test.rego"))


def _literal_ids() -> dict[str, Path]:
    """Every `"id": ...` written in the pack's policy files, by file (a set would hide exact duplicates)."""
    seen: dict[str, Path] = {}
    for path in _policy_files():
        for ident in _ID_LINE.findall(path.read_text(encoding="utf-8")):
            assert ident not in seen, f"{ident} is written twice ({seen[ident].name}, {path.name})"
            seen[ident] = path
    return seen


def _instrument(ban_id: str) -> str:
    return ban_id.split(":", 1)[0]


def _facts_id(ban_id: str) -> str:
    if ban_id in FACTS_OF:
        return FACTS_OF[ban_id]
    return FACTS_OF.get(_instrument(ban_id), _instrument(ban_id))


def _from_facts(ban: Ban) -> bool:
    return _instrument(ban.id) not in UPDATE


@pytest.fixture(scope="module")
def bans() -> list[Ban]:
    modules = find_modules([DECIDE, GOV])
    engine = create_engine("embedded")
    try:
        engine.load(modules)
        return read_tables(engine, modules, cache=False).bans
    finally:
        engine.close()


@pytest.fixture(scope="module")
def facts(shared: Path) -> dict[str, dict[str, Any]]:
    entries = json.loads((shared / "reference" / "government-bans.json").read_text(encoding="utf-8"))
    return {entry["id"]: entry for entry in entries}


@pytest.fixture(scope="module")
def update(shared: Path) -> str:
    return (shared / "reference" / "government-bans-2026-update.md").read_text(encoding="utf-8")


# -- the pack is valid ----------------------------------------------------------------


def test_every_ban_written_loads_through_the_contract(bans):
    written = _literal_ids()
    assert sorted(ban.id for ban in bans) == sorted(written)
    assert len({ban.id for ban in bans}) == len(bans)
    assert {ban.id for ban in bans if not ban.enabled} == DISABLED
    assert all(ban.disabled_reason for ban in bans if not ban.enabled)


def test_the_enforcer_indexes_only_the_enabled_bans():
    with Enforcer(Options(policies=[DECIDE, GOV])) as enforcer:
        assert {ban.id for ban in enforcer.index.bans} == {ban.id for ban in enforcer.bans} - DISABLED
        assert enforcer.index.summary()["bans"] == len(enforcer.bans) - len(DISABLED)


@pytest.mark.slow
@pytest.mark.opa
def test_policy_check_accepts_the_pack(cli, opa_binary):
    # Slow: `policy check` decides every ban on every phase date of the pack, one query per date;
    # on the embedded engine that takes close to a minute, on the opa engine a few seconds.
    result = cli("policy", "check", DECIDE, GOV, "--engine", "opa", "--opa-binary", opa_binary)
    assert result.exit_code == 0, result.stderr
    assert f"{len(_literal_ids())} bans ({len(DISABLED)} disabled)" in result.stdout
    assert "ok" in result.stdout


@pytest.mark.opa
def test_opa_test_passes_on_the_pack(opa_binary):
    run = subprocess.run(
        [opa_binary, "test", str(DECIDE), str(GOV), "--format", "json"], capture_output=True, text=True, timeout=120
    )
    outcomes = json.loads(run.stdout)
    failed = [o["package"] + "." + o["name"] for o in outcomes if o.get("fail") or o.get("error")]
    assert run.returncode == 0 and not failed, failed or run.stderr
    assert len(outcomes) >= len(_literal_ids())


def test_each_file_is_named_after_its_instrument():
    for ident, path in _literal_ids().items():
        instrument = ident.split(":", 1)[0].replace("-", "_")
        assert instrument.startswith(path.stem), f"{ident} is in {path.name}"


def test_scopes_come_from_the_documented_vocabulary(bans):
    used = {tag for ban in bans for tag in ban.scopes}
    assert used == SCOPES


def test_a_country_wide_ban_carries_every_narrower_tag_of_its_country(bans):
    for ban in bans:
        for country in WIDER & set(ban.scopes):
            narrower = {tag for tag in SCOPES if tag.startswith(f"{country}-")}
            assert narrower <= set(ban.scopes), ban.id
        for wide, narrow in IMPLIED.items():
            assert wide not in ban.scopes or narrow in ban.scopes, f"{ban.id}: {wide} without {narrow}"


def test_every_ban_states_its_coverage_review_and_confidence(bans):
    for ban in bans:
        assert ban.covers is not None and ban.covers.outside in {"warn", "allow"}, ban.id
        assert ban.reviewed == REVIEWED, ban.id
        assert ban.confidence in CONFIDENCE, ban.id


def test_bans_of_one_vendor_match_it_the_same_way(bans):
    specs: dict[str, set[str]] = defaultdict(set)
    for ban in bans:
        specs[ban.vendor].add(msgspec.json.encode(ban.match).decode())
    drifted = {vendor: len(found) for vendor, found in specs.items() if len(found) > 1}
    assert not drifted, f"these vendors are matched differently by different bans: {drifted}"


def test_every_enabled_ban_has_its_phase_dates_tested(bans):
    tests = {path: path.read_text(encoding="utf-8") for path in _test_files()}
    for ban in bans:
        if not ban.enabled:
            continue
        homes = [path for path, text in tests.items() if f'"{ban.id}"' in text]
        assert homes, f"no *_test.rego names {ban.id}"
        text = "\n".join(tests[path] for path in homes)
        assert "gov_test.on(" in text and "gov_test.scoped(" in text, ban.id
        for phase in ban.phases:
            assert f'"{phase.from_.isoformat()}", "active", "{phase.from_.isoformat()}"' in text, (
                f"{ban.id}: no test on the day phase {phase.from_} starts"
            )


def _readme_table() -> dict[str, str]:
    """Ban id -> its row in the README's table of the pack (rows may list `PREFIX:a`, `:b`, `:c`)."""
    text = (POLICIES.parent / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## The government ban pack\n", 1)[1].split("\n## ", 1)[0]
    section = section.split("\n### The bans\n", 1)[1].split("\n### ", 1)[0]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        first = line.split("`")[1]
        prefix = first.split(":", 1)[0]
        rows[first] = line
        for suffix in re.findall(r"`:([a-z0-9-]+)`", line):
            rows[f"{prefix}:{suffix}"] = line
    return rows


def test_the_readme_lists_every_ban_and_why_disabled_ones_are(bans):
    rows = _readme_table()
    assert set(rows) == {ban.id for ban in bans}
    for ban in bans:
        assert ("disabled" in rows[ban.id]) is (not ban.enabled), rows[ban.id]
        for phase in ban.phases:
            assert phase.from_.isoformat() in rows[ban.id], f"{ban.id}: {phase.from_} missing from the README"


# -- the pack agrees with its facts ---------------------------------------------------------


def test_every_facts_entry_is_a_ban_or_documented_as_left_out(bans, facts):
    represented = {_facts_id(ban.id) for ban in bans if _from_facts(ban)}
    assert represented | LEFT_OUT == set(facts)
    assert not represented & LEFT_OUT


def test_confidence_and_citations_are_the_facts(bans, facts):
    for ban in filter(_from_facts, bans):
        entry = facts[_facts_id(ban.id)]
        # the facts write "unconfirmed: why"; a ban carries the word, its notes say why
        expected = CONFIDENCE_NOW.get(entry["id"], entry["confidence"].split(":", 1)[0])
        assert ban.confidence == expected, ban.id
        missing = [c for c in [entry["instrument"], *entry["citations"]] if c not in ban.references]
        assert not missing, f"{ban.id} lost citations: {missing}"


def test_the_update_measures_carry_its_confidence_dates_and_citations(bans, update):
    built = {_instrument(ban.id) for ban in bans} & set(UPDATE)
    assert built == set(UPDATE)
    for ban in bans:
        measure = UPDATE.get(_instrument(ban.id))
        if measure is None:
            continue
        assert ban.confidence == measure.confidence, ban.id
        assert {phase.from_.isoformat() for phase in ban.phases} <= measure.dates, ban.id
        for cite in measure.cites:
            assert cite in update, f"{cite!r} is not a citation of the update"
            assert any(cite in reference for reference in ban.references), f"{ban.id} does not cite {cite!r}"


def test_the_update_measures_left_out_are_explained_in_the_readme():
    section = (POLICIES.parent / "README.md").read_text(encoding="utf-8").split("\n## The government ban pack\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    for measure, why in UPDATE_LEFT_OUT.items():
        paragraphs = [" ".join(p.split()) for p in section.split("\n\n")]
        paragraph = next((p for p in paragraphs if measure in p), "")
        assert why in paragraph, f"the README does not say why {measure} is left out"


def test_phase_dates_are_dates_of_the_facts(bans, facts):
    for ban in filter(_from_facts, bans):
        entry = facts[_facts_id(ban.id)]
        dated = {phase["effective"] for phase in entry["phases"] if phase["effective"]}
        for phase in ban.phases:
            assert phase.from_.isoformat() in dated, f"{ban.id}: {phase.from_} is not a date of the facts"


def test_phases_without_a_date_are_explained_in_the_notes(bans, facts):
    for ban in filter(_from_facts, bans):
        entry = facts[_facts_id(ban.id)]
        if any(phase["effective"] is None for phase in entry["phases"]):
            assert re.search(r"no (fixed )?deadline|no confirmed day|cannot be a phase", ban.notes), ban.id


def test_the_named_entities_are_matched(bans, facts):
    """Every legal name and alias of the facts is matched by a ban of its entry, unless documented."""
    by_entry: dict[str, list[Ban]] = defaultdict(list)
    for ban in filter(_from_facts, bans):
        by_entry[_facts_id(ban.id)].append(msgspec.structs.replace(ban, enabled=True))
    for facts_id, entry_bans in by_entry.items():
        index = MatchIndex(entry_bans)
        for entity in facts[facts_id]["entities"]:
            if entity["legal_name"].startswith("Any ") or "(category" in entity["legal_name"]:
                continue
            for name in [entity["legal_name"], *entity["aliases"]]:
                if (facts_id, name) in UNMATCHED_NAMES:
                    assert not index.org(name), f"{facts_id}: {name!r} matches, yet it is documented as unmatched"
                    continue
                if facts_id in TIKTOK_DEVICE_BANS and name.startswith("ByteDance"):
                    assert not index.org(name), f"{facts_id}: a TikTok device ban matches {name!r}"
                    continue
                assert index.org(name), f"{facts_id}: no ban matches {name!r}"


# -- what the pack decides for real spellings -----------------------------------------------


@dataclass(frozen=True)
class Spelling:
    id: str
    component: dict[str, Any]
    as_of: str
    scopes: tuple[str, ...] = ()
    #: every finding expected, ban id -> status (a near-miss expects none)
    expect: dict[str, str] = field(default_factory=dict)
    #: the matcher the first expected finding shows
    matcher: str = ""


def comp(name: str, **more: Any) -> dict[str, Any]:
    return {"type": "library", "name": name, "version": "1.0.0", **more}


SPELLINGS = [
    Spelling(
        "hisilicon-soc-in-a-third-party-camera",
        comp("hi3516ev300-sdk", supplier={"name": "HiSilicon Technologies Co., Ltd."}),
        "2021-01-01",
        ("us-federal",),
        # a chip vendor's SDK (a library) is not covered equipment: section 889 warns, the FCC bar allows
        {"us-ndaa-fy2019-sec889:huawei": "warn", "us-fcc-22-84-equipment-authorization:huawei": "allow"},
        "organization-prefix",
    ),
    Spelling(
        "huawei-cloud-go-sdk-for-a-contractor",
        comp("huaweicloud-sdk-go-v3", purl="pkg:golang/github.com/huaweicloud/huaweicloud-sdk-go-v3@v0.1.120"),
        "2024-01-01",
        ("us-federal-contractor",),
        # a cloud SDK is a library: neither equipment nor a service; one verdict in every ecosystem
        {"us-ndaa-fy2019-sec889:huawei": "warn", "us-fcc-22-84-equipment-authorization:huawei": "allow"},
        "purl",
    ),
    Spelling(
        "zte-router-firmware-in-canada",
        {"type": "firmware", "name": "mf286d-firmware", "version": "B12", "supplier": {"name": "ZTE Corporation"}},
        "2024-07-01",
        ("ca-telecom",),
        {"ca-huawei-zte-5g-2022:zte": "deny"},
        "organization",
    ),
    Spelling(
        "dahua-nvr-by-cpe-under-fcc-subsidies",
        {
            "type": "firmware",
            "name": "nvr-firmware",
            "cpe": "cpe:2.3:o:dahuasecurity:nvr4208-4ks2_firmware:4.0:*:*:*:*:*:*:*",
        },
        "2022-01-01",
        ("us-telecom",),
        {"us-fcc-covered-list-2021-initial:dahua": "deny", "us-fcc-22-84-equipment-authorization:dahua": "allow"},
        "cpe-vendor",
    ),
    Spelling(
        "kaspersky-during-bod-17-01-inventory",
        comp("kes-agent", supplier={"name": "Kaspersky Lab"}),
        "2017-11-01",
        ("us-federal",),
        {
            "us-dhs-bod-17-01": "warn",
            "us-ndaa-fy2018-sec1634-kaspersky": "allow",
            "us-commerce-icts-kaspersky-2024": "allow",
        },
        "organization",
    ),
    Spelling(
        "bytedance-android-sdk-while-enforcement-is-paused",
        comp("pangle-sdk", purl="pkg:maven/com.bytedance.sdk/pangle-sdk@5.1.0.6"),
        "2025-03-01",
        ("us",),
        # PAFACA names applications (TikTok, CapCut, Lemon8), never ByteDance's libraries
        {"us-pafaca-tiktok-2024": "allow"},
        "purl",
    ),
    Spelling(
        "bytedance-go-library-is-not-the-tiktok-app",
        comp("sonic", purl="pkg:golang/github.com/bytedance/sonic@v1.11.6"),
        "2023-06-01",
        ("uk-gov", "ca-gov", "au-gov", "eu-institutions", "us-federal"),
        {"us-pafaca-tiktok-2024": "allow"},
        "purl",
    ),
    Spelling(
        "tiktok-open-sdk-on-uk-government-devices",
        comp("tiktok-open-sdk-core", purl="pkg:maven/com.tiktok.open.sdk/tiktok-open-sdk-core@2.3.0"),
        "2023-06-01",
        ("uk-gov",),
        # the direction removes the TikTok app from government devices; an SDK of it inside another app warns
        {"uk-tiktok-government-devices-2023": "warn"},
        "purl",
    ),
    Spelling(
        "wechat-open-sdk-on-canadian-government-devices",
        comp(
            "wechat-sdk-android",
            purl="pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0",
            supplier={"name": "Tencent Holdings Ltd."},
        ),
        "2024-01-01",
        ("ca-gov",),
        {"ca-wechat-kaspersky-government-devices-2023:wechat": "warn"},
        "purl",
    ),
    Spelling(
        "tencent-rapidjson-is-tencent-not-wechat",
        comp(
            "rapidjson",
            purl="pkg:github/tencent/rapidjson@1.1.0",
            supplier={"name": "THL A29 Limited"},
            author="Tencent",
        ),
        "2024-01-01",
        (),
        {"us-ndaa-fy2024-sec805-1260h:tencent": "allow"},
        "organization",
    ),
    Spelling("the-lark-parser-is-not-bytedance-lark", comp("lark", purl="pkg:pypi/lark@1.1.9"), "2025-01-19", (), {}),
    Spelling(
        "china-telecom-parent-is-not-china-telecom-americas",
        comp("ct-client", supplier={"name": "China Telecom Corporation Limited"}),
        "2023-01-01",
        (),
        {},
    ),
    Spelling(
        "china-telecom-americas",
        comp("cta-portal", supplier={"name": "China Telecom Americas Corporation"}),
        "2023-01-01",
        ("us-telecom",),
        # the Covered List names the carrier's services; a library of it warns
        {"us-fcc-covered-list-2022-03:china-telecom": "warn"},
        "organization",
    ),
    Spelling(
        "china-mobile-hong-kong-parent-is-not-listed",
        comp("cmi-client", supplier={"name": "China Mobile International Limited"}),
        "2023-01-01",
        (),
        {},
    ),
    Spelling(
        "ezviz-camera-firmware-for-a-contractor",
        {
            "type": "firmware",
            "name": "CS-C6N firmware",
            "version": "5.3.0",
            "supplier": {"name": "Hangzhou EZVIZ Network Co., Ltd."},
        },
        "2024-01-01",
        ("us-federal-contractor",),
        {"us-ndaa-fy2019-sec889:hikvision": "deny", "us-fcc-22-84-equipment-authorization:hikvision": "deny"},
        "organization",
    ),
    Spelling(
        "dahua-firmware-by-its-engineers-address",
        {
            "type": "firmware",
            "name": "nvr-fw",
            "version": "4.0",
            "authors": [{"name": "Dev", "email": "dev@dahuatech.com"}],
        },
        "2022-01-01",
        ("us-telecom",),
        {"us-fcc-covered-list-2021-initial:dahua": "deny", "us-fcc-22-84-equipment-authorization:dahua": "allow"},
        "domain",
    ),
    Spelling(
        "pacific-network-ban-is-disabled",
        comp("netmon", supplier={"name": "Pacific Network Solutions, Inc."}),
        "2023-01-01",
        (),
        {},
    ),
    Spelling(
        "autel-diagnostics-is-not-autel-robotics",
        comp("maxisys-firmware", supplier={"name": "Autel Intelligent Technology Corp., Ltd."}),
        "2026-01-05",
        (),
        {},
    ),
    Spelling(
        "dji-mobile-sdk-after-the-fcc-listing",
        comp("dji-sdk", purl="pkg:maven/com.dji/dji-sdk@4.16.4", supplier={"name": "SZ DJI Technology Co., Ltd."}),
        "2026-01-05",
        ("us",),
        # the bar is on authorising equipment: a mobile SDK is allowed
        {"us-fcc-22-84-equipment-authorization:dji": "allow"},
        "organization",
    ),
    Spelling(
        "deepseek-open-weights-on-australian-government-systems",
        {"type": "machine-learning-model", "name": "DeepSeek-R1", "purl": "pkg:huggingface/deepseek-ai/DeepSeek-R1"},
        "2025-03-01",
        ("au-gov",),
        # whether locally run open weights are "DeepSeek products" is disputed: the pack warns
        {"au-pspf-deepseek-2025": "warn"},
        "purl",
    ),
    Spelling(
        "smic-chip-before-section-5949-applies",
        {"type": "device", "name": "soc", "manufacturer": {"name": "Semiconductor Manufacturing International Corp."}},
        "2026-01-01",
        ("us-federal",),
        {"us-ndaa-fy2023-sec5949-semiconductors:smic": "allow"},
        "organization",
    ),
    Spelling(
        "kaspersky-product-name-alone-warns-at-most",
        comp("kaspersky-endpoint-security-installer"),
        "2024-10-01",
        ("us",),
        {"us-commerce-icts-kaspersky-2024": "warn"},
        "product",
    ),
]


@pytest.fixture(scope="module")
def pack_enforcer(opa_binary: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Enforcer]:
    """The pack loaded into a real OPA server of its own: a decision costs milliseconds there.

    The embedded engine re-evaluates the whole ban table on every query; the
    CLI tests below run on it, this table runs on OPA (the engines agree).
    """
    files = [str(DECIDE), *map(str, _policy_files())]
    server = start_opa_server(opa_binary, tmp_path_factory.mktemp("gov-pack-opa") / "opa.log", *files)
    try:
        engine_options = {"opa_url": server.url, "push": False}
        options = Options(policies=[DECIDE, GOV], engine="opa-server", engine_options=engine_options)
        with Enforcer(options) as enforcer:
            yield enforcer
    finally:
        server.stop()


#: A listed carrier and its unlisted parent differ only by a bracketed part ("China Telecom (Americas)
#: Corporation"). Telling them apart needs the contract-2 normaliser, which keeps a bracketed part that
#: belongs to a name; with one that drops it, the parent matches too. Strict: passing fails the run.
BRACKETS_KEPT = org_key("China Telecom (Americas) Corporation") != org_key("China Telecom Corporation Limited")
NEEDS_BRACKETS = {"china-telecom-parent-is-not-china-telecom-americas", "china-mobile-hong-kong-parent-is-not-listed"}


def _spelling_params() -> Iterator[Any]:
    for case in SPELLINGS:
        marks = []
        if case.id in NEEDS_BRACKETS:
            marks.append(
                pytest.mark.xfail(
                    not BRACKETS_KEPT, reason="the normaliser drops bracketed parts of names", strict=True
                )
            )
        yield pytest.param(case, id=case.id, marks=marks)


@pytest.mark.opa
@pytest.mark.parametrize("case", list(_spelling_params()))
def test_real_spellings(pack_enforcer, tmp_path, case):
    sbom = write_cdx(tmp_path / f"{case.id}.cdx.json", [{"bom-ref": "c1", **case.component}])
    pack_enforcer.options = replace(pack_enforcer.options, as_of=dt.date.fromisoformat(case.as_of), scopes=case.scopes)
    [result] = pack_enforcer.decide([pack_enforcer.match_path(str(sbom))])
    assert result.error is None
    assert {finding.ban: finding.status for finding in result.findings} == case.expect
    if case.expect:
        first = next(f for f in result.findings if f.ban == next(iter(case.expect)))
        assert case.matcher in {m.matcher for m in first.matches}, first.matches


# -- end to end, through the CLI ---------------------------------------------------------------


def _check(cli, sbom: Path, *args: str) -> tuple[int, dict[str, Any], str]:
    result = cli("check", sbom, *PACK, "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_cli_huawei_supplier_denied_for_federal_use_in_2021(cli, tmp_path):
    sbom = write_cdx(
        tmp_path / "router.cdx.json",
        [
            {
                **comp(
                    "ar-router-os", supplier={"name": "Huawei Technologies Co., Ltd.", "url": ["https://e.huawei.com"]}
                ),
                "type": "firmware",
            }
        ],
    )
    code, report, stderr = _check(cli, sbom, "--as-of", "2021-01-01", "--scope", "us-federal")
    assert code == 1, stderr
    findings = {f["ban"]: f for f in report["sboms"][0]["findings"]}
    assert set(findings) == {"us-ndaa-fy2019-sec889:huawei", "us-fcc-22-84-equipment-authorization:huawei"}
    sec889 = findings["us-ndaa-fy2019-sec889:huawei"]
    assert sec889["status"] == "deny"
    assert sec889["vendor"] == "Huawei"
    assert sec889["reason"].startswith("banned since 2020-08-13: Part B")
    assert {(m["matcher"], m["key"]) for m in sec889["matches"]} >= {
        ("organization", "huawei technologies"),
        ("domain", "huawei.com"),
    }
    assert findings["us-fcc-22-84-equipment-authorization:huawei"]["status"] == "allow"
    # The UK, Canadian, German, EU and Australian bans and the FCC subsidy rule are out of scope.
    assert report["sboms"][0]["out_of_scope"] >= 6


def test_cli_hikvision_camera_firmware_denied_for_a_contractor(cli, tmp_path):
    firmware: dict[str, object] = {
        "type": "firmware",
        "bom-ref": "ipc-fw",
        "name": "DS-2CD2143G2-I firmware",
        "version": "V5.7.3",
        "supplier": {"name": "Hangzhou Hikvision Digital Technology Co., Ltd."},
        "cpe": "cpe:2.3:o:hikvision:ds-2cd2143g2-i_firmware:5.7.3:*:*:*:*:*:*:*",
    }
    sbom = write_cdx(tmp_path / "camera.cdx.json", [firmware])
    code, report, stderr = _check(cli, sbom, "--as-of", "2024-01-01", "--scope", "us-federal-contractor")
    assert code == 1, stderr
    statuses = {f["ban"]: f["status"] for f in report["sboms"][0]["findings"]}
    assert statuses == {
        "us-ndaa-fy2019-sec889:hikvision": "deny",
        "us-fcc-22-84-equipment-authorization:hikvision": "deny",
    }
    matchers = {m["matcher"] for f in report["sboms"][0]["findings"] for m in f["matches"]}
    assert {"organization", "cpe-vendor"} <= matchers


def test_cli_the_tiktok_app_denied_the_day_the_act_took_effect_and_a_bytedance_library_never(cli, tmp_path):
    app = {"type": "application", "name": "com.zhiliaoapp.musically", "version": "37.1.4"}
    library = comp("lynx", purl="pkg:npm/%40bytedance/lynx@3.0.0", author="ByteDance Ltd.")
    sbom = write_cdx(tmp_path / "app.cdx.json", [app, library])
    code, report, stderr = _check(cli, sbom, "--as-of", "2025-01-19", "--scope", "us")
    assert code == 1, stderr
    findings = {f["component"]["name"]: f for f in report["sboms"][0]["findings"]}
    assert (findings["com.zhiliaoapp.musically"]["ban"], findings["com.zhiliaoapp.musically"]["status"]) == (
        "us-pafaca-tiktok-2024",
        "deny",
    )
    assert {m["matcher"] for m in findings["com.zhiliaoapp.musically"]["matches"]} == {"app-id"}
    assert findings["com.zhiliaoapp.musically"]["coverage"]["decision"] == "product"
    # the act names applications, never ByteDance's libraries: said, and allowed
    assert findings["lynx"]["status"] == "allow"
    assert findings["lynx"]["coverage"]["decision"] in ("outside", "excluded")
    # A day later enforcement is paused: the app only warns and the gate passes.
    code, report, stderr = _check(cli, sbom, "--as-of", "2025-01-20", "--scope", "us")
    assert code == 0, stderr
    findings = {f["component"]["name"]: f for f in report["sboms"][0]["findings"]}
    assert findings["com.zhiliaoapp.musically"]["status"] == "warn"
    assert "E.O. 14166" in findings["com.zhiliaoapp.musically"]["reason"]


# -- the verdict table (tests/_data/coverage_cases.yaml) ---------------------------------------

CASES_FILE = POLICIES.parent / "tests" / "_data" / "coverage_cases.yaml"
VERDICTS = {"deny", "warn", "allow", "clean"}


@pytest.fixture(scope="module")
def table() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    return loaded


def test_the_verdict_table_is_well_formed(table):
    assert table["version"] == 1
    dt.date.fromisoformat(table["as_of"])
    assert set(table["audiences"]) <= SCOPES
    ids = [case["id"] for case in table["cases"]]
    assert len(ids) == len(set(ids)) >= 130
    for case in table["cases"]:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", case["id"]), case["id"]
        dt.date.fromisoformat(case.get("as_of", table["as_of"]))
        assert set(case.get("needs", [])) <= set(table["needs"]), case["id"]
        assert case["component"]["type"] and case["component"]["name"], case["id"]
        assert case["expect"] and set(case["expect"]) <= set(table["audiences"]), case["id"]
        for want in case["expect"].values():
            assert want["verdict"] in VERDICTS and want["reason"], case["id"]


def test_the_verdict_table_names_bans_that_bind_the_audience(table, bans):
    by_id = {ban.id: ban for ban in bans}
    for case in table["cases"]:
        for tag, want in case["expect"].items():
            if "by" not in want:
                continue
            ban = by_id.get(want["by"])
            assert ban is not None and ban.enabled, f"{case['id']}: no enabled ban {want['by']}"
            assert tag in ban.scopes, f"{case['id']}: {ban.id} does not bind {tag}"


def test_the_verdict_table_covers_kinds_near_misses_and_dates(table):
    cases = table["cases"]
    kinds = {case["component"]["type"] for case in cases}
    assert {"application", "library", "device", "firmware", "service", "machine-learning-model"} <= kinds
    near_misses = [c for c in cases if all(w["verdict"] == "clean" for w in c["expect"].values())]
    assert len(near_misses) >= 20
    assert sum("as_of" in case for case in cases) >= 10
    outcomes = {(tag, want["verdict"]) for case in cases for tag, want in case["expect"].items()}
    for tag in ("us", "us-federal", "us-federal-contractor", "us-telecom"):
        assert {(tag, verdict) for verdict in VERDICTS} <= outcomes, tag
