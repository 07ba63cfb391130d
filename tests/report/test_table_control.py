"""Text from an SBOM cannot forge lines or terminal sequences in the table."""

from __future__ import annotations

import json


def test_a_newline_in_a_component_name_stays_on_its_line(cli, tmp_path):
    sbom = tmp_path / "sbom.json"
    name = "evil\n::error file=x::forged\x1b[2J"
    sbom.write_text(
        json.dumps(
            {
                "bomFormat": "CycloneDX",
                "specVersion": "1.5",
                "components": [{"type": "library", "name": name, "supplier": {"name": "AO Kaspersky Lab"}}],
            }
        )
    )
    result = cli("check", sbom, "--as-of", "2024-10-01", "--fail-on", "never")
    assert result.exit_code == 0
    assert not any(line.startswith("::") for line in result.stdout.splitlines())
    assert "\x1b" not in result.stdout
    assert "evil\\n::error file=x::forged\\x1b[2J" in result.stdout
