"""The engine's bounds: loading many bans, and stopping a rule that never ends.

    python benchmarks/engine_bounds.py --bans 1000 3000 10000
    python benchmarks/engine_bounds.py --runaway 10

`--bans N...`: writes N generated bans (one file each) into bench-data/bans-N/
and times, uncached, (1) the ban table on the embedded engine
(`data.enforcer.bans.bans`, what `EmbeddedEngine.query` does) and (2) the
whole load of a check, `Enforcer(Options(policies=[DIR]))` (the ban table,
validation, waivers, the match index), with cProfile's split of (2) between
the engine and the rest. `--runaway S`: times `enforcer check` on a policy
whose ban rule never ends, with ENFORCER_EVAL_TIMEOUT=S.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench-data"

RUNAWAY = """package enforcer.bans

import rego.v1

bans contains ban if {
	count({[i, j] | some i in numbers.range(1, 3000); some j in numbers.range(1, 3000)}) > 0
	ban := {"id": "runaway", "vendor": "Runaway", "match": {"organizations": ["Runaway Ltd"]}, "phases": []}
}
"""


def generate(count: int) -> Path:
    directory = DATA / f"bans-{count}"
    if directory.is_dir() and len(list(directory.glob("*.rego"))) == count:
        return directory
    directory.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        ban = {
            "id": f"generated-{number:05d}",
            "vendor": f"Vendor {number}",
            "match": {"organizations": [f"Vendor {number} Ltd"], "domains": [f"vendor{number}.example"]},
            "phases": [{"effect": "deny", "from": "2024-01-01", "summary": "generated"}],
            "scopes": ["us"],
        }
        text = f"package enforcer.bans\n\nimport rego.v1\n\nbans contains {json.dumps(ban, indent=1)}\n"
        (directory / f"ban_{number:05d}.rego").write_text(text, encoding="utf-8")
    return directory


def bans(counts: list[int]) -> None:
    os.environ["ENFORCER_CACHE_DIR"] = "off"
    from enforcer._run import Enforcer, Options
    from enforcer.engine.embedded import EmbeddedEngine
    from enforcer.policy import BANS_QUERY, find_modules, with_decision_library

    for count in counts:
        directory = generate(count)
        modules = with_decision_library(find_modules([directory]))
        engine = EmbeddedEngine()
        engine.load(modules)
        started = time.perf_counter()
        table = engine.query(BANS_QUERY)
        table_time = time.perf_counter() - started
        assert len(table) == count
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        with Enforcer(Options(policies=[directory])) as enforcer:
            assert len(enforcer.bans) == count
        profile.disable()
        load_time = time.perf_counter() - started
        rows: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(profile).stats  # type: ignore[attr-defined]
        engine_time = sum(row[3] for key, row in rows.items() if key[2] == "query" and "enforcer/engine" in key[0])
        origin_time = sum(row[3] for key, row in rows.items() if key[2] == "_origin")
        print(
            f"{count:>6} bans: ban table {table_time:.2f} s; whole load {load_time:.2f} s"
            f" (under cProfile: engine queries {engine_time:.2f} s, _policy._origin {origin_time:.2f} s)"
        )


def runaway(limit: float) -> None:
    directory = DATA / "runaway"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "runaway.rego").write_text(RUNAWAY, encoding="utf-8")
    sbom = DATA / "runaway-clean.cdx.json"
    sbom.write_text('{"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": []}')
    environment = dict(os.environ, ENFORCER_EVAL_TIMEOUT=f"{limit:g}", ENFORCER_CACHE_DIR="off")
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "enforcer", "check", str(sbom), "-p", str(directory)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    elapsed = time.perf_counter() - started
    print(f"runaway rule, ENFORCER_EVAL_TIMEOUT={limit:g}: exit {completed.returncode} after {elapsed:.2f} s")
    print(completed.stderr.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bans", type=int, nargs="*", default=[], metavar="N")
    parser.add_argument("--runaway", type=float, metavar="SECONDS")
    arguments = parser.parse_args()
    if arguments.bans:
        bans(arguments.bans)
    if arguments.runaway is not None:
        runaway(arguments.runaway)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
