"""The verdict table: what each instrument makes of real components, checked through the command line.

`tests/_data/coverage_cases.yaml` holds 150 components written the way real
SBOMs write them (the packages, apps, devices and services of banned
vendors, and their look-alikes), and for each audience the verdict its
instrument supports, read from the instrument. Every case becomes an SBOM of
its own; the SBOMs of one audience and date are checked in one run of
`enforcer check DIR --scope TAG --as-of DATE --format json`, and each SBOM's
most severe status must be the table's (`clean`: no finding in scope).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

CASES_FILE = ROOT / "tests" / "_data" / "coverage_cases.yaml"
TABLE: dict[str, Any] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
SEVERITY = ("deny", "warn", "waived", "allow")


def _sbom(case: dict[str, Any]) -> dict[str, Any]:
    """An SBOM holding the case's component (a service goes to `services`)."""
    component = dict(case["component"])
    document: dict[str, Any] = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "version": 1,
        "metadata": {"component": {"type": "application", "name": "product", "version": "1", "bom-ref": "root"}},
    }
    if component.get("type") == "service":
        component.pop("type")
        document["services"] = [{"bom-ref": "c1", **component}]
    else:
        document["components"] = [{"bom-ref": "c1", **component}]
    return document


def _groups() -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    """(scope, as-of) -> [(case id, expected verdict, the reason the table gives)]."""
    groups: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for case in TABLE["cases"]:
        as_of = case.get("as_of", TABLE["as_of"])
        for scope, want in case["expect"].items():
            groups[(scope, as_of)].append((case["id"], want["verdict"], want["reason"]))
    return groups


GROUPS = _groups()


@pytest.fixture(scope="module")
def sboms(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("verdict-table")
    for case in TABLE["cases"]:
        (folder / f"{case['id']}.cdx.json").write_text(json.dumps(_sbom(case)), encoding="utf-8")
    return folder


def verdict(sbom: dict[str, Any]) -> str:
    statuses = {finding["status"] for finding in sbom["findings"]}
    return next((status for status in SEVERITY if status in statuses), "clean")


@pytest.mark.parametrize(("scope", "as_of"), sorted(GROUPS), ids=[f"{s}@{d}" for s, d in sorted(GROUPS)])
def test_every_verdict_of_the_table(cli, sboms: Path, scope: str, as_of: str) -> None:
    cases = GROUPS[(scope, as_of)]
    paths = [str(sboms / f"{case_id}.cdx.json") for case_id, _, _ in cases]
    result = cli("check", *paths, "--scope", scope, "--as-of", as_of, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    got = {Path(sbom["path"]).name.removesuffix(".cdx.json"): sbom for sbom in report["sboms"]}
    wrong = []
    for case_id, want, reason in cases:
        sbom = got[case_id]
        assert sbom["error"] is None, sbom["error"]
        if verdict(sbom) != want:
            seen = [(f["ban"], f["status"], f["reason"]) for f in sbom["findings"]]
            wrong.append(f"{case_id}: {verdict(sbom)}, the table says {want} ({reason}); findings: {seen}")
    assert not wrong, f"{len(wrong)} of {len(cases)} verdicts for {scope} on {as_of}:\n" + "\n".join(wrong)


def test_the_table_covers_the_issues_examples() -> None:
    """The examples that showed verdicts contradicting their instruments are in the table."""
    components = {case["id"]: case["component"] for case in TABLE["cases"]}
    purls = {component.get("purl", "").split("@")[0] for component in components.values()}
    names = {component.get("name", "") for component in components.values()}
    people = {author.get("name") for c in components.values() for author in c.get("authors", [])}
    assert {"pkg:maven/com.huawei.hms/push", "pkg:golang/github.com/bytedance/sonic"} <= purls
    assert "com.zhiliaoapp.musically" in names
    assert {"Dahua Lin", "Huawei Zhang"} <= people
    parties = {
        str(c.get(role, {}).get("name", ""))
        for c in components.values()
        for role in ("supplier", "manufacturer", "provider")
    }
    assert any("(Americas)" in name for name in parties)
    assert any("EZVIZ" in name for name in parties)
    assert any(
        purl.startswith("pkg:github/KasperskyLab") or purl.startswith("pkg:github/kasperskylab") for purl in purls
    )
