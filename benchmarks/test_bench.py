"""`make bench`: the enforcer against orjson.loads and against plain Rego.

All SBOMs come from fixtures/generate.py (realistic CycloneDX: supplier,
publisher, purl, CPE, hashes, licences, external references, nesting; about
one component in a thousand from a banned vendor). Figures and targets are
printed at the end of the run (benchmarks/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from benchmarks.conftest import COMPARISON_POLICIES, DATA, ROOT, Registry, measure, median_of, sbom
from enforcer._run import Enforcer, Options
from enforcer.engine.embedded import EmbeddedEngine
from enforcer.engine.interface import PolicyModule
from enforcer.policy import find_modules

AS_OF = dt.date(2024, 10, 1)
PLAIN = ROOT / "benchmarks" / "plain"
PYTHON = sys.executable
ENFORCER = [PYTHON, "-m", "enforcer"]


def _check(path: Path, policies: list[Path] | None = None) -> Any:
    """`enforcer check` in process, end to end: policies, bans, index, load, match, decide."""
    options = Options(as_of=AS_OF, policies=policies or [])
    with Enforcer(options) as enforcer:
        return enforcer.run([str(path)])


def _pairs(result: Any) -> set[tuple[str, str]]:
    return {(f.component.ref, f.ban) for sbom_result in result.sboms for f in sbom_result.findings}


# -- the enforcer and orjson.loads, in process -----------------------------------------


@pytest.mark.parametrize("size", [10_000, 100_000], ids=["10k", "100k"])
def test_check_in_process(benchmark: Any, registry: Registry, size: int) -> None:
    path = sbom(size)
    result = benchmark.pedantic(_check, args=(path,), rounds=5 if size <= 10_000 else 3, iterations=1)
    assert result.sboms[0].components == size
    assert result.totals()["deny"] > 0
    label = f"{size // 1000}k"
    registry.record(f"check {label}", median_of(benchmark), note="whole government pack")


@pytest.mark.parametrize("size", [10_000, 100_000], ids=["10k", "100k"])
def test_orjson_loads(benchmark: Any, registry: Registry, size: int) -> None:
    data = sbom(size).read_bytes()
    document = benchmark.pedantic(orjson.loads, args=(data,), rounds=5 if size <= 10_000 else 3, iterations=1)
    assert len(document["components"]) > 0
    registry.record(f"orjson.loads {size // 1000}k", median_of(benchmark), note="bytes already in memory")
    del document
    gc.collect()


# -- plain Rego on the embedded engine (rego-cpp) ------------------------------------------


def test_plain_rego_embedded_10k(benchmark: Any, registry: Registry) -> None:
    """The whole SBOM as the input of a plain-Rego rule doing the same matching (indexed.rego)."""
    path = sbom(10_000)
    ours = _check(path, COMPARISON_POLICIES)
    registry.record("check 10k same bans", _median_seconds(lambda: _check(path, COMPARISON_POLICIES), 5))

    modules = find_modules(COMPARISON_POLICIES) + [
        PolicyModule(str(PLAIN / "indexed.rego"), (PLAIN / "indexed.rego").read_text())
    ]
    document = orjson.loads(path.read_bytes())

    def plain() -> Any:
        engine = EmbeddedEngine()
        engine.load(modules)
        return engine.query("data.bench.indexed.findings", document)

    found = benchmark.pedantic(plain, rounds=1, iterations=1)
    registry.record("plain rego embedded 10k", median_of(benchmark), note="indexed.rego, rego-cpp, input included")
    same = {tuple(pair) for pair in found} == _pairs(ours)
    registry.checks["10k: plain Rego (embedded) finds the same (component, ban) pairs"] = same
    assert same


def _median_seconds(call: Any, rounds: int) -> float:
    import time

    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2]


# -- plain Rego on the opa binary, against the enforcer as a process --------------------------


def _opa() -> str:
    opa = os.environ.get("OPA") or str(ROOT / ".tools" / "bin" / "opa")
    if not os.access(opa, os.X_OK):
        pytest.skip("no opa binary (make bench sets OPA)")
    return opa


def _enforcer_process(path: Path, label: str, registry: Registry, rounds: int) -> set[tuple[str, str]]:
    argv = [*ENFORCER, "check", str(path), "--as-of", AS_OF.isoformat(), "--format", "json", "--fail-on", "never"]
    for policy in COMPARISON_POLICIES:
        argv += ["--policy", str(policy)]
    run = measure(argv, rounds)
    assert run.returncode == 0, run.stdout[:500]
    registry.record(f"check process {label} same bans", run.seconds, run.peak_mib, note="python -m enforcer check")
    report = orjson.loads(run.stdout)
    found = {(f["component"]["ref"], f["ban"]) for s in report["sboms"] for f in s["findings"]}
    # the same check on the pure-Python path, for the record: the native scanner's share of the speed
    python = measure(argv, 1, env={**os.environ, "ENFORCER_NATIVE": "0"})
    registry.record(
        f"check process {label} same bans, pure Python",
        python.seconds,
        python.peak_mib,
        note="ENFORCER_NATIVE=0",
    )
    theirs = orjson.loads(python.stdout)
    registry.checks[f"{label}: the pure-Python path finds the same (component, ban) pairs"] = found == {
        (f["component"]["ref"], f["ban"]) for s in theirs["sboms"] for f in s["findings"]
    }
    return found


def _opa_eval(policy: Path, query: str, input_path: Path, rounds: int) -> Any:
    argv = [_opa(), "eval", "--format", "json", "--input", str(input_path), "--data", str(policy)]
    for module in COMPARISON_POLICIES:
        argv += ["--data", str(module)]
    argv.append(query)
    return measure(argv, rounds)


@pytest.mark.parametrize("size", [10_000, 100_000], ids=["10k", "100k"])
def test_plain_rego_on_opa(registry: Registry, size: int) -> None:
    label = f"{size // 1000}k"
    path = sbom(size)
    ours = _enforcer_process(path, label, registry, rounds=5 if size <= 10_000 else 3)
    for name, policy, query in (
        ("naive", PLAIN / "naive.rego", "data.bench.naive.findings"),
        ("indexed", PLAIN / "indexed.rego", "data.bench.indexed.findings"),
    ):
        if name == "naive" and size > 10_000 and os.environ.get("ENFORCER_BENCH_SKIP_SLOW"):
            continue
        run = _opa_eval(policy, query, path, rounds=1)
        assert run.returncode == 0, run.stdout[:300]
        found = {tuple(pair) for pair in orjson.loads(run.stdout)["result"][0]["expressions"][0]["value"]}
        registry.record(f"{name} rego opa {label}", run.seconds, run.peak_mib, note=f"opa eval, {policy.name}")
        registry.checks[f"{label}: {policy.name} on opa finds the same (component, ban) pairs"] = found == ours
    _reference_on_opa(path, label, registry)


def _reference_on_opa(path: Path, label: str, registry: Registry) -> None:
    """The best plain Rego: the reference rule over normalised records (policies/enforcer/reference.rego).

    Its input is what the enforcer's loader and normaliser produce (every
    component's values with their normalised keys, and the bans' keys): the
    matching itself is what it measures, in Rego with precomputed sets.
    """
    from enforcer.load import read_document
    from enforcer.match.reference import REFERENCE_QUERY, fast_evidence, reference_evidence, reference_input

    options = Options(as_of=AS_OF, policies=COMPARISON_POLICIES)
    with Enforcer(options) as enforcer:
        document = read_document(str(path), needles=enforcer.needles)
        fast = fast_evidence(document.loaded(enforcer.needles).records, enforcer.index)
        payload = reference_input(document.records(), enforcer.index)
    input_path = DATA / f"reference-input-{label}.json"
    input_path.write_bytes(orjson.dumps(payload))
    del payload
    run = _opa_eval(ROOT / "policies" / "enforcer" / "reference.rego", REFERENCE_QUERY, input_path, rounds=1)
    assert run.returncode == 0, run.stdout[:300]
    registry.record(
        f"reference rego opa {label}",
        run.seconds,
        run.peak_mib,
        note="opa eval, reference.rego over normalised records",
    )
    value = orjson.loads(run.stdout)["result"][0]["expressions"][0]["value"]
    theirs = {(index, item) for index, items in reference_evidence(value).items() for item in items}
    ours = {(index, item) for index, items in fast.items() for item in items}
    registry.checks[f"{label}: reference.rego on opa finds the same evidence as the enforcer"] = theirs == ours


# -- small SBOMs: start-up time ------------------------------------------------------------------


def test_start_up_floor(registry: Registry) -> None:
    """What any check pays before it reads a byte: the interpreter and the libraries a check imports."""
    argv = [PYTHON, "-c", "import argparse, pathlib, msgspec, orjson, regopy, enforcer._scan"]
    run = measure(argv, rounds=9)
    assert run.returncode == 0
    registry.record("start-up floor", run.seconds, run.peak_mib, note="python -c 'import msgspec, orjson, regopy, ...'")


def test_small_sbom_process(registry: Registry) -> None:
    """A 10-component check with the shipped pack, the policy cache warm (the run before the rounds fills it)."""
    path = sbom(10, banned_every=3, nested_every=0)
    argv = [*ENFORCER, "check", str(path), "--as-of", AS_OF.isoformat(), "--fail-on", "never"]
    assert measure(argv, rounds=1).returncode == 0
    run = measure(argv, rounds=9)
    assert run.returncode == 0
    registry.record(
        "check process 10 components", run.seconds, run.peak_mib, note="python -m enforcer check, whole pack"
    )


@pytest.mark.parametrize("command", [["--help"], ["version"]], ids=["help", "version"])
def test_start_up_process(registry: Registry, command: list[str]) -> None:
    """The commands that do no work: what the command line itself costs to start."""
    run = measure([*ENFORCER, *command], rounds=9)
    assert run.returncode == 0
    assert run.stdout.startswith(b"enforcer ") or b"Usage:" in run.stdout or b"usage:" in run.stdout
    registry.record(f"enforcer {command[0]} process", run.seconds, run.peak_mib, note="python -m enforcer")


# -- many SBOMs: --jobs 2 against --jobs 1 --------------------------------------------------------


def _batch_dir(files: int, components: int) -> Path:
    folder = DATA / f"batch-{files}x{components}"
    marker = folder / ".complete"
    if not marker.exists():
        folder.mkdir(parents=True, exist_ok=True)
        source = sbom(components)
        data = source.read_bytes()
        for number in range(files):
            (folder / f"sbom-{number:04d}.cdx.json").write_bytes(data)
        marker.write_text("ok")
    return folder


_CPU_LOOP = """
import os, sys, time
def work():
    total = 0
    for i in range(15_000_000):
        total += i
