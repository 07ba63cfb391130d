"""Inventory benchmarks: impact and diff over a synthetic portfolio, ingest throughput, store size.

    python benchmarks/inventory.py --sboms 100000 --postgres postgresql://...   (make bench-inventory)

1. The portfolio (`fixtures/portfolio.py`, seed 7) is fed into a SQLite store
   (bench-data/inventory/portfolio-N.db) and a PostgreSQL database
   (portfolio_N) directly, without files; both are kept and reused.
2. On each store: `impact` of the whole government pack (policies/) with the
   match cache cold (cleared) and warm, `impact` after a new ban lands (one
   ban never scanned before), `impact` of every release, and `diff` of two pack
   versions (the pack against the pack without one instrument and with
   another's dates moved), each the median of a few runs, in this process.
3. Ingest from files (a second portfolio, seed 11, written once): one process,
   two processes, and a Dask cluster of two single-threaded workers started
   here, into fresh SQLite stores; beside them, what this machine's two cores
   give a CPU-bound loop in two processes against one (other work shares them).
4. Store size per stored component (per row of `sbom_component`, and per
   component as the SBOMs list them).

Figures go to bench-data/inventory.json and are printed; BENCHMARKS.md quotes them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from enforcer.inventory import Inventory  # noqa: E402
from fixtures import portfolio  # noqa: E402

DATA = Path(os.environ.get("ENFORCER_BENCH_DATA", ROOT / "bench-data")) / "inventory"
POLICIES = ROOT / "policies"
DAY = dt.date(2026, 1, 15)
NEW_BAN = """package enforcer.bans

import rego.v1

bans contains {{
    "id": "bench-new-ban-{n}",
    "vendor": {vendor},
    "match": {{"organizations": [{vendor}]}},
    "phases": [{{"effect": "deny", "from": "2025-01-01", "summary": "a ban that just landed"}}],
    "scopes": ["us"],
}}
"""


def landing_vendors(count: int) -> list[str]:
    """Vendors a new ban might name: publishers of a few libraries (5 to 20), one of them well used."""
    world = portfolio.universe()
    published: dict[str, list[int]] = {}
    for rank, package in enumerate(world.packages):
        if package.publisher:
            published.setdefault(package.publisher, []).append(rank)
    chosen = [name for name, ranks in published.items() if 5 <= len(ranks) <= 20 and 300 <= min(ranks) <= 3000]
    return sorted(chosen, key=lambda name: min(published[name]))[:count]


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = function()
    return time.perf_counter() - started, value


def median_of(runs: int, function: Callable[[], Any]) -> tuple[float, Any]:
    times = []
    value = None
    for _ in range(runs):
        seconds, value = timed(function)
        times.append(seconds)
    return statistics.median(times), value


# -- the stores -------------------------------------------------------------------------------------


def sqlite_store(count: int) -> tuple[str, dict[str, float] | None]:
    path = DATA / f"portfolio-{count}.db"
    if path.exists():
        with Inventory(path) as inventory:
            if inventory.stats()["sbom"] == count:
                return str(path), None
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    print(f"building the SQLite portfolio of {count:,} SBOMs (once)", file=sys.stderr)
    seconds, timings = timed(lambda: portfolio.feed(str(path), count, progress=True))
    return str(path), {"seconds": seconds, **timings}


def postgres_store(server: str, count: int) -> tuple[str, dict[str, float] | None]:
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"portfolio_{count}"
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists:
            with Inventory(url) as inventory:
                if inventory.stats()["sbom"] == count:
                    return url, None
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    print(f"building the PostgreSQL portfolio of {count:,} SBOMs (once)", file=sys.stderr)
    seconds, timings = timed(lambda: portfolio.feed(url, count, progress=True))
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    return url, {"seconds": seconds, **timings}


def store_size(inventory: Inventory) -> int:
    if inventory.dialect == "sqlite":
        with inventory._engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return sum(
            os.path.getsize(f"{inventory.url}{s}") for s in ("", "-wal") if os.path.exists(f"{inventory.url}{s}")
        )
    with inventory._engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT pg_database_size(current_database())").scalar_one())


def clear_cache(inventory: Inventory) -> None:
    """Empty the match and path caches: the store as `add` leaves it."""
    with inventory._engine.begin() as connection:
        for table in ("match_hit", "match_scan", "path_cache"):
            connection.exec_driver_sql(f"DELETE FROM {table}")


def pack_versions(folder: Path) -> tuple[Path, Path]:
    """The pack as shipped, and an earlier version: without one instrument, with another's dates moved."""
    earlier = folder / "pack-earlier"
    if earlier.exists():
        shutil.rmtree(earlier)
    shutil.copytree(POLICIES, earlier)
    (earlier / "gov" / "us_fcc_covered_list_2025_12_uas.rego").unlink()
    icts = earlier / "gov" / "us_commerce_icts_kaspersky.rego"
    icts.write_text(icts.read_text(encoding="utf-8").replace('"from": "2024-', '"from": "2030-'), encoding="utf-8")
    return POLICIES, earlier


