"""The inventory's error: one line saying what failed, where and why (never a password)."""

from __future__ import annotations

from enforcer._errors import EnforcerError


class InventoryError(EnforcerError):
    """The store cannot be opened, read or written, or an inventory request is wrong."""
