"""Schema 2: the match cache, which stored identity values hit which ban identities.

A ban's identities (its match spec) are scanned over every stored identity
value once; afterwards only values added since are scanned, so re-deciding
a portfolio after a policy change costs the new bans, not the whole store.

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


def downgrade() -> None:
    op.drop_table("match_hit")
    op.drop_table("match_scan")
