"""`enforcer schema report|ban|waiver`: the JSON Schema of the report, of a ban or of a waiver."""

from __future__ import annotations

import importlib.resources
import sys
from typing import Annotated

import typer

from enforcer._choices import SCHEMA_FILES
from enforcer._errors import EnforcerError
from enforcer.cli._errors import EXIT_OK
from enforcer.cli._options import choice, complete, either


def schema(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            show_default=False,
            parser=choice(SCHEMA_FILES),
            autocompletion=complete(SCHEMA_FILES),
            help=f"Which schema: {either(SCHEMA_FILES)}.",
        ),
    ],
) -> int:
    """Print the JSON Schema of the JSON report, of a ban or of a waiver (the files of schemas/)."""
    shipped = importlib.resources.files("enforcer").joinpath("_schemas", SCHEMA_FILES[name])
    try:
        text = shipped.read_text(encoding="utf-8")
    except OSError:
        raise EnforcerError(f"{shipped}: the shipped schema is missing from this installation") from None
    sys.stdout.write(text)
    return EXIT_OK
