"""The project configuration: where it is found, what it sets, what the command line overrides, what it refuses."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from enforcer.cli._config import find_config, project_config
from enforcer.cli._errors import CommandLineError
from enforcer.config import KEYS
from tests.cli.test_main import enforcer
from tests.conftest import FIXTURES, POLICIES

KASPERSKY_SBOM = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder, the working directory, with the ICTS ban alone in policies/ and no OPA settings around."""
    (tmp_path / "policies").mkdir()
    shutil.copy(POLICIES / "enforcer" / "decide.rego", tmp_path / "policies")
    shutil.copy(POLICIES / "gov" / "us_commerce_icts_kaspersky.rego", tmp_path / "policies")
    shutil.copy(KASPERSKY_SBOM, tmp_path / "sbom.cdx.json")
    monkeypatch.chdir(tmp_path)
    for name in ("OPA", "ENFORCER_OPA_URL", "ENFORCER_OPA_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def _pyproject(folder: Path, table: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text(f'[project]\nname = "demo"\n\n[tool.enforcer]\n{table}\n', encoding="utf-8")
    return path


# -- finding it --------------------------------------------------------------------------------


def test_found_from_the_working_directory_upwards(tmp_path):
    child = tmp_path / "a" / "b"
    child.mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "no-table"\n')  # passed over
    config = _pyproject(tmp_path, "warn_days = 7")
    found = find_config(child)
    assert found is not None and found[0] == config and found[1] == {"warn_days": 7}
    assert project_config(None, False, start=child) == {"warn_days": 7}


def test_the_first_found_wins_and_enforcer_toml_before_pyproject(tmp_path):
    child = tmp_path / "child"
    child.mkdir()
    _pyproject(tmp_path, "warn_days = 1")
    (tmp_path / "enforcer.toml").write_text("warn_days = 2\n")
    assert project_config(None, False, start=tmp_path) == {"warn_days": 2}
    _pyproject(child, "warn_days = 3")
    assert project_config(None, False, start=child) == {"warn_days": 3}


def test_none_found_is_no_configuration(tmp_path):
    assert find_config(tmp_path) is None
    assert project_config(None, False, start=tmp_path) is None


def test_named_with_config_or_ignored_with_no_config(tmp_path):
    _pyproject(tmp_path, "warn_days = 1")
    other = tmp_path / "ci.toml"
    other.write_text("warn_days = 5\n")
    assert project_config(other, False, start=tmp_path) == {"warn_days": 5}
    assert project_config(tmp_path / "pyproject.toml", False) == {"warn_days": 1}
    assert project_config(None, True, start=tmp_path) is None


def test_paths_are_relative_to_the_file(tmp_path):
    (tmp_path / "conf").mkdir()
    path = tmp_path / "conf" / "enforcer.toml"
    path.write_text(
        'policies = ["../policies", "/abs/x.rego"]\nwaivers = "w.yaml"\nca_cert = "ca.pem"\nopa_binary = "bin/opa"\n'
        'db = "inventory.sqlite"\n'
    )
    values = project_config(path, False)
    assert values == {
        "policies": [tmp_path / "conf" / "../policies", Path("/abs/x.rego")],
        "waivers": [tmp_path / "conf" / "w.yaml"],
        "ca_cert": tmp_path / "conf" / "ca.pem",
        "opa_binary": tmp_path / "conf" / "bin" / "opa",
        "db": str(tmp_path / "conf" / "inventory.sqlite"),
    }
    path.write_text('db = "postgresql://inventory.example/enforcer"\n')
    assert project_config(path, False) == {"db": "postgresql://inventory.example/enforcer"}


def test_every_key_is_accepted(tmp_path):
    path = tmp_path / "enforcer.toml"
    path.write_text(
        'scopes = ["us"]\nfail_on = "Warn"\nfail_on_unidentified = 5\nwarn_days = 0\npolicies = ["p"]\n'
        'waivers = ["w.yaml"]\nengine = "OPA-SERVER"\nopa_url = "https://opa.internal"\nopa_token = "t"\n'
        'no_push = true\ninsecure = false\nca_cert = "ca.pem"\nopa_timeout = 2\nopa_binary = "opa"\n'
        'format = "SARIF"\njobs = 0\ndb = "x.sqlite"\n'
    )
    values = project_config(path, False)
    assert values is not None
    assert (values["fail_on"], values["engine"], values["format"], values["opa_timeout"]) == (
        "warn",
        "opa-server",
        "sarif",
        2.0,
    )
    assert sorted(values) == sorted(KEYS)


# -- what it sets, and what the command line overrides -----------------------------------------------


def test_the_configuration_sets_the_policies_scopes_and_format(project, cli):
    _pyproject(project, 'policies = ["policies"]\nscopes = ["us"]\nformat = "json"')
    result = cli("check", "sbom.cdx.json", "--as-of", "2024-10-01")
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    assert [finding["ban"] for finding in report["sboms"][0]["findings"]] == ["us-commerce-icts-kaspersky-2024"]
    assert report["scopes"] == ["us"]
    assert "jurisdictions" not in result.stderr  # the configuration chose the scope


def test_the_command_line_wins_and_its_lists_replace_the_files(project, cli, tmp_path_factory):
    uk = tmp_path_factory.mktemp("uk") / "uk.rego"
    uk.write_text(
        "package enforcer.bans\nimport rego.v1\n"
        'bans contains {"id": "uk-test", "vendor": "Other", "match": {"organizations": ["Other Ltd"]},'
        ' "phases": [{"effect": "deny", "from": "2020-01-01", "summary": "test"}], "scopes": ["uk-gov"]}\n'
    )
    _pyproject(project, 'policies = ["policies"]\nscopes = ["us"]\nformat = "json"\nfail_on = "never"')
    result = cli("check", "sbom.cdx.json", "--as-of", "2024-10-01", "-f", "table", "--fail-on", "deny")
    assert result.exit_code == 1
    assert "STATUS  BAN" in result.stdout  # the table, not the file's json
    replaced = cli("check", "sbom.cdx.json", "--as-of", "2024-10-01", "-p", uk, "-p", "policies", "-s", "uk-gov")
    assert replaced.exit_code == 0, replaced.stderr  # --scope uk-gov replaced the file's us
    sbom = json.loads(replaced.stdout)["sboms"][0]
    assert (sbom["findings"], sbom["out_of_scope"]) == ([], 1)


def test_warn_days_and_fail_on_from_the_configuration(project, cli):
    (project / "enforcer.toml").write_text(
        'policies = ["policies"]\nwarn_days = 0\nfail_on = "warn"\nformat = "json"\n'
    )
    quiet = cli("check", "sbom.cdx.json", "--as-of", "2024-06-01")
    [finding] = json.loads(quiet.stdout)["sboms"][0]["findings"]
    assert (quiet.exit_code, finding["status"]) == (0, "allow")
    warned = cli("check", "sbom.cdx.json", "--as-of", "2024-06-01", "--warn-days", "90")
    [finding] = json.loads(warned.stdout)["sboms"][0]["findings"]
    assert (warned.exit_code, finding["status"]) == (1, "warn")  # fail_on = "warn" still applies
    ignored = cli("check", "sbom.cdx.json", "--as-of", "2024-06-01", "--no-config", "-p", "policies")
    assert ignored.exit_code == 0
    assert "STATUS  BAN" in ignored.stdout  # the table: the file's format is ignored too


def test_the_environment_beats_the_configuration_and_the_command_line_beats_both(project, cli, monkeypatch):
    _pyproject(
        project, 'policies = ["policies"]\nengine = "opa-server"\nopa_url = "http://127.0.0.1:9"\nopa_timeout = 2'
    )
    from_file = cli("check", "sbom.cdx.json")
    assert from_file.exit_code == 3
    assert from_file.stderr.startswith("enforcer: error: OPA server http://127.0.0.1:9: ")
    monkeypatch.setenv("ENFORCER_OPA_URL", "http://127.0.0.1:7")
    assert cli("check", "sbom.cdx.json").stderr.startswith("enforcer: error: OPA server http://127.0.0.1:7: ")
    flag = cli("check", "sbom.cdx.json", "--opa-url", "http://127.0.0.1:5")
    assert flag.stderr.startswith("enforcer: error: OPA server http://127.0.0.1:5: ")
    assert cli("check", "sbom.cdx.json", "-e", "embedded").exit_code == 1


def test_the_other_commands_read_it_too(project, cli):
    _pyproject(project, 'policies = ["policies"]\nscopes = ["us"]')
    listing = cli("policy", "list", "--format", "json", "--as-of", "2024-10-01")
    assert [ban["id"] for ban in json.loads(listing.stdout)["bans"]] == ["us-commerce-icts-kaspersky-2024"]
    spot = cli("vendor", "AO Kaspersky Lab", "--as-of", "2024-10-01", "-f", "json")
    assert (spot.exit_code, json.loads(spot.stdout)["scopes"]) == (1, ["us"])
    checked = cli("policy", "check")
    assert checked.exit_code == 0, checked.stderr
    assert checked.stdout.startswith("enforcer: 2 modules, 1 bans")


# -- what it refuses ---------------------------------------------------------------------------


def test_every_problem_at_once_with_file_and_key(tmp_path):
    config = _pyproject(
        tmp_path,
        'warn_days = -3\nscopes = ["us", 7, ""]\nfail_on = "sometimes"\nengine = "OPA"\njobs = 1.5\n'
        'colour = "red"\ninsecure = "yes"\nfail_on_unidentified = 101\nwarn-days = 3\n[tool.enforcer.extra]\nx = 1\n',
    )
    result = enforcer("check", "sbom.json", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    key = f"enforcer: error: {config}: tool.enforcer"
    assert result.stderr.splitlines() == [
        f"{key}.scopes[1]: must be a string (got 7)",
        f'{key}.scopes[2]: must not be empty (got "")',
        f'{key}.fail_on: must be deny, warn or never (got "sometimes")',
        f"{key}.fail_on_unidentified: must be at most 100 (got 101)",
        f"{key}.warn_days: must be at least 0 (got -3)",
        f'{key}.insecure: must be true or false (got "yes")',
        f"{key}.jobs: must be a whole number (got 1.5)",
        f"{key}.colour: unknown key (known: {', '.join(KEYS)})",
        f"{key}.warn-days: unknown key (did you mean warn_days?)",
        f"{key}.extra: unknown key (known: {', '.join(KEYS)})",
    ]
    assert "Input should" not in result.stderr and "pydantic" not in result.stderr


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("enforcer.toml", "warn_days = [\n", "not valid TOML: "),
        ("pyproject.toml", "[tool]\nenforcer = 3\n", "tool.enforcer: must be a table"),
        ("enforcer.toml", "warn_days = 'x'\n", 'warn_days: must be a whole number (got "x")'),
    ],
    ids=["bad-toml", "not-a-table", "wrong-type"],
)
def test_a_broken_file_is_a_usage_error(tmp_path, name, text, message):
    (tmp_path / name).write_text(text)
    result = enforcer("policy", "list", cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"enforcer: error: {tmp_path / name}: {message}")


def test_a_pyproject_named_by_config_needs_the_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    with pytest.raises(CommandLineError) as caught:
        project_config(tmp_path / "pyproject.toml", False)
    assert caught.value.messages == (f"{tmp_path / 'pyproject.toml'}: no [tool.enforcer] table",)


@pytest.mark.parametrize(("write", "loaded"), [(False, False), (True, True)], ids=["no-file", "a-file"])
def test_pydantic_is_imported_only_for_a_configuration_file(tmp_path, write, loaded):
    if write:
        (tmp_path / "enforcer.toml").write_text("warn_days = 30\n")
    shutil.copy(KASPERSKY_SBOM, tmp_path / "sbom.cdx.json")
    code = (
        "import sys\n"
        "from enforcer.cli import run\n"
        "code = run(['check', 'sbom.cdx.json', '--as-of', '2024-10-01'])\n"
        "print([code, 'pydantic' in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert ast.literal_eval(result.stdout.splitlines()[-1]) == [1, loaded]