def measure_store(url: str, runs: int, folder: Path) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    with Inventory(url) as inventory:
        stats = inventory.stats()
        figures["rows"] = stats
        size = store_size(inventory)
        sbom_components = stats["sbom_component"]
        figures["size_bytes"] = size
        figures["bytes_per_stored_component"] = round(size / max(1, sbom_components), 1)
        inventory.impact(as_of=DAY, scopes=["us"])  # imports, engine, ban table cache: not what is measured
        clear_cache(inventory)
        seconds, cold_all = timed(lambda: inventory.impact(as_of=DAY, scopes=["us"], all_releases=True))
        figures["impact_all_releases_cold_cache"] = {"seconds": round(seconds, 3), "timings": cold_all.timings}
        clear_cache(inventory)
        seconds, cold = timed(lambda: inventory.impact(as_of=DAY, scopes=["us"]))
        figures["impact_cold_cache"] = {"seconds": round(seconds, 3), "timings": cold.timings}
        seconds, warm = median_of(runs, lambda: inventory.impact(as_of=DAY, scopes=["us"]))
        figures["impact"] = {
            "seconds": round(seconds, 3),
            "timings": warm.timings,
            "sboms": warm.sboms,
            "products_hit": len(warm.products),
            "findings": sum(len(item.findings) for item in warm.products),
        }
        landed = []
        hit = []
        for number, vendor in enumerate(landing_vendors(runs)):
            ban = folder / f"new-ban-{os.getpid()}-{number}.rego"
            ban.write_text(NEW_BAN.format(n=number, vendor=json.dumps(vendor)), encoding="utf-8")
            started = time.perf_counter()
            landing = inventory.impact([POLICIES, ban], as_of=DAY, scopes=["us"])
            landed.append(time.perf_counter() - started)
            hit.append(sum(1 for item in landing.products if f"bench-new-ban-{number}" in item.bans))
            ban.unlink()
        figures["impact_after_a_ban_lands"] = {"seconds": round(statistics.median(landed), 3), "products_it_hits": hit}
        seconds, every = median_of(runs, lambda: inventory.impact(as_of=DAY, scopes=["us"], all_releases=True))
        figures["impact_all_releases"] = {
            "seconds": round(seconds, 3),
            "sboms": every.sboms,
            "products_hit": len(every.products),
            "findings": sum(len(item.findings) for item in every.products),
        }
        new, base = pack_versions(folder)
        seconds, diff = median_of(runs, lambda: inventory.diff([new], [base], as_of=DAY, scopes=["us"]))
        figures["diff"] = {
            "seconds": round(seconds, 3),
            "products_changed": len(diff.products),
            "findings_changed": len(diff.findings),
            "timings": diff.timings,
        }
        figures["diff_over_impact"] = round(figures["diff"]["seconds"] / figures["impact"]["seconds"], 2)
    code = (
        "import datetime as dt, sys; from enforcer.inventory import Inventory;"
        "Inventory(sys.argv[1]).impact(as_of=dt.date(2026, 1, 15), scopes=['us'])"
    )
    seconds, _ = median_of(runs, lambda: subprocess.run([sys.executable, "-c", code, url], check=True))
    figures["impact_whole_process"] = {"seconds": round(seconds, 3)}
    return figures


# -- ingest -------------------------------------------------------------------------------------------


def _spin(seconds: float) -> int:
    end = time.perf_counter() + seconds
    count = 0
    while time.perf_counter() < end:
        count += 1
    return count


def cpu_scaling() -> float:
    """How much more a CPU-bound loop gets done in two processes than in one, on this machine now."""
    one = _spin(2.0)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        two = sum(pool.map(_spin, [2.0, 2.0]))
    return round(two / one, 2)


