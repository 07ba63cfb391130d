"""What a path can name: FIFOs and devices (refused before anything blocks), links and loops (each file once,
walks bounded), directories that cannot be listed (an error, never skipped), UTF-16/32 files (read)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time

import pytest

from tests.conftest import need
from tests.hostile.conftest import AS_OF, ENFORCER, Run, banned_component, cdx, write


def _denies(result) -> int:
    return sum(
        finding["status"] == "deny" for sbom in json.loads(result.stdout)["sboms"] for finding in sbom["findings"]
    )


def test_a_fifo_is_refused_without_blocking(cli, tmp_path, path_kind):
    fifo = tmp_path / "sbom.json"
    os.mkfifo(fifo)  # nobody writes to it: opening it for reading the usual way blocks forever
    started = time.monotonic()
    result = cli("check", fifo, *AS_OF)
    assert time.monotonic() - started < 10
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("enforcer: error:")]
    assert errors == [f"enforcer: error: {fifo}: not a regular file (a FIFO); use - to read standard input"]


def test_a_device_is_refused(cli):
    result = cli("check", "/dev/zero", *AS_OF)
    assert result.exit_code == 3
    assert "enforcer: error: /dev/zero: not a regular file (a character device); use - to read standard input" in (
        result.stderr
    )


def test_a_fifo_in_a_directory_is_not_read(cli, tmp_path):
    os.mkfifo(tmp_path / "waiting.json")
    write(tmp_path / "sbom.json", cdx([banned_component()]))
    result = cli("check", tmp_path, *AS_OF, "-f", "json")
    assert result.exit_code == 1, result.stderr
    assert [sbom["path"] for sbom in json.loads(result.stdout)["sboms"]] == [str(tmp_path / "sbom.json")]


def test_each_file_is_checked_once_by_its_real_path(cli, tmp_path):
    sbom = write(tmp_path / "sbom.json", cdx([banned_component()]))
    (tmp_path / "link.json").symlink_to(sbom)
    alone = cli("check", sbom, *AS_OF, "-f", "json")
    again = cli(
        "check", sbom, sbom, tmp_path / "link.json", tmp_path, str(tmp_path / "." / "sbom.json"), *AS_OF, "-f", "json"
    )
    assert alone.exit_code == again.exit_code == 1
    assert len(json.loads(again.stdout)["sboms"]) == 1
    assert _denies(again) == _denies(alone) > 0


@pytest.mark.parametrize("pattern", ["**/*.json", "*/*/*/*/*/*/*/*/*/*/*/*/*.json", "l1/l2/**/sbom.json"])
def test_a_glob_through_links_to_the_directory_itself_is_bounded(cli, tmp_path, pattern):
    write(tmp_path / "sbom.json", cdx([banned_component()]))
    for name in ("l1", "l2", "l3"):
        (tmp_path / name).symlink_to(".")
    started = time.monotonic()
    result = cli("check", str(tmp_path / pattern), *AS_OF, "-f", "json")
    assert time.monotonic() - started < 10
    assert result.exit_code == 1, result.stderr
    assert len(json.loads(result.stdout)["sboms"]) == 1


def test_a_loop_of_links_is_one_line(cli, tmp_path):
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    result = cli("check", tmp_path / "a.json", *AS_OF)
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("enforcer: error:")]
    assert errors == [f"enforcer: error: {tmp_path / 'a.json'}: cannot open: Too many levels of symbolic links"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_files_with_a_mark_are_read_by_path(cli, tmp_path, path_kind, encoding):
    text = json.dumps(cdx([banned_component()]))
    mark = {"utf-16": b"", "utf-32": b"", "utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}[encoding]
    path = tmp_path / "sbom.json"
    path.write_bytes(mark + text.encode(encoding))
    result = cli("check", path, *AS_OF, "-f", "json")
    assert result.exit_code == 1, result.stderr
    assert _denies(result) > 0


def _unreadable_tree(base):
    """A tree with a banned SBOM that can be read, and a subdirectory that cannot be listed."""
    base.mkdir(mode=0o755)
    write(base / "ok.json", cdx([{"type": "library", "name": "ok"}]))
    hidden = base / "hidden"
    hidden.mkdir()
    write(hidden / "banned.json", cdx([banned_component()]))
    for path in (base, base / "ok.json", hidden / "banned.json"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    hidden.chmod(0o000)
    return hidden


def _without_root_powers() -> list[str]:
    """A command prefix that takes away root's power to read any directory (the tests may run as root)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    need(setpriv is not None, "running as root without setpriv (util-linux) to drop CAP_DAC_OVERRIDE")
    assert setpriv is not None
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


@pytest.mark.parametrize("how", ["directory", "glob"])
def test_a_directory_that_cannot_be_listed_is_an_error(tmp_path, how):
    hidden = _unreadable_tree(tmp_path / "sboms")
    try:
        argument = str(tmp_path / "sboms") if how == "directory" else str(tmp_path / "sboms" / "**" / "*.json")
        completed = subprocess.run(
            [*_without_root_powers(), str(ENFORCER), "check", argument, *AS_OF],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        result = Run(completed.returncode, completed.stdout, completed.stderr)
        assert result.code == 3, result.stderr
        assert result.one_error() == f"{hidden}: is a directory that cannot be read (permission denied)"
        assert "1 of 2 SBOMs could not be checked" in result.stderr  # the readable file is still checked
    finally:
        hidden.chmod(0o755)
