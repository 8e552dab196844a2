"""The dashboard and JSON API over a ledger: `armsledger serve`.

    from armsledger.serve import create_app
    app = create_app("ledger.db")   # a FastAPI app; run it with uvicorn
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
