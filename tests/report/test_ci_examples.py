"""The CI examples and the pre-commit hook: valid YAML, pinned actions, and their commands run here."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, ROOT

EXAMPLES = ROOT / "examples"
KASPERSKY_SBOM = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"


def _load(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _github_steps() -> list[dict[str, object]]:
    workflow = _load(EXAMPLES / "github-actions.yml")
    assert isinstance(workflow, dict)
    steps = workflow["jobs"]["enforcer"]["steps"]
    assert isinstance(steps, list)
    return steps


def _enforcer_command(text: str) -> list[str]:
    """The arguments of the one `enforcer ...` command in a shell line."""
    words = shlex.split(text)
    assert words[0] == "enforcer", text
    return words[1:]


def test_github_workflow_pins_every_action_by_commit():
    uses = [step["uses"] for step in _github_steps() if "uses" in step]
    assert len(uses) == 3
    for use in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", str(use)), use


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A repository holding SBOMs where the examples' commands expect them."""
    (tmp_path / "sboms").mkdir()
    (tmp_path / "dist" / "linux").mkdir(parents=True)
    shutil.copy(KASPERSKY_SBOM, tmp_path / "sboms" / "agent.cdx.json")
    clean = {"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"name": "x", "purl": "pkg:npm/x@1"}]}
    (tmp_path / "dist" / "linux" / "app.cdx.json").write_text(json.dumps(clean))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_github_workflow_check_step_runs(cli, project):
    [step] = [step for step in _github_steps() if step.get("name") == "Check the SBOMs"]
    result = cli(*_enforcer_command(str(step["run"])))
    assert result.exit_code == 1, result.stderr
    assert result.stdout.startswith("::error file=sboms/agent.cdx.json,")
    sarif = json.loads((project / "enforcer.sarif").read_text())
    assert {a["location"]["uri"] for a in sarif["runs"][0]["artifacts"]} == {
        "sboms/agent.cdx.json",
        "dist/linux/app.cdx.json",
    }
    assert (project / "enforcer.md").read_text().startswith("## enforcer: ")


def test_gitlab_job_runs(cli, project):
    config = _load(EXAMPLES / "gitlab-ci.yml")
    assert isinstance(config, dict)
    job = config["sbom-vendor-bans"]
    assert job["artifacts"]["reports"]["junit"] == "enforcer-junit.xml"
    install, check = job["script"]
    assert install == 'python -m pip install "$ENFORCER_PACKAGE"'
    result = cli(*_enforcer_command(check))
    assert result.exit_code == 1, result.stderr
    for produced in [job["artifacts"]["reports"]["junit"], *job["artifacts"]["paths"]]:
        assert (project / produced).stat().st_size > 0, produced


@pytest.fixture(scope="module")
def hook() -> dict[str, object]:
    hooks = _load(ROOT / ".pre-commit-hooks.yaml")
    assert isinstance(hooks, list)
    [only] = hooks
    assert isinstance(only, dict)
    return only


def test_pre_commit_hook_definition(hook):
    assert hook["id"] == "enforcer-check"
    assert hook["entry"] == "enforcer check"
    assert hook["language"] == "python"
    assert hook["require_serial"] is True


@pytest.mark.parametrize(
    ("name", "checked"),
    [
        ("bom.json", True),
        ("sbom.json", True),
        ("sboms/app.cdx.json", True),
        ("release/app.spdx.json", True),
        ("app.spdx.json.gz", True),
        ("pause.spdx", True),
        ("sbom-linux.xml", True),
        ("keycloak-10.0.2.bom.xml", True),
        ("laravel-7.12.0.bom.1.4.json", True),
        ("hello.spdx3.json", True),
        ("package.json", False),
        ("pom.xml", False),
        ("bomb.json", False),
        ("docs/spdx.md", False),
        (".github/workflows/ci.yml", False),
    ],
)
def test_pre_commit_hook_files(hook, name, checked):
    assert bool(re.search(str(hook["files"]), name)) is checked


def test_real_sbom_names_are_all_picked_up(hook, shared):
    names = [path.name for path in (shared / "sboms" / "real").rglob("*") if path.is_file()]
    assert names
    assert [name for name in names if not re.search(str(hook["files"]), name)] == []


def test_pre_commit_hook_command_runs(cli, hook):
    """pre-commit appends the staged file names to the entry."""
    result = cli(*shlex.split(str(hook["entry"]))[1:], KASPERSKY_SBOM)
    assert result.exit_code == 1
    assert "deny" in result.stdout
