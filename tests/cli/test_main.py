"""The entry point as a script sees it: the installed `enforcer` console script, in a process of its own.

Usage errors are one line and exit 2, an EnforcerError one line and exit 3,
Ctrl-C one line and exit 130; help, shell completion and `python -m enforcer`
work; the commands that need little import little.
"""

from __future__ import annotations

import ast
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

ENFORCER = Path(sys.executable).with_name("enforcer")
KASPERSKY_SBOM = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
COMMANDS = (
    [],
    ["check"],
    ["vendor"],
    ["version"],
    ["policy"],
    ["policy", "check"],
    ["policy", "test"],
    ["policy", "list"],
)


def enforcer(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed console script, as a shell would."""
    assert ENFORCER.exists(), f"{ENFORCER}: the console script is not installed (pip install -e .)"
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("ENFORCER_OPA", "OPA"))}
    environment.update(env or {})
    return subprocess.run(
        [str(ENFORCER), *map(str, args)], capture_output=True, text=True, cwd=cwd, env=environment, timeout=120
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "missing COMMAND (commands: check, vendor, version, schema, policy, inventory); try 'enforcer --help'"),
        (["policy"], "missing COMMAND (commands: check, test, list); try 'enforcer policy --help'"),
        (
            ["bogus"],
            "no such command 'bogus' (commands: check, vendor, version, schema, policy, inventory);"
            " try 'enforcer --help'",
        ),
        (["policy", "bogus"], "no such command 'bogus' (commands: check, test, list); try 'enforcer policy --help'"),
        (["--bogus"], "no such option '--bogus'; try 'enforcer --help'"),
        (["check"], "missing SBOM; try 'enforcer check --help'"),
        (["check", "--explain", "--"], "missing SBOM; try 'enforcer check --help'"),
        (["vendor"], "missing NAME; try 'enforcer vendor --help'"),
        (["vendor", "a", "b"], "unexpected operand 'b'; try 'enforcer vendor --help'"),
        (["version", "extra"], "unexpected operand 'extra'; try 'enforcer version --help'"),
        (["check", "x", "--bogus"], "no such option '--bogus'; try 'enforcer check --help'"),
        (
            ["check", "x", "--warn", "5"],
            "no such option '--warn' (did you mean --warn-days?); try 'enforcer check --help'",
        ),
        (
            ["check", "x", "--form", "json"],
            "no such option '--form' (did you mean --format?); try 'enforcer check --help'",
        ),
        (["check", "x", "--warn-days", "-1"], "--warn-days: -1 is below the minimum 0; try 'enforcer check --help'"),
        (["check", "x", "-j", "abc"], "--jobs: 'abc' is not an integer; try 'enforcer check --help'"),
        (["check", "x", "-j"], "--jobs: needs a value; try 'enforcer check --help'"),
        (["check", "x", "--explain=yes"], "--explain: takes no value; try 'enforcer check --help'"),
        (
            ["check", "x", "--opa-timeout", "0.05"],
            "--opa-timeout: 0.05 is below the minimum 0.1; try 'enforcer check --help'",
        ),
        (["check", "x", "--opa-timeout", "nan"], "--opa-timeout: 'nan' is not a number; try 'enforcer check --help'"),
        (
            ["check", "x", "--fail-on-unidentified", "100.5"],
            "--fail-on-unidentified: 100.5 is above the maximum 100; try 'enforcer check --help'",
        ),
        (
            ["check", "x", "-f", "xml"],
            "--format: 'xml' is not one of table, json, sarif, junit, markdown, github, html;"
            " try 'enforcer check --help'",
        ),
        (
            ["check", "x", "--as-of", "2024-02-30"],
            "--as-of: '2024-02-30' is not a date in the form YYYY-MM-DD; try 'enforcer check --help'",
        ),
        (
            ["vendor", "x", "--kind", "person"],
            "--kind: 'person' is not one of auto, organization, domain, purl, cpe, hash; try 'enforcer vendor --help'",
        ),
        (
            ["check", "x", "--engine", "OPA-Server"],
            "--engine opa-server needs --opa-url URL (or ENFORCER_OPA_URL); try 'enforcer check --help'",
        ),
        (
            ["policy", "test", "-q", "--verbos"],
            "no such option '--verbos' (did you mean --verbose?); try 'enforcer policy test --help'",
        ),
        (["check", "x", "--config", "nope.toml"], "--config nope.toml: no such file; try 'enforcer check --help'"),
        (
            ["policy", "list", "--config", "a.toml", "--no-config"],
            "--config and --no-config contradict each other; give one; try 'enforcer policy list --help'",
        ),
    ],
    ids=lambda value: " ".join(value) or "enforcer" if isinstance(value, list) else None,
)
def test_a_usage_error_is_one_line_and_exit_2(tmp_path, args, message):
    result = enforcer(*args, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"enforcer: error: {message}\n")


def test_an_enforcer_error_is_one_line_and_exit_3(tmp_path):
    result = enforcer("check", KASPERSKY_SBOM, "--policy", tmp_path / "none", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        3,
        "",
        f"enforcer: error: {tmp_path / 'none'}: no such file or directory\n",
    )


def test_a_check_through_the_console_script(tmp_path):
    result = enforcer("check", KASPERSKY_SBOM, "--as-of", "2024-10-01", "--scope", "us", "-f", "JSON", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    [finding] = json.loads(result.stdout)["sboms"][0]["findings"]
    assert finding["ban"] == "us-commerce-icts-kaspersky-2024"
    [summary] = result.stderr.splitlines()
    assert summary.endswith("; exit 1: deny findings fail the gate (--fail-on deny)")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda words: " ".join(words) or "enforcer")
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_everywhere_names_every_option_in_full(tmp_path, command, flag):
    """Help on stdout, exit 0; at 80 columns every option is still written out whole."""
    from typer.main import get_command

    from enforcer.cli import app
    from enforcer.cli._adapter import subcommands

    result = enforcer(*command, flag, cwd=tmp_path, env={"COLUMNS": "80"})
    assert (result.returncode, result.stderr) == (0, "")
    words = result.stdout.split()
    usage = words.index("Usage:")
    assert words[usage + 1 : usage + 2 + len(command)] == ["enforcer", *command]
    target = get_command(app)
    for name in command:
        target = subcommands(target)[name]
    options = [param for param in target.params if param.param_type_name == "option"]
    flags = {flag for param in options for flag in (*param.opts, *param.secondary_opts)}
    for option in flags:
        assert option in words, f"{option} is not in the help of enforcer {' '.join(command)}"


def test_python_dash_m(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "enforcer", "version"], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.startswith("enforcer 0.1.0 (")
    usage = subprocess.run(
        [sys.executable, "-m", "enforcer", "check"], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert (usage.returncode, usage.stderr) == (2, "enforcer: error: missing SBOM; try 'enforcer check --help'\n")


def test_ctrl_c_is_one_line_and_exit_130(tmp_path):
    """Interrupted while it waits for an SBOM on stdin."""
    process = subprocess.Popen(
        [str(ENFORCER), "check", "-", "--as-of", "2024-10-01"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    time.sleep(2)  # it has started and reads stdin by now, or is still loading the policies
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.stdin is not None
    assert (process.returncode, stdout, stderr) == (130, "", "enforcer: interrupted\n")


def test_shell_completion(tmp_path):
    script = enforcer("--show-completion", "bash", cwd=tmp_path)
    assert script.returncode == 0
    assert "_ENFORCER_COMPLETE=complete_bash" in script.stdout
    bash = {"_ENFORCER_COMPLETE": "complete_bash", "COMP_CWORD": "2"}
    options = enforcer(cwd=tmp_path, env={**bash, "COMP_WORDS": "enforcer check --fail"})
    assert options.stdout.split() == ["--fail-on", "--fail-on-unidentified"]
    choices = enforcer(cwd=tmp_path, env={**bash, "COMP_WORDS": "enforcer check --engine", "COMP_CWORD": "3"})
    assert choices.stdout.split() == ["embedded", "opa-server", "opa"]
    commands = enforcer(cwd=tmp_path, env={**bash, "COMP_WORDS": "enforcer policy t", "COMP_CWORD": "2"})
    assert commands.stdout.split() == ["test"]
    groups = enforcer(cwd=tmp_path, env={**bash, "COMP_WORDS": "enforcer i", "COMP_CWORD": "1"})
    assert groups.stdout.split() == ["inventory"]  # a group imported only when used is completed all the same


def test_install_completion(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    result = enforcer("--install-completion", "bash", cwd=tmp_path, env={"HOME": str(home)})
    assert result.returncode == 0, result.stderr
    assert "_ENFORCER_COMPLETE=complete_bash" in (home / ".bash_completions" / "enforcer.sh").read_text()
    assert "enforcer.sh" in (home / ".bashrc").read_text()


def test_import_enforcer_does_not_import_the_command_line():
    code = (
        "import sys, enforcer, enforcer._run, enforcer._batch\n"
        "print([name for name in sys.modules if name.startswith(('typer', 'rich', 'click', 'enforcer.cli'))])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


_HEAVY = ("pydantic", "rich", "enforcer.report", "enforcer.engine", "enforcer._models", "enforcer._run")


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["version"], ()),
        (["check", "-f", "xml", "x"], ()),
        (["--help"], ("rich",)),
        (["check", "--help"], ("rich",)),
    ],
    ids=["version", "usage-error", "help", "check-help"],
)
def test_what_a_quick_command_imports(tmp_path, args, allowed):
    """Only help loads rich; nothing here loads pydantic (no configuration file) or the library's heavy parts."""
    code = (
        "import sys\n"
        "from enforcer.cli import run\n"
        f"run({args!r})\n"
        f"print([name for name in sys.modules if name.startswith({_HEAVY!r})], file=sys.__stderr__)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    modules = ast.literal_eval(result.stderr.splitlines()[-1])
    assert {name if name.startswith("enforcer") else name.split(".")[0] for name in modules} == set(allowed)
