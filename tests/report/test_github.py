"""GitHub workflow commands: one annotation per finding, escaped as the runner expects."""

from __future__ import annotations

import pytest

from enforcer.report.github import GithubReporter, escape_data, escape_property


@pytest.mark.parametrize(
    ("value", "data", "prop"),
    [
        ("plain text", "plain text", "plain text"),
        ("100%", "100%25", "100%25"),
        ("a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("%0A", "%250A", "%250A"),
    ],
    ids=["plain", "percent", "newlines", "colon-comma", "already-encoded"],
)
def test_escaping(value, data, prop):
    assert escape_data(value) == data
    assert escape_property(value) == prop


def test_one_command_per_finding_needing_attention(result):
    lines = GithubReporter().render(result).splitlines()
    commands = [line.split(" ", 1)[0] for line in lines]
    assert commands == ["::error", "::error", "::warning", "::notice", "::error", "::notice"]
    assert lines[0].startswith(
        "::error file=sboms/agent.cdx.json,title=deny%3A Kaspersky (us-commerce-icts-kaspersky-2024)::"
        "av-engine@21.3.10 comes from Kaspersky: banned since 2024-09-29"
    )
    assert lines[4].startswith("::error file=sboms/broken.json,title=enforcer%3A unreadable SBOM::")
    assert lines[-1] == (
        "::notice title=enforcer::4 SBOMs, 162 components (5 without identity, 3.1%25):"
        " 2 deny, 1 warn, 1 waived, 1 allow; 1 unreadable"
    )


def test_a_hostile_name_cannot_start_a_command(result):
    text = GithubReporter().render(result)
    # every line is a command we wrote: the name's newline and "::error::" stayed inside one message
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in text.splitlines())
    [warning] = [line for line in text.splitlines() if line.startswith("::warning")]
    assert "evil|name%0A::error::x" in warning
    assert "100%25, a:b" in warning
