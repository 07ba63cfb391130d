"""Schema 2: the caches of a re-decision: which values hit which ban identities, and the paths of matches.

A ban's identities (its match spec) are scanned over every stored identity
value once; afterwards only values added since are scanned, so re-deciding
a portfolio after a policy change costs the new bans, not the whole store.
The path of a component that matched is worked out once, then read in one row.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "match_scan",
        sa.Column("fingerprint", sa.Text, primary_key=True),
        sa.Column("scanned_to", sa.Integer, nullable=False),
    )
    op.create_table(
        "match_hit",
        sa.Column("fingerprint", sa.Text, nullable=False),
        sa.Column("identity_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("fingerprint", "identity_id", name="match_hit_pkey"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "path_cache",
        sa.Column("sbom_id", sa.Integer, nullable=False),
        sa.Column("pos", sa.Integer, nullable=False),
        sa.Column("component_id", sa.Integer, nullable=False),
        sa.Column("ref", sa.Text, nullable=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("sbom_id", "pos", name="path_cache_pkey"),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("path_cache")
    op.drop_table("match_hit")
    op.drop_table("match_scan")
