"""armsledger: turn defence news into a source-linked ledger of arms deals."""
from __future__ import annotations

from .errors import ArmsLedgerError, CatalogueError, IngestError
from .extract import Extractor, extract
from .ingest import read, read_all
from .model import Article

__all__ = ["ArmsLedgerError", "Article", "CatalogueError", "Extractor", "IngestError", "extract", "read", "read_all"]
__version__ = "0.1.0"
