"""The ledger: every article's claims with provenance, reconciled into one record per deal and event.

Example:

    from armsledger.ledger import Ledger
    with Ledger("ledger.db") as ledger:
        ledger.ingest(["reports/"])
        for deal in ledger.deals(recipient="IND"):
            print(deal["title"], deal["status"])

The names below are loaded on first use (`core`, SQLAlchemy behind it), so that the command line's help and
its commands that never open a ledger do not pay for the database layer.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

_FROM = {"Ledger": "core", "IngestReport": "core", "Gated": "core", "CORRECTABLE": "core", "BATCH": "core",
         "Added": "store", "LedgerError": "db", "DealFilter": "query", "EventFilter": "query"}
__all__ = sorted(_FROM)

if TYPE_CHECKING:
    from .core import BATCH, CORRECTABLE, Gated, IngestReport, Ledger  # noqa: F401
    from .db import LedgerError  # noqa: F401
    from .query import DealFilter, EventFilter  # noqa: F401
    from .store import Added  # noqa: F401


def __getattr__(name: str) -> Any:
    if name in _FROM:
        import importlib

        value = getattr(importlib.import_module(f"{__name__}.{_FROM[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
