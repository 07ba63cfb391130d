"""An output never replaces an input (whatever name it is given), and never leaves a temporary file behind."""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import POLICIES
from tests.hostile.conftest import AS_OF, BANNED, ENFORCER, banned_component, cdx, enforcer, write

SHIPPED_DECISIONS = POLICIES / "enforcer" / "decide.rego"


@pytest.mark.parametrize("name", ["/dev/stdin", "/proc/self/fd/0"])
def test_standard_input_is_never_the_output(tmp_path, name):
    sbom = write(tmp_path / "sbom.json", cdx([banned_component()]))
    before = sbom.read_bytes()
    with sbom.open("rb") as stdin:
        result = enforcer("check", "-", *AS_OF, "-o", name, stdin=stdin)
    assert result.code == 2, result.stderr
    assert result.one_error() == (
        f"--output {name} would overwrite an input file: standard input, which is read; try 'enforcer check --help'"
    )
    assert sbom.read_bytes() == before


def _inputs(tmp_path: Path) -> dict[str, Path]:
    sbom = write(tmp_path / "sbom.json", cdx([banned_component()]))
    policy = tmp_path / "policy.rego"
    policy.write_text(
        "package enforcer.bans\n\nimport rego.v1\n\nbans contains {\n"
        '  "id": "x", "vendor": "X", "match": {"organizations": ["' + BANNED + '"]},\n'
        '  "phases": [{"effect": "deny", "from": "2020-01-01", "summary": "banned"}],\n}\n'
    )
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("waivers: []\n")
    (tmp_path / "sbom-link.json").symlink_to(sbom)
    os.link(sbom, tmp_path / "sbom-hard.json")
    return {"sbom": sbom, "policy": policy, "waivers": waivers}


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("sbom.json", "the input {sbom}"),
        ("sbom-link.json", "the input {sbom}"),
        ("sbom-hard.json", "the input {sbom}"),
        ("policy.rego", "the policy {policy}"),
        ("waivers.yaml", "the input {waivers}"),
    ],
)
def test_an_output_that_names_an_input_is_refused(cli, tmp_path, output, expected):
    inputs = _inputs(tmp_path)
    before = {name: path.read_bytes() for name, path in inputs.items()}
    result = cli(
        "check", inputs["sbom"], "-p", inputs["policy"], "-w", inputs["waivers"], *AS_OF, "-o", tmp_path / output
    )
    assert result.exit_code == 2, result.stderr
    message = expected.format(**inputs)
    assert result.stderr == (
        f"enforcer: error: --output {tmp_path / output} would overwrite an input file: {message};"
        " try 'enforcer check --help'\n"
    )
    assert {name: path.read_bytes() for name, path in inputs.items()} == before


@pytest.mark.parametrize("name", ["enforcer.toml", "pyproject.toml"])
def test_the_project_configuration_is_never_the_output(tmp_path, name):
    """The configuration found from the working directory, or named by --config, is an input too."""
    sbom = write(tmp_path / "sbom.json", cdx([banned_component()]))
    config = tmp_path / name
    config.write_text(("[tool.enforcer]\n" if name == "pyproject.toml" else "") + "warn_days = 30\n")
    before = config.read_bytes()
    found = enforcer("check", sbom, *AS_OF, "-o", name, cwd=tmp_path)
    named = enforcer("check", sbom, *AS_OF, "--config", config, "-o", config)
    for result in (found, named):
        assert result.code == 2, result.stderr
        assert f"would overwrite an input file: the input {config}" in result.one_error()
    assert config.read_bytes() == before
    ignored = enforcer("check", sbom, *AS_OF, "--no-config", "-f", "json", "-o", tmp_path / "other.json", cwd=tmp_path)
    assert ignored.code == 1, ignored.stderr


def test_the_shipped_decision_library_is_never_the_output(cli, tmp_path):
    sbom = write(tmp_path / "sbom.json", cdx([banned_component()]))
    before = SHIPPED_DECISIONS.read_bytes()
    result = cli("check", sbom, *AS_OF, "-o", SHIPPED_DECISIONS)
    assert result.exit_code == 2
    assert f"would overwrite an input file: the shipped file {SHIPPED_DECISIONS.resolve()}" in result.stderr
    assert SHIPPED_DECISIONS.read_bytes() == before
    result = cli("check", sbom, *AS_OF, "-o", POLICIES / "gov" / "new-report.json")
    assert result.exit_code == 2
    assert "which the enforcer ships and reads" in result.stderr
    assert not (POLICIES / "gov" / "new-report.json").exists()


def test_a_new_rego_file_in_a_policy_directory_is_refused(cli, tmp_path):
    policies = tmp_path / "policies"
    policies.mkdir()
    inputs = _inputs(policies)
    result = cli("check", inputs["sbom"], "-p", policies, *AS_OF, "-o", policies / "report.rego")
    assert result.exit_code == 2
    assert f"would add a Rego file to the policy directory {policies}" in result.stderr
    result = cli("check", inputs["sbom"], "-p", policies, *AS_OF, "-f", "json", "-o", policies / "report.json")
    assert result.exit_code == 1  # a report beside the policies is fine: only Rego files are read
    assert json.loads((policies / "report.json").read_text())["sboms"]


# -- temporary files: gone on every signal, on a full disk, at a file size limit ---------------


@pytest.fixture(scope="module")
def many_findings(tmp_path_factory) -> Path:
    """An SBOM whose JSON report takes a few seconds to write (100,000 findings)."""
    path = tmp_path_factory.mktemp("large") / "many.json"
    components = [banned_component(name=f"av-{i}", **{"bom-ref": f"c{i}"}) for i in range(8_000)]
    path.write_text(json.dumps(cdx(components)))
    return path


def _temporaries(folder: Path) -> list[Path]:
    return sorted(folder.glob(".report.json.*.tmp"))


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGINT", 130), ("SIGHUP", 129)])
def test_a_signal_while_the_report_is_written_removes_the_temporary_file(tmp_path, many_findings, name, code):
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.Popen(
        [str(ENFORCER), "check", str(many_findings), *AS_OF, "-f", "json", "-o", str(out / "report.json")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not _temporaries(out):
            assert process.poll() is None, "finished before the temporary file was seen"
            assert time.monotonic() < deadline
            time.sleep(0.002)
        process.send_signal(getattr(signal, name))
        _, stderr = process.communicate(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
    assert process.returncode == code, stderr
    expected = "enforcer: interrupted" if name == "SIGINT" else f"enforcer: interrupted by {name}"
    assert stderr.decode().splitlines() == [expected]
    assert os.listdir(out) == []


def test_a_file_size_limit_removes_the_temporary_file(tmp_path, many_findings):
    out = tmp_path / "out"
    out.mkdir()

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))

    result = enforcer("check", many_findings, *AS_OF, "-f", "json", "-o", out / "report.json", preexec_fn=small_files)
    assert result.code == 3
    assert result.one_error() == f"{out / 'report.json'}: cannot write the report: File too large"
    assert os.listdir(out) == []


def test_a_full_disk_removes_the_temporary_file(tmp_path, many_findings):
    tiny = tmp_path / "tiny"
    tiny.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(tiny)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        result = enforcer("check", many_findings, *AS_OF, "-f", "json", "-o", tiny / "report.json")
        assert result.code == 3
        assert result.one_error() == f"{tiny / 'report.json'}: cannot write the report: No space left on device"
        assert os.listdir(tiny) == []
    finally:
        subprocess.run(["umount", str(tiny)], check=True)
