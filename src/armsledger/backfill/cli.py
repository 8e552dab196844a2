"""The `armsledger backfill` command: a thin layer over `backfill.run.backfill`."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from .. import shell
from ..errors import ArmsLedgerError
from ..shell import parse_size

class Engine(str, Enum):
    local = "local"
    dask = "dask"


def register(app: typer.Typer) -> None:
    @app.command("backfill")
    def backfill_cli(
        inputs: Annotated[list[str], typer.Argument(
            help="Files, folders, globs or fsspec URLs (s3://...) of WARC, JSON Lines, JSON, text or HTML files.")],
        db: Annotated[Optional[str], typer.Option(
            "--db", envvar="ARMSLEDGER_DB", help="Ledger: a SQLite file path or a postgresql:// URL.")] = None,
        engine: Annotated[Engine, typer.Option(
            "--engine", help="dask: a Dask cluster (--scheduler, or a local one of --workers processes); "
                             "local: a pool of local processes.")] = Engine.local,
        scheduler: Annotated[Optional[str], typer.Option(
            "--scheduler", help="Address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786.")] = None,
        workers: Annotated[Optional[int], typer.Option(
            "--workers", "-w", min=1, help="Worker processes (default: the CPU count).")] = None,
        work_dir: Annotated[Optional[Path], typer.Option(
            "--work-dir", help="Manifest and shards of this run; a rerun with the same one goes on where it "
                               "stopped (default: next to a SQLite ledger, else in the user cache).")] = None,
        shard_dir: Annotated[Optional[str], typer.Option(
            "--shard-dir", help="Where workers write shards (default WORK_DIR/shards); with a remote cluster, "
                                "a shared path or an fsspec URL.")] = None,
        chunk_size: Annotated[Optional[str], typer.Option(
            "--chunk-size", help="Input bytes to a partition, e.g. 16MB (the default).")] = None,
        batch: Annotated[int, typer.Option("--batch", min=1, help="Articles stored per transaction.")] = 500,
        bulk: Annotated[bool, typer.Option(
            "--bulk", help="Into an EMPTY ledger: load every shard at the end in one transaction, building the "
                           "indexes and the search index, checking PostgreSQL's foreign keys and reconciling "
                           "the deals once (several times faster); killed before it commits, the ledger stays "
                           "empty. A "
                           "ledger that holds anything is loaded as without it. PostgreSQL readers wait for "
                           "the load.")] = False,
        extract_only: Annotated[bool, typer.Option(
            "--extract-only", help="Write the shards but do not load them; a later run loads them.")] = False,
        catalogues: Annotated[Optional[Path], typer.Option(
            "--catalogues", envvar="ARMSLEDGER_CATALOGUES",
            help="A directory of catalogue files read over the packaged ones.")] = None,
        max_size: Annotated[Optional[str], typer.Option(
            "--max-size", help="Largest article (file, WARC record or JSON line), e.g. 10MB.")] = None,
        encoding: Annotated[str, typer.Option("--encoding", help="Text encoding of the inputs.")] = "utf-8",
    ) -> None:
        """Extract many inputs in parallel (local processes or Dask) and bulk-load them into the ledger.

        Resumable: run the same command again after a crash and it does only what is missing.
        Exit code 0 when nothing failed, 1 when some inputs or partitions failed, 3 when nothing was stored.

        Example: armsledger backfill 'archive/*.warc.gz' news.jsonl --engine dask --workers 2 --db ledger.db
        """
        from ..ingest import MAX_BYTES
        from .run import backfill

        err = Console(stderr=True)
        try:
            report = backfill(
                inputs, db, engine=engine.value, workers=workers, scheduler=scheduler,
                work_dir=str(work_dir) if work_dir else None, shard_dir=shard_dir,
                chunk_bytes=parse_size(chunk_size) if chunk_size else None,
                catalogues=str(catalogues) if catalogues else None,
                max_bytes=parse_size(max_size) if max_size else MAX_BYTES, encoding=encoding, batch=batch,
                load=not extract_only, bulk=bulk, console=err)
        except ArmsLedgerError as e:
            raise shell.fail(str(e)) from None
        except KeyboardInterrupt:
            err.print("interrupted: run the same command again to go on where it stopped")
            raise typer.Exit(130) from None
        err.print(escape(report.summary()), highlight=False, soft_wrap=True)
        raise typer.Exit(report.exit_code)
