"""This checkout against an earlier one, on the same SBOMs and the same policies, runs interleaved.

    git worktree add --detach /tmp/base ec7865e && make -C /tmp/base dev     # the earlier enforcer, built
    python benchmarks/compare.py --base-python /tmp/base/.venv/bin/python \\
        --base-policies /tmp/base/policies/gov --rounds 5

For each SBOM (generated into bench-data/ by fixtures/generate.py: 10k,
100k and 1M components, one in 997 from a banned vendor; and 20,000
components all from one banned vendor, where every component is a finding),
runs `python -m enforcer check FILE --scope us` with the earlier enforcer and
with this one in turn, round after round, so that both see the same load on
the machine, and prints the median wall time and the largest peak memory of
each, and their ratio. Both use the same bans: the earlier checkout's pack
(`policies/gov`, contract 1, which this enforcer reads unchanged), each with
its own shipped decision library, so the figures compare the code; a last
line gives this enforcer on its own pack (contract 2, more bans) for scale.
Both must report the same number of findings on the contract-1 pack, or the
run stops.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.conftest import DATA, _run_with_rusage, sbom  # noqa: E402

AS_OF = "2026-12-03"


def one_vendor(components: int) -> Path:
    """An SBOM of `components` applications, every one supplied by Kaspersky: each is a finding."""
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"cdx-one-vendor-{components}.json"
    if not path.exists():
        document: dict[str, Any] = {
            "bomFormat": "CycloneDX",
            "specVersion": "1.6",
            "version": 1,
            "metadata": {"component": {"type": "application", "name": "endpoint-suite", "bom-ref": "root"}},
            "components": [
                {
                    "type": "application",
                    "bom-ref": f"k{number}",
                    "name": f"kaspersky-module-{number}",
                    "version": "21.3",
                    "supplier": {"name": "AO Kaspersky Lab", "url": ["https://www.kaspersky.com"]},
                    "purl": f"pkg:generic/kaspersky-module-{number}@21.3",
                }
                for number in range(components)
            ],
            "dependencies": [{"ref": "root", "dependsOn": [f"k{number}" for number in range(components)]}],
        }
        path.write_text(json.dumps(document), encoding="utf-8")
    return path


def run(python: str, policies: Path | None, path: Path) -> tuple[float, float, int]:
    argv = [python, "-m", "enforcer", "check", str(path), "--as-of", AS_OF, "--scope", "us", "--format", "json"]
    argv += ["--fail-on", "never"]
    if policies is not None:
        argv += ["--policy", str(policies)]
    result = _run_with_rusage(argv, {**os.environ, "ENFORCER_CACHE_DIR": CACHE})
    if result.returncode != 0:
        raise SystemExit(f"{python}: {path.name} exited {result.returncode}")
    report = json.loads(result.stdout)
    findings = sum(len(item["findings"]) for item in report["sboms"])
    return result.seconds, result.peak_mib, findings


CACHE = tempfile.mkdtemp(prefix="enforcer-compare-cache-")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-python", required=True, help="the python of the earlier enforcer's venv")
    parser.add_argument("--base-policies", type=Path, required=True, help="the earlier checkout's policies/gov")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    options = parser.parse_args()
    files = {f"{int(size):,} components": sbom(int(size)) for size in options.sizes.split(",")}
    files["20,000 from one vendor"] = one_vendor(20_000)
    pythons = {"before": options.base_python, "after": sys.executable}
    for python in pythons.values():  # as installed wheels are: no run pays for compiling the sources
        compiled = (
            "import compileall, os, enforcer; compileall.compile_dir(os.path.dirname(enforcer.__file__), quiet=2)"
        )
        subprocess.run([python, "-c", compiled], check=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""})
    os.chdir(tempfile.mkdtemp(prefix="enforcer-compare-"))
    print(f"{'SBOM':26s} {'before (s, MiB)':>18s} {'after (s, MiB)':>18s} {'after/before':>13s}")
    results = []
    for label, path in files.items():
        seconds: dict[str, list[float]] = {name: [] for name in pythons}
        peaks: dict[str, float] = dict.fromkeys(pythons, 0.0)
        counts: dict[str, int] = {}
        for round_ in range(options.rounds + 1):
            for name, python in pythons.items():
                wall, peak, findings = run(python, options.base_policies, path)
                counts[name] = findings
                if round_:  # the first round warms the caches
                    seconds[name].append(wall)
                    peaks[name] = max(peaks[name], peak)
        if counts["before"] != counts["after"]:
            raise SystemExit(f"{label}: {counts['before']} findings before, {counts['after']} after")
        before, after = (statistics.median(seconds[name]) for name in pythons)
        print(
            f"{label:26s} {before:8.3f} {peaks['before']:8.1f} {after:8.3f} {peaks['after']:8.1f}"
            f" {after / before:12.2f}x   ({counts['after']} findings)"
        )
        own = [run(sys.executable, None, path) for _ in range(max(1, options.rounds // 2))]
        own_median = statistics.median(item[0] for item in own)
        print(f"{'':26s} this enforcer on its own pack: {own_median:.3f} s, {own[0][2]} findings")
        results.append(
            {
                "sbom": label,
                "before_seconds": before,
                "after_seconds": after,
                "ratio": after / before,
                "before_peak_mib": peaks["before"],
                "after_peak_mib": peaks["after"],
                "findings": counts["after"],
                "own_pack_seconds": own_median,
                "own_pack_findings": own[0][2],
            }
        )
    (DATA / "results-compare.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
