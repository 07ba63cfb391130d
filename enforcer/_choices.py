"""Choices of the CLI that the command line needs before any work starts.

Kept apart from the modules that do the work, so that parsing the command
line does not import the report, engine and model code: `enforcer --help`
and a usage error cost no more than starting Python and typer. A report
format added to `REPORT_FORMATS` (and to the library's enum) is a choice of
`--format`, `--output FORMAT=FILE` and the configuration's `format` at once.
The choices of `--format`, `--engine` and `--fail-on` of `enforcer check`
are the values of the library's enums, written out here for that reason;
the command converts them to those enums.
"""

from __future__ import annotations

import enum

#: The values of `enforcer.report.ReportFormat`: `--format` and `--output FORMAT=FILE` of `enforcer check`.
REPORT_FORMATS = ("table", "json", "sarif", "junit", "markdown", "github", "html")

#: The values of `enforcer.engine.EngineChoice`: `--engine`.
ENGINES = ("embedded", "opa-server", "opa")

#: The values of `enforcer._models.FailOn`: `--fail-on` of `enforcer check`.
FAIL_ON = ("deny", "warn", "never")


class ListingFormat(enum.StrEnum):
    """The `--format` choices of `enforcer policy list` and `enforcer vendor`."""

    TABLE = "table"
    JSON = "json"


class QueryKind(enum.StrEnum):
    """What the spot-check query is (`--kind`; `auto` detects it)."""

    AUTO = "auto"
    ORGANIZATION = "organization"
    DOMAIN = "domain"
    PURL = "purl"
    CPE = "cpe"
    HASH = "hash"


#: `enforcer schema NAME`: the JSON Schema files of the contract (schemas/ in a checkout,
#: enforcer/_schemas in the package), each named with the version of what it describes.
SCHEMA_FILES = {"report": "report-2.json", "ban": "ban-2.json", "waiver": "waiver-1.json"}
