"""The renderers: every answer in every format; SARIF valid against the OASIS schema; hostile text made safe."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from enforcer.inventory import Inventory, InventoryError
from enforcer.inventory.report import InventoryFormat, render, to_document
from tests.conftest import FIXTURES, POLICIES, write_cdx

DAY = dt.date(2026, 1, 15)
EVIL = "evil\n::error::x | `tick` <b>\x1b[31m"


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("report")
    root = {"type": "application", "name": EVIL, "version": "1", "bom-ref": "root"}
    camera = {
        "type": "device",
        "name": EVIL,
        "version": "2",
        "bom-ref": "cam",
        "manufacturer": {"name": "Hangzhou Hikvision Digital Technology Co., Ltd."},
    }
    evil = write_cdx(folder / "evil.json", [camera], metadata={"component": root})
    with Inventory(folder / "store.db") as inventory:
        added = inventory.add([evil, FIXTURES / "sboms" / "kaspersky-supplier.cdx.json", folder / "missing.json"])
        results: dict[str, Any] = {
            "add": added,
            "impact": inventory.impact(as_of=DAY, scopes=["us"]),
            "diff": inventory.diff([POLICIES / "enforcer", POLICIES / "gov" / "us_ndaa_fy2019_sec889.rego"], as_of=DAY),
            "calendar": inventory.calendar(400, as_of=dt.date(2025, 6, 1)),
            "find": inventory.find("AO Kaspersky Lab"),
            "list": inventory.list(),
            "show": inventory.show(EVIL),
        }
        results["remove"] = inventory.remove("acme-endpoint-agent")
    return results


@pytest.fixture(scope="module")
def sarif_validator(shared: Path) -> Any:
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


KINDS = ["add", "impact", "diff", "calendar", "find", "list", "show", "remove"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("format", [InventoryFormat.TABLE, InventoryFormat.MARKDOWN])
def test_text_formats_keep_hostile_values_on_their_line(
    answers: dict[str, Any], kind: str, format: InventoryFormat
) -> None:
    text = render(answers[kind], format)
    assert text.endswith("\n") and text.strip()
    for line in text.splitlines():
        assert not line.startswith("::error::"), line
        assert "\x1b" not in line
    if format is InventoryFormat.MARKDOWN:  # HTML only inside code spans, where it is shown as text
        outside = re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", text)
        assert "<b>" not in outside


@pytest.mark.parametrize("kind", KINDS)
def test_json_is_the_whole_answer(answers: dict[str, Any], kind: str) -> None:
    document = json.loads(render(answers[kind], "json"))
    assert document["kind"] == kind and document["schema_version"] == "1"
    assert document == json.loads(json.dumps(to_document(answers[kind]), default=str))
    if kind == "impact":
        assert document["totals"]["deny"] > 0
        assert {p["sbom"]["product"] for p in document["products"]} == {EVIL, "acme-endpoint-agent"}
    if kind == "add":
        assert document["exit_code"] == 3 and document["failures"][0]["path"].endswith("missing.json")


@pytest.mark.parametrize("kind", ["impact", "diff", "calendar", "find"])
def test_sarif_is_valid(answers: dict[str, Any], kind: str, sarif_validator: Any) -> None:
    document = json.loads(render(answers[kind], "sarif"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in sarif_validator.iter_errors(document)]
    assert errors == []
    results = document["runs"][0]["results"]
    assert results, f"{kind}: the fixture answer has results to report"
    rules = [rule["id"] for rule in document["runs"][0]["tool"]["driver"]["rules"]]
    assert all(rules[entry["ruleIndex"]] == entry["ruleId"] for entry in results)


def test_impact_sarif_names_the_products(answers: dict[str, Any]) -> None:
    document = json.loads(render(answers["impact"], "sarif"))
    assert {entry["properties"]["product"] for entry in document["runs"][0]["results"]} == {EVIL, "acme-endpoint-agent"}
    assert {entry["level"] for entry in document["runs"][0]["results"]} >= {"error"}


@pytest.mark.parametrize("kind", ["add", "list", "show", "remove"])
def test_sarif_is_refused_where_it_means_nothing(answers: dict[str, Any], kind: str) -> None:
    with pytest.raises(InventoryError, match="SARIF is for"):
        render(answers[kind], "sarif")


def test_the_impact_table_reads_as_a_summary(answers: dict[str, Any]) -> None:
    text = render(answers["impact"], "table")
    first = text.splitlines()[0]
    assert first.startswith(f"as of {DAY}, scopes us: 2 SBOMs") and "2 denied" in first
    assert "acme-endpoint-agent" in text and "us-fcc-22-84-equipment-authorization:hikvision" in text
