"""Schema 1: products, SBOMs, and their components and identity values, each stored once.

Revision ID: 0001
Revises:
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "product",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("latest_sbom_id", sa.Integer, nullable=True),
        sa.UniqueConstraint("name", name="product_name_key"),
    )
    op.create_table(
        "sbom",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("product_id", sa.Integer, sa.ForeignKey("product.id", name="sbom_product_id_fkey"), nullable=False),
        sa.Column("release", sa.Text, nullable=False),
        sa.Column("digest", sa.LargeBinary, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("format", sa.Text, nullable=False),
        sa.Column("spec_version", sa.Text, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("components", sa.Integer, nullable=False),
        sa.Column("unidentified", sa.Integer, nullable=False),
        sa.Column("unreadable", sa.Integer, nullable=False),
        sa.Column("warnings", sa.Text, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("digest", name="sbom_digest_key"),
        sa.UniqueConstraint("product_id", "release", name="sbom_product_release_key"),
    )
    op.create_table(
        "identity",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("digest", sa.LargeBinary, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.UniqueConstraint("digest", name="identity_digest_key"),
    )
    op.create_table(
        "component",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("digest", sa.LargeBinary, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("version", sa.Text, nullable=False),
        sa.Column("purl", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.UniqueConstraint("digest", name="component_digest_key"),
    )
    op.create_table(
        "component_value",
        sa.Column("component_id", sa.Integer, nullable=False),
        sa.Column("pos", sa.Integer, nullable=False),
        sa.Column("identity_id", sa.Integer, nullable=False),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("party", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("component_id", "pos", name="component_value_pkey"),
        sqlite_with_rowid=False,
    )
    op.create_index("component_value_identity", "component_value", ["identity_id"])
    op.create_table(
        "sbom_component",
        sa.Column("sbom_id", sa.Integer, nullable=False),
        sa.Column("pos", sa.Integer, nullable=False),
        sa.Column("component_id", sa.Integer, nullable=False),
        sa.Column("ref", sa.Text, nullable=True),
        sa.Column("up", sa.Integer, nullable=True),
        sa.Column("prefix", sa.Text, nullable=True),
        sa.PrimaryKeyConstraint("sbom_id", "pos", name="sbom_component_pkey"),
        sqlite_with_rowid=False,
    )
    op.create_index("sbom_component_component", "sbom_component", ["component_id", "sbom_id"])


def downgrade() -> None:
    for name in ("sbom_component", "component_value", "component", "identity", "sbom", "product"):
        op.drop_table(name)
