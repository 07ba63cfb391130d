"""Markdown: a summary table that nothing in an SBOM can break."""

from __future__ import annotations

from msgspec.structs import replace

from enforcer._models import SbomResult
from enforcer.report.markdown import MAX_FINDINGS, MarkdownReporter
from tests.report.conftest import DENY


def _rows(text: str, header: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(header)
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def _cells(row: str) -> int:
    """Table cells in a GFM row: pipes not escaped with a backslash."""
    count, escaped = 0, False
    for char in row:
        if char == "|" and not escaped:
            count += 1
        escaped = char == "\\" and not escaped
    return count - 1


def test_headline_counts_and_coverage(result):
    text = MarkdownReporter().render(result)
    lines = text.splitlines()
    assert lines[0] == "## enforcer: 2 deny, 1 warn, 1 waived, 1 allow"
    assert lines[2] == (
        "4 SBOMs, 162 components, 5 without identity (3.1%), 1 unreadable; as of 2024-10-01, scopes us, uk"
    )


def test_one_row_per_sbom_and_per_finding_needing_attention(result):
    text = MarkdownReporter().render(result)
    sboms = _rows(text, "| SBOM | components | without identity | deny | warn | waived | allow |")
    assert len(sboms) == 4
    assert all(_cells(row) == 7 for row in sboms)
    assert "**error**: not valid JSON" in sboms[3]
    findings = _rows(text, "| status | SBOM | component | ban | reason |")
    assert [row.split("|")[1].strip() for row in findings] == ["**deny**", "**deny**", "warn", "waived"]
    assert all(_cells(row) == 5 for row in findings)


def test_hostile_names_are_inert(result):
    text = MarkdownReporter().render(result)
    [row] = [line for line in text.splitlines() if "evil" in line]
    assert _cells(row) == 5  # the pipe in the name did not add a cell
    assert "<b>" not in row.replace("`", "") or "`` evil" in row  # HTML only inside a code span
    assert "``" in row  # a name with a backtick gets a longer fence
    assert "\n" not in row


def test_long_runs_are_cut(result):
    many = [replace(DENY, component=replace(DENY.component, ref=f"c{i}")) for i in range(70)]
    sbom = SbomResult(path="big.json", components=70, findings=many)
    text = MarkdownReporter().render(replace(result, sboms=[sbom]))
    assert len(_rows(text, "| status | SBOM | component | ban | reason |")) == MAX_FINDINGS
    assert f"…and {70 - MAX_FINDINGS} more findings: see the full report." in text
