"""Time and memory stay bounded whatever the input: bombs, endless input, long values, deep chains.

Peak memory is measured in a subprocess (its own VmHWM); the figures for
BENCHMARKS.md come from `benchmarks/hostile.py` (`make bench-hostile`).
"""

from __future__ import annotations

import json
import subprocess
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enforcer._records import ELIDED, MAX_PATH
from enforcer.match import normalise as norm
from tests.hostile.conftest import AS_OF, BANNED, banned_component, cdx, enforcer, measure_load, write


def gzip_bomb(path: Path, gigabytes: int = 10, filler: bytes = b" ") -> Path:
    """A gzip file of a CycloneDX head and `gigabytes` of `filler`: about 10 MB on disk.

    Each MiB of filler is compressed once, after a full flush, and the same
    deflate block is written again for every other MiB (the output of a
    full flush does not depend on what came before it). The trailer's CRC
    is not computed: nothing that reads a bomb gets that far.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = b'{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": ['
    block = packer.compress(filler * (1 << 20)) + packer.flush(zlib.Z_FULL_FLUSH)
    with path.open("wb") as stream:
        stream.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")  # gzip header: deflate, no name, no time
        first = zlib.compressobj(9, zlib.DEFLATED, -15)
        stream.write(first.compress(head) + first.flush(zlib.Z_FULL_FLUSH))
        for _ in range(gigabytes << 10):
            stream.write(block)
        stream.write(packer.compress(b"]}") + packer.flush())
        size = (len(head) + (gigabytes << 30) + 2) & 0xFFFFFFFF
        stream.write((0).to_bytes(4, "little") + size.to_bytes(4, "little"))
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    return gzip_bomb(tmp_path_factory.mktemp("bomb") / "bomb.json.gz")


def test_a_gzip_bomb_is_refused_at_once_in_little_memory(bomb):
    assert bomb.stat().st_size < 12 << 20
    message, seconds, peak = measure_load(bomb)
    assert message == (
        f"{bomb}: gzip data that expands more than 200 times (a decompression bomb?); refused after 17 MiB"
    )
    assert seconds < 3
    assert peak < 200 << 20, f"peak {peak >> 20} MiB"


def test_a_gzip_bomb_of_nul_bytes_is_refused_at_its_head(tmp_path):
    path = gzip_bomb(tmp_path / "nul.json.gz", gigabytes=1, filler=b"\x00")
    message, seconds, _ = measure_load(path)
    assert message == f"{path}: binary data, not an SBOM"
    assert seconds < 2


def test_a_gzip_file_under_the_size_limit_stops_at_the_limit(tmp_path):
    """A less compressible bomb (under 200-fold) still stops as soon as the output passes the limit."""
    import random

    random.seed(5)
    words = [bytes(random.choices(b"abcdefghijklmnopqrstuvwxyz", k=6)) for _ in range(64)]
    text = b'{"bomFormat": "CycloneDX", "components": [' + b" ".join(random.choices(words, k=3_000_000))
    path = tmp_path / "big.json.gz"
    path.write_bytes(zlib.compress(text, 9, wbits=31))
    message, seconds, peak = measure_load(path, ENFORCER_MAX_SBOM_BYTES=str(8 << 20))
    assert message == f"{path}: decompresses to more than the 8 MiB limit (ENFORCER_MAX_SBOM_BYTES)"
    assert peak < 150 << 20


def test_endless_zeros_on_standard_input_are_refused_at_once():
    started = time.monotonic()
    with open("/dev/zero", "rb") as zeros:
        result = enforcer("check", "-", *AS_OF, stdin=zeros, timeout=30)
    assert time.monotonic() - started < 10
    assert result.code == 3
    assert result.one_error() == "<stdin>: binary data, not an SBOM"


def test_endless_text_on_standard_input_stops_at_the_limit():
    producer = subprocess.Popen(["yes", '{"bomFormat": "CycloneDX"} '], stdout=subprocess.PIPE)
    try:
        result = enforcer(
            "check", "-", *AS_OF, stdin=producer.stdout, env={"ENFORCER_MAX_SBOM_BYTES": str(4 << 20)}, timeout=60
        )
    finally:
        producer.kill()
        producer.wait()
        assert producer.stdout is not None
        producer.stdout.close()
    assert result.code == 3
    assert result.one_error() == "<stdin>: larger than the 4 MiB limit (ENFORCER_MAX_SBOM_BYTES)"


# -- values built to multiply the work of normalisation ------------------------------------------


def _amplifying(path: Path) -> Path:
    long_names = ["a" * 60_000, "a." * 30_000, ("word " * 12_000)[:60_000], "Kaspersky " * 6_000]
    components = [{"type": "library", "name": f"s{i}", "supplier": {"name": long_names[i % 4]}} for i in range(40)]
    for i in range(20):
        path_segments = "/".join(["a"] * 32_000)[:64_000]
        components.append({"type": "library", "name": f"p{i}", "purl": f"pkg:maven/com.kaspersky/{path_segments}"})
        components.append({"type": "library", "name": f"g{i}", "group": "com.kaspersky." + "a." * 31_000 + "a"})
        reference = {"type": "website", "url": "https://" + "a." * 32_000 + "kaspersky.com"}
        components.append({"type": "library", "name": f"u{i}", "externalReferences": [reference]})
    return write(path, cdx(components))


def test_long_names_and_purls_cost_linear_time(cli, tmp_path, path_kind):
    path = _amplifying(tmp_path / "amplify.json")
    started = time.monotonic()
    result = cli("check", path, *AS_OF, "-f", "json")
    elapsed = time.monotonic() - started
    assert result.exit_code == 1, result.stderr
    assert elapsed < 10, f"{elapsed:.1f} s"  # 43 s and 1 GB before the prefixes were bounded
    matchers = {
        (finding["component"]["name"][0], finding["matches"][0]["matcher"])
        for finding in json.loads(result.stdout)["sboms"][0]["findings"]
    }
    assert matchers == {("s", "organization-prefix"), ("p", "purl"), ("g", "group"), ("u", "domain")}


def test_prefixes_are_built_only_as_long_as_a_ban_key():
    assert norm.org_prefixes("w " * 50_000, most=3) == ["w", "w w", "w w w"]
    assert norm.purl_prefixes("com.kaspersky/" + "a/" * 30_000, longest=14) == ["com", "com.kaspersky"]
    assert norm.parent_domains("a." * 30_000 + "kaspersky.com", most=2) == ["kaspersky.com"]


_TEXT = st.text(alphabet="ab.@:/-_+% K\u017f\u212a1\u00e9\t#?[]", max_size=16)


@settings(max_examples=2000, deadline=None)
@given(text=st.one_of(_TEXT, _TEXT.map(lambda text: text.replace(":", "://", 1))))
def test_the_linear_scanners_find_what_the_regexes_find(text):
    assert norm._emails(text) == [(m.start(), m.end(), m.group(1)) for m in norm._EMAIL.finditer(text)]
    assert norm._url_hosts(text) == [(m.start(), m.end(), m.group(1)) for m in norm._URL_HOST.finditer(text)]


# -- a deep chain of banned components ------------------------------------------------------------


def _chain(path: Path, depth: int) -> Path:
    components = [banned_component(name=f"c{i}", **{"bom-ref": f"c{i}"}) for i in range(depth)]
    dependencies = [{"ref": "root", "dependsOn": ["c0"]}]
    dependencies += [{"ref": f"c{i}", "dependsOn": [f"c{i + 1}"]} for i in range(depth - 1)]
    root = {"type": "application", "name": "root", "bom-ref": "root"}
    return write(path, cdx(components, metadata={"component": root}, dependencies=dependencies))


def test_a_deep_chain_has_bounded_paths_in_linear_time(tmp_path, path_kind):
    from enforcer._run import Enforcer, Options
    from enforcer.load import load

    needles = Enforcer(Options()).needles
    times = {}
    for depth in (5_000, 20_000):
        path = _chain(tmp_path / f"chain-{depth}.json", depth)
        started = time.monotonic()
        loaded = load(str(path), needles=needles)
        times[depth] = time.monotonic() - started
        records = {record.name: record for record in loaded.records}
        last = records[f"c{depth - 1}"]
        assert len(last.path) == MAX_PATH
        assert last.path[:3] == ("root", ELIDED, f"c{depth - MAX_PATH + 2}")
        assert last.path[-1] == f"c{depth - 1}"
        assert records["c3"].path == ("root", "c0", "c1", "c2", "c3")
        assert all(len(record.path) <= MAX_PATH for record in loaded.records)
    assert times[20_000] < 20
    assert times[20_000] < 10 * times[5_000] + 1, times  # 4 times the depth: about 4 times the work


def test_a_deep_chain_report_grows_with_its_findings_only(tmp_path):
    """The JSON report of a chain of 2,000 banned components: the same size per finding as of 2,000 apart."""
    chained = _chain(tmp_path / "chain.json", 2_000)
    flat = write(tmp_path / "flat.json", cdx([banned_component(name=f"c{i}") for i in range(2_000)]))
    sizes = {}
    for name, path in (("chain", chained), ("flat", flat)):
        result = enforcer("check", path, *AS_OF, "-f", "json", "-o", tmp_path / f"{name}.report.json")
        assert result.code == 1, result.stderr
        report = json.loads((tmp_path / f"{name}.report.json").read_text())
        findings = len(report["sboms"][0]["findings"])
        sizes[name] = (tmp_path / f"{name}.report.json").stat().st_size / findings
    # each finding of the chain carries a path of at most 48 labels: a bounded cost over the flat one
    assert sizes["chain"] < sizes["flat"] + MAX_PATH * 40, sizes
    assert BANNED  # the banned supplier is the same in both
