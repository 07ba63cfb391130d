"""Every stop is one line and a documented exit code: never a traceback, never a crash, never a misleading 1."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, need
from tests.hostile.conftest import AS_OF, ENFORCER, Run, banned_component, cdx, enforcer, write

FIXTURE = ROOT / "fixtures" / "sboms" / "kaspersky-supplier.cdx.json"


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Path:
    """A generated CycloneDX SBOM of 100,000 components (80 MB): long enough to be interrupted."""
    sys.path.insert(0, str(ROOT))
    from fixtures.generate import write as generate

    path = tmp_path_factory.mktemp("large") / "cdx-100k.json"
    generate(path, 100_000)
    return path


@pytest.mark.parametrize("after", [0.8, 1.6])
def test_ctrl_c_while_reading_and_matching_is_130_and_one_line(large, after):
    process = subprocess.Popen(
        [str(ENFORCER), "check", str(large)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "ENFORCER_NATIVE": "0"},
    )
    try:
        time.sleep(after)
        assert process.poll() is None, "finished before it could be interrupted"
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
    assert process.returncode == 130
    assert stderr.decode().splitlines() == ["enforcer: interrupted"]


def test_a_huge_warning_window_is_a_usage_error(cli):
    result = cli("check", FIXTURE, "--warn-days", "99999999999999999999")
    assert result.exit_code == 2
    assert result.stderr == (
        "enforcer: error: --warn-days: 99999999999999999999 is above the maximum 36525; try 'enforcer check --help'\n"
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.yaml", "waivers:\n  - " + "[" * 300 + "]" * 300 + "\n"),
        ("deep.json", '{"waivers": [' + "[" * 300 + "]" * 300 + "]}"),
        ("deeper.json", '{"waivers": [' + "[" * 5000 + "]" * 5000 + "]}"),
        ("deeper.yaml", "waivers:\n  - " + "[" * 5000 + "]" * 5000 + "\n"),
    ],
)
def test_a_waiver_file_nested_hundreds_of_levels_is_one_line(cli, tmp_path, name, text):
    waivers = write(tmp_path / name, text)
    result = cli("check", FIXTURE, "-w", waivers)
    assert result.exit_code == 3
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(f"enforcer: error: {waivers}: ")


BAD_SETTINGS = {
    "ENFORCER_MAX_SBOM_BYTES": ["abc", "-1", "0", "1e9", "99999999999999999999"],
    "ENFORCER_NATIVE": ["maybe"],
    "ENFORCER_CACHE_DIR": ["/tmp/a\nb"],
    "ENFORCER_OPA_URL": ["ftp://example.org", "http://", "http://host:port"],
    "ENFORCER_OPA_TOKEN": ["abc\r\nX-Injected: 1"],
    "SOURCE_DATE_EPOCH": [str(2**66), "-5", "1.5", "253402300800"],
}


@pytest.mark.parametrize(
    ("variable", "value"), [(variable, value) for variable, values in BAD_SETTINGS.items() for value in values]
)
def test_a_bad_environment_variable_is_a_usage_error_naming_it(variable, value):
    result = enforcer("check", FIXTURE, *AS_OF, env={variable: value})
    assert result.code == 2, result.stderr
    assert result.one_error().startswith(variable)
    assert result.stderr.count("\n") == 1


def test_the_environment_is_read_in_one_module():
    """Every variable the enforcer reads goes through `enforcer._env` (except the engines' and the cache's)."""
    import re

    readers = {}
    for path in sorted((ROOT / "enforcer").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if re.search(r"os\.environ\.get|os\.getenv|environ\[", path.read_text()):
            readers[relative] = True
    # _cache.py and the engines are the lead's to move onto _env (see the report of this branch)
    assert set(readers) <= {"enforcer/_env.py", "enforcer/_cache.py", "enforcer/engine/opa_cli.py"}, readers


def test_an_ascii_terminal_gets_escapes_not_a_traceback():
    result = enforcer("check", FIXTURE, *AS_OF, env={"PYTHONIOENCODING": "ascii"})
    assert result.code == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert "\\u2026" in result.stdout  # the ellipsis of a long reason, escaped
    assert result.stderr.startswith("enforcer: 1 SBOM, 3 components")


def test_control_characters_in_a_file_name_are_escaped(cli, tmp_path):
    path = tmp_path / "evil\n\x1b[2Jname\u202e.json"
    path.write_text("not an sbom at all")
    result = cli("check", path, *AS_OF)
    assert result.exit_code == 3
    errors = result.stderr.splitlines()
    shown = str(tmp_path) + "/evil\\n\\x1b[2Jname\\u202e.json"
    assert errors[0] == f"enforcer: error: {shown}: not an SBOM this tool reads (CycloneDX or SPDX)"
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert len(errors) == 2  # the error and the summary


def test_a_panic_of_the_native_scanner_is_an_ordinary_error():
    from enforcer import _native

    module = _native.native_module()
    need(module is not None, "the native scanner is not installed (make dev)")
    with pytest.raises(RuntimeError, match="the native scanner failed: a panic on purpose"):
        module._panic_for_test()


SHRINK = """
import sys
from enforcer._errors import SbomError
from enforcer._run import Enforcer, Options
from enforcer.load import load
needles = Enforcer(Options()).needles
print("ready", flush=True)
sys.stdin.readline()
try:
    load(sys.argv[1], needles=needles)
    print("loaded")
except SbomError as error:
    print(error)
"""


def _mapped(pid: int, path: Path) -> bool:
    try:
        return str(path) in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


def test_a_file_that_shrinks_while_the_native_scanner_reads_it_is_an_error_not_a_crash(large, tmp_path):
    from enforcer import _native

    need(_native.native_module() is not None, "the native scanner is not installed (make dev)")
    target = tmp_path / "shrinking.json"
    outcomes = []
    for _ in range(6):
        target.write_bytes(large.read_bytes())
        process = subprocess.Popen(
            [sys.executable, "-c", SHRINK, str(target)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert process.stdout is not None and process.stdin is not None
            assert process.stdout.readline().strip() == "ready"
            process.stdin.write("go\n")
            process.stdin.flush()
            deadline = time.monotonic() + 30
            while not _mapped(process.pid, target) and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.0005)
            os.truncate(target, 4096)  # the pages after the first one are gone under the scanner's feet
            out, err = process.communicate(timeout=60)
        finally:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
        assert process.returncode == 0, f"died with {process.returncode}: {err}"  # -7 would be SIGBUS
        assert "Traceback" not in err
        outcomes.append(out.strip())
        if "shrank while it was read" in out:
            break
    assert any(outcome == f"{target}: the file shrank while it was read (was it changed while it was checked?)"
               for outcome in outcomes), outcomes  # fmt: skip


def test_every_error_of_a_run_is_one_line_each(tmp_path):
    """Several bad inputs at once: one line each, then the summary; exit 3."""
    broken = write(tmp_path / "broken.json", '{"bomFormat": "CycloneDX", "components": [')
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    good = write(tmp_path / "good.json", cdx([banned_component()]))
    result = enforcer("check", broken, fifo, good, *AS_OF)
    assert result.code == 3
    lines = result.stderr.splitlines()
    assert len(lines) == 3 and all(line.startswith("enforcer: error: ") for line in lines[:2]), lines
    assert lines[2].endswith("exit 3: 2 of 3 SBOMs could not be checked")
    assert isinstance(result, Run)
