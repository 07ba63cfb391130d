"""The runs the HTML report's tests render, beside the canonical one of conftest.py.

- `contract2_result`: findings and bans with the fields ban contract 2 adds
  (component kind, each match's role and party, the coverage decision, a ban's
  `reviewed` date and its declared phases). `_models.py` does not declare them
  yet, so they come from subclasses of the result types here: the shape the
  lead is adding.
- `hostile_result`: every string a report shows is one of `HOSTILE`.
- `hostile_pipeline`: a real SBOM and a real Rego ban made of hostile strings,
  checked by the CLI into an HTML file.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import msgspec

from enforcer._models import (
    BanInfo,
    ComponentInfo,
    Confidence,
    CoverageInfo,
    Finding,
    MatchEvidence,
    Phase,
    PhaseInfo,
    RunResult,
    SbomResult,
    Verdict,
    WaiverInfo,
)
from tests.conftest import run_cli, write_cdx

#: Strings that would become markup, script, style, a comment or a link if a report let them.
HOSTILE = [
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    "</script><script>window.__pwned=2;alert(2)</script>",
    "</style><style>body{display:none}</style>",
    "<!-- x",
    '<svg onload="window.__pwned=3;alert(3)"></svg>',
    '"><b id="pwned">bold</b>',
    "javascript:window.__pwned=4;alert(4)",
    "line\u2028para\u2029end",
    "{{constructor.constructor('window.__pwned=5')()}}",
]
JS_URL = "javascript:window.__pwned=6;alert(6)"
DATA_URL = "data:text/html,<script>alert(7)</script>"
GOOD_URL = "https://www.federalregister.gov/d/2024-13532"


# -- the fields of contract 2 ------------------------------------------------------------

KindComponent = ComponentInfo
RoleMatch = MatchEvidence
Coverage = CoverageInfo
CoveredFinding = Finding
PhasedBan = BanInfo


def _phase(effect: str, start: str, summary: str, until: str | None = None) -> Phase:
    return msgspec.convert({"effect": effect, "from": start, "until": until, "summary": summary}, Phase)


FCC = "us-fcc-22-84-equipment-authorization:huawei"
GLOBEX = "example-globex-2025"
ENDED = "example-ended-2019"
LATER = "example-later-2026"

#: every phase of the contract-2 run's bans, by ban: the timeline must draw each one
PHASES = {
    FCC: [_phase("deny", "2022-11-25", "no new equipment authorizations")],
    GLOBEX: [
        _phase("warn", "2025-01-01", "plan the replacement", until="2025-05-01"),
        _phase("deny", "2025-05-01", "no Globex components in new releases"),
    ],
    ENDED: [_phase("deny", "2019-01-01", "an old ban", until="2023-01-01")],
    LATER: [_phase("warn", "2026-03-01", "announced"), _phase("deny", "2026-09-01", "in force")],
}


def contract2_result() -> RunResult:
    """As of 2025-03-01, 90 days' warning: a phase in effect, one within its window, one ended, two later."""

    def finding(ban: str, vendor: str, status: Verdict, name: str, kind: str, coverage: Coverage) -> CoveredFinding:
        return CoveredFinding(
            component=KindComponent(ref=name, name=name, version="1.0", path=["app@2.0", f"{name}@1.0"], kind=kind),
            ban=ban,
            vendor=vendor,
            verdict=status,
            reason=f"{status.value}: {coverage.reason}",
            matches=[
                RoleMatch(
                    field="supplier.name",
                    value=vendor,
                    key=vendor.lower(),
                    matcher="organization",
                    confidence=Confidence.EXACT,
                    alias=vendor,
                    role="supplier",
                    party="organization",
                )
            ],
            coverage=coverage,
        )

    findings: list[Finding] = [
        finding(
            FCC, "Huawei", Verdict.DENY, "hw-modem-fw", "firmware", Coverage(decision="covered", reason="firmware")
        ),
        finding(
            FCC,
            "Huawei",
            Verdict.WARN,
            "huaweicloud-sdk",
            "library",
            Coverage(decision="outside", reason="Huawei: a library; this instrument covers device, firmware"),
        ),
        finding(GLOBEX, "Globex", Verdict.WARN, "globex-cam", "device", Coverage(decision="covered", reason="device")),
        finding(ENDED, "Oldco", Verdict.ALLOW, "oldco-lib", "library", Coverage(decision="covered", reason="all")),
        finding(
            LATER, "Laterco", Verdict.ALLOW, "later-app", "application", Coverage(decision="product", reason="app")
        ),
    ]
    bans: list[BanInfo] = [
        PhasedBan(
            id=FCC,
            vendor="Huawei",
            title="FCC 22-84: no new equipment authorizations",
            references=["FCC 22-84", "https://docs.fcc.gov/public/attachments/FCC-22-84A1.pdf"],
            scopes=["us"],
            phases=PHASES[FCC],
            reviewed=dt.date(2026, 12, 3),
        ),
        PhasedBan(id=GLOBEX, vendor="Globex", scopes=["example-corp"], phases=PHASES[GLOBEX]),
        PhasedBan(id=ENDED, vendor="Oldco", phases=PHASES[ENDED]),
        PhasedBan(id=LATER, vendor="Laterco", phases=PHASES[LATER]),
    ]
    return RunResult(
        tool_version="0.0.0-test",
        as_of=dt.date(2025, 3, 1),
        warn_days=90,
        engine="embedded (rego-cpp 0.0.0)",
        sboms=[SbomResult(path="devices.cdx.json", format="CycloneDX 1.6 JSON", components=40, findings=findings)],
        bans=bans,
        started_at=dt.datetime(2025, 3, 1, 8, 0, 0, tzinfo=dt.UTC),
    )


