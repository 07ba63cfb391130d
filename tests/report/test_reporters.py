"""Every format: golden files, exhaustiveness, determinism."""

from __future__ import annotations

import random

import msgspec
import pytest

from enforcer.report import REPORTERS, Reporter, ReportFormat, reporter_for
from tests.report.conftest import CASES, check_snapshot, clean_result

EXTENSIONS = {
    ReportFormat.TABLE: "txt",
    ReportFormat.JSON: "json",
    ReportFormat.SARIF: "sarif",
    ReportFormat.JUNIT: "xml",
    ReportFormat.MARKDOWN: "md",
    ReportFormat.GITHUB: "txt",
    ReportFormat.HTML: "html",
}


def test_to_format_is_exhaustive(result):
    """Every --format choice has a reporter, and it renders the canonical run."""
    assert set(REPORTERS) == set(ReportFormat)
    for choice in ReportFormat:
        reporter = reporter_for(choice)
        assert isinstance(reporter, Reporter)
        assert reporter.extension == EXTENSIONS[choice]
        text = reporter.render(result)
        assert text.endswith("\n") and len(text) > 100, choice


@pytest.mark.parametrize("case", sorted(CASES), ids=sorted(CASES))
@pytest.mark.parametrize("choice", list(ReportFormat), ids=[choice.value for choice in ReportFormat])
def test_golden_file(choice, case):
    text = reporter_for(choice).render(CASES[case]())
    check_snapshot(f"{choice.value}-{case}.{EXTENSIONS[choice]}", text)


def test_table_explain_golden_file(result):
    check_snapshot("table-explain.txt", reporter_for(ReportFormat.TABLE, explain=True).render(result))


@pytest.mark.parametrize("choice", list(ReportFormat), ids=[choice.value for choice in ReportFormat])
def test_output_does_not_depend_on_the_order_bans_were_declared(choice, result):
    """Bans come from a set in Rego: their order must not change a byte of any report."""
    shuffled = list(result.bans)
    random.Random(4).shuffle(shuffled)
    assert shuffled != result.bans
    again = msgspec.structs.replace(result, bans=shuffled)
    assert reporter_for(choice).render(again) == reporter_for(choice).render(result)


@pytest.mark.parametrize("choice", list(ReportFormat), ids=[choice.value for choice in ReportFormat])
def test_a_later_start_changes_only_the_timestamp(choice):
    """Reports are stable across runs: only the start time (SARIF, JUnit) may differ."""
    first = clean_result()
    started = first.started_at
    assert started is not None
    later = msgspec.structs.replace(first, started_at=started.replace(hour=18))
    a = reporter_for(choice).render(first).replace("12:30:00", "TIME")
    b = reporter_for(choice).render(later).replace("18:30:00", "TIME")
    assert a == b
