"""The JSON Schemas of the contract, generated from its pydantic models.

Three documents, each named with the version of what it describes:

- `report-2.json`: the JSON report (`enforcer.contract.report.RunReport`);
- `ban-2.json`: one ban of ban contract 2 (`enforcer.contract.bans.Ban`);
- `waiver-1.json`: one waiver (`enforcer.contract.bans.Waiver`).

They are committed in `schemas/` and shipped in the package
(`enforcer/_schemas`, a link to `schemas/` in a checkout); `enforcer schema
NAME` prints the shipped file (`enforcer.cli.schema`), without importing
pydantic. The tests
generate each one from its model and compare it with the committed file
(`ENFORCER_UPDATE_SNAPSHOTS=1` writes them anew).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from enforcer._models import REPORT_SCHEMA_VERSION
from enforcer.contract.bans import CONTRACT_VERSION, Ban, Waiver
from enforcer.contract.report import RunReport

#: The version of the waiver contract (unchanged since contract 1).
WAIVER_VERSION = 1

_DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: name -> (model, title, version)
MODELS: dict[str, tuple[type[BaseModel], str, str]] = {
    "report": (RunReport, "sbom-ban-enforcer JSON report", REPORT_SCHEMA_VERSION),
    "ban": (Ban, "sbom-ban-enforcer ban (contract 2)", str(CONTRACT_VERSION)),
    "waiver": (Waiver, "sbom-ban-enforcer waiver", str(WAIVER_VERSION)),
}


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of `name` (report, ban or waiver), generated from its model."""
    model, title, version = MODELS[name]
    generated = model.model_json_schema(by_alias=True, mode="validation")
    generated.pop("title", None)
    return {
        "$schema": _DIALECT,
        "$comment": f"Generated from {model.__module__}.{model.__name__}; do not edit"
        " (run the tests with ENFORCER_UPDATE_SNAPSHOTS=1 to write it anew).",
        "title": f"{title}, version {version}",
        **generated,
    }


def generate(name: str) -> str:
    """The text of the file `enforcer._choices.SCHEMA_FILES[name]`, as generated from the model now."""
    return json.dumps(schema(name), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
