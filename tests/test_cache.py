"""The policy cache: what is kept, when it is used, and that it changes nothing.

It only ever saves time: a damaged entry is ignored and written again, a
directory that cannot be used is one warning line and the run goes on
without it, and answers that may change between runs are never kept.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from msgspec.structs import replace

from enforcer import _cache
from enforcer._models import RunResult
from enforcer._run import Enforcer, Options
from enforcer.engine.embedded import EmbeddedEngine
from enforcer.engine.interface import UnexpectedAnswerError
from enforcer.policy import BANS_QUERY, find_modules
from tests.conftest import FIXTURES, POLICIES, need
from tests.engine._hostile import run_enforcer

ICTS = [POLICIES / "enforcer" / "decide.rego", POLICIES / "gov" / "us_commerce_icts_kaspersky.rego"]
SBOM = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"


def _run(policies: list[Path], cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[RunResult, list[str]]:
    monkeypatch.setenv("ENFORCER_CACHE_DIR", str(cache_dir))
    with Enforcer(Options(policies=policies, as_of=dt.date(2024, 10, 1))) as enforcer:
        result = enforcer.run([str(SBOM)])
    return result, sorted(path.name for path in cache_dir.iterdir())


def test_second_run_uses_the_cache_and_decides_the_same(tmp_path, monkeypatch):
    first, files = _run(ICTS, tmp_path / "cache", monkeypatch)
    assert any(name.endswith(".tables.json") for name in files)
    assert any(name.endswith(".rbb") for name in files)
    second, again = _run(ICTS, tmp_path / "cache", monkeypatch)
    assert again == files
    assert replace(first, started_at=None) == replace(second, started_at=None)


def test_a_changed_policy_is_a_new_entry(tmp_path, monkeypatch):
    policy = tmp_path / "ban.rego"
    text = (POLICIES / "gov" / "us_commerce_icts_kaspersky.rego").read_text()
    policy.write_text(text)
    _, before = _run([ICTS[0], policy], tmp_path / "cache", monkeypatch)
    policy.write_text(text.replace('"from": "2024-09-29"', '"from": "2024-10-05"'))
    result, after = _run([ICTS[0], policy], tmp_path / "cache", monkeypatch)
    assert len(after) > len(before)
    [finding] = result.sboms[0].findings
    assert finding.phase is not None and finding.phase.date == dt.date(2024, 7, 20)


def test_a_broken_cache_entry_is_ignored(tmp_path, monkeypatch):
    _, files = _run(ICTS, tmp_path / "cache", monkeypatch)
    for name in files:
        if not name.endswith(".b2sum"):
            (tmp_path / "cache" / name).write_bytes(b"\x00 not what was written")
    result, _ = _run(ICTS, tmp_path / "cache", monkeypatch)
    assert result.totals()["deny"] == 1


def test_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("ENFORCER_CACHE_DIR", "off")
    assert _cache.cache_dir() is None
    with Enforcer(Options(policies=ICTS, as_of=dt.date(2024, 10, 1))) as enforcer:
        assert enforcer.run([str(SBOM)]).totals()["deny"] == 1


def test_a_policy_directory_without_the_decision_library_gets_it(cli, tmp_path):
    bans = tmp_path / "bans"
    bans.mkdir()
    (bans / "icts.rego").write_text(ICTS[1].read_text())
    result = cli("check", SBOM, "-p", bans, "--as-of", "2024-10-01", "--format", "json")
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    assert [f["ban"] for f in report["sboms"][0]["findings"]] == ["us-commerce-icts-kaspersky-2024"]
    assert any(path.endswith("enforcer/decide.rego") for path in report["policies"])


def _entry(path: Path) -> tuple[bytes, dict[str, Any]]:
    """A cache entry: its first line (format and checksum) and its JSON content."""
    header, _, payload = path.read_bytes().partition(b"\n")
    return header, json.loads(payload)


def test_a_tampered_ban_table_is_asked_again(tmp_path, monkeypatch):
    _, files = _run(ICTS, tmp_path / "cache", monkeypatch)
    [tables] = [name for name in files if name.endswith(".tables.json")]
    path = tmp_path / "cache" / tables
    header, document = _entry(path)
    for ban in document["data.enforcer.bans.bans"]:
        ban["phases"][0]["from"] = "2024-13-45"
    path.write_bytes(header + b"\n" + json.dumps(document).encode())
    result, _ = _run(ICTS, tmp_path / "cache", monkeypatch)
    assert result.totals()["deny"] == 1


# -- hostile caches -------------------------------------------------------------------

CLEAN_RUN = ("check", str(SBOM), "-p", str(ICTS[0]), "-p", str(ICTS[1]), "--as-of", "2024-10-01")


def _prime(cache: Path) -> list[Path]:
    """Fill a cache directory by one run through the CLI; its entries."""
    run = run_enforcer(*CLEAN_RUN, env={"ENFORCER_CACHE_DIR": str(cache)})
    assert run.code == 1, run.stderr
    return sorted(cache.iterdir())


@pytest.mark.parametrize("edit", ["whole-file", "content-only"])
def test_a_ban_table_edited_to_empty_is_not_trusted(tmp_path: Path, edit: str) -> None:
    cache = tmp_path / "cache"
    [tables] = [path for path in _prime(cache) if path.name.endswith(".tables.json")]
    header, document = _entry(tables)
    document[BANS_QUERY] = []
    emptied = json.dumps(document).encode()
    # a CI cache restored from elsewhere, or an entry edited by hand
    tables.write_bytes(emptied if edit == "whole-file" else header + b"\n" + emptied)
    run = run_enforcer(*CLEAN_RUN, env={"ENFORCER_CACHE_DIR": str(cache)})
    assert run.code == 1, run.stderr
    assert "deny" in run.stdout
    _, rewritten = _entry(tables)
    assert [ban["id"] for ban in rewritten[BANS_QUERY]] == ["us-commerce-icts-kaspersky-2024"]


def test_garbage_in_the_cache_is_ignored_and_rewritten(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    entries = _prime(cache)
    garbage = {path: os.urandom(300) for path in entries}
    for path, data in garbage.items():
        path.write_bytes(data)
    (cache / "stray.tmp").write_bytes(b"\x00" * 10)
    (cache / "not-a-file.tables.json").mkdir()
    run = run_enforcer(*CLEAN_RUN, env={"ENFORCER_CACHE_DIR": str(cache)})
    assert run.code == 1, run.stderr
    assert "Traceback" not in run.stderr and "warning" not in run.stderr
    assert len(run.stderr.splitlines()) == 1  # the summary
    for path in entries:
        magic = b"REGOBUND" if path.suffix == ".rbb" else b"enforcer-cache-1 "  # the bundle's checksum is beside it
        assert path.read_bytes().startswith(magic), path.name


def _without_root_privilege() -> None:
    """Let permissions apply to root as well: drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH across exec."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _can_drop_root_privilege() -> bool:
    import subprocess

    try:
        subprocess.run(["true"], preexec_fn=_without_root_privilege, check=True)
    except (subprocess.SubprocessError, OSError):
        return False
    return True


