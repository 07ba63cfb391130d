"""Time and memory of the hostile inputs: the bounds of README "Safety limits", measured.

    python benchmarks/hostile.py                  # every case, about two minutes
    python benchmarks/hostile.py --python PATH    # another interpreter (another checkout's .venv)

Each case is generated once into bench-data/hostile/ and checked by
`enforcer check` in a separate process (its own peak resident set, VmHWM),
through the native scanner and, where the path matters, the pure-Python path
(`ENFORCER_NATIVE=0`):

- a 10 MB gzip bomb (10 GiB of spaces after a CycloneDX head), and one of
  NUL bytes; endless zeros on standard input (`/dev/zero`);
- the amplification inputs: forty supplier names of 60 KB, twenty purls,
  groups and URLs of 64 KB;
- a chain of 20,000 banned components in the dependency graph (the report's
  paths are bounded at 48 labels);
- 100,000 components from one banned supplier (1.2 million findings with the
  whole pack): the time, the peak and the size of the JSON report;
- the check for repeated keys on 100,000 generated components (80 MB): the
  native `check_keys` and the standard library's decoder of the Python path,
  against the typed decode it precedes.

Prints a Markdown table (the figures of BENCHMARKS.md) and writes
bench-data/hostile.json. With `--python` it measures another installation
(for the figures before a change) with the same inputs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("ENFORCER_BENCH_DATA", ROOT / "bench-data")) / "hostile"
sys.path.insert(0, str(ROOT))

from fixtures.generate import write as generate  # noqa: E402

BANNED = "AO Kaspersky Lab"
AS_OF = ["--as-of", "2024-10-01"]

#: runs the CLI in a child process and reports its exit code, wall time and peak memory
RUN = """
import json, os, sys, time
started = time.perf_counter()
from enforcer.cli import run
code = run(sys.argv[2:])
seconds = time.perf_counter() - started
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
with open(sys.argv[1], "w") as out:
    json.dump({"code": code, "seconds": seconds, "peak_mib": peak / 1024}, out)
"""

KEYS = """
import json, sys, time, gc
gc.disable()
data = open(sys.argv[1], "rb").read()
from enforcer.load import _keys
from enforcer.load.cyclonedx_json import _DECODER
from enforcer._native import native_module
figures = {}
started = time.perf_counter(); _DECODER.decode(data); figures["typed decode"] = time.perf_counter() - started
started = time.perf_counter(); _keys.python_report(data); figures["keys, Python"] = time.perf_counter() - started
module = native_module()
if module is not None:
    started = time.perf_counter(); module.check_keys(data); figures["keys, native"] = time.perf_counter() - started