# -- hostile strings ---------------------------------------------------------------------


def hostile_result() -> RunResult:
    """A run in which every string the page shows is hostile."""
    h = HOSTILE
    findings = [
        Finding(
            component=ComponentInfo(ref=h[1], name=h[0], version=h[3], purl=h[6], path=[h[4], h[5], f"{h[0]}@{h[3]}"]),
            ban="hostile-ban",
            vendor=h[2],
            verdict=verdict,
            phase=PhaseInfo(effect="deny", date=dt.date(2024, 1, 1), summary=h[4]),
            reason=h[5],
            matches=[
                MatchEvidence(field=h[1], value=h[0], key=h[2], matcher=h[7], confidence=Confidence.EXACT, alias=h[8])
            ],
            waiver=WaiverInfo(id=h[3], status="expired", expires=dt.date(2023, 1, 1), reason=h[1], approved_by=h[4])
            if verdict is Verdict.DENY
            else None,
        )
        for verdict in (Verdict.DENY, Verdict.WARN)
    ]
    return RunResult(
        tool_version=h[5],
        as_of=dt.date(2024, 6, 1),
        scopes=[h[2]],
        warn_days=90,
        engine=h[1],
        policies=[h[0], h[3]],
        sboms=[
            SbomResult(path=h[0], format=h[1], components=3, warnings=[h[2], h[4]], findings=findings),
            SbomResult(path=h[4], error=f"{h[4]}: {h[1]}"),
        ],
        unused_waivers=[h[5]],
        bans=[
            BanInfo(
                id="hostile-ban",
                vendor=h[2],
                title=h[1],
                references=[JS_URL, DATA_URL, h[0], GOOD_URL, 'https://example.org/"><img src=x onerror=alert(8)>'],
                scopes=[h[2]],
            )
        ],
        started_at=dt.datetime(2024, 6, 1, 0, 0, 0, tzinfo=dt.UTC),
    )


def hostile_pipeline(directory: Path) -> Path:
    """Check a hostile SBOM against a hostile ban with the CLI; the HTML report's path.

    The ban's vendor, title, phase summary and references, the SBOM's file
    name and its components' names, versions and dependency path are hostile.
    """
    h = HOSTILE
    organization = "Evil <img src=x onerror=alert(1)> Corp"
    ban = {
        "id": "hostile-ban-2024",
        "vendor": h[0],
        "title": h[1] + h[2],
        "match": {"organizations": [organization]},
        "phases": [{"effect": "deny", "from": "2024-01-01", "summary": h[4] + h[3]}],
        "references": [JS_URL, DATA_URL, h[5], GOOD_URL],
    }
    policies = directory / "policies"
    policies.mkdir()
    (policies / "hostile.rego").write_text(
        "package enforcer.bans\n\nimport rego.v1\n\nbans contains " + json.dumps(ban, indent=1) + "\n",
        encoding="utf-8",
    )
    components: list[dict[str, object]] = [
        {"bom-ref": "middle", "type": "library", "name": h[4], "version": "2.0"},
        {
            "bom-ref": "child",
            "type": "library",
            "name": h[1],
            "version": h[2],
            "supplier": {"name": organization},
        },
    ]
    sbom = write_cdx(
        directory / "<img src=x onerror=alert(9)>.cdx.json",
        components,
        metadata={"component": {"bom-ref": "root", "type": "application", "name": h[5], "version": h[3]}},
        dependencies=[
            {"ref": "root", "dependsOn": ["middle"]},
            {"ref": "middle", "dependsOn": ["child"]},
            {"ref": "child", "dependsOn": []},
        ],
    )
    report = directory / "report.html"
    result = run_cli(
        "check", sbom, "--policy", policies, "--as-of", "2024-10-01", "--format", "html", "--output", report
    )
    assert result.exit_code == 1, result.stderr
    return report
