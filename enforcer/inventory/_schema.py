"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Migrations (`migrations/versions/`) create and change these tables; a test
checks that a store built by the migrations equals this description.

Shared libraries appear in thousands of SBOMs, so what they are is stored
once: an identity value (an organisation, URL, purl, ... as written) is one
row of `identity`, a component (name, version, purl, kind and its identity
values) one row of `component` with its values in `component_value`; an SBOM
is a row of `sbom` and one small row of `sbom_component` per component it
lists. A re-decision matches each distinct identity value once, then follows
the few that hit to the components and SBOMs that hold them.

    product(id, name, latest_sbom_id)
    sbom(id, product_id, release, digest, path, format, spec_version, size, records,
         components, unidentified, unreadable, warnings, added_at)
    identity(id, digest, kind, raw)
    component(id, digest, name, version, purl, role, kind)
    component_value(component_id, pos, identity_id, field, role, party)
    sbom_component(sbom_id, pos, component_id, ref, up, prefix)
    match_scan(fingerprint, scanned_to)         -- schema 2: what the match cache covers
    match_hit(fingerprint, identity_id)         -- schema 2: which values hit a ban's identities
    path_cache(sbom_id, pos, component_id, ref, path)  -- schema 2: paths of components that matched

`sbom.id` grows with every SBOM added: the latest release of a product is the
one added last (`product.latest_sbom_id`). `sbom_component.ref` is NULL when the
component's ref is its purl; its path is the path of the component at
position `up` followed by its own label, or `prefix` (a JSON array of labels)
followed by its label, or its label alone when both are NULL. Strings are
stored as `_text.escape` makes them.

The caches (schema 2) hold what a re-decision worked out and will need again:
which identity values hit which ban identities (`match_*`), and the whole
path (a JSON array of labels) of each component that matched (`path_cache`),
so the next decision reads one row instead of following the path.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

product = Table(
    "product",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("latest_sbom_id", Integer, nullable=True),
    UniqueConstraint("name", name="product_name_key"),
)

sbom = Table(
    "sbom",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("product_id", Integer, ForeignKey("product.id", name="sbom_product_id_fkey"), nullable=False),
    Column("release", Text, nullable=False),
    Column("digest", LargeBinary, nullable=False),
    Column("path", Text, nullable=False),
    Column("format", Text, nullable=False),
    Column("spec_version", Text, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("records", Integer, nullable=False),
    Column("components", Integer, nullable=False),
    Column("unidentified", Integer, nullable=False),
    Column("unreadable", Integer, nullable=False),
    Column("warnings", Text, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("digest", name="sbom_digest_key"),
    UniqueConstraint("product_id", "release", name="sbom_product_release_key"),
)

identity = Table(
    "identity",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("digest", LargeBinary, nullable=False),
    Column("kind", Text, nullable=False),
    Column("raw", Text, nullable=False),
    UniqueConstraint("digest", name="identity_digest_key"),
)

component = Table(
    "component",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("digest", LargeBinary, nullable=False),
    Column("name", Text, nullable=False),
    Column("version", Text, nullable=False),
    Column("purl", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("kind", Text, nullable=False),
    UniqueConstraint("digest", name="component_digest_key"),
)

component_value = Table(
    "component_value",
    metadata,
    Column("component_id", Integer, nullable=False),
    Column("pos", Integer, nullable=False),
    Column("identity_id", Integer, nullable=False),
    Column("field", Text, nullable=False),
    # what the field says of a vendor (supplier, author, purl, ...) and who it names
    # (organization, person or ""): `enforcer.identify.fields`, as the loaders give them
    Column("role", Text, nullable=False),
    Column("party", Text, nullable=False),
    PrimaryKeyConstraint("component_id", "pos", name="component_value_pkey"),
    Index("component_value_identity", "identity_id"),
    sqlite_with_rowid=False,
)

sbom_component = Table(
    "sbom_component",
    metadata,
    Column("sbom_id", Integer, nullable=False),
    Column("pos", Integer, nullable=False),
    Column("component_id", Integer, nullable=False),
    Column("ref", Text, nullable=True),
    Column("up", Integer, nullable=True),
    Column("prefix", Text, nullable=True),
    PrimaryKeyConstraint("sbom_id", "pos", name="sbom_component_pkey"),
    Index("sbom_component_component", "component_id", "sbom_id"),
    sqlite_with_rowid=False,
)

match_scan = Table(
    "match_scan",
    metadata,
    Column("fingerprint", Text, primary_key=True),
    Column("scanned_to", Integer, nullable=False),
)

match_hit = Table(
    "match_hit",
    metadata,
    Column("fingerprint", Text, nullable=False),
    Column("identity_id", Integer, nullable=False),
    PrimaryKeyConstraint("fingerprint", "identity_id", name="match_hit_pkey"),
    sqlite_with_rowid=False,
)

path_cache = Table(
    "path_cache",
    metadata,
    Column("sbom_id", Integer, nullable=False),
    Column("pos", Integer, nullable=False),
    Column("component_id", Integer, nullable=False),
    Column("ref", Text, nullable=True),
    Column("path", Text, nullable=False),
    PrimaryKeyConstraint("sbom_id", "pos", name="path_cache_pkey"),
    sqlite_with_rowid=False,
)
