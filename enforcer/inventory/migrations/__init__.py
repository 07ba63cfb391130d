"""Alembic migrations of the inventory store (run by `Inventory`, never by hand)."""
