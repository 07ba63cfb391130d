"""What users install: the wheel `make wheel` builds, and the pure-Python path that runs without its scanner.

- The wheel carries the Python code, the native scanner (`enforcer._scan`),
  the shipped policies and schemas, the HTML page's assets and `py.typed`;
  installed into a fresh virtual environment, it checks a fixture SBOM on
  the native path, and still does, with the same report, once the scanner's
  shared library is deleted from the installation.
- With the scanner unimportable in this checkout, the core tests pass on the
  pure-Python path (a child pytest).

The wheel test builds with cargo's target directory native/target, which
`make dev` filled, and installs the wheel's dependencies from the package
index (pip's cache makes it quick after the first time).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

import enforcer
from enforcer._choices import SCHEMA_FILES
from tests.conftest import FIXTURES, POLICIES, ROOT, need

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SCANNER_VERSION = tomllib.loads((ROOT / "native" / "Cargo.toml").read_text(encoding="utf-8"))["package"]["version"]
KASPERSKY = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
_OFFLINE = ("NewConnectionError", "Network is unreachable", "Temporary failure in name resolution", "No matching")


def test_one_version_everywhere():
    from importlib.metadata import version

    assert PYPROJECT["project"]["version"] == enforcer.__version__ == version("sbom-ban-enforcer")


def test_the_build_is_maturin_with_the_scanner_inside_the_package():
    maturin = PYPROJECT["tool"]["maturin"]
    assert PYPROJECT["build-system"]["build-backend"] == "maturin"
    assert maturin["module-name"] == "enforcer._scan"
    assert (ROOT / maturin["manifest-path"]).is_file()
    assert not (ROOT / "native" / "pyproject.toml").exists(), "the scanner is no package of its own any more"
    # in a checkout the shipped data are links to the top-level directories the wheel copies
    assert (ROOT / "enforcer" / "_policies").resolve() == POLICIES
    assert (ROOT / "enforcer" / "_schemas").resolve() == ROOT / "schemas"


# -- the wheel -------------------------------------------------------------------------------------


def build_wheel() -> Path:
    """`make wheel` with this interpreter (the environment is taken as installed: -o)."""
    need(shutil.which("make") is not None and shutil.which("cargo") is not None, "make or cargo is missing")
    out = subprocess.run(
        ["make", "--no-print-directory", "-o", ".venv/.installed", "wheel", f"PY={sys.executable}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-4000:]
    wheels = sorted((ROOT / "dist").glob(f"sbom_ban_enforcer-{enforcer.__version__}-*.whl"))
    assert len(wheels) == 1, wheels
    assert out.stdout.strip().splitlines()[-1] == f"dist/{wheels[0].name}"
    return wheels[0]


def install(wheel: Path, where: Path) -> Path:
    """A fresh virtual environment with the wheel and its dependencies: its bin directory."""
    venv.create(where, with_pip=True, symlinks=True)
    bin_dir = where / "bin"
    out = subprocess.run(
        [bin_dir / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if out.returncode != 0 and any(word in out.stderr for word in _OFFLINE):
        need(False, f"the package index is unreachable, so the wheel's dependencies cannot be installed: {out.stderr}")
    assert out.returncode == 0, out.stderr[-4000:]
    return bin_dir


def run(bin_dir: Path, cwd: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """`enforcer ARGS` of that environment, away from the checkout."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "ENFORCER_", "VIRTUAL"))}
    env["ENFORCER_CACHE_DIR"] = str(cwd / "cache")
    return subprocess.run(
        [bin_dir / "enforcer", *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def wheel() -> Path:
    return build_wheel()


def test_the_wheel_holds_the_package_the_scanner_and_the_shipped_files(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    tops = {name.split("/")[0] for name in names}
    assert tops == {"enforcer", f"sbom_ban_enforcer-{enforcer.__version__}.dist-info"}
    assert [name for name in names if re.fullmatch(r"enforcer/_scan\.[\w.-]+\.so", name)], sorted(names)[:20]
    assert {"enforcer/py.typed", "enforcer/_scan.pyi", "enforcer/cli/schema.py"} <= names
    rego = {f"enforcer/_policies/{path.relative_to(POLICIES)}" for path in POLICIES.rglob("*.rego")}
    assert rego and rego <= names
    assert {f"enforcer/_schemas/{name}" for name in SCHEMA_FILES.values()} <= names
    assets = ROOT / "enforcer" / "report" / "html_assets"
    assert {f"enforcer/report/html_assets/{path.name}" for path in assets.iterdir()} <= names
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    tag = wheel.name.split("-")[2:]
    assert tag[:2] == ["cp311", "abi3"], wheel.name  # one wheel for every CPython from 3.11


def test_the_installed_wheel_checks_on_the_native_path_and_without_it(wheel: Path, tmp_path: Path):
    bin_dir = install(wheel, tmp_path / "venv")
    version = run(bin_dir, tmp_path, "version")
    assert version.stdout.strip() == f"enforcer {enforcer.__version__} (native scanner {SCANNER_VERSION})", (
        version.stderr
    )

    argv = ("check", KASPERSKY, "--as-of", "2024-10-01", "--scope", "us", "--output", "json=native.json")
    native = run(bin_dir, tmp_path, *argv)
    assert native.returncode == 1, native.stderr  # a banned vendor: the gate fails
    assert "1 deny" in native.stderr
    report = json.loads((tmp_path / "native.json").read_text(encoding="utf-8"))
    site = next((tmp_path / "venv" / "lib").glob("python3*/site-packages"))
    shipped = site / "enforcer" / "_policies"
    assert report["policies"] and all(Path(path).is_relative_to(shipped) for path in report["policies"])

    schema = run(bin_dir, tmp_path, "schema", "report")
    assert schema.stdout == (ROOT / "schemas" / "report-2.json").read_text(encoding="utf-8")

    # a real absence: the scanner's shared library is gone from the installation
    [library] = (site / "enforcer").glob("_scan.*.so")
    library.unlink()
    pure = run(bin_dir, tmp_path, "version")
    assert pure.stdout.strip() == f"enforcer {enforcer.__version__} (native scanner not installed: pure Python)"
    python = run(bin_dir, tmp_path, *argv[:-1], "json=python.json")
    assert (python.returncode, python.stderr) == (native.returncode, native.stderr)
    assert (tmp_path / "python.json").read_bytes() == (tmp_path / "native.json").read_bytes()


def test_the_sdist_carries_the_files_behind_the_links(tmp_path: Path):
    """A source install (an sdist, and so a git URL's build) finds real files where a checkout has links."""
    import tarfile

    need(shutil.which("cargo") is not None, "cargo is missing (maturin lists the crate's files with it)")
    out = subprocess.run(
        [sys.executable, "-m", "maturin", "sdist", "--out", tmp_path],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-4000:]
    [sdist] = tmp_path.glob("sbom_ban_enforcer-*.tar.gz")
    with tarfile.open(sdist) as archive:
        members = {member.name.split("/", 1)[1]: member for member in archive.getmembers() if "/" in member.name}
    rego = {f"enforcer/_policies/{path.relative_to(POLICIES)}" for path in POLICIES.rglob("*.rego")}
    schemas = {f"enforcer/_schemas/{name}" for name in SCHEMA_FILES.values()}
    assert rego | schemas <= set(members)
    assert all(members[name].isfile() for name in rego | schemas)
    assert {"native/Cargo.toml", "native/Cargo.lock", "native/src/lib.rs", "pyproject.toml"} <= set(members)
    assert not [name for name in members if name.endswith(".so")]


# -- the pure-Python path in this checkout ---------------------------------------------------------

#: the core checks, run again without the scanner
CORE = [
    "tests/cli/test_check.py",
    "tests/load/test_formats.py",
    "tests/load/test_cdx_fast_path.py",
    "tests/report/test_json_schema.py",
    "tests/test_differential.py::test_fixture_sbom_fast_path_equals_reference",
    "tests/test_differential.py::test_generated_sbom_fast_path_equals_reference",
]

_WITHOUT_SCANNER = """
import sys
sys.modules["enforcer._scan"] = None  # importing it now raises ImportError, as where it was never built
from enforcer._native import describe, native_module
assert native_module() is None and describe() == "native scanner not installed: pure Python", describe()
import pytest
sys.exit(pytest.main(["-q", "-p", "no:cacheprovider", *sys.argv[1:]]))
"""


def test_the_core_checks_pass_without_the_scanner():
    from enforcer._native import native_module

    need(native_module() is not None, "the native scanner is not built here (make dev), so this run proves nothing")
    env = {key: value for key, value in os.environ.items() if key != "ENFORCER_NATIVE"}
    out = subprocess.run(
        [sys.executable, "-c", _WITHOUT_SCANNER, *CORE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    summary = out.stdout.strip().splitlines()[-1]
    assert re.search(r"\b\d{2,} passed\b", summary) and "failed" not in summary, summary


def test_version_says_the_scanner_is_missing_when_it_cannot_be_imported():
    code = (
        'import sys; sys.modules["enforcer._scan"] = None; from enforcer.cli import main;'
        ' sys.argv[1:] = ["version"]; main()'
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"enforcer {enforcer.__version__} (native scanner not installed: pure Python)"
