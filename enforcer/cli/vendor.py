"""`enforcer vendor NAME`: a spot check of one vendor, without an SBOM."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from enforcer._choices import ListingFormat, QueryKind
from enforcer.cli._options import (
    EngineOptions,
    ListingFormatOption,
    Selection,
    choice_option,
    command,
    enforcer_for,
    option,
)
from enforcer.identify.kinds import KINDS


@command
def vendor(
    query: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            show_default=False,
            help="A vendor name, or a domain, URL, e-mail, purl, CPE or hash.",
        ),
    ],
    *,
    kind: Annotated[
        str,
        choice_option(
            "--kind", choices=QueryKind, metavar="KIND", help="What NAME is: {choices} (auto: detected from its form)."
        ),
    ] = QueryKind.AUTO.value,
    component_kind: Annotated[
        str | None,
        choice_option(
            "--component-kind",
            choices=KINDS,
            metavar="KIND",
            help="Check NAME as this kind of component: {choices}. Default: what a purl's type says, else unknown.",
        ),
    ] = None,
    person: Annotated[
        bool,
        option("--person", help="NAME is a person's name (an author), not an organisation's."),
    ] = False,
    selection: Selection,
    format: ListingFormatOption = ListingFormat.TABLE.value,
    engine: EngineOptions,
) -> int:
    """Spot check: which bans match this vendor, through which alias, and the verdict. Exit 1 when denied."""
    from enforcer._vendor import render, spot_check

    with enforcer_for(selection, engine) as enforcer:
        result = spot_check(enforcer, query, QueryKind(kind), component_kind=component_kind, person=person)
    sys.stdout.write(render(result, ListingFormat(format)))
    return result.exit_code
