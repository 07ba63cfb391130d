"""`enforcer check` as a CI gate: several reports at once, coverage, the summary line."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, write_cdx

KASPERSKY_SBOM = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
AS_OF = ("--as-of", "2024-10-01")


def test_several_reports_at_once(cli, tmp_path):
    sarif, junit, markdown = tmp_path / "out.sarif", tmp_path / "sub" / "junit.xml", tmp_path / "summary.md"
    result = cli(
        "check",
        KASPERSKY_SBOM,
        *AS_OF,
        "-o",
        f"sarif={sarif}",
        "--output",
        f"JUNIT={junit}",
        "-o",
        f"markdown={markdown}",
    )
    assert result.exit_code == 1, result.stderr
    assert "STATUS  BAN" in result.stdout  # the --format report (table) still goes to stdout
    assert json.loads(sarif.read_text())["version"] == "2.1.0"
    assert junit.read_text().startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>')
    assert markdown.read_text().startswith("## enforcer: ")


def test_plain_output_file_and_format_still_work(cli, tmp_path):
    report, github = tmp_path / "report.json", tmp_path / "annotations.txt"
    result = cli("check", KASPERSKY_SBOM, *AS_OF, "--format", "json", "--output", report, "-o", f"github={github}")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(report.read_text())["summary"]["deny"] >= 1
    assert github.read_text().startswith("::error file=")


def test_format_to_stdout_replaces_the_default_report(cli):
    result = cli("check", KASPERSKY_SBOM, *AS_OF, "-o", "github=-")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1].startswith("::notice title=enforcer::")
    assert "STATUS  BAN" not in result.stdout


@pytest.mark.parametrize(
    ("outputs", "message"),
    [
        (["-o", "a.json", "-o", "b.json"], "--output b.json: only one plain FILE (for --format)"),
        (["-f", "json", "-o", "sarif=-"], "--format json and an --output FORMAT=- both want stdout"),
        (["-o", "sarif=same.out", "-o", "junit=same.out"], "--output: two reports would go to same.out"),
        (["-o", "sarif=-", "-o", "json=-"], "--output: two reports would go to stdout"),
        (["-o", "sarif="], "--output sarif=: no FILE after '=' (use - for stdout)"),
    ],
    ids=["two-plain-files", "format-and-format-to-stdout", "same-file", "two-to-stdout", "no-file"],
)
def test_output_usage_errors(cli, tmp_path, monkeypatch, outputs, message):
    monkeypatch.chdir(tmp_path)
    result = cli("check", KASPERSKY_SBOM, *outputs)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"enforcer: error: {message}")
    assert list(tmp_path.iterdir()) == []


def test_unknown_prefix_is_a_plain_file_name(cli, tmp_path):
    """`--output a=b.json` is a file called `a=b.json`: only report formats are prefixes."""
    target = tmp_path / "a=b.json"
    result = cli("check", KASPERSKY_SBOM, *AS_OF, "-f", "json", "-o", target)
    assert result.exit_code == 1
    assert json.loads(target.read_text())["schema_version"]


@pytest.fixture
def half_identified(tmp_path):
    """Four components, one without any identity (its name alone cannot be matched)."""
    return write_cdx(
        tmp_path / "sbom.json",
        [
            {"type": "library", "name": "anonymous"},
            {"type": "library", "name": "a", "purl": "pkg:npm/a@1"},
            {"type": "library", "name": "b", "purl": "pkg:npm/b@1"},
            {"type": "library", "name": "c", "supplier": {"name": "C Corp"}},
        ],
    )


@pytest.mark.parametrize(
    ("threshold", "code", "ending"),
    [
        (None, 0, "; exit 0: passed (--fail-on deny)"),
        ("30", 0, "; exit 0: passed (--fail-on deny)"),
        ("25", 0, "; exit 0: passed (--fail-on deny)"),
        ("10", 1, "; exit 1: 25.0% of components without identity, over --fail-on-unidentified 10"),
        ("0", 1, "; exit 1: 25.0% of components without identity, over --fail-on-unidentified 0"),
    ],
    ids=["no-gate", "under", "equal", "over", "zero"],
)
def test_fail_on_unidentified(cli, half_identified, threshold, code, ending):
    gate = ["--fail-on-unidentified", threshold] if threshold is not None else []
    result = cli("check", half_identified, *gate)
    assert result.exit_code == code, result.stderr
    assert result.stderr.strip().endswith(ending)
    assert "(1 without identity)" in result.stderr


def test_both_reasons_are_given(cli, tmp_path):
    sbom = write_cdx(
        tmp_path / "sbom.json",
        [{"type": "library", "name": "x"}, {"type": "library", "name": "k", "supplier": {"name": "AO Kaspersky Lab"}}],
    )
    result = cli("check", sbom, *AS_OF, "--fail-on-unidentified", "5")
    assert result.exit_code == 1
    assert result.stderr.strip().endswith(
        "; exit 1: deny findings fail the gate (--fail-on deny)"
        " and 50.0% of components without identity, over --fail-on-unidentified 5"
    )


@pytest.mark.parametrize("value", ["-1", "101", "lots"], ids=["negative", "over-100", "not-a-number"])
def test_fail_on_unidentified_must_be_a_percentage(cli, value):
    result = cli("check", KASPERSKY_SBOM, "--fail-on-unidentified", value)
    assert result.exit_code == 2
    assert "--fail-on-unidentified" in result.stderr


def test_report_files_are_readable_like_any_new_file(cli, tmp_path):
    """The report is written atomically but gets the usual mode (umask), not a temporary file's 0600."""
    out = tmp_path / "report.sarif"
    mask = os.umask(0o022)
    try:
        cli("check", KASPERSKY_SBOM, *AS_OF, "-o", f"sarif={out}")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_existing_report_keeps_its_mode(cli, tmp_path):
    out = tmp_path / "report.json"
    out.write_text("old")
    out.chmod(0o640)
    cli("check", KASPERSKY_SBOM, *AS_OF, "-o", f"json={out}")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert json.loads(out.read_text())["schema_version"]


def test_a_device_is_written_into_not_replaced(cli, tmp_path):
    """`--output json=/dev/null` (here through a link to it) must not replace the device with a file."""
    link = tmp_path / "null"
    link.symlink_to(os.devnull)
    result = cli("check", KASPERSKY_SBOM, *AS_OF, "-o", f"json={link}")
    assert result.exit_code == 1, result.stderr
    assert link.is_symlink() and not Path(os.devnull).is_file()


def test_two_runs_give_the_same_bytes(cli, tmp_path, monkeypatch):
    """With SOURCE_DATE_EPOCH set, every report of a run is reproducible byte for byte."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1727784000")
    formats = ["table", "json", "sarif", "junit", "markdown", "github"]
    runs = []
    for run in ("first", "second"):
        folder = tmp_path / run
        outputs = [item for name in formats for item in ("-o", f"{name}={folder / name}")]
        result = cli("check", KASPERSKY_SBOM, FIXTURES / "sboms", *AS_OF, "-j", "2", *outputs)
        assert result.exit_code == 1, result.stderr
        runs.append({name: (folder / name).read_bytes() for name in formats})
    assert runs[0] == runs[1]
    assert b'timestamp="2024-10-01T12:00:00"' in runs[0]["junit"]
    assert b'"startTimeUtc": "2024-10-01T12:00:00Z"' in runs[0]["sarif"]
