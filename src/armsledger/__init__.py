"""armsledger: turn defence news into a source-linked ledger of arms deals."""
from __future__ import annotations

from .errors import ArmsLedgerError, CatalogueError, IngestError
from .model import Article

__all__ = ["ArmsLedgerError", "Article", "CatalogueError", "Extractor", "IngestError", "extract", "read", "read_all"]
__version__ = "0.1.0"

# the extractor (spaCy, the catalogues) and the readers (trafilatura, httpx, ...) are imported on first use,
# so that `armsledger --help` and the commands that need neither start quickly
_LAZY = {"Extractor": ".extract", "extract": ".extract", "read": ".ingest", "read_all": ".ingest"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
