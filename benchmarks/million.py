"""One million components: `enforcer check` against `orjson.loads`, wall time and peak memory.

    python benchmarks/million.py                 # 1,000,000 components (about 800 MB)
    python benchmarks/million.py --components 200000

Generates the SBOM once into bench-data/ (fixtures/generate.py), then runs, as
separate processes so each peak resident set is its own:

1. `python -m enforcer check FILE` with the whole shipped government pack
   (through the native scanner when it is installed);
2. `orjson.loads` of the same bytes (the time of the call alone, the file
   already read), with the garbage collector as Python leaves it, and again
   with it disabled (the best case for orjson);
3. the same check on the pure-Python path (`ENFORCER_NATIVE=0`), which must
   report the same findings (`--no-python-path` skips it).

Prints the figures and PASS/FAIL for the targets (check <= 0.5 x orjson.loads,
against both orjson figures; peak memory <= 2.5 x the file size), and writes
bench-data/results-<N>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixtures.generate import write  # noqa: E402

LOADS = """
import gc, sys, time, orjson
data = open(sys.argv[1], "rb").read()
if sys.argv[2] == "nogc":
    gc.disable()
start = time.perf_counter()
document = orjson.loads(data)
print(time.perf_counter() - start)
"""


def run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak resident MiB and stdout of a command."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    stdout = process.stdout.read() if process.stdout else b""
    stderr = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{argv[:4]} failed with exit {code}: {stderr.decode()[-500:]}")
    return seconds, usage.ru_maxrss / 1024, stdout.decode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--components", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, default=ROOT / "bench-data")
    parser.add_argument(
        "--no-python-path",
        action="store_true",
        help="do not run the pure-Python path (ENFORCER_NATIVE=0) for comparison",
    )
    parser.add_argument(
        "--large",
        action="store_true",
        help="a file larger than memory should allow: check its peak memory against 2 GiB instead of orjson",
    )
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    path = args.data / f"cdx-{args.components}.json"
    if not path.exists():
        print(f"generating {path} ...", flush=True)
        start = time.perf_counter()
        write(path.with_suffix(".partial"), args.components)
        path.with_suffix(".partial").replace(path)
        print(f"  generated in {time.perf_counter() - start:.1f} s", flush=True)
    size_mib = path.stat().st_size / 2**20
    print(f"{path.name}: {args.components:,} components, {size_mib:,.0f} MiB, {os.cpu_count()} cores", flush=True)

    check_argv = [
        sys.executable,
        "-m",
        "enforcer",
        "check",
        str(path),
        "--as-of",
        "2024-10-01",
        "--format",
        "json",
        "--output",
        str(args.data / "million-report.json"),
        "--fail-on",
        "never",
    ]
    check_seconds, check_peak, _ = run(check_argv)
    report = json.loads((args.data / "million-report.json").read_text())
    summary = report["summary"]
    if args.large:
        return _report_large(args, size_mib, check_seconds, check_peak, report)
    loads_wall, loads_peak, loads_out = run([sys.executable, "-c", LOADS, str(path), "gc"])
    loads_seconds = float(loads_out.strip())
    nogc_wall, nogc_peak, nogc_out = run([sys.executable, "-c", LOADS, str(path), "nogc"])
    nogc_seconds = float(nogc_out.strip())

    python_path: dict[str, object] = {}
    same = None
    if not args.no_python_path:
        python_argv = [*check_argv]
        python_argv[python_argv.index("--output") + 1] = str(args.data / "million-report-python.json")
        py_seconds, py_peak, _ = run(python_argv, env={**os.environ, "ENFORCER_NATIVE": "0"})
        theirs = json.loads((args.data / "million-report-python.json").read_text())
        same = _findings(report) == _findings(theirs)
        python_path = {
            "python_path_seconds": round(py_seconds, 2),
            "python_path_peak_mib": round(py_peak, 1),
            "ratio_python_path_to_check": round(py_seconds / check_seconds, 2),
        }

    ratio = check_seconds / loads_seconds
    ratio_nogc = check_seconds / nogc_seconds
    memory_ratio = check_peak / size_mib
    figures = {
        "components": args.components,
        "file_mib": round(size_mib, 1),
        "cores": os.cpu_count(),
        "check_seconds": round(check_seconds, 2),
        "check_peak_mib": round(check_peak, 1),
        "components_per_second": round(args.components / check_seconds),
        "findings": {key: summary[key] for key in ("deny", "warn", "waived", "allow")},
        "orjson_loads_seconds": round(loads_seconds, 2),
        "orjson_loads_peak_mib": round(loads_peak, 1),
        "orjson_loads_nogc_seconds": round(nogc_seconds, 2),
        "ratio_check_to_loads": round(ratio, 3),
        "ratio_check_to_loads_nogc": round(ratio_nogc, 3),
        "ratio_peak_to_file": round(memory_ratio, 2),
        **python_path,
    }
    print(json.dumps(figures, indent=2))
    checks = [
        (
            f"check <= 0.5 x orjson.loads with the garbage collector off (its best case): {ratio_nogc:.2f}x",
            ratio_nogc <= 0.5,
        ),
        (f"check <= 0.5 x orjson.loads as Python runs it (collector on): {ratio:.2f}x", ratio <= 0.5),
        (f"peak memory <= 2.5 x file size: {memory_ratio:.2f}x", memory_ratio <= 2.5),
    ]
    if same is not None:
        checks.append(("the pure-Python path reports the same findings", same))
    for text, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    (args.data / f"results-{args.components}.json").write_text(json.dumps(figures, indent=2))
    return 0 if all(ok for _, ok in checks) else 1


def _findings(report: dict[str, object]) -> list[tuple[str, str, str, str]]:
    sboms = report["sboms"]
    assert isinstance(sboms, list)
    return sorted(
        (f["component"]["ref"], f["ban"], f["verdict"], json.dumps(f["matches"], sort_keys=True))
        for sbom in sboms
        for f in sbom["findings"]
    )


def _report_large(
    args: argparse.Namespace, size_mib: float, seconds: float, peak: float, report: dict[str, object]
) -> int:
    summary = report["summary"]
    assert isinstance(summary, dict)
    figures = {
        "components": args.components,
        "file_mib": round(size_mib, 1),
        "cores": os.cpu_count(),
        "mode": "native scanner, memory-mapped",
        "check_seconds": round(seconds, 2),
        "check_peak_mib": round(peak, 1),
        "components_per_second": round(args.components / seconds),
        "mib_per_second": round(size_mib / seconds, 1),
        "checked_components": summary["components"],
        "findings": {key: summary[key] for key in ("deny", "warn", "waived", "allow")},
    }
    print(json.dumps(figures, indent=2))
    complete = summary["components"] == args.components
    checks = [
        (f"peak memory under 2 GiB: {peak:,.0f} MiB", peak < 2048),
        (f"complete: {summary['components']:,} of {args.components:,} components checked", complete),
    ]
    for text, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    (args.data / f"results-large-{args.components}.json").write_text(json.dumps(figures, indent=2))
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
