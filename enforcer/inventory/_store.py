"""The inventory: SBOMs stored once as identity records, re-decided without reading them again.

`Inventory(url)` opens (or creates) a store: a SQLite file by default, or a
PostgreSQL database for a team, with the same schema (`_schema`), migrated
by Alembic, and the same answers. Each method is one inventory command:

    add       read SBOMs (here, in N processes, or on a Dask cluster) and store them
    impact    which products the policies deny or warn about, and why
    diff      what changes between two policy sets
    calendar  which phases start in the next N days, and whom they will hit
    find      which products contain a vendor identity
    list, show, remove

Every decision goes through `_pipeline.Policy`: the match index and the Rego
decision library of `enforcer check`, with the same waivers, so `impact`
gives for each stored SBOM exactly the findings `check` gives for its file.
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import itertools
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from enforcer._choices import QueryKind
from enforcer._models import ComponentInfo, Finding, MatchEvidence, SbomResult
from enforcer.inventory import _pipeline as pipeline
from enforcer.inventory import _schema as schema
from enforcer.inventory._errors import InventoryError
from enforcer.inventory._ingest import read_in_order
from enforcer.inventory._results import (
    STATUS_ORDER,
    AddedSbom,
    AddFailure,
    AddResult,
    CalendarEntry,
    CalendarHit,
    CalendarResult,
    DiffResult,
    FindingChange,
    FindResult,
    FoundComponent,
    FoundProduct,
    ImpactResult,
    ProductChange,
    ProductDetail,
    ProductImpact,
    ProductSummary,
    RemoveResult,
    SbomRef,
    worst,
)
from enforcer.inventory._text import escape, hide_password, unescape
from enforcer.inventory._types import ExtractedSbom, ReadDuplicate, ReadFailure

__all__ = ["HEAD", "Inventory", "default_url"]

log = logging.getLogger("enforcer.inventory")

#: the schema revision this release writes (the newest migration)
HEAD = "0002"
#: longest product name or release accepted (PostgreSQL indexes keys of up to about 2.7 kB)
MAX_NAME = 1000
#: values per IN (...) list
_CHUNK = 10_000
#: a write transaction holds this PostgreSQL advisory lock: one writer at a time
_WRITE_LOCK = 0x656E666F72636572  # "enforcer"
#: a writer flushes after this many component rows, or this many SBOMs
_FLUSH_ROWS = 50_000
_FLUSH_SBOMS = 200
#: digests kept in memory per table to skip lookups
_CACHE_LIMIT = 2_000_000

Progress = Callable[[int, int], None]
PathLike = os.PathLike[str] | str


def default_url() -> str:
    """$ENFORCER_DB, else the SQLite file $XDG_DATA_HOME/enforcer/inventory.db (~/.local/share/...)."""
    from enforcer import _env

    return _env.inventory_db() or os.path.join(_env.data_home(), "enforcer", "inventory.db")


def _database_url(text: str) -> tuple[URL, bool]:
    """A SQLAlchemy URL for a path or URL, and whether it is the default place (created on demand)."""
    if "://" not in text:
        return URL.create("sqlite+pysqlite", database=os.path.abspath(os.path.expanduser(text))), False
    try:
        url = make_url(text)
    except ArgumentError:
        raise InventoryError(f"{_masked_text(text)}: not a database URL") from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg"), False
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise InventoryError(f"{_masked_text(text)}: give the store a file (sqlite:///PATH)")
        return url.set(drivername="sqlite+pysqlite"), False
    raise InventoryError(
        f"{url.render_as_string(hide_password=True)}: unsupported database"
        " (a file path, sqlite:///PATH or postgresql://USER@HOST/DB)"
    )


def _masked_text(text: str) -> str:
    """A URL that did not parse, with anything between ':' and '@' of its authority hidden."""
    scheme, _, rest = text.partition("://")
    authority, slash, path = rest.partition("/")
    if "@" in authority:
        user, _, host = authority.rpartition("@")
        if ":" in user:
            authority = user.split(":", 1)[0] + ":***@" + host
    return f"{scheme}://{authority}{slash}{path}"


#: a row of `sbom_component`: (sbom_id, pos, component_id, ref, up, prefix)
_Node = tuple[int, int, int, str | None, int | None, str | None]


@dataclass
class _Sbom:
    id: int
    product: str
    release: str
    path: str
    digest: bytes
    format: str
    spec_version: str
    components: int
    unidentified: int
    unreadable: int
    warnings: list[str]
    added_at: dt.datetime
    latest: bool

    def ref(self) -> SbomRef:
        return SbomRef(
            product=self.product,
            release=self.release,
            path=self.path,
            digest=self.digest.hex(),
            format=self.format,
            components=self.components,
            added_at=self.added_at,
            latest=self.latest,
        )

    def result(self) -> SbomResult:
        return SbomResult(
            path=self.path,
            format=self.format,
            spec_version=self.spec_version,
            components=self.components,
            unidentified=self.unidentified,
            unreadable=self.unreadable,
            warnings=list(self.warnings),
        )


@dataclass
class _Decided:
    """Stored SBOMs with their decided results, in one order."""

    sboms: list[_Sbom]
    results: list[SbomResult]
    considered: int
    timings: dict[str, float] = field(default_factory=dict)


class Inventory:
    """A store of SBOMs (SQLite file or PostgreSQL database) and the questions asked of it.

    `url`: a file path or sqlite:///PATH (SQLite), or postgresql://USER:PASSWORD@HOST/DB;
    None: `default_url()`. A store of an older schema is upgraded when opened
    (`upgrade=False`: refused); a store of a newer schema is refused.
    """

    def __init__(self, url: PathLike | None = None, *, upgrade: bool = True) -> None:
        given = os.fspath(url) if url is not None else default_url()
        self._url, _ = _database_url(given)
        self._password = self._url.password
        self.dialect = "postgresql" if self._url.get_backend_name() == "postgresql" else "sqlite"
        #: the store as it may be shown: the SQLite file, or the URL with its password hidden
        self.url = (
            str(self._url.database)
            if self.dialect == "sqlite"
            else self._url.set(drivername="postgresql").render_as_string(hide_password=True)
        )
        if self.dialect == "sqlite":
            assert self._url.database is not None
            folder = os.path.dirname(self._url.database)
            if url is None and folder:
                os.makedirs(folder, exist_ok=True)
            elif folder and not os.path.isdir(folder):
                raise InventoryError(f"{self.url}: no such directory: {folder}")
        self._engine = self._create_engine()
        self._identities: dict[bytes, int] = {}
        self._components: dict[bytes, int] = {}
        self._warmed = False
        #: per table: every row up to this id is in the cache (so a lookup of a digest not in it would find nothing)
        self._complete: dict[str, int] = {}
        try:
            self._open(upgrade)
        except BaseException:
            self._engine.dispose()
            raise

    def __repr__(self) -> str:
        return f"Inventory({self.url!r})"

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Inventory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the database ------------------------------------------------------------------------

    def _create_engine(self) -> Engine:
        if self.dialect == "postgresql":
            return sa.create_engine(self._url, connect_args={"connect_timeout": 15})
        engine = sa.create_engine(self._url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _connect(connection: Any, _: Any) -> None:
            connection.isolation_level = None  # transactions are begun below, not by the driver
            cursor = connection.cursor()
            for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "cache_size=-1048576", "temp_store=MEMORY"):
                cursor.execute(f"PRAGMA {pragma}")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(connection: Connection) -> None:
            # a writer takes the write lock at once: it reads ids and then writes after them
            immediate = connection.get_execution_options().get("writer")
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine

    def _line(self, what: str, error: BaseException) -> str:
        original = getattr(error, "orig", None) or error
        lines = str(original).strip().splitlines()
        text = lines[0] if lines else type(original).__name__
        return hide_password(f"{self.url}: {what}: {text}", self._password)

    @contextlib.contextmanager
    def _guard(self, what: str) -> Iterator[None]:
        """Database errors become one InventoryError line, password hidden, without the driver's chain."""
        try:
            yield
        except InventoryError:
            raise
        except (SQLAlchemyError, OSError, self._engine.dialect.loaded_dbapi.Error) as error:
            # the driver's own errors reach here from COPY and raw cursors
            raise InventoryError(self._line(what, error)) from None

    @contextlib.contextmanager
    def _reading(self) -> Iterator[Connection]:
        """A read transaction that sees one state of the store throughout."""
        with self._guard("cannot read the store"), self._engine.connect() as connection:
            if self.dialect == "postgresql":
                connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield connection

    @contextlib.contextmanager
    def _writing(self, what: str = "cannot write to the store") -> Iterator[Connection]:
        """A write transaction; one writer at a time (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock)."""
        with self._guard(what), self._engine.connect() as connection:
            connection.execution_options(writer=True)
            with connection.begin():
                if self.dialect == "postgresql":
                    connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK})
                yield connection

    # -- schema ------------------------------------------------------------------------------

    def _open(self, upgrade: bool) -> None:
        with self._guard("cannot open the store"):
            with self._engine.connect() as connection, connection.begin():
                current = _revision(connection)
                tables = set(sa.inspect(connection).get_table_names()) if current is None else set()
            if current == HEAD:
                return
            if current is None and tables & {"product", "sbom", "identity", "component"}:
                raise InventoryError(f"{self.url}: holds tables but no inventory schema version: not an enforcer store")
            known = _known_revisions()
            if current is not None and current not in known:
                raise InventoryError(
                    f"{self.url}: the store has schema {current}, newer than this enforcer knows ({HEAD}):"
                    " upgrade sbom-ban-enforcer to open it"
                )
            if current is not None and not upgrade:
                raise InventoryError(
                    f"{self.url}: the store has schema {current}; this enforcer needs {HEAD} (upgrade it)"
                )
            self._migrate()

    def _migrate(self, target: str = "head") -> None:
        from alembic import command

        config = _alembic_config()
        with self._writing("cannot create or upgrade the store's schema") as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, target)

    @property
    def schema_revision(self) -> str | None:
        with self._reading() as connection:
            return _revision(connection)

    # -- add ---------------------------------------------------------------------------------

    def add(
        self,
        paths: Iterable[PathLike],
        product: str | None = None,
        release: str | None = None,
        jobs: int = 1,
        dask: str | None = None,
        progress: Progress | None = None,
        *,
        dask_wait: float = 60.0,
    ) -> AddResult:
        """Read SBOM files (directories are searched) and store each in one transaction.

        `product`/`release` override what the SBOM names for itself (its own
        component, else the file name; the release, else `sha256:` and the
        first 12 hex digits of the file's digest); `release` needs a single
        SBOM. The same bytes again are a no-op ("duplicate"); a product's
        release stored again with other bytes is replaced. The latest release
        of a product is the one added last. Files are read here (`jobs=1`), in
        `jobs` local processes, or on the Dask cluster at `dask`
        (`tcp://HOST:PORT`; the workers must see the files at the same absolute
        paths); one writer, this process, stores them. An unreadable SBOM is
        reported in `failures` (one line each) and nothing of it is stored.
        """
        if jobs < 1:
            raise InventoryError(f"jobs must be at least 1, not {jobs}")
        if dask and jobs > 1:
            raise InventoryError("give jobs or dask, not both")
        for what, value in (("product", product), ("release", release)):
            if value is not None and (not value.strip() or len(value) > MAX_NAME):
                raise InventoryError(f"the {what} name must be 1 to {MAX_NAME} characters, not {len(value)}")
        files = pipeline.expand_paths([os.fspath(path) for path in paths])
        if release is not None and len(files) > 1:
            raise InventoryError(f"a release name applies to one SBOM; {len(files)} were given")
        with self._reading() as connection:
            known = frozenset(row[0] for row in connection.execute(sa.select(schema.sbom.c.digest)))
        added: list[AddedSbom] = []
        duplicates: list[AddedSbom] = []
        failures: list[AddFailure] = []
        batch: list[ExtractedSbom] = []
        rows = 0
        done = 0

        def flush() -> None:
            nonlocal rows
            if batch:
                for item in self._store(batch, product, release):
                    (duplicates if item.status == "duplicate" else added).append(item)
                batch.clear()
                rows = 0

        if not self._warmed:
            with self._reading() as connection:
                self._warm(connection)
        # standard input (`-`) is read here, once; the files by the readers
        stdin = [pipeline.read_standard_input(known)] if "-" in files else []
        on_disk = [path for path in files if path != "-"]
        outcomes = read_in_order(on_disk, known, jobs=jobs, dask=dask, dask_wait=dask_wait, parts=self._components)
        for outcome in itertools.chain(stdin, outcomes):
            if isinstance(outcome, ReadFailure):
                failures.append(AddFailure(path=outcome.path, error=outcome.error))
            elif isinstance(outcome, ReadDuplicate):
                duplicates.append(self._duplicate(outcome.path, outcome.digest))
            else:
                batch.append(outcome)
                rows += len(outcome.occurrences)
                if rows >= _FLUSH_ROWS or len(batch) >= _FLUSH_SBOMS:
                    flush()
            done += 1
            if progress is not None:
                progress(done, len(files))
        flush()
        return AddResult(added=added, duplicates=duplicates, failures=failures)

    def store(self, sboms: Sequence[ExtractedSbom], product: str | None = None) -> builtins.list[AddedSbom]:
        """Store SBOMs already read (`_pipeline.read_sbom`, or a generator), in one transaction."""
        return self._store(list(sboms), product, None)

    def _duplicate(self, path: str, digest: bytes) -> AddedSbom:
        with self._reading() as connection:
            row = connection.execute(
                sa.select(schema.product.c.name, schema.sbom.c.release, schema.sbom.c.components)
                .join(schema.product, schema.product.c.id == schema.sbom.c.product_id)
                .where(schema.sbom.c.digest == digest)
            ).first()
        name, release, components = (unescape(row[0]), unescape(row[1]), row[2]) if row else ("", "", 0)
        return AddedSbom(
            path=path, product=name, release=release, digest=digest.hex(), components=components, status="duplicate"
        )

    def _store(
        self, batch: builtins.list[ExtractedSbom], product: str | None, release: str | None
    ) -> builtins.list[AddedSbom]:
        identities: dict[bytes, int] = {}
        components: dict[bytes, int] = {}
        complete: dict[str, int] = {}
        if not self._warmed:
            with self._reading() as connection:
                self._warm(connection)
        with self._writing() as connection:
            stored = self._write(connection, batch, product, release, identities, components, complete)
        # only what committed may be remembered
        self._complete = complete
        for name, cache, new in (
            ("identity", self._identities, identities),
            ("component", self._components, components),
        ):
            if len(cache) + len(new) > _CACHE_LIMIT:
                cache.clear()
                self._complete.pop(name, None)
            cache.update(new)
        return stored

    def _write(
        self,
        connection: Connection,
        batch: builtins.list[ExtractedSbom],
        product: str | None,
        release: str | None,
        identities: dict[bytes, int],
        components: dict[bytes, int],
        complete: dict[str, int],
    ) -> builtins.list[AddedSbom]:
        t = schema
        complete.update(self._complete)
        # SBOMs whose bytes are stored already (or twice in this batch)
        stored_before = {
            row[0]: (unescape(row[1]), unescape(row[2]), row[3])
            for chunk in _chunked([item.digest for item in batch])
            for row in connection.execute(
                sa.select(t.sbom.c.digest, t.product.c.name, t.sbom.c.release, t.sbom.c.components)
                .join(t.product, t.product.c.id == t.sbom.c.product_id)
                .where(t.sbom.c.digest.in_(chunk))
            )
        }
        results: builtins.list[AddedSbom] = []
        fresh: builtins.list[tuple[ExtractedSbom, str, str]] = []
        for item in batch:
            name = product if product is not None else (item.product or item.path)
            version = release if release is not None else (item.release or f"sha256:{item.digest.hex()[:12]}")
            name, version = name[:MAX_NAME], version[:MAX_NAME]
            if item.digest in stored_before:
                owner, owner_release, count = stored_before[item.digest]
                results.append(
                    AddedSbom(
                        path=item.path,
                        product=owner,
                        release=owner_release,
                        digest=item.digest.hex(),
                        components=count,
                        status="duplicate",
                    )
                )
                continue
            stored_before[item.digest] = (name, version, item.components)
            fresh.append((item, name, version))
        if not fresh:
            return results
        # identity values, each stored once
        wanted: dict[bytes, tuple[str, str]] = {}
        for item, _, _ in fresh:
            for part in item.parts:
                if part.digest in self._components:
                    continue
                for digest, kind, _, raw, _, _ in part.values:
                    if digest not in self._identities:
                        wanted[digest] = (kind, raw)
        next_id = self._max_id(connection, t.identity)
        known = self._complete.get("identity") == next_id
        if not known:  # another writer added values since this one read them all: look them up
            identities.update(self._existing(connection, t.identity, builtins.list(wanted)))
        new_rows = []
        for digest, (kind, raw) in wanted.items():
            if digest not in identities:
                next_id += 1
                identities[digest] = next_id
                new_rows.append((next_id, digest, kind, raw))
        self._insert(connection, t.identity, new_rows)
        if known:
            complete["identity"] = next_id
        else:
            complete.pop("identity", None)
        # components, each stored once, with their values
        parts = {
            part.digest: part for item, _, _ in fresh for part in item.parts if part.digest not in self._components
        }
        next_id = self._max_id(connection, t.component)
        known = self._complete.get("component") == next_id
        if not known or any(not part.role for part in parts.values()):
            components.update(self._existing(connection, t.component, builtins.list(parts)))
        if any(not part.role and digest not in components for digest, part in parts.items()):
            raise InventoryError(f"{self.url}: a component sent by its digest alone is not stored (an internal error)")
        component_rows = []
        value_rows = []
        for digest, part in parts.items():
            if digest in components:
                continue
            next_id += 1
            components[digest] = next_id
            component_rows.append((next_id, digest, part.name, part.version, part.purl, part.role, part.kind))
            for position, (value, _, field_name, _, role, party) in enumerate(part.values):
                identity_id = identities.get(value) or self._identities[value]
                value_rows.append((next_id, position, identity_id, field_name, role, party))
        self._insert(connection, t.component, component_rows)
        if known:
            complete["component"] = next_id
        else:
            complete.pop("component", None)
        self._insert(connection, t.component_value, value_rows)
        # products
        names = builtins.list(dict.fromkeys(escape(name) for _, name, _ in fresh))  # in the order added
        product_ids = {
            row[0]: row[1]
            for chunk in _chunked(sorted(names))
            for row in connection.execute(
                sa.select(t.product.c.name, t.product.c.id).where(t.product.c.name.in_(chunk))
            )
        }
        next_id = self._max_id(connection, t.product)
        new_products = []
        for name in names:
            if name in product_ids:
                continue
            next_id += 1
            product_ids[name] = next_id
            new_products.append((next_id, name, None))
        self._insert(connection, t.product, new_products)
        # the SBOMs, in the order given: the last one of a product is its latest release;
        # a release stored again with other bytes replaces the stored one
        keys = sorted({(product_ids[escape(name)], escape(version)) for _, name, version in fresh})
        stored_ids: dict[tuple[int, str], int] = {}
        for chunk in _chunked(keys, _CHUNK // 2):
            query = sa.select(t.sbom.c.product_id, t.sbom.c.release, t.sbom.c.id).where(
                sa.tuple_(t.sbom.c.product_id, t.sbom.c.release).in_(chunk)
            )
            stored_ids.update({(row[0], row[1]): row[2] for row in connection.execute(query)})
        next_id = self._max_id(connection, t.sbom)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        latest: dict[int, int] = {}
        replaced_ids: builtins.list[int] = []
        pending: dict[tuple[int, str], tuple[dict[str, Any], builtins.list[tuple[Any, ...]]]] = {}
        for item, name, version in fresh:
            key = (product_ids[escape(name)], escape(version))
            status = "added"
            if pending.pop(key, None) is not None:
                status = "replaced"
            elif key in stored_ids:
                replaced_ids.append(stored_ids[key])
                status = "replaced"
            next_id += 1
            latest[key[0]] = next_id
            row = {
                "id": next_id,
                "product_id": key[0],
                "release": key[1],
                "digest": item.digest,
                "path": escape(item.path),
                "format": escape(item.format),
                "spec_version": escape(item.spec_version),
                "size": item.size,
                "records": item.records,
                "components": item.components,
                "unidentified": item.unidentified,
                "unreadable": item.unreadable,
                "warnings": orjson.dumps([escape(warning) for warning in item.warnings]).decode(),
                "added_at": now,
            }
            ids = [components.get(part.digest) or self._components[part.digest] for part in item.parts]
            sbom_id = next_id
            occurrences = [
                (sbom_id, pos, ids[number], ref, up, prefix) for pos, number, ref, up, prefix in item.occurrences
            ]
            pending[key] = (row, occurrences)
            results.append(
                AddedSbom(
                    path=item.path,
                    product=name,
                    release=version,
                    digest=item.digest.hex(),
                    components=item.components,
                    status=status,
                )
            )
        for chunk in _chunked(replaced_ids):
            self._delete_sboms(connection, chunk)
        if pending:
            connection.execute(sa.insert(t.sbom), [row for row, _ in pending.values()])
            self._insert(connection, t.sbom_component, [item for _, rows in pending.values() for item in rows])
        for product_id, sbom_id in latest.items():
            connection.execute(sa.update(t.product).where(t.product.c.id == product_id).values(latest_sbom_id=sbom_id))
        if self.dialect == "postgresql":  # ids were given explicitly: keep the sequences after them
            for table in (t.identity, t.component, t.product, t.sbom):
                sequence = f"pg_get_serial_sequence('{table.name}', 'id')"
                connection.execute(
                    sa.text(f"SELECT setval({sequence}, GREATEST(1, (SELECT max(id) FROM {table.name})))")
                )
        return results

    def _existing(self, connection: Connection, table: sa.Table, digests: builtins.list[bytes]) -> dict[bytes, int]:
        """The ids of the rows with these digests (read without SQLAlchemy's per-value processing: there are many)."""
        found: dict[bytes, int] = {}
        for chunk in _chunked(digests):
            if self.dialect == "sqlite":
                marks = ", ".join("?" for _ in chunk)
                rows = connection.exec_driver_sql(
                    f"SELECT digest, id FROM {table.name} WHERE digest IN ({marks})", tuple(chunk)
                )
            else:
                rows = connection.exec_driver_sql(
                    f"SELECT digest, id FROM {table.name} WHERE digest = ANY(%s)", (chunk,)
                )
            for row in rows:
                found[bytes(row[0])] = int(row[1])
        return found

    def _warm(self, connection: Connection) -> None:
        """Know every stored identity value and component by digest, when they are not too many."""
        self._warmed = True
        for table, cache in ((schema.identity, self._identities), (schema.component, self._components)):
            top = self._max_id(connection, table)
            if top > _CACHE_LIMIT:
                continue
            for row in connection.exec_driver_sql(f"SELECT digest, id FROM {table.name} WHERE id <= {top:d}"):
                cache[bytes(row[0])] = int(row[1])
            self._complete[table.name] = top

    @staticmethod
    def _max_id(connection: Connection, table: sa.Table) -> int:
        return int(connection.execute(sa.select(sa.func.coalesce(sa.func.max(table.c.id), 0))).scalar_one())

    def _insert(self, connection: Connection, table: sa.Table, rows: Sequence[tuple[Any, ...]]) -> None:
        """Many rows at once: executemany on SQLite, COPY on PostgreSQL (values are never spliced into SQL)."""
        if not rows:
            return
        columns = ", ".join(column.name for column in table.columns)
        if self.dialect == "sqlite":
            marks = ", ".join("?" for _ in table.columns)
            connection.exec_driver_sql(f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", builtins.list(rows))
            return
        raw: Any = connection.connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    # -- what the stored SBOMs are -------------------------------------------------------------

    def _selection(self, all_releases: bool, products: Sequence[str] | None) -> sa.Select[Any]:
        """The ids of the SBOMs a question is about."""
        t = schema
        if all_releases:
            query = sa.select(t.sbom.c.id)
            if products is not None:
                query = query.join(t.product, t.product.c.id == t.sbom.c.product_id).where(
                    t.product.c.name.in_([escape(name) for name in products])
                )
        else:
            query = sa.select(t.product.c.latest_sbom_id).where(t.product.c.latest_sbom_id.is_not(None))
            if products is not None:
                query = query.where(t.product.c.name.in_([escape(name) for name in products]))
        return query

    def _sboms(self, connection: Connection, where: sa.ColumnElement[bool]) -> dict[int, _Sbom]:
        t = schema
        query = (
            sa.select(
                t.sbom.c.id,
                t.product.c.name,
                t.sbom.c.release,
                t.sbom.c.path,
                t.sbom.c.digest,
                t.sbom.c.format,
                t.sbom.c.spec_version,
                t.sbom.c.components,
                t.sbom.c.unidentified,
                t.sbom.c.unreadable,
                t.sbom.c.warnings,
                sa.type_coerce(t.sbom.c.added_at, sa.Text if self.dialect == "sqlite" else sa.DateTime(timezone=True)),
                t.product.c.latest_sbom_id,
            )
            .join(t.product, t.product.c.id == t.sbom.c.product_id)
            .where(where)
            .order_by(t.sbom.c.id)
        )
        found = {}
        for row in connection.execute(query).all():
            added = row[11] if isinstance(row[11], dt.datetime) else dt.datetime.fromisoformat(row[11])
            found[row[0]] = _Sbom(
                id=row[0],
                product=unescape(row[1]),
                release=unescape(row[2]),
                path=unescape(row[3]),
                digest=bytes(row[4]),
                format=unescape(row[5]),
                spec_version=unescape(row[6]),
                components=row[7],
                unidentified=row[8],
                unreadable=row[9],
                warnings=[unescape(warning) for warning in orjson.loads(row[10])] if row[10] != "[]" else [],
                added_at=added if added.tzinfo else added.replace(tzinfo=dt.UTC),
                latest=row[12] == row[0],
            )
        return found

    # -- matching stored values ----------------------------------------------------------------

    def _hits(self, connection: Connection, policy: pipeline.Policy, timings: dict[str, float]) -> set[int]:
        """The ids of the identity values that hit any ban of the policy (through the match cache)."""
        t = schema
        started = time.perf_counter()
        bans = policy.fingerprints()
        if not bans:
            return set()
        high = self._max_id(connection, t.identity)
        scanned = {
            row[0]: row[1]
            for row in connection.execute(
                sa.select(t.match_scan.c.fingerprint, t.match_scan.c.scanned_to).where(
                    t.match_scan.c.fingerprint.in_(builtins.list(bans))
                )
            )
        }
        stale = {fingerprint: ban for fingerprint, ban in bans.items() if scanned.get(fingerprint, 0) < high}
        hits: set[int] = set()
        if stale:
            low = min(scanned.get(fingerprint, 0) for fingerprint in stale)
            values = self._values(connection, low, high, pipeline.value_kinds(stale.values()))
            timings["read values"] = time.perf_counter() - started
            found = pipeline.scan_values(stale, values)
            timings["match values"] = time.perf_counter() - started - timings["read values"]
            for ids in found.values():
                hits.update(ids)
            self._remember(found, scanned, high)
        for chunk in _chunked(builtins.list(bans)):
            hits.update(
                row[0]
                for row in connection.execute(
                    sa.select(t.match_hit.c.identity_id).where(t.match_hit.c.fingerprint.in_(chunk))
                )
            )
        timings["match"] = time.perf_counter() - started
        return hits

    def _values(
        self, connection: Connection, low: int, high: int, kinds: set[str]
    ) -> builtins.list[tuple[int, str, str]]:
        marks = ", ".join("?" for _ in kinds)
        rows = self._fetch(
            connection,
            f"SELECT id, kind, raw FROM {schema.identity.name} WHERE id > ? AND id <= ? AND kind IN ({marks})",
            [low, high, *sorted(kinds)],
        )
        return [(number, kind, unescape(raw)) for number, kind, raw in rows]

    def _fetch(self, connection: Connection, query: str, parameters: Sequence[Any]) -> builtins.list[tuple[Any, ...]]:
        """Many rows as plain tuples from the driver's own cursor (half the time of rows through SQLAlchemy).

        `query` marks its parameters with `?`; they are passed apart, never spliced in.
        """
        raw: Any = connection.connection.driver_connection
        if self.dialect != "sqlite":
            query = query.replace("?", "%s")
        cursor = raw.cursor()
        try:
            cursor.execute(query, tuple(parameters))
            rows: builtins.list[tuple[Any, ...]] = cursor.fetchall()
        finally:
            cursor.close()
        return rows

    def _remember(self, found: dict[str, builtins.list[int]], scanned: dict[str, int], high: int) -> None:
        """Keep what a scan found (a store this process may not write is only not cached)."""
        t = schema
        rows = [
            {"fingerprint": fingerprint, "identity_id": number}
            for fingerprint, ids in found.items()
            for number in ids
            if number > scanned.get(fingerprint, 0)
        ]
        insert = _dialect_insert(self.dialect)
        try:
            with self._engine.connect() as connection:
                connection.execution_options(writer=True)
                with connection.begin():
                    if rows:
                        connection.execute(insert(t.match_hit).on_conflict_do_nothing(), rows)
                    upsert = insert(t.match_scan)
                    upsert = upsert.on_conflict_do_update(
                        index_elements=[t.match_scan.c.fingerprint],
                        set_={"scanned_to": upsert.excluded.scanned_to},
                        where=t.match_scan.c.scanned_to < upsert.excluded.scanned_to,
                    )
                    connection.execute(
                        upsert, [{"fingerprint": fingerprint, "scanned_to": high} for fingerprint in found]
                    )
        except SQLAlchemyError as error:
            log.debug("%s", self._line("the match cache was not written", error))

    # -- rebuilding records --------------------------------------------------------------------

    def _selected(self, connection: Connection, selection: sa.Select[Any]) -> set[int]:
        values: builtins.list[Any] = builtins.list(connection.execute(selection).scalars())
        return {int(value) for value in values}

    def _stored(
        self, connection: Connection, hit_components: set[int], selected: set[int], full: bool
    ) -> tuple[builtins.list[_Sbom], builtins.list[pipeline.StoredSbom]]:
        """The selected SBOMs holding these components (every selected SBOM with `full`) as records with paths.

        The occurrences of a component are read from the index by component alone, and the
        selection is applied here (asking for (component, SBOM) pairs would probe every pair).
        A path is read from the path cache, or worked out by following the path and then kept.
        """
        t = schema
        hits: dict[tuple[int, int], int] = {}
        for chunk in _chunked(sorted(hit_components)):
            query = sa.select(t.sbom_component.c.sbom_id, t.sbom_component.c.pos, t.sbom_component.c.component_id)
            for row in connection.execute(query.where(t.sbom_component.c.component_id.in_(chunk))).all():
                if row[0] in selected:
                    hits[row[0], row[1]] = row[2]
        keys = sorted(hits)
        # (ref as stored, path) of each occurrence: from the cache, else by following the path
        found: dict[tuple[int, int], tuple[str | None, builtins.list[str]]] = {}
        for chunk in _chunked(keys, _CHUNK * 5):
            for row in self._cached_paths(connection, chunk):
                found[row[0], row[1]] = (row[2], [unescape(label) for label in orjson.loads(row[3])])
        missing = [key for key in keys if key not in found]
        described = self._describe(connection, set(hits.values()))
        if missing:
            nodes: dict[tuple[int, int], _Node] = {}
            for chunk in _chunked(missing, _CHUNK * 5):
                nodes.update(((row[0], row[1]), row) for row in self._chains(connection, chunk))
            lost = {(node[0], node[4]) for node in nodes.values() if node[4] is not None} - nodes.keys()
            if lost or any(key not in nodes for key in missing):
                raise InventoryError(f"{self.url}: the store is damaged: a path refers to a missing component")
            described.update(self._describe(connection, {node[2] for node in nodes.values()} - described.keys()))
            paths: dict[tuple[int, int], builtins.list[str]] = {}
            for key in missing:
                found[key] = (nodes[key][3], _path(key, nodes, described, paths))
        values = self._component_values(connection, set(hits.values()))
        sboms: dict[int, _Sbom] = {}
        for chunk in _chunked(sorted(selected) if full else sorted({sbom for sbom, _ in keys})):
            sboms.update(self._sboms(connection, t.sbom.c.id.in_(chunk)))
        if missing:
            self._remember_paths([(key, hits[key], *found[key]) for key in missing], sboms)
        by_sbom: dict[int, builtins.list[tuple[int, int]]] = {}
        for key in keys:
            by_sbom.setdefault(key[0], []).append(key)
        order = []
        stored = []
        for sbom_id, item in sboms.items():
            records = []
            parts = []
            for key in by_sbom.get(sbom_id, []):
                part = hits[key]
                name, version, purl, role, kind = described[part]
                stored_ref, path = found[key]
                ref = unescape(stored_ref) if stored_ref is not None else purl
                records.append(pipeline.record(key[1], ref, name, version, purl, role, kind, values[part], path))
                parts.append(part)
            order.append(item)
            stored.append(pipeline.StoredSbom(item.result(), records, parts))
        return order, stored

    def _pairs(self, pairs: builtins.list[tuple[int, int]]) -> tuple[str, tuple[Any, ...]]:
        """(SBOM, position) pairs as a table expression `(s, p)` taking one or two parameters."""
        if self.dialect == "sqlite":
            return "SELECT value ->> 0, value ->> 1 FROM json_each(?)", (orjson.dumps(pairs).decode(),)
        return "SELECT * FROM unnest(%s::integer[], %s::integer[])", (
            [pair[0] for pair in pairs],
            [pair[1] for pair in pairs],
        )

    def _cached_paths(self, connection: Connection, pairs: builtins.list[tuple[int, int]]) -> Sequence[Any]:
        wanted, parameters = self._pairs(pairs)
        query = (
            f"WITH wanted(s, p) AS ({wanted}) SELECT c.sbom_id, c.pos, c.ref, c.path"
            " FROM wanted JOIN path_cache c ON c.sbom_id = wanted.s AND c.pos = wanted.p"
        )
        return connection.exec_driver_sql(query, parameters).all()

    def _remember_paths(
        self,
        rows: builtins.list[tuple[tuple[int, int], int, str | None, builtins.list[str]]],
        sboms: dict[int, _Sbom],
    ) -> None:
        """Keep worked-out paths, for the SBOMs that are still the ones they were worked out for."""
        t = schema
        insert = _dialect_insert(self.dialect)
        try:
            with self._engine.connect() as connection:
                connection.execution_options(writer=True)
                with connection.begin():
                    ids = sorted({key[0] for key, _, _, _ in rows})
                    current: dict[int, bytes] = {}
                    for chunk in _chunked(ids):
                        query = sa.select(t.sbom.c.id, t.sbom.c.digest).where(t.sbom.c.id.in_(chunk))
                        current.update((row[0], bytes(row[1])) for row in connection.execute(query).all())
                    values = [
                        {
                            "sbom_id": key[0],
                            "pos": key[1],
                            "component_id": component,
                            "ref": ref,
                            "path": orjson.dumps([escape(label) for label in path]).decode(),
                        }
                        for key, component, ref, path in rows
                        if key[0] in sboms and current.get(key[0]) == sboms[key[0]].digest
                    ]
                    if values:
                        connection.execute(insert(t.path_cache).on_conflict_do_nothing(), values)
        except SQLAlchemyError as error:
            log.debug("%s", self._line("the path cache was not written", error))

    def _chains(self, connection: Connection, pairs: builtins.list[tuple[int, int]]) -> Sequence[Any]:
        """The rows of `sbom_component` at these (SBOM, position) pairs, and of the nodes before them on their paths.

        The pairs travel as one parameter (a JSON array on SQLite, two arrays on PostgreSQL) and are
        joined with the table, each a primary-key lookup (SQLite would plan `(sbom_id, pos) IN (...)`
        as a scan of the whole table); the paths are followed by the database (`up`), level by level.
        """
        columns = "c.sbom_id, c.pos, c.component_id, c.ref, c.up, c.prefix"
        wanted, parameters = self._pairs(pairs)
        query = (
            f"WITH RECURSIVE wanted(s, p) AS ({wanted}),"
            " chain(sbom_id, pos, component_id, ref, up, prefix) AS ("
            f"SELECT {columns} FROM wanted JOIN sbom_component c ON c.sbom_id = wanted.s AND c.pos = wanted.p"
            f" UNION SELECT {columns} FROM chain"
            " JOIN sbom_component c ON c.sbom_id = chain.sbom_id AND c.pos = chain.up)"
            " SELECT sbom_id, pos, component_id, ref, up, prefix FROM chain"
        )
        return connection.exec_driver_sql(query, parameters).all()

    def _describe(self, connection: Connection, ids: set[int]) -> dict[int, tuple[str, str, str, str, str]]:
        """Name, version, purl, role and kind of components (many: read without per-value processing)."""
        found = {}
        for chunk in _chunked(sorted(ids)):
            if self.dialect == "sqlite":
                rows = connection.exec_driver_sql(
                    "SELECT c.id, c.name, c.version, c.purl, c.role, c.kind FROM json_each(?) AS w"
                    " JOIN component c ON c.id = w.value",
                    (orjson.dumps(chunk).decode(),),
                ).all()
            else:
                rows = connection.exec_driver_sql(
                    "SELECT id, name, version, purl, role, kind FROM component WHERE id = ANY(%s)", (chunk,)
                ).all()
            for row in rows:
                found[row[0]] = (unescape(row[1]), unescape(row[2]), unescape(row[3]), row[4], row[5])
        return found

    def _component_values(
        self, connection: Connection, ids: set[int]
    ) -> dict[int, builtins.list[tuple[str, str, str, str, str]]]:
        """The identity values of stored components: (kind, field, raw, role, party), in their order."""
        t = schema
        found: dict[int, builtins.list[tuple[str, str, str, str, str]]] = {number: [] for number in ids}
        for chunk in _chunked(sorted(ids)):
            query = (
                sa.select(
                    t.component_value.c.component_id,
                    t.identity.c.kind,
                    t.component_value.c.field,
                    t.identity.c.raw,
                    t.component_value.c.role,
                    t.component_value.c.party,
                )
                .join(t.identity, t.identity.c.id == t.component_value.c.identity_id)
                .where(t.component_value.c.component_id.in_(chunk))
                .order_by(t.component_value.c.component_id, t.component_value.c.pos)
            )
            for row in connection.execute(query).all():
                found[row[0]].append((row[1], unescape(row[2]), unescape(row[3]), row[4], row[5]))
        return found

    def _components_with(self, connection: Connection, identities: set[int]) -> set[int]:
        t = schema
        found: set[int] = set()
        for chunk in _chunked(sorted(identities)):
            found.update(
                row[0]
                for row in connection.execute(
                    sa.select(t.component_value.c.component_id)
                    .where(t.component_value.c.identity_id.in_(chunk))
                    .distinct()
                )
            )
        return found

    # -- impact ----------------------------------------------------------------------------------

    def _decided(
        self,
        connection: Connection,
        policies: Sequence[pipeline.Policy],
        selection: sa.Select[Any],
        full: bool,
    ) -> builtins.list[_Decided]:
        """For each policy, the stored SBOMs that may match any of the policies, decided."""
        timings: dict[str, float] = {}
        hits: set[int] = set()
        for policy in policies:
            hits |= self._hits(connection, policy, timings)
        started = time.perf_counter()
        candidates = self._components_with(connection, hits)
        selected = self._selected(connection, selection)
        sboms, stored = self._stored(connection, candidates, selected, full)
        considered = len(selected)
        timings["read"] = time.perf_counter() - started
        decided = []
        for policy in policies:
            started = time.perf_counter()
            results = policy.decide(stored)
            decided.append(_Decided(sboms, results, considered, {**timings, "decide": time.perf_counter() - started}))
        return decided

    def impact(
        self,
        policies: Sequence[PathLike] = (),
        as_of: dt.date | None = None,
        scopes: Sequence[str] = (),
        warn_days: int = 90,
        waivers: Sequence[PathLike] = (),
        all_releases: bool = False,
        engine: str = "embedded",
        engine_options: dict[str, Any] | None = None,
        *,
        products: Sequence[str] | None = None,
        full: bool = False,
    ) -> ImpactResult:
        """Every product (its latest release; every release with `all_releases`) with a deny or warn finding.

        Decided as `enforcer check` decides (same match index, same Rego
        decision library, same waivers) from the stored identity records,
        without reading any SBOM. `full`: every SBOM considered and every
        finding (allow and waived too), as `check` reports them.
        """
        with self._policy(policies, as_of, scopes, warn_days, waivers, engine, engine_options) as policy:
            with self._reading() as connection:
                [decided] = self._decided(connection, [policy], self._selection(all_releases, products), full)
            return self._impact(policy, decided, all_releases, full)

    def _policy(
        self,
        policies: Sequence[PathLike],
        as_of: dt.date | None,
        scopes: Sequence[str],
        warn_days: int,
        waivers: Sequence[PathLike],
        engine: str,
        engine_options: dict[str, Any] | None,
    ) -> pipeline.Policy:
        return pipeline.Policy(
            policies,
            as_of=as_of,
            scopes=scopes,
            warn_days=warn_days,
            waivers=waivers,
            engine=engine,
            engine_options=engine_options,
        )

    @staticmethod
    def _impact(policy: pipeline.Policy, decided: _Decided, all_releases: bool, full: bool) -> ImpactResult:
        products = []
        findings: builtins.list[Finding] = []
        for item, result in zip(decided.sboms, decided.results, strict=True):
            findings.extend(result.findings)
            hitting = [finding for finding in result.findings if finding.status in ("deny", "warn")]
            if not hitting and not full:
                continue
            kept = result.findings if full else [f for f in result.findings if f.status != "allow"]
            dates = [finding.phase.date for finding in hitting if finding.phase is not None]
            products.append(
                ProductImpact(
                    sbom=item.ref(),
                    status=worst([finding.status for finding in result.findings]),
                    bans=sorted({finding.ban for finding in hitting}),
                    earliest=min(dates) if dates else None,
                    findings=kept,
                    components=result.components,
                    unidentified=result.unidentified,
                    out_of_scope=result.out_of_scope,
                    warnings=result.warnings,
                )
            )
        rank = {status: number for number, status in enumerate((*STATUS_ORDER, "none"))}
        products.sort(key=lambda p: (rank[p.status], p.sbom.product, p.sbom.added_at, p.sbom.release))
        return ImpactResult(
            as_of=policy.as_of,
            scopes=policy.scopes,
            warn_days=policy.warn_days,
            engine=policy.engine,
            policies=policy.policy_files,
            all_releases=all_releases,
            sboms=decided.considered,
            products=products,
            bans=policy.ban_infos,
            unused_waivers=policy.unused_waivers(findings),
            timings={key: round(value, 4) for key, value in decided.timings.items()},
        )

    # -- diff ------------------------------------------------------------------------------------

    def diff(
        self,
        new_policies: Sequence[PathLike],
        base_policies: Sequence[PathLike] = (),
        as_of: dt.date | None = None,
        scopes: Sequence[str] = (),
        warn_days: int = 90,
        waivers: Sequence[PathLike] = (),
        all_releases: bool = False,
        engine: str = "embedded",
        engine_options: dict[str, Any] | None = None,
        *,
        base_waivers: Sequence[PathLike] | None = None,
        products: Sequence[str] | None = None,
    ) -> DiffResult:
        """What changes from the base policies to the new ones: findings that appear, disappear or change status.

        `base_policies` empty: the shipped policies. `base_waivers`: the base's
        waivers when they differ (default: `waivers` for both).
        """
        started = time.perf_counter()
        with (
            self._policy(
                base_policies,
                as_of,
                scopes,
                warn_days,
                base_waivers if base_waivers is not None else waivers,
                engine,
                engine_options,
            ) as base,
            self._policy(new_policies, as_of, scopes, warn_days, waivers, engine, engine_options) as new,
        ):
            with self._reading() as connection:
                before, after = self._decided(connection, [base, new], self._selection(all_releases, products), False)
            changes: builtins.list[FindingChange] = []
            product_changes: builtins.list[ProductChange] = []
            for item, old_result, new_result in zip(before.sboms, before.results, after.results, strict=True):
                changes.extend(_finding_changes(item, old_result.findings, new_result.findings))
                old_status = worst([f.status for f in old_result.findings])
                new_status = worst([f.status for f in new_result.findings])
                if old_status != new_status:
                    product_changes.append(
                        ProductChange(product=item.product, release=item.release, base=old_status, new=new_status)
                    )
            timings = dict(before.timings)
            timings["decide"] = before.timings["decide"] + after.timings["decide"]
            timings["total"] = time.perf_counter() - started
            return DiffResult(
                as_of=new.as_of,
                scopes=new.scopes,
                warn_days=new.warn_days,
                base_policies=base.policy_files,
                new_policies=new.policy_files,
                all_releases=all_releases,
                sboms=before.considered,
                products=product_changes,
                findings=changes,
                timings={key: round(value, 4) for key, value in timings.items()},
            )

    # -- calendar --------------------------------------------------------------------------------

    def calendar(
        self,
        days: int = 90,
        policies: Sequence[PathLike] = (),
        as_of: dt.date | None = None,
        scopes: Sequence[str] = (),
        waivers: Sequence[PathLike] = (),
        all_releases: bool = False,
        engine: str = "embedded",
        engine_options: dict[str, Any] | None = None,
    ) -> CalendarResult:
        """The phases that start from the as-of date to `days` days later, and the products each will hit.

        A product is hit when, on the phase's first day, the policy's verdict on
        one of its findings for that ban is deny or warn (or waived: a waiver
        holds it off), with that phase in effect.
        """
        if days < 0:
            raise InventoryError(f"days must be 0 or more, not {days}")
        with self._policy(policies, as_of, scopes, 0, waivers, engine, engine_options) as policy:
            start = policy.as_of
            until = start + dt.timedelta(days=days)
            starting: dict[dt.date, builtins.list[tuple[str, str, str, str, builtins.list[str]]]] = {}
            enabled = [ban for ban in policy.bans if ban.enabled]
            applying = policy.in_scope(enabled)  # a ban outside the selected scopes starts nothing here
            for ban in enabled:
                if ban.id not in applying:
                    continue
                for phase in ban.phases:
                    if start <= phase.from_ <= until:
                        starting.setdefault(phase.from_, []).append(
                            (ban.id, ban.vendor, phase.effect, phase.summary, builtins.list(ban.scopes))
                        )
            entries: builtins.list[CalendarEntry] = []
            with self._reading() as connection:
                selected = self._selected(connection, self._selection(all_releases, None))
                considered = len(selected)
                if starting:
                    hits = self._hits(connection, policy, {})
                    sboms, stored = self._stored(connection, self._components_with(connection, hits), selected, False)
                else:
                    sboms, stored = [], []
            for date in sorted(starting):
                results = policy.decide(stored, as_of=date) if stored else []
                for ban_id, vendor, effect, summary, ban_scopes in sorted(starting[date]):
                    hit = []
                    for item, result in zip(sboms, results, strict=True):
                        chosen = [
                            f
                            for f in result.findings
                            if f.ban == ban_id
                            and f.phase is not None
                            and f.phase.date == date
                            and (f.status in ("deny", "warn") or (f.status == "waived" and f.verdict.value != "allow"))
                        ]
                        if chosen:
                            hit.append(
                                CalendarHit(
                                    product=item.product,
                                    release=item.release,
                                    status=worst([f.status for f in chosen]),
                                    components=sorted({f.component.path[-1] for f in chosen}),
                                )
                            )
                    entries.append(
                        CalendarEntry(
                            date=date,
                            ban=ban_id,
                            vendor=vendor,
                            effect=effect,
                            summary=summary,
                            scopes=ban_scopes,
                            products=sorted(hit, key=lambda h: (h.product, h.release)),
                        )
                    )
            return CalendarResult(
                as_of=start,
                until=until,
                scopes=policy.scopes,
                all_releases=all_releases,
                sboms=considered,
                entries=entries,
            )

    # -- find ------------------------------------------------------------------------------------

    def find(self, query: str, kind: QueryKind | str = QueryKind.AUTO, all_releases: bool = False) -> FindResult:
        """The products whose SBOMs hold a component with this vendor identity (`enforcer vendor`'s rules)."""
        matcher = pipeline.QueryMatcher(query, QueryKind(kind))
        with self._reading() as connection:
            high = self._max_id(connection, schema.identity)
            values = self._values(connection, 0, high, pipeline.value_kinds([matcher.ban]))
            identities = set(matcher.scan_values(values))
            selected = self._selected(connection, self._selection(all_releases, None))
            considered = len(selected)
            sboms, stored = self._stored(connection, self._components_with(connection, identities), selected, False)
        found = []
        for item, records in zip(sboms, stored, strict=True):
            path_of = {record.index: path for record, path in zip(records.records, records.paths, strict=True)}
            kind_of = {record.index: kind for record, kind in zip(records.records, records.kinds, strict=True)}
            components = []
            for record, evidence in matcher.evidence(records.records):
                matches = [
                    MatchEvidence(
                        field=field_name,
                        value=raw,
                        key=key,
                        matcher=name,
                        confidence=confidence,
                        role=role,
                        party=party,
                    )
                    for _, name, confidence, key, field_name, raw, role, party in evidence
                ]
                info = ComponentInfo(
                    ref=record.ref,
                    name=record.name,
                    version=record.version,
                    purl=record.purl,
                    kind=kind_of[record.index],
                    path=path_of[record.index],
                )
                components.append(FoundComponent(component=info, kind=kind_of[record.index], matches=matches))
            if components:
                found.append(FoundProduct(sbom=item.ref(), components=components))
        found.sort(key=lambda p: (p.sbom.product, p.sbom.added_at))
        return FindResult(
            query=matcher.query,
            read_as=matcher.kind.value,
            keys=builtins.list(matcher.keys),
            all_releases=all_releases,
            sboms=considered,
            products=found,
        )

    # -- list, show, remove ----------------------------------------------------------------------

    def list(self) -> builtins.list[ProductSummary]:
        """Every product: how many releases are stored, and its latest."""
        t = schema
        with self._reading() as connection:
            counts: dict[int, int] = dict(
                connection.execute(sa.select(t.sbom.c.product_id, sa.func.count()).group_by(t.sbom.c.product_id)).all()
            )
            latest = self._sboms(connection, t.sbom.c.id.in_(self._selection(False, None)))
            owners: dict[int, int] = dict(
                connection.execute(sa.select(t.product.c.latest_sbom_id, t.product.c.id)).all()
            )
        summaries = [
            ProductSummary(product=item.product, releases=counts.get(owners[sbom_id], 0), latest=item.ref())
            for sbom_id, item in latest.items()
        ]
        return sorted(summaries, key=lambda s: s.product)

    def show(self, product: str) -> ProductDetail:
        """A product's stored releases, oldest first (the last one is the latest)."""
        t = schema
        with self._reading() as connection:
            product_id = self._product_id(connection, product)
            releases = self._sboms(connection, t.sbom.c.product_id == product_id)
        return ProductDetail(product=product, releases=[item.ref() for item in releases.values()])

    def remove(self, product: str, release: str | None = None) -> RemoveResult:
        """Remove a product's release (`release`), or every release of it (its components stay shared)."""
        t = schema
        with self._writing() as connection:
            product_id = self._product_id(connection, product)
            where = t.sbom.c.product_id == product_id
            if release is not None:
                where = sa.and_(where, t.sbom.c.release == escape(release))
            removed = self._sboms(connection, where)
            if not removed:
                raise InventoryError(f"{product}: no release {release!r} is stored")
            for chunk in _chunked(builtins.list(removed)):
                self._delete_sboms(connection, chunk)
            remaining = connection.execute(
                sa.select(sa.func.max(t.sbom.c.id)).where(t.sbom.c.product_id == product_id)
            ).scalar()
            if remaining is None:
                connection.execute(sa.delete(t.product).where(t.product.c.id == product_id))
            else:
                connection.execute(
                    sa.update(t.product).where(t.product.c.id == product_id).values(latest_sbom_id=remaining)
                )
        return RemoveResult(removed=[item.ref() for item in removed.values()])

    @staticmethod
    def _delete_sboms(connection: Connection, ids: builtins.list[int]) -> None:
        """Delete SBOMs, their components' rows and their cached paths (their ids may be given again)."""
        t = schema
        connection.execute(sa.delete(t.path_cache).where(t.path_cache.c.sbom_id.in_(ids)))
        connection.execute(sa.delete(t.sbom_component).where(t.sbom_component.c.sbom_id.in_(ids)))
        connection.execute(sa.delete(t.sbom).where(t.sbom.c.id.in_(ids)))

    def _product_id(self, connection: Connection, product: str) -> int:
        found = connection.execute(
            sa.select(schema.product.c.id).where(schema.product.c.name == escape(product))
        ).scalar()
        if found is None:
            raise InventoryError(f"{product}: no such product in {self.url}")
        return int(found)

    def stats(self) -> dict[str, int]:
        """How many rows each table holds (for reports and benchmarks)."""
        with self._reading() as connection:
            return {
                table.name: int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
                for table in schema.metadata.sorted_tables
            }


# -- helpers ---------------------------------------------------------------------------------------


def _chunked(values: Sequence[Any], size: int = _CHUNK) -> Iterator[builtins.list[Any]]:
    for start in range(0, len(values), size):
        yield builtins.list(values[start : start + size])


def _revision(connection: Connection) -> str | None:
    if not sa.inspect(connection).has_table("alembic_version"):
        return None
    value = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    return str(value) if value is not None else None


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "enforcer.inventory:migrations")
    return config


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {revision.revision for revision in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def _dialect_insert(dialect: str) -> Any:
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert


def _path(
    key: tuple[int, int],
    nodes: dict[tuple[int, int], _Node],
    described: dict[int, tuple[str, str, str, str, str]],
    paths: dict[tuple[int, int], builtins.list[str]],
) -> builtins.list[str]:
    """The labels from the SBOM's root to a stored component (each node's path is worked out once)."""
    chain = []
    current: tuple[int, int] | None = key
    while current is not None and current not in paths:
        chain.append(current)
        node = nodes[current]
        current = (node[0], node[4]) if node[4] is not None else None
    base = builtins.list(paths[current]) if current is not None else []
    for item in reversed(chain):
        node = nodes[item]
        name, version, purl, _, _ = described[node[2]]
        if name:
            own = f"{name}@{version}" if version else name
        else:
            own = pipeline.label(name, version, unescape(node[3]) if node[3] is not None else purl)
        if node[4] is not None:
            path = [*base, own]
        elif node[5] is not None:
            path = [unescape(label) for label in orjson.loads(node[5])] + [own]
        else:
            path = [own]
        paths[item] = path
        base = path
    return builtins.list(paths[key])


def _finding_key(finding: Finding) -> tuple[Any, ...]:
    component = finding.component
    return (finding.ban, component.ref, component.name, component.version, component.purl, tuple(component.path))


def _finding_changes(item: _Sbom, before: Sequence[Finding], after: Sequence[Finding]) -> builtins.list[FindingChange]:
    """Findings of one SBOM that appear, disappear or change status (duplicates matched in order)."""
    old: dict[tuple[Any, ...], builtins.list[Finding]] = {}
    for finding in before:
        old.setdefault(_finding_key(finding), []).append(finding)
    changes = []
    for finding in after:
        earlier = old.get(_finding_key(finding))
        previous = earlier.pop(0) if earlier else None
        if previous is None:
            changes.append(_change(item, "added", previous, finding))
        elif previous.status != finding.status:
            changes.append(_change(item, "changed", previous, finding))
    for remaining in old.values():
        changes.extend(_change(item, "removed", finding, None) for finding in remaining)
    return changes


def _change(item: _Sbom, change: str, before: Finding | None, after: Finding | None) -> FindingChange:
    some = after or before
    assert some is not None
    return FindingChange(
        product=item.product,
        release=item.release,
        change=change,
        ban=some.ban,
        vendor=some.vendor,
        component=some.component,
        base=before.status if before else None,
        new=after.status if after else None,
        base_reason=before.reason if before else "",
        new_reason=after.reason if after else "",
    )
