"""`enforcer inventory add|impact|diff|calendar|find|list|show|remove`: the portfolio, stored once.

Each command is one call of `enforcer.inventory.Inventory` and one render
(`enforcer.inventory.report.render`). SQLAlchemy and the database drivers are
imported when a command runs, never by `enforcer --help` or `enforcer check`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from enforcer._choices import FAIL_ON, QueryKind
from enforcer.cli import _output
from enforcer.cli._adapter import Command, new_app
from enforcer.cli._errors import CommandLineError
from enforcer.cli._options import (
    AsOf,
    EngineOptions,
    FailOnOption,
    FromConfig,
    OptionSet,
    Policies,
    Scopes,
    Selection,
    Waivers,
    choice_option,
    command,
    number_option,
    option,
)

if TYPE_CHECKING:
    from enforcer.inventory import Inventory

app = new_app("A portfolio of SBOMs stored once: who is hit when a ban lands, what a policy change would change.")

_STORE = "Store"
#: --format of the answers about the portfolio
FORMATS = ("table", "json", "markdown", "sarif")
#: ... of impact and calendar
PAGE_FORMATS = (*FORMATS, "html")
LISTING_FORMATS = ("table", "json", "markdown")
_MAX_DAYS = 36_525


@dataclasses.dataclass(frozen=True)
class StoreOptions(OptionSet):
    """--db: which store."""

    db: Annotated[
        str | None,
        option(
            "--db",
            envvar="ENFORCER_DB",
            metavar="PATH|URL",
            panel=_STORE,
            help="The store: a file (SQLite) or postgresql://USER:PASSWORD@HOST/DATABASE."
            " Default: ~/.local/share/enforcer/inventory.db.",
        ),
        FromConfig("db"),
    ] = None

    @contextmanager
    def opened(self) -> Iterator[Inventory]:
        from enforcer.inventory import Inventory

        with Inventory(self.db) as inventory:
            yield inventory


@dataclasses.dataclass(frozen=True)
class Output(OptionSet):
    """-o/--output: where the answer goes (default stdout)."""

    output: Annotated[
        Path | None,
        option("-o", "--output", metavar="FILE", help="Write the answer to FILE (atomically) instead of stdout."),
    ] = None

    def write(self, text: str, *inputs: Any, policies: Any = ()) -> None:
        if self.output is None or str(self.output) == "-":
            sys.stdout.write(text)
            return
        _output.refuse_overwrite(self.output, [item for item in inputs if item is not None], policies=policies)
        _output.write(self.output, text)


AllReleases = Annotated[
    bool, option("--all-releases", help="Every release of each product (default: the latest release of each).")
]
Products = Annotated[
    list[str] | None,
    option("--product", metavar="NAME", help="Only this product (repeatable). Default: every product."),
]


def _format(*choices: str) -> Any:
    return choice_option("-f", "--format", choices=choices, metavar="FORMAT", help="Output format: {choices}.")


def _as_of(selection: Selection) -> dt.date:
    return selection.as_of or dt.datetime.now(dt.UTC).date()


def _render(result: Any, format: str) -> str:
    from enforcer.inventory.report import render

    return render(result, format)


def _store_file(store: StoreOptions) -> str | None:
    """The SQLite file of the store (an input no answer may overwrite), or None for a server."""
    from enforcer.inventory import default_url

    target = store.db or default_url()
    return None if "://" in target and not target.startswith("sqlite") else target


@app.command("add", cls=Command)
@command
def add(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH...", show_default=False, help="SBOM files, directories or glob patterns."),
    ],
    *,
    product: Annotated[
        str | None,
        option("--product", metavar="NAME", help="Store the SBOMs as this product. Default: the SBOM's own name."),
    ] = None,
    release: Annotated[
        str | None,
        option(
            "--release",
            metavar="VERSION",
            help="Store the SBOMs as this release. Default: the SBOM's own version, else sha256:<12 hex digits>.",
        ),
    ] = None,
    jobs: Annotated[
        int,
        number_option("-j", "--jobs", kind=int, at_least=1, at_most=256, metavar="N", help="Read in N processes."),
    ] = 1,
    dask: Annotated[
        str | None,
        option(
            "--dask",
            metavar="ADDRESS",
            help="Read on this Dask cluster (tcp://HOST:PORT); the workers must see the files at the same paths.",
        ),
    ] = None,
    store: StoreOptions,
    format: Annotated[str, _format(*LISTING_FORMATS)] = "table",
) -> int:
    """Read SBOMs once and store them. Exit 3 when one could not be read (the others are stored)."""
    from enforcer._batch import ProgressBar

    if dask is not None and jobs != 1:
        raise CommandLineError("--dask and --jobs contradict each other; give one")
    bars: list[ProgressBar | None] = []

    def progress(done: int, total: int) -> None:
        if not bars:  # the total is known once the paths are expanded
            bars.append(ProgressBar.for_terminal(total))
        if bars[0] is not None:
            bars[0](done)

    with store.opened() as inventory:
        try:
            result = inventory.add(paths, product=product, release=release, jobs=jobs, dask=dask, progress=progress)
        finally:
            if bars and bars[0] is not None:
                bars[0].close()
    sys.stdout.write(_render(result, format))
    return result.exit_code


@app.command("impact", cls=Command)
@command
def impact(
    *,
    selection: Selection,
    waivers: Waivers = None,
    all_releases: AllReleases = False,
    product: Products = None,
    full: Annotated[
        bool, option("--full", help="Every SBOM considered and every finding, allow included (JSON, SARIF).")
    ] = False,
    fail_on: FailOnOption = FAIL_ON[0],
    store: StoreOptions,
    engine: EngineOptions,
    format: Annotated[str, _format(*PAGE_FORMATS)] = "table",
    output: Output,
) -> int:
    """Which products and releases the bans hit, from when. Exit 1 on a finding at --fail-on."""
    with store.opened() as inventory:
        result = inventory.impact(
            policies=list(selection.policy or ()),
            as_of=_as_of(selection),
            scopes=selection.scopes,
            warn_days=selection.warn_days,
            waivers=list(waivers or ()),
            all_releases=all_releases,
            engine=engine.engine,
            engine_options=engine.library_options(),
            products=product,
            full=full,
        )
    output.write(_render(result, format), _store_file(store), *(waivers or ()), policies=selection.policy or ())
    return result.exit_code(fail_on)


@app.command("diff", cls=Command)
@command
def diff(
    *,
    selection: Selection,
    base_policy: Annotated[
        list[Path] | None,
        option(
            "--base-policy",
            metavar="PATH",
            help="The policies before the change (repeatable). Default: the shipped policies/.",
        ),
    ] = None,
    waivers: Waivers = None,
    base_waivers: Annotated[
        list[Path] | None,
        option(
            "--base-waivers",
            metavar="FILE",
            help="Waivers of the policies before the change (repeatable). Default: --waivers.",
        ),
    ] = None,
    all_releases: AllReleases = False,
    product: Products = None,
    store: StoreOptions,
    engine: EngineOptions,
    format: Annotated[str, _format(*FORMATS)] = "table",
    output: Output,
) -> int:
    """What a policy change (--policy after, --base-policy before) does to the portfolio. Exit 1 if one worsens."""
    with store.opened() as inventory:
        result = inventory.diff(
            list(selection.policy or ()),
            list(base_policy or ()),
            as_of=_as_of(selection),
            scopes=selection.scopes,
            warn_days=selection.warn_days,
            waivers=list(waivers or ()),
            all_releases=all_releases,
            engine=engine.engine,
            engine_options=engine.library_options(),
            base_waivers=list(base_waivers) if base_waivers is not None else None,
            products=product,
        )
    inputs = (_store_file(store), *(waivers or ()), *(base_waivers or ()))
    output.write(_render(result, format), *inputs, policies=[*(selection.policy or ()), *(base_policy or ())])
    return result.exit_code


@app.command("calendar", cls=Command)
@command
def calendar(
    *,
    days: Annotated[
        int,
        number_option(
            "--days", kind=int, at_least=0, at_most=_MAX_DAYS, metavar="N", help="The window: N days from --as-of."
        ),
    ] = 90,
    policy: Policies = None,
    as_of: AsOf = None,
    scope: Scopes = None,
    waivers: Waivers = None,
    all_releases: AllReleases = False,
    store: StoreOptions,
    engine: EngineOptions,
    format: Annotated[str, _format(*PAGE_FORMATS)] = "table",
    output: Output,
) -> int:
    """The ban phases that start in the next N days, and the products each will hit."""
    with store.opened() as inventory:
        result = inventory.calendar(
            days,
            list(policy or ()),
            as_of=as_of or dt.datetime.now(dt.UTC).date(),
            scopes=sorted(set(scope or ())),
            waivers=list(waivers or ()),
            all_releases=all_releases,
            engine=engine.engine,
            engine_options=engine.library_options(),
        )
    output.write(_render(result, format), _store_file(store), *(waivers or ()), policies=policy or ())
    return 0


@app.command("find", cls=Command)
@command
def find(
    query: Annotated[
        str,
        typer.Argument(
            metavar="NAME", show_default=False, help="A vendor name, or a domain, URL, e-mail, purl, CPE or hash."
        ),
    ],
    *,
    kind: Annotated[
        str,
        choice_option(
            "--kind", choices=QueryKind, metavar="KIND", help="What NAME is: {choices} (auto: detected from its form)."
        ),
    ] = QueryKind.AUTO.value,
    all_releases: AllReleases = False,
    store: StoreOptions,
    format: Annotated[str, _format(*FORMATS)] = "table",
) -> int:
    """Which products hold a component with this vendor identity (whatever the bans say)."""
    with store.opened() as inventory:
        result = inventory.find(query, QueryKind(kind), all_releases)
    sys.stdout.write(_render(result, format))
    return 0


@app.command("list", cls=Command)
@command
def list_products(*, store: StoreOptions, format: Annotated[str, _format(*LISTING_FORMATS)] = "table") -> int:
    """The products stored, each with its latest release."""
    with store.opened() as inventory:
        result = inventory.list()
    sys.stdout.write(_render(result, format))
    return 0


@app.command("show", cls=Command)
@command
def show(
    product: Annotated[str, typer.Argument(metavar="PRODUCT", show_default=False, help="A product's name.")],
    *,
    store: StoreOptions,
    format: Annotated[str, _format(*LISTING_FORMATS)] = "table",
) -> int:
    """The releases stored of one product."""
    with store.opened() as inventory:
        result = inventory.show(product)
    sys.stdout.write(_render(result, format))
    return 0


@app.command("remove", cls=Command)
@command
def remove(
    product: Annotated[str, typer.Argument(metavar="PRODUCT", show_default=False, help="A product's name.")],
    *,
    release: Annotated[
        str | None, option("--release", metavar="VERSION", help="Only this release. Default: every release.")
    ] = None,
    store: StoreOptions,
    format: Annotated[str, _format(*LISTING_FORMATS)] = "table",
) -> int:
    """Remove a product, or one release of it, from the store."""
    with store.opened() as inventory:
        result = inventory.remove(product, release)
    sys.stdout.write(_render(result, format))
    return 0
