"""Many SBOMs at once: path expansion, parallel matching, one decision, the CLI."""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import select
import shutil
from pathlib import Path

import pytest

from enforcer._batch import ProgressBar, match_many
from enforcer._errors import SbomError
from enforcer._run import Enforcer, Options
from enforcer.load import expand_paths
from tests.conftest import FIXTURES, write_cdx

KASPERSKY_SBOM = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
KASPERSKY_BAN = "us-commerce-icts-kaspersky-2024"
AS_OF = dt.date(2024, 10, 1)


def _denied(sbom) -> int:
    """Components the US Commerce Kaspersky ban denies (other bans of the pack may match too)."""
    return sum(1 for finding in sbom.findings if finding.ban == KASPERSKY_BAN and finding.status == "deny")


@pytest.fixture(scope="module")
def enforcer():
    with Enforcer(Options(as_of=AS_OF)) as built:
        yield built


def _kaspersky(path: Path, count: int) -> Path:
    """An SBOM with `count` Kaspersky applications (what the Commerce rule covers) and one clean library."""
    components: list[dict[str, object]] = [
        {
            "type": "application",
            "bom-ref": f"k{i}",
            "name": f"kav-{i}",
            "version": "1.0",
            "supplier": {"name": "AO Kaspersky Lab"},
        }
        for i in range(count)
    ]
    components.append({"type": "library", "bom-ref": "ok", "name": "left-pad", "purl": "pkg:npm/left-pad@1.3.0"})
    return write_cdx(path, components)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A directory of SBOMs with findings, a clean one, a broken one and a non-SBOM file."""
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for number in range(6):
        _kaspersky(tmp_path / "a" / f"app{number}.cdx.json", number % 3)
    _kaspersky(tmp_path / "a" / "deep" / "nested.json", 2)
    write_cdx(tmp_path / "b.json", [{"type": "library", "name": "clean", "purl": "pkg:npm/clean@1"}])
    (tmp_path / "broken.json").write_text('{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [', "utf-8")
    (tmp_path / "notes.txt").write_text("not an SBOM", "utf-8")
    return tmp_path


# -- expanding paths -----------------------------------------------------------------


APPS = [f"a/app{number}.cdx.json" for number in range(6)]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["a"], [*APPS, "a/deep/nested.json"]),
        (["a/*.cdx.json"], APPS),
        (["**/nested.json", "b.json"], ["a/deep/nested.json", "b.json"]),
        (["a/app[12].cdx.json"], APPS[1:3]),
        (["b.json", "./b.json", "b.json"], ["b.json"]),
        (["a/deep", "a/deep/nested.json"], ["a/deep/nested.json"]),
        (["a/de*"], ["a/deep/nested.json"]),
        (["-", "b.json"], ["-", "b.json"]),
    ],
    ids=["directory", "glob", "recursive-glob", "character-class", "duplicates", "dir-and-file", "glob-dir", "stdin"],
)
def test_expand_paths(tree, monkeypatch, args, expected):
    monkeypatch.chdir(tree)
    assert expand_paths(args) == expected


def test_a_pattern_that_matches_nothing_is_an_error(tree):
    with pytest.raises(SbomError, match=r"none\*\.json: no file matches this pattern$"):
        expand_paths([str(tree / "none*.json")])


def test_a_file_named_like_a_pattern_is_a_file(tmp_path):
    odd = _kaspersky(tmp_path / "[odd].json", 1)
    assert expand_paths([str(odd)]) == [str(odd)]


def test_a_missing_file_passes_through_to_be_reported(tmp_path):
    assert expand_paths([str(tmp_path / "missing.json")]) == [str(tmp_path / "missing.json")]


# -- matching in parallel ------------------------------------------------------------


def test_pending_matches_pickle(enforcer):
    pending = enforcer.match_path(str(KASPERSKY_SBOM))
    assert pending.matches, "the fixture has a finding"
    again = pickle.loads(pickle.dumps(pending))
    assert again == pending


def test_parallel_equals_sequential(enforcer, tree):
    files = expand_paths([str(tree), str(tree / "missing.json")])
    sequential = enforcer.run(files, jobs=1)
    parallel = enforcer.run(files, jobs=2)
    assert [s.path for s in parallel.sboms] == files
    assert parallel.sboms == sequential.sboms
    by_path = {Path(s.path).name: s for s in parallel.sboms}
    assert by_path["broken.json"].error is not None
    assert by_path["missing.json"].error == f"{tree / 'missing.json'}: no such file"
    assert _denied(by_path["nested.json"]) == 2
    assert sum(_denied(s) for s in parallel.sboms) == 0 + 1 + 2 + 0 + 1 + 2 + 2


def test_progress_counts_every_file(enforcer, tree):
    files = expand_paths([str(tree)])
    seen: list[int] = []
    match_many(enforcer, files, jobs=2, progress=seen.append)
    assert seen == list(range(1, len(files) + 1))


def test_real_corpus_in_parallel_matches_one_by_one(shared, enforcer):
    """`--jobs 2` over the real SBOMs gives each file the findings and errors of a check on its own."""
    files = expand_paths([str(shared / "sboms" / "real")])
    assert len(files) > 20
    batch = enforcer.run(files, jobs=2)
    assert [sbom.path for sbom in batch.sboms] == files
    loaded = 0
    for file, sbom in zip(files, batch.sboms, strict=True):
        [alone] = enforcer.decide([enforcer.match_path(file)])
        assert sbom == alone, file
        loaded += sbom.error is None
    assert loaded > 10


# -- the progress bar ----------------------------------------------------------------


def _read_all(fd: int) -> str:
    """Everything written to the terminal so far (it may arrive in pieces)."""
    chunks = []
    while select.select([fd], [], [], 0.5)[0]:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode()


def test_progress_bar_only_on_a_terminal(tmp_path):
    with open(tmp_path / "log", "w", encoding="utf-8") as plain:
        assert ProgressBar.for_terminal(100, plain) is None
    master, slave = os.openpty()
    try:
        with open(slave, "w", encoding="utf-8", closefd=False) as terminal:
            assert ProgressBar.for_terminal(1, terminal) is None  # one file: nothing to show
            bar = ProgressBar.for_terminal(4, terminal)
            assert bar is not None
            bar.delay = 3600.0
            bar(1)  # the work has not been long yet: quiet
            bar.delay = 0.0
            bar(4)
            bar.close()
        written = _read_all(master)
    finally:
        os.close(master)
        os.close(slave)
    assert written.count("SBOMs") == 1
    assert "\renforcer: [" in written and "] 4/4 SBOMs" in written
    assert written.endswith("\r\x1b[K")


# -- the CLI -------------------------------------------------------------------------


def test_cli_directory_with_jobs(cli, tree):
    result = cli("check", tree, "--jobs", "2", "--as-of", "2024-10-01", "--format", "json")
    assert result.exit_code == 3, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["sboms"] == 9
    denied = [f for s in report["sboms"] for f in s["findings"] if f["ban"] == KASPERSKY_BAN and f["status"] == "deny"]
    assert len(denied) == 8  # the unreadable file hides nothing
    assert report["summary"]["errors"] == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("enforcer: error:")]
    assert len(errors) == 1 and errors[0].startswith(f"enforcer: error: {tree / 'broken.json'}: ")
    assert result.stderr.splitlines()[-1].endswith("exit 3: 1 of 9 SBOMs could not be checked")


def test_cli_glob_patterns(cli, tree):
    result = cli("check", tree / "a" / "*.cdx.json", tree / "b.json", "-j", "0", "--as-of", "2024-10-01", "-f", "json")
    assert result.exit_code == 1, result.stderr
    names = [Path(s["path"]).name for s in json.loads(result.stdout)["sboms"]]
    assert names == [Path(app).name for app in APPS] + ["b.json"]


def test_cli_pattern_without_match(cli, tmp_path):
    result = cli("check", tmp_path / "*.json")
    assert result.exit_code == 3
    assert result.stderr.strip() == f"enforcer: error: {tmp_path / '*.json'}: no file matches this pattern"


def test_cli_refuses_to_overwrite_a_file_found_in_a_directory(cli, tree):
    target = tree / "a" / "app1.cdx.json"
    original = target.read_bytes()
    result = cli("check", tree / "a", "--output", f"json={target}")
    assert result.exit_code == 2
    assert "would overwrite an input file" in result.stderr
    assert target.read_bytes() == original


def test_cli_jobs_must_not_be_negative(cli):
    result = cli("check", KASPERSKY_SBOM, "--jobs", "-1")
    assert result.exit_code == 2


def test_cli_copies_stay_separate(cli, tmp_path):
    """The same SBOM under two names is two results, both reported."""
    shutil.copy(KASPERSKY_SBOM, tmp_path / "one.json")
    shutil.copy(KASPERSKY_SBOM, tmp_path / "two.json")
    result = cli("check", tmp_path, "-j", "2", "--as-of", "2024-10-01", "-f", "json")
    assert result.exit_code == 1
    sboms = json.loads(result.stdout)["sboms"]
    assert [Path(s["path"]).name for s in sboms] == ["one.json", "two.json"]
    assert sboms[0]["findings"] == sboms[1]["findings"] != []


def test_cli_stdin_among_parallel_files(cli, tree):
    """`-` is read by the parent while the workers take the files; the order is kept."""
    files = [tree / "a" / "app1.cdx.json", "-", tree / "a" / "app2.cdx.json"]
    result = cli("check", *files, "-j", "2", "--as-of", "2024-10-01", "-f", "json", input=KASPERSKY_SBOM.read_bytes())
    assert result.exit_code == 1, result.stderr
    sboms = json.loads(result.stdout)["sboms"]
    assert [s["path"] for s in sboms] == [str(files[0]), "<stdin>", str(files[2])]
    assert [s["components"] for s in sboms] == [2, 3, 3]


# -- on a Dask cluster (a real scheduler and two workers on loopback) ----------------------------


def test_on_dask_equals_in_process(enforcer, tree, dask_cluster, monkeypatch):
    monkeypatch.chdir(tree)  # relative paths: the workers get them absolute, the results keep them as given
    files = expand_paths(["a", "b.json", "broken.json"])
    here = enforcer.decide(match_many(enforcer, files))
    done: list[int] = []
    there = enforcer.decide(match_many(enforcer, files, dask=dask_cluster.address, progress=done.append))
    assert there == here
    assert [sbom.path for sbom in there] == files
    assert sum(_denied(sbom) for sbom in there) == 8 and there[-1].error is not None
    assert done and done[-1] == len(files)


def test_cli_check_on_dask(cli, tree, dask_cluster):
    result = cli("check", tree / "a", "--dask", dask_cluster.address, "--as-of", "2024-10-01", "-f", "json")
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    assert [sbom["path"] for sbom in report["sboms"]] == expand_paths([str(tree / "a")])
    local = json.loads(cli("check", tree / "a", "--as-of", "2024-10-01", "-f", "json").stdout)
    assert [sbom["findings"] for sbom in report["sboms"]] == [sbom["findings"] for sbom in local["sboms"]]


def test_cli_dask_and_jobs_contradict(cli, tree):
    result = cli("check", tree / "a", "--dask", "tcp://127.0.0.1:1", "--jobs", "2")
    assert result.exit_code == 2
    assert result.stderr == (
        "enforcer: error: --dask and --jobs contradict each other; give one; try 'enforcer check --help'\n"
    )


def test_an_unreachable_scheduler_is_one_line(cli, tree):
    from tests.conftest import free_port

    result = cli("check", tree / "b.json", "--dask", f"tcp://127.0.0.1:{free_port()}")
    assert result.exit_code == 3
    assert result.stderr.startswith("enforcer: error: cannot reach the Dask scheduler at tcp://127.0.0.1:")
    assert result.stderr.count("\n") == 1


def test_files_no_dask_worker_can_read_are_errors(enforcer, tree, tmp_path):
    from enforcer._dask import match_on_cluster
    from tests._servers import start_dask

    cluster = start_dask(tmp_path / "dask", workers=1)
    try:
        cluster.lose_every_worker()
        files = expand_paths([str(tree / "a")])
        checked = match_on_cluster(enforcer, files, cluster.address, wait_seconds=2)
        assert [item.result.path for item in checked] == files
        assert all("had no worker for 2 s" in (item.result.error or "") for item in checked)
    finally:
        cluster.stop()


def test_a_killed_dask_worker_loses_no_file(enforcer, tmp_path):
    """A worker killed while it matches: its files are matched by the other one; every result is there."""
    from enforcer._dask import match_on_cluster
    from tests._servers import start_dask

    folder = tmp_path / "many"
    folder.mkdir()
    files = [str(_kaspersky(folder / f"s{number:03}.json", 1 + number % 2)) for number in range(120)]
    expected = enforcer.decide(match_many(enforcer, files))
    cluster = start_dask(tmp_path / "dask")
    killed: list[int] = []

    def kill_once(done: int) -> None:
        if not killed and done >= 10:
            cluster.kill_worker(0)
            killed.append(done)

    try:
        got = enforcer.decide(match_on_cluster(enforcer, files, cluster.address, progress=kill_once))
    finally:
        cluster.stop()
    assert killed and killed[0] < len(files)
    assert got == expected