processes = int(sys.argv[1])
start = time.perf_counter()
children = []
for _ in range(processes):
    pid = os.fork()
    if pid == 0:
        work()
        os._exit(0)
    children.append(pid)
for pid in children:
    os.waitpid(pid, 0)
print(time.perf_counter() - start)
"""


def test_cpu_scaling(registry: Registry) -> None:
    """What two processes can gain on this machine: the same CPU-bound loop in one process and in two.

    The ceiling of the --jobs 2 target: 2 x (one process) / (two processes, each doing the same work).
    """
    for processes in (1, 2):
        runs = sorted(
            float(subprocess.run([PYTHON, "-c", _CPU_LOOP, str(processes)], capture_output=True, text=True).stdout)
            for _ in range(3)
        )
        registry.record(f"cpu loop x{processes} processes", runs[1], note="the same pure-Python loop in each")


def test_batch_jobs(registry: Registry) -> None:
    """1,000 SBOMs of 500 components: one process against two (this machine has 2 cores)."""
    folder = _batch_dir(1000, 500)
    outputs = {}
    for jobs in (1, 2):
        argv = [*ENFORCER, "check", str(folder), "--jobs", str(jobs), "--as-of", AS_OF.isoformat()]
        argv += ["--format", "json", "--fail-on", "never"]
        run = measure(argv, rounds=3)
        assert run.returncode == 0
        registry.record(f"batch jobs {jobs}", run.seconds, run.peak_mib, note="1,000 SBOMs x 500 components")
        report = orjson.loads(run.stdout)
        outputs[jobs] = [(s["path"], len(s["findings"])) for s in report["sboms"]]
    registry.checks["batch: --jobs 2 reports the same findings as --jobs 1"] = outputs[1] == outputs[2]
    assert outputs[1] == outputs[2]
