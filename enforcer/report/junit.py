"""JUnit XML, for the test reports of Jenkins, GitLab and other CI servers.

The document follows the Ant JUnit schema: `<testsuites>` holds one
`<testsuite>` per SBOM (its name is the SBOM's path) and each suite one
`<testcase>` per ban. A ban with `deny` findings in that SBOM fails: the
schema allows one `<failure>` per test case, so the failure's message counts
the denied components and its text lists every denied finding, one a line.
A disabled ban, or one outside the `--scope` selection, is skipped. An SBOM
that could not be read is a suite with a single errored test case, `load`.
Warnings, waived and allowed findings are listed in the suite's
`<system-out>`, the loader's warnings in `<system-err>`; each suite's
properties carry its counts, including the components without identity.

Checks are not timed, so every `time` is 0 and equal input gives equal bytes;
the timestamp is the run's start (SOURCE_DATE_EPOCH when set), in UTC.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from enforcer._models import BanInfo, Finding, RunResult, SbomResult
from enforcer.report.interface import Reporter, ban_selected, bans_of, component_label, unidentified_percent

#: Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class JunitReporter(Reporter):
    extension = "xml"

    def render(self, result: RunResult) -> str:
        root = ET.Element("testsuites")
        bans = list(bans_of(result).values())
        timestamp = _timestamp(result)
        for number, sbom in enumerate(result.sboms):
            root.append(_suite(number, sbom, bans, result, timestamp))
        ET.indent(root, space="  ")
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _timestamp(result: RunResult) -> str:
    started = result.started_at
    if started is None:
        started = dt.datetime.combine(result.as_of, dt.time(), dt.UTC)
    return started.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _suite(number: int, sbom: SbomResult, bans: list[BanInfo], result: RunResult, timestamp: str) -> ET.Element:
    suite = ET.Element("testsuite")
    properties = ET.SubElement(suite, "properties")
    facts = [
        ("format", sbom.format),
        ("spec_version", sbom.spec_version),
        ("as_of", result.as_of.isoformat()),
        ("scopes", ",".join(result.scopes)),
        ("components", str(sbom.components)),
        ("unidentified", str(sbom.unidentified)),
        ("unidentified_percent", unidentified_percent(sbom.components, sbom.unidentified)),
        ("unreadable", str(sbom.unreadable)),
        ("out_of_scope", str(sbom.out_of_scope)),
    ]
    facts.extend((status, str(sbom.count(status))) for status in ("deny", "warn", "waived", "allow"))
    for name, value in facts:
        ET.SubElement(properties, "property", name=name, value=_text(value))
    failures = errors = skipped = 0
    if sbom.error is not None:
        case = _case(sbom, "load")
        ET.SubElement(case, "error", message=_text(sbom.error), type="unreadable").text = _text(sbom.error)
        suite.append(case)
        errors = 1
    else:
        by_ban: dict[str, list[Finding]] = {}
        for finding in sbom.findings:
            by_ban.setdefault(finding.ban, []).append(finding)
        for ban in bans:
            case = _case(sbom, ban.id)
            suite.append(case)
            denied = [finding for finding in by_ban.get(ban.id, ()) if finding.status == "deny"]
            if not ban.enabled:
                ET.SubElement(case, "skipped", message="ban disabled")
                skipped += 1
            elif not ban_selected(ban, result.scopes):
                ET.SubElement(
                    case, "skipped", message=_text(f"outside the selected scopes ({', '.join(result.scopes)})")
                )
                skipped += 1
            elif denied:
                message = f"{len(denied)} component{'s' if len(denied) != 1 else ''} from {ban.vendor} denied"
                failure = ET.SubElement(case, "failure", message=_text(message), type="deny")
                failure.text = _text("\n".join(_line(finding) for finding in denied))
                failures += 1
    tests = len(suite) - 1
    ET.SubElement(suite, "system-out").text = _text(
        "\n".join(_line(finding) for finding in sbom.findings if finding.status != "deny")
    )
    ET.SubElement(suite, "system-err").text = _text("\n".join(sbom.warnings))
    suite.attrib.update(
        {
            "name": _text(sbom.path) or "-",
            "package": "enforcer",
            "id": str(number),
            "timestamp": timestamp,
            "hostname": "localhost",
            "tests": str(tests),
            "failures": str(failures),
            "errors": str(errors),
            "skipped": str(skipped),
            "time": "0",
        }
    )
    return suite


def _case(sbom: SbomResult, name: str) -> ET.Element:
    return ET.Element("testcase", name=_text(name), classname=_text(sbom.path) or "-", time="0")


def _line(finding: Finding) -> str:
    component = finding.component
    parts = [f"{finding.status}: {component_label(component)}"]
    if component.purl:
        parts.append(f"({component.purl})")
    parts.append(f"[{finding.ban}]")
    line = " ".join(parts) + f": {finding.reason}"
    if finding.matches:
        best = finding.matches[0]
        line += f'; matched {best.field} "{best.value}"'
    return line


def _text(value: str) -> str:
    """The value with characters XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", value)
