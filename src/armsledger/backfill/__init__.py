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

from .partition import BackfillError, Partition, Piece, plan
from .run import BackfillReport, backfill, default_work_dir

__all__ = ["BackfillError", "BackfillReport", "Partition", "Piece", "backfill", "default_work_dir", "plan"]
