"""Start-up of the command line, one version against another, runs interleaved.

    git archive ec7865e enforcer policies | tar -x -C /tmp/before   # the argparse command line
    python benchmarks/startup.py --before /tmp/before --rounds 15

Runs `python -m enforcer --help`, `version` and a 10-component check with the
shipped pack (cache warm) from the tree given and from this checkout, in turn,
so that both see the same load on the machine; prints the median wall time
and the largest peak memory of each. The working directory of the runs is a
temporary folder: `python -m` puts the working directory first on sys.path.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.conftest import _run_with_rusage, sbom  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="a tree with the other version's enforcer/")
    parser.add_argument("--rounds", type=int, default=15)
    options = parser.parse_args()
    small = sbom(10, banned_every=3, nested_every=0)
    cases = {
        "enforcer --help": ["--help"],
        "enforcer version": ["version"],
        "enforcer check, 10 components": ["check", str(small), "--as-of", "2024-10-01", "--fail-on", "never"],
    }
    trees = {"before": str(options.before.resolve()), "after": str(ROOT)}
    os.chdir(tempfile.mkdtemp(prefix="enforcer-startup-"))
    for name, args in cases.items():
        seconds: dict[str, list[float]] = {label: [] for label in trees}
        peak: dict[str, float] = dict.fromkeys(trees, 0.0)
        for round_ in range(options.rounds + 1):
            for label, tree in trees.items():
                run = _run_with_rusage([sys.executable, "-m", "enforcer", *args], {**os.environ, "PYTHONPATH": tree})
                assert run.returncode == 0, f"{label}: {name} exited {run.returncode}"
                if round_:  # the first round warms the caches
                    seconds[label].append(run.seconds)
                    peak[label] = max(peak[label], run.peak_mib)
        figures = ", ".join(
            f"{label} {statistics.median(values):.3f} s, {peak[label]:.1f} MiB" for label, values in seconds.items()
        )
        print(f"{name:32s} {figures}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
