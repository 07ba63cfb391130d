"""Real SBOMs mutated by hypothesis: never a traceback, never exit 0 with a banned identity in a field the loader reads.

Each example takes a real CycloneDX or SPDX JSON SBOM of the shared corpus,
gives one of its components (packages) a banned supplier (AO Kaspersky Lab,
denied on 2024-10-01 by the shipped pack), then breaks the document the ways
a hostile or unlucky generator does: a field of another type (in that
component or beside it), a repeated key, a second document appended (as
text, or as a second gzip member), invisible characters in the name, the
banned supplier itself wrapped in an array. Whatever the mutation, the run
ends with exit 1 (the vendor was found) or 3 (the document, or an identity
value in it, could not be read), with no traceback; through the native
scanner and the Python path.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile.conftest import AS_OF, BANNED

#: JSON values of every type, small
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)
INVISIBLE = ("\u200b", "\u00ad", "\u2060", "\ufeff", "\u200d")
MUTATIONS = ("wrong-type-here", "wrong-type-beside", "repeated-key", "appended", "second-member", "invisible", "array")


def _corpus(shared: Path) -> list[Path]:
    files = []
    for path in sorted((shared / "sboms" / "real").rglob("*.json")):
        if path.stat().st_size > 300_000:
            continue
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        items = _items(document)
        if items and all(isinstance(item, dict) for item in items):
            files.append(path)
    return files


def _items(document: Any) -> list[Any] | None:
    if not isinstance(document, dict):
        return None
    if document.get("bomFormat") == "CycloneDX":
        return document.get("components") or None
    if isinstance(document.get("spdxVersion"), str):
        return document.get("packages") or None
    return None


def _ban(document: dict[str, Any], item: dict[str, Any], name: str) -> None:
    if "bomFormat" in document:
        item["supplier"] = {"name": name}
    else:
        item["supplier"] = f"Organization: {name}"


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_a_mutated_real_sbom_never_passes_with_a_banned_supplier(cli, shared, tmp_path, path_kind, data):
    corpus = _corpus(shared)
    assert len(corpus) >= 10
    source = data.draw(st.sampled_from(corpus), label="sbom")
    document = json.loads(source.read_text(encoding="utf-8"))
    items = _items(document)
    assert items is not None
    target = data.draw(st.integers(0, len(items) - 1), label="component")
    item = items[target]
    mutation = data.draw(st.sampled_from(MUTATIONS), label="mutation")
    name = BANNED
    if mutation == "invisible":
        at = data.draw(st.integers(1, len(BANNED) - 1))
        name = BANNED[:at] + data.draw(st.sampled_from(INVISIBLE)) + BANNED[at:]
    _ban(document, item, name)
    if mutation in ("wrong-type-here", "wrong-type-beside"):
        victim = item if mutation == "wrong-type-here" or len(items) == 1 else items[(target + 1) % len(items)]
        keys = sorted(key for key in victim if key not in ("supplier", "components"))
        if keys:
            key = data.draw(st.sampled_from(keys), label="field")
            victim[key] = data.draw(VALUES.filter(lambda value: type(value) is not type(victim[key])), label="value")
    elif mutation == "array":
        item["supplier"] = [item["supplier"]]
    text = json.dumps(document)
    if mutation == "repeated-key":
        keys = sorted(key for key in item if key != "supplier") or ["name"]
        key = data.draw(st.sampled_from(keys), label="repeated")
        marker = json.dumps(item["supplier"])
        repeated = json.dumps(data.draw(VALUES, label="second value"))
        text = text.replace(f'"supplier": {marker}', f'"supplier": {marker}, "{key}": {repeated}', 1)
    path = tmp_path / "mutated.json"
    payload = text.encode()
    if mutation == "appended":
        payload += b"\n" + json.dumps(document).encode()
    if mutation == "second-member":
        path = tmp_path / "mutated.json.gz"
        payload = gzip.compress(b"{}") + gzip.compress(payload)
    path.write_bytes(payload)
    result = cli("check", path, *AS_OF, "-f", "json")
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    assert result.exit_code in (1, 3), f"{mutation} of {source.name} passed: {result.stderr}"