print(json.dumps(figures))
"""


def _cdx(components: list[dict[str, Any]], **top: Any) -> dict[str, Any]:
    return {"bomFormat": "CycloneDX", "specVersion": "1.5", **top, "components": components}


def _banned(name: str, **fields: Any) -> dict[str, Any]:
    return {"type": "application", "name": name, "supplier": {"name": BANNED}, **fields}


def _once(name: str, make: Any) -> Path:
    path = DATA / name
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        make(partial)
        partial.replace(path)
    return path


def gzip_bomb(path: Path, filler: bytes) -> None:
    """10 GiB of `filler` after a CycloneDX head, in about 10 MB (one deflate block repeated)."""
    head = b'{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": ['
    first, packer = zlib.compressobj(9, zlib.DEFLATED, -15), zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(filler * (1 << 20)) + packer.flush(zlib.Z_FULL_FLUSH)
    with path.open("wb") as stream:
        stream.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")
        stream.write(first.compress(head) + first.flush(zlib.Z_FULL_FLUSH))
        for _ in range(10 << 10):
            stream.write(block)
        stream.write(packer.compress(b"]}") + packer.flush() + bytes(8))


def amplifying(path: Path) -> None:
    names = ["a" * 60_000, "a." * 30_000, ("word " * 12_000)[:60_000], "Kaspersky " * 6_000]
    components: list[dict[str, Any]] = [
        {"type": "library", "name": f"s{i}", "supplier": {"name": names[i % 4]}} for i in range(40)
    ]
    for i in range(20):
        segments = "/".join(["a"] * 32_000)[:64_000]
        components.append({"type": "library", "name": f"p{i}", "purl": f"pkg:maven/com.kaspersky/{segments}"})
        components.append({"type": "library", "name": f"g{i}", "group": "com.kaspersky." + "a." * 31_000 + "a"})
        url = "https://" + "a." * 32_000 + "kaspersky.com"
        components.append({"type": "library", "name": f"u{i}", "externalReferences": [{"type": "website", "url": url}]})
    path.write_text(json.dumps(_cdx(components)))


def chain(path: Path, depth: int = 20_000) -> None:
    components = [_banned(f"c{i}", **{"bom-ref": f"c{i}"}) for i in range(depth)]
    dependencies = [{"ref": "root", "dependsOn": ["c0"]}]
    dependencies += [{"ref": f"c{i}", "dependsOn": [f"c{i + 1}"]} for i in range(depth - 1)]
    root = {"type": "application", "name": "root", "bom-ref": "root"}
    path.write_text(json.dumps(_cdx(components, metadata={"component": root}, dependencies=dependencies)))


def one_supplier(path: Path, count: int = 100_000) -> None:
    path.write_text(json.dumps(_cdx([_banned(f"kav-{i}", **{"bom-ref": f"c{i}"}) for i in range(count)])))


def measure(python: str, args: list[str], *, native: bool = True, stdin: Any = None) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("r", suffix=".json") as result:
        environment = {**os.environ, "ENFORCER_NATIVE": "1" if native else "0"}
        subprocess.run(
            [python, "-c", RUN, result.name, *args],
            env=environment,
            stdin=stdin,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=3600,
            check=False,
        )
        text = result.read()
    return json.loads(text) if text else {"code": None, "seconds": None, "peak_mib": None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable, help="the interpreter whose enforcer is measured")
    options = parser.parse_args()
    python = options.python
    rows: list[dict[str, Any]] = []

    def case(name: str, args: list[str], *, paths: tuple[bool, ...] = (True, False), **extra: Any) -> None:
        for native in paths:
            figure = measure(python, [*args, *AS_OF], native=native, stdin=extra.get("stdin"))
            report = extra.get("report")
            if report is not None and Path(report).exists():
                figure["report_mib"] = Path(report).stat().st_size / (1 << 20)
                Path(report).unlink()
            figure.update(case=name, path="native" if native else "Python")
            rows.append(figure)
            print(json.dumps(figure), file=sys.stderr, flush=True)

    bomb = _once("bomb-spaces.json.gz", lambda path: gzip_bomb(path, b" "))
    nul = _once("bomb-nul.json.gz", lambda path: gzip_bomb(path, b"\x00"))
    case("gzip bomb, 10 MB -> 10 GiB of spaces", ["check", str(bomb)], paths=(True,))
    case("gzip bomb, 10 MB -> 10 GiB of NUL", ["check", str(nul)], paths=(True,))
    with open("/dev/zero", "rb") as zeros:
        case("endless zeros on standard input", ["check", "-"], paths=(True,), stdin=zeros)
    amplify = _once("amplify.json", amplifying)
    case("40 names of 60 KB, 60 purls/groups/URLs of 64 KB", ["check", str(amplify)])
    deep = _once("chain-20000.json", chain)
    report = str(DATA / "report.json")
    case("chain of 20,000 banned components", ["check", str(deep), "-f", "json", "-o", report], report=report)
    many = _once("one-supplier-100000.json", one_supplier)
    case(
        "100,000 components of one banned supplier",
        ["check", str(many), "-f", "json", "-o", report],
        paths=(True,),
        report=report,
    )
    generated = DATA / "cdx-100000.json"
    if not generated.exists():
        generate(generated, 100_000)
    keys = subprocess.run([python, "-c", KEYS, str(generated)], capture_output=True, text=True, check=True)
    key_figures = json.loads(keys.stdout)

    print("| input | path | exit | time (s) | peak (MiB) | report (MiB) |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        report_size = f"{row['report_mib']:.0f}" if "report_mib" in row else ""
        seconds = f"{row['seconds']:.2f}" if row["seconds"] is not None else "?"
        peak = f"{row['peak_mib']:.0f}" if row["peak_mib"] is not None else "?"
        print(f"| {row['case']} | {row['path']} | {row['code']} | {seconds} | {peak} | {report_size} |")
    print()
    print(f"repeated-key check on {generated.stat().st_size / 1e6:.0f} MB (100,000 components):")
    for name, seconds in key_figures.items():
        print(f"- {name}: {seconds:.3f} s")
    out = DATA.parent / "hostile.json"
    out.write_text(json.dumps({"python": python, "cases": rows, "keys": key_figures, "at": time.time()}, indent=2))


if __name__ == "__main__":
    main()