def start_dask(logs: Path) -> tuple[str, list[subprocess.Popen[bytes]]]:
    from distributed import Client as connect

    client_of: Any = connect
    binary = str(Path(sys.executable).parent / "dask")
    logs.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    processes = []
    command = [binary, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--dashboard-address", ":0"]
    with (logs / "scheduler.log").open("wb") as log:
        processes.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT))
    for number in range(2):
        command = [binary, "worker", address, "--nthreads", "1", "--nworkers", "1", "--dashboard-address", ":0"]
        with (logs / f"worker{number}.log").open("wb") as log:
            processes.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT))
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with client_of(address, timeout=5, set_as_default=False) as client:
                client.wait_for_workers(2, timeout=60)
                return address, processes
        except (OSError, TimeoutError):
            time.sleep(0.5)
    raise RuntimeError("the Dask cluster did not start")


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def measure_ingest(files: int, folder: Path) -> dict[str, Any]:
    corpus = folder / f"files-{files}"
    if not corpus.exists() or len(list(corpus.iterdir())) != files:
        shutil.rmtree(corpus, ignore_errors=True)
        portfolio.write_files(files, corpus, seed=11)
    paths = sorted(str(path) for path in corpus.iterdir())
    figures: dict[str, Any] = {"sboms": files}
    components = 0
    # what reading alone and writing alone cost, per SBOM, in one process
    from enforcer.inventory._pipeline import read_sbom
    from enforcer.inventory._types import ExtractedSbom

    seconds, read = timed(lambda: [read_sbom(path) for path in paths])
    extracted = [item for item in read if isinstance(item, ExtractedSbom)]
    components = sum(item.components for item in extracted)
    figures["components"] = components
    figures["read_only"] = {"seconds": round(seconds, 2), "ms_per_sbom": round(1000 * seconds / files, 2)}
    from enforcer.inventory._ingest import read_in_order

    seconds, _ = timed(lambda: sum(1 for _ in read_in_order(paths, frozenset(), jobs=2)))
    figures["read_only_two_processes"] = {
        "seconds": round(seconds, 2),
        "speed_up": round(figures["read_only"]["seconds"] / seconds, 2),
    }
    store = folder / "ingest-write.db"
    _remove(store)
    with Inventory(store) as inventory:
        seconds, _ = timed(lambda: [inventory.store(extracted[i : i + 200]) for i in range(0, len(extracted), 200)])
    figures["write_only"] = {"seconds": round(seconds, 2), "ms_per_sbom": round(1000 * seconds / files, 2)}
    runs: dict[str, dict[str, Any]] = {}
    address, processes = start_dask(folder / "dask-logs")
    try:
        choices: list[tuple[str, dict[str, Any]]] = [
            ("jobs=1", {}),
            ("jobs=2", {"jobs": 2}),
            ("dask, 2 workers", {"dask": address}),
        ]
        for name, options in choices:
            store = folder / "ingest.db"
            _remove(store)
            with Inventory(store) as inventory:
                started = time.perf_counter()
                result = inventory.add(paths, **options)
                seconds = time.perf_counter() - started
            assert len(result.added) == files, result.failures[:3]
            runs[name] = {
                "seconds": round(seconds, 2),
                "sboms_per_second": round(files / seconds, 1),
                "components_per_second": round(components / seconds),
            }
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
    base = runs["jobs=1"]["seconds"]
    for item in runs.values():
        item["speed_up"] = round(base / item["seconds"], 2)
    figures["runs"] = runs
    figures["cpu_scaling_two_processes"] = cpu_scaling()
    return figures


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sboms", type=int, default=100_000)
    parser.add_argument("--postgres", help="a PostgreSQL server URL (its maintenance database)")
    parser.add_argument("--files", type=int, default=1000, help="SBOM files for the ingest figures")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip", action="append", default=[], choices=["sqlite", "postgresql", "ingest"])
    args = parser.parse_args(argv)
    DATA.mkdir(parents=True, exist_ok=True)
    work = DATA / "work"
    work.mkdir(exist_ok=True)
    results: dict[str, Any] = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load": os.getloadavg()},
        "sboms": args.sboms,
    }
    if "sqlite" not in args.skip:
        url, built = sqlite_store(args.sboms)
        results["sqlite"] = {"build": built, **measure_store(url, args.runs, work)}
        print(json.dumps({"sqlite": results["sqlite"]}, indent=2, default=str), file=sys.stderr)
    if args.postgres and "postgresql" not in args.skip:
        url, built = postgres_store(args.postgres, args.sboms)
        results["postgresql"] = {"build": built, **measure_store(url, args.runs, work)}
        print(json.dumps({"postgresql": results["postgresql"]}, indent=2, default=str), file=sys.stderr)
    if "ingest" not in args.skip:
        results["ingest"] = measure_ingest(args.files, work)
    results["machine"]["load_after"] = os.getloadavg()
    out = DATA.parent / "inventory.json"
    out.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