@pytest.mark.parametrize("how", ["under-a-file", "no-search-permission"])
def test_an_unusable_cache_directory_is_one_warning(tmp_path: Path, how: str) -> None:
    if how == "under-a-file":
        (tmp_path / "file").write_text("not a directory")
        cache = tmp_path / "file" / "cache"
        cause = "Not a directory"
    else:
        need(_can_drop_root_privilege(), "cannot drop root's permission override (prctl refused)")
        cache = tmp_path / "cache"
        _prime(cache)
        cache.chmod(0o600)
        cause = "Permission denied"
    try:
        run = run_enforcer(*CLEAN_RUN, env={"ENFORCER_CACHE_DIR": str(cache)}, preexec_fn=_without_root_privilege)
    finally:
        if cache.exists():
            cache.chmod(0o700)
    assert run.code == 1, run.stderr
    assert "deny" in run.stdout
    warning, summary = run.stderr.splitlines()
    assert warning == (
        f"enforcer: warning: cache directory {cache}: cannot use it ({cause}); going on without the cache"
    )
    assert summary.startswith("enforcer: 1 SBOM")


def test_answers_that_change_between_runs_are_never_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    policy = tmp_path / "timed.rego"
    policy.write_text(
        (POLICIES / "gov" / "us_commerce_icts_kaspersky.rego")
        .read_text()
        .replace("bans contains {", "bans contains ban if {\n\ttime.now_ns() > 0\n\tban := {", 1)
        + "}\n"
    )
    result, files = _run([ICTS[0], policy], tmp_path / "cache", monkeypatch)
    assert result.totals()["deny"] == 1
    assert not [name for name in files if name.endswith(".tables.json")]
    assert [name for name in files if name.endswith(".rbb")]  # compiled code does not change between runs


def test_the_key_covers_what_evaluates_the_policies() -> None:
    from enforcer import __version__

    environment = _cache._environment()
    assert f"enforcer {__version__}" in environment
    assert any(part.startswith("regopy: ") and "librego_shared" in part for part in environment)
    modules = find_modules(ICTS)
    assert _cache.policy_key(modules, "tables") != _cache.policy_key(modules, "bundle")
    assert _cache.policy_key(modules, "tables") != _cache.policy_key(modules[:1], "tables")


def test_a_kept_ban_table_can_be_checked_against_the_policies() -> None:
    engine = EmbeddedEngine()
    engine.load(find_modules(ICTS))
    with pytest.raises(UnexpectedAnswerError):
        engine.check_answer(BANS_QUERY, [], source="the cached ban table")
