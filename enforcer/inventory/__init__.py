"""The portfolio inventory: SBOMs stored once, re-decided in about a second when a ban lands.

    from enforcer.inventory import Inventory

    with Inventory() as inventory:                 # ~/.local/share/enforcer/inventory.db, or $ENFORCER_DB
        inventory.add(["sboms/"], jobs=2)          # or dask="tcp://scheduler:8786"
        result = inventory.impact(scopes=["us"])   # every product the shipped policies deny or warn about

Names are imported on first use, so `import enforcer.inventory` (as a Dask
worker does) costs neither SQLAlchemy nor a database driver.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "Inventory": "enforcer.inventory._store",
    "default_url": "enforcer.inventory._store",
    "InventoryError": "enforcer.inventory._errors",
    "AddResult": "enforcer.inventory._results",
    "AddedSbom": "enforcer.inventory._results",
    "AddFailure": "enforcer.inventory._results",
    "ImpactResult": "enforcer.inventory._results",
    "ProductImpact": "enforcer.inventory._results",
    "DiffResult": "enforcer.inventory._results",
    "FindingChange": "enforcer.inventory._results",
    "ProductChange": "enforcer.inventory._results",
    "CalendarResult": "enforcer.inventory._results",
    "CalendarEntry": "enforcer.inventory._results",
    "CalendarHit": "enforcer.inventory._results",
    "FindResult": "enforcer.inventory._results",
    "FoundProduct": "enforcer.inventory._results",
    "FoundComponent": "enforcer.inventory._results",
    "ProductSummary": "enforcer.inventory._results",
    "ProductDetail": "enforcer.inventory._results",
    "RemoveResult": "enforcer.inventory._results",
    "SbomRef": "enforcer.inventory._results",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'enforcer.inventory' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from enforcer.inventory._errors import InventoryError as InventoryError
    from enforcer.inventory._results import AddedSbom as AddedSbom
    from enforcer.inventory._results import AddFailure as AddFailure
    from enforcer.inventory._results import AddResult as AddResult
    from enforcer.inventory._results import CalendarEntry as CalendarEntry
    from enforcer.inventory._results import CalendarHit as CalendarHit
    from enforcer.inventory._results import CalendarResult as CalendarResult
    from enforcer.inventory._results import DiffResult as DiffResult
    from enforcer.inventory._results import FindingChange as FindingChange
    from enforcer.inventory._results import FindResult as FindResult
    from enforcer.inventory._results import FoundComponent as FoundComponent
    from enforcer.inventory._results import FoundProduct as FoundProduct
    from enforcer.inventory._results import ImpactResult as ImpactResult
    from enforcer.inventory._results import ProductChange as ProductChange
    from enforcer.inventory._results import ProductDetail as ProductDetail
    from enforcer.inventory._results import ProductImpact as ProductImpact
    from enforcer.inventory._results import ProductSummary as ProductSummary
    from enforcer.inventory._results import RemoveResult as RemoveResult
    from enforcer.inventory._results import SbomRef as SbomRef
    from enforcer.inventory._store import Inventory as Inventory
    from enforcer.inventory._store import default_url as default_url
