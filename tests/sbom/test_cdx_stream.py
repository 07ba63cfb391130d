"""Streaming CycloneDX JSON: the same findings as the in-memory path, in windows."""

from __future__ import annotations

import json

import pytest

from enforcer._errors import SbomError
from enforcer.match.index import MatchIndex
from enforcer.sbom import cyclonedx_stream, load
from fixtures.generate import generate
from tests.sbom.test_cdx_fast_path import BANS


@pytest.fixture(autouse=True)
def small_window(monkeypatch):
    monkeypatch.setattr(cyclonedx_stream, "WINDOW", 4096)


def _key(result):
    return sorted((f.record.index, f.record.ref, tuple(sorted(map(str, f.evidence)))) for f in result.findings)


def _same(path):
    whole = load(str(path), stream=False)
    streamed = load(str(path), stream=True)
    assert isinstance(streamed, cyclonedx_stream.StreamingCycloneDxDocument)
    a, b = whole.scan(MatchIndex(BANS)), streamed.scan(MatchIndex(BANS))
    assert _key(a) == _key(b)
    assert (a.components, a.unidentified) == (b.components, b.unidentified)
    assert streamed.dependencies == whole.dependencies
    return b, streamed


def test_generated_sbom_in_small_windows(tmp_path):
    path = tmp_path / "gen.json"
    path.write_bytes(b"".join(generate(800, banned_every=13, nested_every=7)))
    result, document = _same(path)
    assert result.components == 800
    assert len(result.findings) > 20
    assert document.component_count == 800


def test_pretty_printed_with_metadata_children_and_a_giant_component(tmp_path):
    giant = {
        "type": "library",
        "name": "giant",
        "components": [{"type": "library", "name": f"c{i}"} for i in range(600)],
    }
    document = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "metadata": {
            "component": {"type": "application", "name": "app", "components": [{"type": "library", "name": "x"}]}
        },
        "components": [
            {"type": "library", "name": "a", "supplier": {"name": "AO Kaspersky Lab"}},
            giant,
            {
                "type": "library",
                "name": "s",
                "description": 'tricky },{ "text" ]',
                "purl": "pkg:maven/com.huawei.hms/push@1",
            },
        ],
        "services": [{"name": "svc", "provider": {"name": "Huawei Technologies Co., Ltd."}}],
        "dependencies": [{"ref": "a", "dependsOn": []}],
    }
    path = tmp_path / "pretty.json"
    path.write_text(json.dumps(document, indent=2))
    result, _ = _same(path)
    assert result.components == 603
    assert {f.record.name for f in result.findings} == {"a", "s", "svc"}


def test_truncated_file_is_a_clear_error(tmp_path):
    path = tmp_path / "cut.json"
    data = b"".join(generate(300, banned_every=0))
    path.write_bytes(data[: len(data) * 2 // 3])
    document = load(str(path), stream=True)
    with pytest.raises(SbomError, match=r"cut.json: \$.components: the array is not closed"):
        document.scan(MatchIndex(BANS))


def test_stream_flag_through_the_cli(cli, tmp_path):
    path = tmp_path / "gen.json"
    path.write_bytes(b"".join(generate(300, banned_every=29)))
    whole = cli("check", path, "--no-stream", "--format", "json", "--as-of", "2024-10-01")
    streamed = cli("check", path, "--stream", "--format", "json", "--as-of", "2024-10-01")
    assert whole.exit_code == streamed.exit_code == 1
    a, b = (json.loads(result.stdout)["sboms"][0]["findings"] for result in (whole, streamed))
    for finding in a + b:
        # a streamed SBOM names the components of a dependency path by bom-ref:
        # their names went by in earlier windows
        assert finding["component"]["path"][-1].startswith(finding["component"]["name"])
        finding["component"]["path"] = len(finding["component"]["path"])
    assert a == b


def test_stream_flag_refuses_other_formats(cli, tmp_path):
    path = tmp_path / "x.spdx"
    path.write_text("SPDXVersion: SPDX-2.3\n")
    result = cli("check", path, "--stream")
    assert result.exit_code == 3
    assert "--stream reads plain (not compressed) CycloneDX JSON only" in result.stderr
