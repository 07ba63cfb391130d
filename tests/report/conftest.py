"""One canonical RunResult that every reporter test renders, and the golden-file helper.

The canonical run has every case a report must show: a deny, a warn, a
waived finding, an allow, an expired waiver, a component with no purl and one
with text that must be escaped (table and Markdown pipes, XML control
characters, workflow-command `%`, `:`, `,` and newlines, HTML, @-mentions,
backticks), an SBOM read from stdin, an SBOM that could not be read, loader
warnings, components without identity, a disabled ban and one outside the
selected scopes, and an unused waiver. Version and timestamp are fixed.

Golden files live in `tests/_data/snapshots/<format>-<case>.<ext>`; run the
tests with `ENFORCER_UPDATE_SNAPSHOTS=1` to write them anew after a change
that is meant, and review the diff.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from enforcer._models import (
    BanInfo,
    ComponentInfo,
    Confidence,
    Finding,
    MatchEvidence,
    PhaseInfo,
    RunResult,
    SbomResult,
    Verdict,
    WaiverInfo,
)

SNAPSHOTS = Path(__file__).resolve().parent.parent / "_data" / "snapshots"
UPDATE = os.environ.get("ENFORCER_UPDATE_SNAPSHOTS", "") == "1"

KASPERSKY = "us-commerce-icts-kaspersky-2024"
HUAWEI = "us-fcc-covered-huawei-2021"


def _match(field: str, value: str, key: str, matcher: str = "organization", confidence: str = "exact") -> MatchEvidence:
    return MatchEvidence(field=field, value=value, key=key, matcher=matcher, confidence=Confidence(confidence))


DENY = Finding(
    component=ComponentInfo(
        ref="av-engine",
        name="av-engine",
        version="21.3.10",
        purl="pkg:generic/kaspersky/av-engine@21.3.10",
        path=["acme-endpoint-agent@4.2.0", "av-engine@21.3.10"],
    ),
    ban=KASPERSKY,
    vendor="Kaspersky",
    verdict=Verdict.DENY,
    phase=PhaseInfo(effect="deny", date=dt.date(2024, 9, 29), summary="no updates or signatures"),
    reason="banned since 2024-09-29: no updates or signatures",
    matches=[
        _match("supplier.name", "AO Kaspersky Lab", "kaspersky lab"),
        _match("externalReferences[0].url", "https://www.kaspersky.com/", "kaspersky.com", "domain"),
    ],
)
# A name a hostile SBOM could carry: pipes, a newline, a control character, HTML,
# an @-mention, backticks, and the characters workflow commands must escape.
ODD_NAME = "evil|name\n::error::x <b>@team</b> `tick` 100%, a:b\x07"
WARN = Finding(
    component=ComponentInfo(ref="odd-1", name=ODD_NAME, version="1.0"),
    ban=HUAWEI,
    vendor="Huawei",
    verdict=Verdict.WARN,
    phase=PhaseInfo(effect="deny", date=dt.date(2024, 12, 1), summary="covered equipment"),
    reason="takes effect on 2024-12-01 (in 61 days): covered equipment",
    matches=[_match("name", ODD_NAME, "huawei", "product", "weak")],
)
WAIVED = Finding(
    component=ComponentInfo(
        ref="pkg-hms", name="hms-push", version="6.1.0", purl="pkg:maven/com.huawei.hms/push@6.1.0"
    ),
    ban=HUAWEI,
    vendor="Huawei",
    verdict=Verdict.ALLOW,
    phase=PhaseInfo(effect="deny", date=dt.date(2021, 3, 12), summary="covered equipment"),
    reason="waived by W-7 until 2025-01-31: legacy handsets",
    matches=[_match("purl", "pkg:maven/com.huawei.hms/push@6.1.0", "maven/com.huawei", "purl")],
    waiver=WaiverInfo(
        id="W-7",
        status="applied",
        expires=dt.date(2025, 1, 31),
        reason="legacy handsets",
        approved_by="ciso@example.com",
    ),
)
EXPIRED = Finding(
    component=ComponentInfo(ref="kav-sdk", name="kav-sdk", version="2.0"),
    ban=KASPERSKY,
    vendor="Kaspersky",
    verdict=Verdict.DENY,
    phase=PhaseInfo(effect="deny", date=dt.date(2024, 9, 29), summary="no updates or signatures"),
    reason="banned since 2024-09-29: no updates or signatures; waiver W-1 expired on 2024-06-30",
    matches=[_match("publisher", "Kaspersky Lab", "kaspersky lab")],
    waiver=WaiverInfo(
        id="W-1", status="expired", expires=dt.date(2024, 6, 30), reason="migration", approved_by="secops"
    ),
)
ALLOW = Finding(
    component=ComponentInfo(ref="old-agent", name="old-agent", version="0.9"),
    ban="uk-ncsc-russia-av-2017",
    vendor="Kaspersky",
    verdict=Verdict.ALLOW,
    reason="ended on 2020-01-01",
    matches=[_match("cpe", "cpe:2.3:a:kaspersky:old_agent:0.9:*:*:*:*:*:*:*", "kaspersky", "cpe-vendor")],
)

BANS = [
    BanInfo(
        id=KASPERSKY,
        vendor="Kaspersky",
        title="Commerce ICTS Final Determination on Kaspersky",
        references=["89 FR 52434", "https://www.federalregister.gov/d/2024-13532"],
        scopes=["us"],
    ),
    BanInfo(id="eu-disabled-2020", vendor="Example", scopes=["eu"], enabled=False),
    BanInfo(id="de-bsi-warning-2022", vendor="Kaspersky", title="BSI warning", scopes=["de"]),
    BanInfo(id="uk-ncsc-russia-av-2017", vendor="Kaspersky", title="NCSC guidance", scopes=["uk"]),
    BanInfo(id=HUAWEI, vendor="Huawei", title="FCC Covered List", references=["47 CFR 1.50002"], scopes=["us"]),
]


def canonical_result() -> RunResult:
    """The run every reporter test renders."""
    return RunResult(
        tool_version="0.0.0-test",
        as_of=dt.date(2024, 10, 1),
        scopes=["us", "uk"],
        warn_days=90,
        engine="embedded (rego-cpp 0.0.0)",
        policies=["policies/enforcer/decide.rego", "policies/gov/us.rego"],
        sboms=[
            SbomResult(
                path="sboms/agent.cdx.json",
                format="CycloneDX 1.5 JSON",
                spec_version="1.5",
                components=120,
                unidentified=3,
                findings=[DENY, EXPIRED, WARN, WAIVED, ALLOW],
                out_of_scope=1,
            ),
            SbomResult(
                path="sboms/dir with space/clean.spdx.json",
                format="SPDX 2.3 JSON",
                spec_version="2.3",
                components=40,
                unidentified=0,
                unreadable=1,
                warnings=["$.packages[3].name: expected str, got int; component skipped"],
            ),
            SbomResult(path="<stdin>", format="CycloneDX 1.6 JSON", spec_version="1.6", components=2, unidentified=2),
            SbomResult(
                path="sboms/broken.json",
                error="sboms/broken.json: not valid JSON: unexpected end of data (line 3, column 9)",
            ),
        ],
        unused_waivers=["W-9"],
        bans=BANS,
        started_at=dt.datetime(2024, 10, 1, 12, 30, 0, tzinfo=dt.UTC),
    )


def clean_result() -> RunResult:
    """A passing run: one SBOM, no findings, no bans listed."""
    return RunResult(
        tool_version="0.0.0-test",
        as_of=dt.date(2024, 10, 1),
        warn_days=90,
        engine="embedded (rego-cpp 0.0.0)",
        sboms=[SbomResult(path="app.cdx.json", format="CycloneDX 1.5 JSON", spec_version="1.5", components=7)],
        started_at=dt.datetime(2024, 10, 1, 12, 30, 0, tzinfo=dt.UTC),
    )


CASES = {"canonical": canonical_result, "clean": clean_result}


@pytest.fixture
def result() -> RunResult:
    return canonical_result()


def check_snapshot(name: str, text: str) -> None:
    """Compare with the golden file, or write it when ENFORCER_UPDATE_SNAPSHOTS=1."""
    path = SNAPSHOTS / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    if not path.exists():
        pytest.fail(f"{path} is missing: run with ENFORCER_UPDATE_SNAPSHOTS=1 to write it, then review it")
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{name} differs from the golden file (ENFORCER_UPDATE_SNAPSHOTS=1 rewrites it)"
