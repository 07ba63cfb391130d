"""Benchmark harness: generated SBOMs, a figure registry, targets checked at the end.

Every benchmark records its median (and, for subprocess runs, peak memory)
under a name; at the end of the session the targets of the project are
computed from ratios of figures measured in this same run and printed as
PASS/FAIL, and everything is written to bench-data/results.json.

Run with `make bench` (all) or `make bench TESTS=small` (a -k filter).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("ENFORCER_BENCH_DATA", ROOT / "bench-data"))
sys.path.insert(0, str(ROOT))

from fixtures.generate import write  # noqa: E402

#: the bans of the plain-Rego comparisons: Kaspersky (ICTS) and NDAA section 889
#: (Huawei, ZTE, Hytera, Hikvision, Dahua), with the decision library
COMPARISON_POLICIES = [
    ROOT / "policies" / "enforcer" / "decide.rego",
    ROOT / "policies" / "gov" / "us_commerce_icts_kaspersky.rego",
    ROOT / "policies" / "gov" / "us_ndaa_fy2019_sec889.rego",
]


@dataclass
class Figure:
    seconds: float
    peak_mib: float | None = None
    note: str = ""


@dataclass
class Registry:
    figures: dict[str, Figure] = field(default_factory=dict)
    checks: dict[str, bool] = field(default_factory=dict)

    def record(self, name: str, seconds: float, peak_mib: float | None = None, note: str = "") -> None:
        self.figures[name] = Figure(seconds, peak_mib, note)


REGISTRY = Registry()


@pytest.fixture(scope="session")
def registry() -> Registry:
    return REGISTRY


def sbom(components: int, **options: int) -> Path:
    """A generated CycloneDX SBOM of this size, made once and kept in bench-data/."""
    DATA.mkdir(parents=True, exist_ok=True)
    suffix = "".join(f"-{k}{v}" for k, v in sorted(options.items()))
    path = DATA / f"cdx-{components}{suffix}.json"
    if not path.exists():
        partial = path.with_suffix(".partial")
        write(partial, components, **options)
        partial.replace(path)
    return path


def median_of(benchmark: Any) -> float:
    return float(benchmark.stats.stats.median)


@dataclass
class ProcessRun:
    seconds: float
    peak_mib: float
    stdout: bytes
    returncode: int


def measure(argv: Sequence[str], rounds: int, env: dict[str, str] | None = None) -> ProcessRun:
    """The median-time run of `rounds` runs of a command (peak memory: the largest)."""
    runs = [_run_with_rusage(argv, env) for _ in range(rounds)]
    runs.sort(key=lambda run: run.seconds)
    middle = runs[len(runs) // 2]
    return ProcessRun(middle.seconds, max(run.peak_mib for run in runs), middle.stdout, middle.returncode)


# A tiny launcher between this (large) process and the measured command: a
# forked child's peak resident set starts at its parent's, so the command is
# forked from a fresh, small Python instead, which reports the command's own
# peak (wait4) on the file descriptor it is given.
_LAUNCHER = """
import os, sys, time
report = int(sys.argv[1])
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.close(report)
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
os.write(report, f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss} {seconds}".encode())
"""


def _run_with_rusage(argv: Sequence[str], env: dict[str, str] | None) -> ProcessRun:
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-c", _LAUNCHER, str(write_end), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    stdout = process.stdout.read() if process.stdout is not None else b""
    process.wait()
    with os.fdopen(read_end, "rb") as report:
        code, maxrss, seconds = report.read().decode().split()
    if process.stdout is not None:
        process.stdout.close()
    # the command's own wall time, from its fork to its exit: not the launcher's start-up
    return ProcessRun(float(seconds), int(maxrss) / 1024, stdout, int(code))


# -- targets --------------------------------------------------------------------------


def _ratio(slow: str, fast: str) -> Callable[[dict[str, Figure]], tuple[float, bool] | None]:
    def compute(figures: dict[str, Figure]) -> tuple[float, bool] | None:
        if slow not in figures or fast not in figures:
            return None
        return figures[slow].seconds / figures[fast].seconds, True

    return compute


def _memory_ratio(big: str, small: str) -> Callable[[dict[str, Figure]], float | None]:
    def compute(figures: dict[str, Figure]) -> float | None:
        a, b = figures.get(big), figures.get(small)
        if a is None or b is None or a.peak_mib is None or b.peak_mib is None:
            return None
        return a.peak_mib / b.peak_mib

    return compute


TARGETS: list[tuple[str, str, str, float, str]] = [
    # (description, slow figure, fast figure, minimum ratio, kind)
    ("100k: orjson.loads / enforcer check (in process) > 1", "orjson.loads 100k", "check 100k", 1.0, "time"),
    (
        "10k: plain Rego on the embedded engine / enforcer >= 50x",
        "plain rego embedded 10k",
        "check 10k same bans",
        50.0,
        "time",
    ),
    (
        "10k: naive plain Rego on opa / enforcer >= 100x",
        "naive rego opa 10k",
        "check process 10k same bans",
        100.0,
        "time",
    ),
    (
        "100k: naive plain Rego on opa / enforcer >= 100x",
        "naive rego opa 100k",
        "check process 100k same bans",
        100.0,
        "time",
    ),
    (
        "10k: best plain Rego on opa / enforcer >= 5x",
        "reference rego opa 10k",
        "check process 10k same bans",
        5.0,
        "time",
    ),
    (
        "100k: best plain Rego on opa / enforcer >= 5x",
        "reference rego opa 100k",
        "check process 100k same bans",
        5.0,
        "time",
    ),
    (
        "10k: best plain Rego on opa / enforcer, peak memory >= 5x",
        "reference rego opa 10k",
        "check process 10k same bans",
        5.0,
        "memory",
    ),
    (
        "100k: best plain Rego on opa / enforcer, peak memory >= 5x",
        "reference rego opa 100k",
        "check process 100k same bans",
        5.0,
        "memory",
    ),
    ("1,000 SBOMs x 500: --jobs 1 / --jobs 2 >= 1.7x", "batch jobs 1", "batch jobs 2", 1.7, "time"),
]


#: the start-up budgets of the command line (median process wall time, seconds)
START_UP_BUDGETS = {
    "enforcer --help process": 0.3,
    "enforcer version process": 0.3,
    "check process 10 components": 0.35,
}


def pytest_terminal_summary(terminalreporter: Any) -> None:
    figures = REGISTRY.figures
    if not figures:
        return
    write = terminalreporter.write_line
    write("")
    write(f"figures (median seconds; peak MiB where measured) on {os.cpu_count()} cores, {platform.python_version()}:")
    for name, figure in sorted(figures.items()):
        peak = f"  peak {figure.peak_mib:8.1f} MiB" if figure.peak_mib is not None else ""
        note = f"  ({figure.note})" if figure.note else ""
        write(f"  {name:40s} {figure.seconds:10.4f} s{peak}{note}")
    write("")
    write("targets (ratios of figures measured in this run):")
    results = []
    for description, slow, fast, minimum, kind in TARGETS:
        value = (_ratio(slow, fast)(figures) or (None,))[0] if kind == "time" else _memory_ratio(slow, fast)(figures)
        if value is None:
            write(f"  SKIP  {description}: not measured in this run")
            continue
        verdict = "PASS" if value >= minimum else "FAIL"
        results.append({"target": description, "ratio": value, "pass": value >= minimum})
        write(f"  {verdict}  {description}: {value:.1f}x")
    for name, budget in START_UP_BUDGETS.items():
        if name not in figures:
            continue
        seconds = figures[name].seconds
        verdict = "PASS" if seconds <= budget else "FAIL"
        results.append({"target": f"{name}: median <= {budget} s", "seconds": seconds, "pass": verdict == "PASS"})
        write(f"  {verdict}  {name}: median wall time <= {budget} s: {seconds:.3f} s")
    page = figures.get("html 100k 1k findings: ready in chromium")
    if page is not None:
        verdict = "PASS" if page.seconds <= 2.0 else "FAIL"
        results.append(
            {"target": "html page, 100k components, 1,000 findings: ready <= 2 s", "seconds": page.seconds,
             "pass": page.seconds <= 2.0}
        )  # fmt: skip
        write(
            f"  {verdict}  html page, 100k components, 1,000 findings: ready in Chromium <= 2 s: {page.seconds:.3f} s"
        )
    one, two = figures.get("cpu loop x1 processes"), figures.get("cpu loop x2 processes")
    if one is not None and two is not None:
        ceiling = 2 * one.seconds / two.seconds
        write(
            f"  NOTE  this machine runs two CPU-bound processes {ceiling:.2f}x as fast as one: the ceiling of --jobs 2"
        )
        results.append({"target": "cpu scaling of this machine (2 processes / 1)", "ratio": ceiling, "pass": True})
    floor, naive = figures.get("start-up floor"), figures.get("naive rego opa 10k")
    if floor is not None and naive is not None:
        write(
            f"  NOTE  10k: 100x the naive Rego needs the whole check in {naive.seconds * 10:.0f} ms;"
            f" starting Python and importing its libraries alone takes {floor.seconds * 1000:.0f} ms"
        )
    native = figures.get("check process 100k same bans")
    python = figures.get("check process 100k same bans, pure Python")
    if native is not None and python is not None:
        write(f"  NOTE  100k: the native scanner makes the check {python.seconds / native.seconds:.1f}x as fast")
    for name, ok in sorted(REGISTRY.checks.items()):
        write(f"  {'PASS' if ok else 'FAIL'}  {name}")
        results.append({"target": name, "pass": ok})
    DATA.mkdir(parents=True, exist_ok=True)
    (DATA / "results.json").write_text(
        json.dumps(
            {
                "cores": os.cpu_count(),
                "python": platform.python_version(),
                "figures": {k: vars(v) for k, v in figures.items()},
                "targets": results,
            },
            indent=2,
        )
    )
