"""The policy cache: what is kept, when it is used, and that it changes nothing."""

from __future__ import annotations

import datetime as dt
import json

from msgspec.structs import replace

from enforcer import _cache
from enforcer._run import Enforcer, Options
from tests.conftest import FIXTURES, POLICIES

ICTS = [POLICIES / "enforcer" / "decide.rego", POLICIES / "gov" / "us_commerce_icts_kaspersky.rego"]
SBOM = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"


def _run(policies, cache_dir, monkeypatch):
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


def test_a_tampered_ban_table_is_asked_again(tmp_path, monkeypatch):
    _, files = _run(ICTS, tmp_path / "cache", monkeypatch)
    [tables] = [name for name in files if name.endswith(".tables.json")]
    path = tmp_path / "cache" / tables
    document = json.loads(path.read_text())
    for ban in document["answers"]["data.enforcer.bans.bans"]:
        ban["phases"][0]["from"] = "2099-01-01"  # still a valid ban: only the checksum tells
    path.write_text(json.dumps(document))
    result, _ = _run(ICTS, tmp_path / "cache", monkeypatch)
    assert result.totals()["deny"] == 1
    assert json.loads(path.read_text())["answers"]["data.enforcer.bans.bans"][0]["phases"][0]["from"] != "2099-01-01"


def test_an_emptied_ban_table_is_never_trusted(tmp_path, monkeypatch):
    """A cache restored from another branch with `[]` for the bans: asked again, not a pass."""
    _, files = _run(ICTS, tmp_path / "cache", monkeypatch)
    [tables] = [name for name in files if name.endswith(".tables.json")]
    path = tmp_path / "cache" / tables
    document = json.loads(path.read_text())
    document["answers"]["data.enforcer.bans.bans"] = []
    # with a checksum that fits: only the rule "no bans where the policies declare some" can tell
    import orjson

    from enforcer._cache import digest

    document["checksum"] = digest(tables.encode(), orjson.dumps(document["answers"], option=orjson.OPT_SORT_KEYS))
    path.write_text(json.dumps(document))
    result, _ = _run(ICTS, tmp_path / "cache", monkeypatch)
    assert result.totals()["deny"] == 1
