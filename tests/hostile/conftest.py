"""The hostile-input suite: what a hostile or unlucky user can hand the enforcer, and what it must do.

Every case is generated in its test. The families (one module each):

- `test_silent_pass`: a banned vendor in the input must never give exit 0;
- `test_files`: what a path can name (FIFOs, devices, links, loops, unreadable directories, encodings);
- `test_outputs`: an output never replaces an input, and never leaves a temporary file behind;
- `test_errors`: every stop is one line and a documented exit code, never a traceback;
- `test_bounds`: time and memory stay bounded whatever the input;
- `test_spdx_checks`: an SPDX document that breaks the specification gets warnings;
- `test_mutations`: real SBOMs mutated by hypothesis never pass with a banned identity in them.

`enforcer(...)` runs the installed command in a subprocess (real signals, a
real environment, real exit codes); `cli(...)` (the suite's root conftest)
runs it in this process where speed matters.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, need

#: The date on which the shipped pack denies Kaspersky everywhere it bans it.
AS_OF = ("--as-of", "2024-10-01")
BANNED = "AO Kaspersky Lab"
ENFORCER = Path(sys.executable).parent / "enforcer"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("enforcer: error: ")]

    def one_error(self) -> str:
        """The single `enforcer: error:` line, without its prefix; no traceback anywhere."""
        assert "Traceback" not in self.stdout + self.stderr, self.stderr
        assert len(self.errors) == 1, self.stderr
        return self.errors[0].removeprefix("enforcer: error: ")


def enforcer(
    *args: str | os.PathLike[str],
    env: dict[str, str] | None = None,
    input: bytes | None = None,
    timeout: float = 120,
    **options: Any,
) -> Run:
    """Run the installed `enforcer` in a subprocess."""
    environment = {**os.environ, **(env or {})}
    completed = subprocess.run(
        [str(ENFORCER), *map(str, args)],
        input=input,
        capture_output=True,
        env=environment,
        timeout=timeout,
        check=False,
        **options,
    )
    return Run(
        completed.returncode, completed.stdout.decode(errors="replace"), completed.stderr.decode(errors="replace")
    )


def cdx(components: Sequence[Any], **top: Any) -> dict[str, Any]:
    return {"bomFormat": "CycloneDX", "specVersion": "1.5", **top, "components": list(components)}


def banned_component(**fields: Any) -> dict[str, Any]:
    """A component whose supplier is banned (denied on `AS_OF` by the shipped pack), with extra fields."""
    return {"type": "application", "name": "av-engine", "supplier": {"name": BANNED}, **fields}


def write(path: Path, document: Any) -> Path:
    path.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    return path


def spdx(packages: Sequence[Any], **top: Any) -> dict[str, Any]:
    return {
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": "doc",
        "documentNamespace": "https://example.org/doc",
        "creationInfo": {"created": "2024-01-01T00:00:00Z", "creators": ["Tool: test"]},
        **top,
        "packages": list(packages),
    }


@pytest.fixture(params=["native", "python"])
def path_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Each test once through the native scanner, once through the Python path (in this process)."""
    from enforcer import _native

    if request.param == "native":
        need(_native.native_module() is not None, "the native scanner is not installed (make dev)")
    else:
        monkeypatch.setattr(_native, "_MODULE", False)
    yield request.param


__all__ = ["AS_OF", "BANNED", "ROOT", "Run", "banned_component", "cdx", "enforcer", "spdx", "write"]


MEASURE = """
import sys, time
from enforcer._errors import SbomError
from enforcer.load import load
started = time.monotonic()
try:
    load(sys.argv[1])
    message = "loaded"
except SbomError as error:
    message = str(error)
print(message)
print(time.monotonic() - started)
with open("/proc/self/status") as status:
    print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""


def measure_load(path: Path, **env: str) -> tuple[str, float, int]:
    """Load `path` in a process of its own: the error line (or "loaded"), the seconds and the peak memory in bytes."""
    completed = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**os.environ, **env},
    )
    message, seconds, peak = completed.stdout.splitlines()
    return message, float(seconds), int(peak) << 10
