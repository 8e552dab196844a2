"""Batch backfills: many inputs extracted in parallel, then bulk-loaded into the ledger.

    partition   inputs -> partitions (files, groups of small files, byte ranges of JSON Lines)
    worker      partition -> Parquet shard (one row per article or input error), in worker processes
    load        shards -> ledger, many articles to a transaction, as a plain ingest would store them
    manifest    which partitions are extracted and which shards loaded: a rerun does only the rest
    run         the driver, on Dask or on local processes, with progress
    cli         the `armsledger backfill` command

Example:

    from armsledger.backfill import backfill
    report = backfill(["news/*.jsonl", "crawl.warc.gz"], "ledger.db", engine="dask", workers=2)
    print(report.summary())
"""
from __future__ import annotations

import importlib

__all__ = ["BackfillError", "BackfillReport", "Partition", "Piece", "backfill", "default_work_dir", "plan"]
_HOME = {"BackfillError": "partition", "Partition": "partition", "Piece": "partition", "plan": "partition",
         "BackfillReport": "run", "backfill": "run", "default_work_dir": "run"}


def __getattr__(name: str):
    """Loaded on first use, so that `armsledger --help` does not start by importing Dask."""
    if name in _HOME:
        return getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
