"""The dashboard and JSON API over a ledger: `armsledger serve`.

    from armsledger.serve import create_app
    app = create_app("ledger.db")   # a FastAPI app; run it with uvicorn
"""
from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":  # FastAPI is imported on first use: `armsledger --help` need not wait for it
        from .app import create_app
        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
