"""The backfill driver: plan the partitions, extract them on Dask or local processes, load the shards in order.

    plan (partition.py) -> extract (worker.py, in parallel) -> load (load.py, on the driver, in order)

Shards are loaded in reading order, as soon as every partition before them is extracted,
while the workers go on extracting: the ledger then ends as a plain `armsledger ingest`
of the same inputs leaves it (the same ids, wire groups, matches and reconciled deals).
A partition whose task fails is reported and left for the next run; the partitions after
it are loaded without waiting for it (the ranges of the same JSON Lines file excepted,
whose line numbers depend on it).

The manifest (manifest.py) makes a run resumable: a rerun extracts only the partitions
without a shard and loads only the shards not loaded.

`bulk=True` (`armsledger backfill --bulk`), into an empty ledger: the shards are loaded once all
are extracted, in order, in one transaction (`ledger.writer.BulkLoad`: indexes, PostgreSQL's foreign keys,
the search index and reconciliation done once at the end), and marked loaded once it is committed;
a run killed before leaves the ledger empty and the next run loads them again. Into a ledger that
holds anything, or when a record cannot be stored, the shards are loaded as without it.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from collections.abc import Callable
from contextlib import ExitStack, closing
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from ..ingest import MAX_BYTES
from .load import BAD_DATA, BATCH, LoadResult, bulk_rows, load_rows
from .manifest import DONE, ERROR, LOADED, LOADING, PENDING, Manifest
from .partition import BackfillError, Partition, plan
from .worker import ShardInfo, extract_partition, read_shard, shard_info, shard_path

CHUNK = 16 << 20  # bytes of input to a partition, by default
ENGINES = ("local", "dask")


@dataclass
class BackfillReport:
    """What a backfill run did."""

    ledger: str
    work_dir: str
    engine: str
    workers: int
    partitions: int = 0
    extracted: int = 0  # partitions extracted by this run
    reused: int = 0  # partitions an earlier run had extracted
    loaded: int = 0  # shards loaded by this run
    already_loaded: int = 0  # shards an earlier run had loaded
    articles: int = 0  # articles extracted by this run
    words: int = 0
    load: LoadResult = field(default_factory=LoadResult)
    failed_inputs: list[str] = field(default_factory=list)  # "FILE: reason" for each file not read to its end
    failed_partitions: int = 0  # partitions with such a file, or whose task failed
    task_errors: list[str] = field(default_factory=list)  # "PARTITION: error" for each task that failed
    waiting: list[str] = field(default_factory=list)  # extracted, not loaded: an earlier range of its file failed
    extract_seconds: float = 0.0  # from the first task's start to the last one's end
    seconds: float = 0.0
    dashboard: str | None = None

    @property
    def failures(self) -> int:
        return len(self.load.failed) + len(self.task_errors)

    @property
    def exit_code(self) -> int:
        """0: nothing failed; 1: some inputs or partitions failed; 3: nothing was stored (`shell.outcome`)."""
        from ..shell import outcome
        return outcome(self.load.added + self.load.duplicates, self.failures + len(self.waiting))

    def summary(self) -> str:
        failed = f" ({self.failed_partitions} failed)" if self.failed_partitions else ""
        lines = [
            f"{self.partitions} partitions{failed}: {self.extracted} extracted now ({self.articles:,} articles, "
            f"{self.words:,} words), {self.reused} earlier; {self.loaded} shards loaded now, "
            f"{self.already_loaded} earlier",
            f"{self.load.added} articles added ({self.load.copies} copies of stories already held), "
            f"{self.load.duplicates} already stored, {len(self.load.failed)} inputs failed",
        ]
        if self.extract_seconds and self.articles:
            lines.append(f"extraction: {self.articles / self.extract_seconds:,.1f} articles/s on {self.workers} "
                         f"{'Dask workers' if self.engine == 'dask' else 'processes'}; run took {self.seconds:,.1f} s")
        whole = set(self.failed_inputs)
        bad = [f"{source}: {reason}" for source, reason in self.load.failed if f"{source}: {reason}" not in whole]
        for what, items in (("failed", self.failed_inputs), ("bad item", bad), ("task failed", self.task_errors),
                            ("not loaded yet", self.waiting)):
            lines += [f"{what}: {x}" for x in items[:20]]
            if len(items) > 20:
                lines.append(f"... and {len(items) - 20} more ({what})")
        if self.task_errors or self.waiting:
            lines.append("run the same command again to retry what failed and load what is left")
        lines.append(f"ledger: {self.ledger}; work directory: {self.work_dir}")
        return "\n".join(lines)


def backfill(inputs: list[str], db: str | os.PathLike | None = None, *, engine: str = "local",
             workers: int | None = None, scheduler: str | None = None, work_dir: str | None = None,
             shard_dir: str | None = None, chunk_bytes: int | None = None, catalogues: str | None = None,
             max_bytes: int = MAX_BYTES, encoding: str = "utf-8", batch: int = BATCH, load: bool = True,
             bulk: bool = False, console: Console | None = None,
             on_event: Callable[[str, object], None] | None = None) -> BackfillReport:
    """Extract `inputs` in parallel and load them into the ledger `db`; resumable.

    Example:
        report = backfill(["news/*.jsonl", "crawl/"], "ledger.db", engine="dask", workers=2)
        print(report.summary())

    Args:
        inputs: files, folders, globs or fsspec URLs (JSON Lines, WARC, text, HTML, JSON).
        db: the ledger (path or URL), as for `Ledger`.
        engine: "local" (a pool of processes) or "dask".
        workers: processes or Dask workers (default: the CPU count); ignored with `scheduler`.
        scheduler: address of a running Dask scheduler (engine "dask").
        work_dir: where the manifest and shards go (default: derived from the ledger and inputs).
        shard_dir: where workers write shards (default: WORK_DIR/shards); must be reachable by them.
        chunk_bytes: input bytes to a partition (default 16 MB, or what the work directory used before).
        load: False extracts the shards only; a later run loads them.
        bulk: into an empty ledger, load every shard at the end in one transaction, with indexes,
            PostgreSQL's foreign keys, the search index and reconciliation done once (see above); otherwise
            (the ledger holds anything) as without it.
        console: where to show progress and the dashboard link (None: nothing is printed).
        on_event: called as on_event(kind, data) for "cluster", "extracted", "loaded" and "batch".
    """
    from ..ledger.db import connect, resolve_url

    if engine not in ENGINES:
        raise BackfillError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise BackfillError("--scheduler needs --engine dask")
    t0 = time.perf_counter()
    url = resolve_url(db)
    ledger_engine = connect(url)
    shown = ledger_engine.url.render_as_string(hide_password=True)
    work_dir = work_dir or default_work_dir(shown, inputs)
    n_workers = workers or os.cpu_count() or 1
    report = BackfillReport(shown, work_dir, engine, n_workers)
    emit = on_event or (lambda kind, data: None)
    with ExitStack() as stack:
        stack.callback(ledger_engine.dispose)
        manifest = stack.enter_context(Manifest(work_dir))
        manifest.check("ledger", shown)
        chunk = chunk_bytes or int(manifest.setting("chunk_bytes") or CHUNK)
        manifest.set("chunk_bytes", str(chunk))
        shards = shard_dir or os.path.join(work_dir, "shards")
        parts = plan(inputs, chunk_bytes=chunk, encoding=encoding, max_bytes=max_bytes, exclude=[work_dir, shards])
        if not parts:
            raise BackfillError("no inputs given")
        manifest.add(parts)
        report.partitions = len(parts)
        state = _State(parts, manifest, shards, report)
        todo = state.todo()
        progress = _Progress(console, todo, state)
        stack.enter_context(progress)

        def load_ready(last: bool = False) -> None:
            if not load or (bulk and not last):  # a bulk load waits for every shard
                return
            if bulk and state.load_bulk(ledger_engine, batch, progress, emit):
                return
            state.load_ready(ledger_engine, batch, progress, emit)

        load_ready()  # shards an earlier run extracted but did not load
        if todo:
            opts = {"catalogues": catalogues, "max_bytes": max_bytes, "encoding": encoding}
            runner = _dask if engine == "dask" else _local
            # closed on the way out, whatever happens: the cluster or pool stops before the manifest closes
            outcomes = stack.enter_context(closing(runner(todo, shards, opts, n_workers, scheduler, report,
                                                          console, emit)))
            for part, outcome in outcomes:
                state.finished(part, outcome, progress, emit)
                load_ready()
            spans = [(i.started, i.finished) for i in state.infos.values() if i.started and i.key in state.now]
            if spans:  # first task started (workers warm) to last shard written
                report.extract_seconds = round(max(f for _, f in spans) - min(s for s, _ in spans), 3)
        load_ready(last=True)
        state.finish()
    report.seconds = round(time.perf_counter() - t0, 3)
    return report


def default_work_dir(ledger: str, inputs: list[str]) -> str:
    """Beside a SQLite ledger (`ledger.db.backfill/HASH`), else in the user cache; HASH names the inputs."""
    import platformdirs

    names = [i if "://" in i else os.path.abspath(i) for i in inputs]
    digest = hashlib.sha256(json.dumps([ledger, names]).encode("utf-8")).hexdigest()[:12]
    if ledger.startswith("sqlite:///"):
        path = Path(ledger.removeprefix("sqlite:///"))
        return str(path.with_name(path.name + ".backfill") / digest)
    return str(platformdirs.user_cache_path("armsledger") / "backfill" / digest)


# -- the state of the partitions -------------------------------------------------------------

class _State:
    """Where each partition stands, and the loading of shards in order."""

    def __init__(self, parts: list[Partition], manifest: Manifest, shards: str, report: BackfillReport) -> None:
        self.parts = parts
        self.manifest = manifest
        self.shards = shards
        self.report = report
        self.status = manifest.statuses()
        self.infos: dict[str, ShardInfo] = {}
        self.recover: set[str] = set()
        self.waiting: set[str] = set()
        self.now: set[str] = set()  # partitions extracted by this run
        self.bases: dict[str, int] = {}  # byte range -> lines of its file before it
        self.next = 0  # index of the first partition not yet loaded or passed over

    def todo(self) -> list[Partition]:
        """The partitions without a shard. A shard on disk speaks for itself (its footer holds its
        ShardInfo), even one an earlier driver wrote but did not live to record."""
        out = []
        for p in self.parts:
            status = self.status[p.key]
            if status == LOADED:
                self.report.already_loaded += 1
                info = self.manifest.info(p.key)
                if info:
                    self.infos[p.key] = info
                    self._failed(info)
                continue
            if status == LOADING:
                self.recover.add(p.key)  # its load was cut short: load it again, idempotently
            info = shard_info(shard_path(self.shards, p.key))
            if info is None:
                self.status[p.key] = PENDING
                out.append(p)
                continue
            self.manifest.mark_done(info)
            self.status[p.key] = DONE
            self.infos[p.key] = info
            self.report.reused += 1
            self._failed(info)
        return out

    def _failed(self, info: ShardInfo) -> None:
        if info.failed:
            self.report.failed_inputs += info.failed
            self.report.failed_partitions += 1

    def finished(self, part: Partition, outcome: ShardInfo | BaseException, progress: _Progress, emit) -> None:
        if isinstance(outcome, ShardInfo):
            self.manifest.mark_done(outcome)
            self.status[part.key] = DONE
            self.infos[part.key] = outcome
            self.now.add(part.key)
            self.report.extracted += 1
            self.report.articles += outcome.articles
            self.report.words += outcome.words
            self._failed(outcome)
            progress.extracted(part, outcome)
            emit("extracted", outcome)
        else:
            message = f"{type(outcome).__name__}: {outcome}".strip()
            self.manifest.mark_error(part.key, message)
            self.status[part.key] = ERROR
            self.report.task_errors.append(f"{part.label}: {message}")
            self.report.failed_partitions += 1
            progress.extracted(part, None)

    def load_ready(self, engine, batch: int, progress: _Progress, emit) -> None:
        """Load every shard whose turn has come: all partitions before it are loaded or failed."""
        for part, base in self._due():
            self._load(part, base, engine, batch, progress, emit)

    def _due(self):
        """The shards whose turn has come, in order, each with its line base; it stops at a partition still being
        extracted (the shards after it wait) and sets aside those whose line base is not known yet."""
        while self.next < len(self.parts):
            part = self.parts[self.next]
            status = self.status[part.key]
            if status == PENDING:
                return
            self.next += 1
            if status in (LOADED, ERROR):
                continue
            base = self._line_base(part)
            if base is None:
                self.waiting.add(part.key)
                continue
            yield part, base

    def _line_base(self, part: Partition) -> int | None:
        """Lines of the file before this byte range (0 for other partitions); None while one is unknown.

        The ranges of a file are consecutive partitions: a range's base is the one before it
        plus the lines that one read."""
        if part.pieces[0].kind != "lines":
            return 0
        chain = [part]
        while chain[-1].pieces[0].start != 0 and chain[-1].key not in self.bases:
            chain.append(self.parts[chain[-1].index - 1])
        q = chain.pop()
        base = self.bases.setdefault(q.key, 0)
        while chain:
            info = self.infos.get(q.key)
            if info is None:
                return None
            base += info.lines[0]
            q = chain.pop()
            self.bases[q.key] = base
        return base

    def _rows(self, part: Partition, base: int) -> tuple[ShardInfo, list[dict]]:
        self.manifest.mark_loading(part.key)
        self.status[part.key] = LOADING
        info, rows = read_shard(shard_path(self.shards, part.key))
        for row in rows:
            if row["source"] is None:  # a byte range's row: FILE:LINE, as `ingest` names it
                piece = part.pieces[row["piece"]]
                row["source"] = f"{piece.path}:{base + row['line']}"
                if row["item"] is not None:
                    row["source"] += f"[{row['item']}]"
        return info, rows

    def _load(self, part: Partition, base: int, engine, batch: int, progress: _Progress, emit) -> None:
        info, rows = self._rows(part, base)

        def on_batch(n: int) -> None:
            progress.loaded_rows(n)
            emit("batch", n)

        result = load_rows(engine, rows, version=info.version, batch=batch, recover=part.key in self.recover,
                           on_batch=on_batch)
        self._loaded(part, result, emit, progress)

    def _loaded(self, part: Partition, result: LoadResult, emit, progress: _Progress) -> None:
        self.manifest.mark_loaded(part.key, result.as_dict())
        self.status[part.key] = LOADED
        self.report.loaded += 1
        self.report.load.add(result)
        progress.loaded(part)
        emit("loaded", (part.key, result))

    def load_bulk(self, engine, batch: int, progress: _Progress, emit) -> bool:
        """Every shard whose turn has come (all, once extraction is over) in one bulk load, marked loaded
        once it is committed; False, nothing stored, when the ledger is not empty or a record cannot be
        stored (`load_ready` then loads them batch by batch)."""
        from ..ledger import writer

        start = self.next
        turn: list[tuple[Partition, int]] = list(self._due())
        done: list[tuple[Partition, LoadResult]] = []

        def on_batch(n: int) -> None:
            progress.loaded_rows(n)
            emit("batch", n)

        try:
            with writer.bulk_load(engine, "") as load:
                if load is None:
                    self.next = start
                    return False
                for part, base in turn:
                    info, rows = self._rows(part, base)
                    done.append((part, bulk_rows(load, rows, version=info.version, batch=batch,
                                                 recover=part.key in self.recover, on_batch=on_batch)))
        except BAD_DATA:
            self.next = start
            self.recover.update(p.key for p, _ in turn)  # rolled back: loaded again, batch by batch
            self.waiting.difference_update(p.key for p, _ in turn)
            return False
        for part, result in done:
            self._loaded(part, result, emit, progress)
        writer.fill_search(engine)  # PostgreSQL: the search vectors the load left to after its commit
        return True

    def finish(self) -> None:
        self.report.waiting = [p.label for p in self.parts if p.key in self.waiting]


# -- the engines ------------------------------------------------------------------------------

def _local(todo, shards, opts, workers, scheduler, report, console, emit):
    """Extract on a pool of local processes; a pool broken by a killed process is replaced (twice at most)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    from .worker import warm

    remaining = list(todo)
    for _ in range(3):
        pool = ProcessPoolExecutor(max_workers=min(workers, len(remaining)),
                                   mp_context=multiprocessing.get_context("spawn"),
                                   initializer=warm, initargs=(opts["catalogues"], os.getpid()))
        broken = False
        try:
            futures = {pool.submit(extract_partition, p, shards, **opts): p for p in remaining}
            emit("cluster", pool)
            for future in as_completed(futures):
                part = futures[future]
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    broken = True
                    continue
                except Exception as err:  # the task failed: reported, retried by the next run
                    outcome = err
                remaining.remove(part)
                yield part, outcome
        finally:
            pool.shutdown(wait=not broken, cancel_futures=True)
        if not broken or not remaining:
            return
        if console:
            console.print(f"[yellow]a worker process died; starting a new pool for the {len(remaining)} "
                          f"partitions left[/yellow]")
    for part in remaining:
        yield part, RuntimeError("worker processes kept dying (out of memory?)")


def _dask(todo, shards, opts, workers, scheduler, report, console, emit):
    """Extract on a Dask cluster: the one at `scheduler`, or a LocalCluster of `workers` processes."""
    import importlib.util
    import logging

    from distributed import Client, LocalCluster, as_completed

    from .worker import ExtractorPlugin

    with ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(Client(scheduler))
        else:
            cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                       silence_logs=logging.ERROR))
            client = stack.enter_context(Client(cluster))
        client.register_plugin(ExtractorPlugin(opts["catalogues"]))
        report.workers = len(client.scheduler_info().get("workers", {})) or workers
        report.dashboard = client.dashboard_link
        if console:
            note = "" if scheduler or importlib.util.find_spec("bokeh") else " (install bokeh>=3.1 to serve it)"
            console.print(f"Dask dashboard: {report.dashboard}{note}", highlight=False)
        emit("cluster", client)
        run = uuid.uuid4().hex[:8]  # a key of its own for each run: a cancelled task of an earlier one is no clash
        futures = {client.submit(extract_partition, p, shards, key=f"backfill-{p.key}-{run}", pure=False,
                                 priority=-p.index, retries=1, **opts): p for p in todo}
        try:
            for future in as_completed(futures):
                part = futures[future]
                try:
                    outcome = future.result()
                except Exception as err:  # KilledWorker after repeated deaths, or the task raised
                    outcome = err
                yield part, outcome
        finally:
            client.cancel(list(futures))


# -- progress on the driver ---------------------------------------------------------------------

class _Progress:
    """A Rich progress display: input bytes extracted, shards loaded."""

    def __init__(self, console: Console | None, todo: list[Partition], state: _State) -> None:
        self.console = console
        self.state = state
        self.bar = None
        if console is None:
            return
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self.bar = Progress(SpinnerColumn(), TextColumn("{task.description:<10}"), BarColumn(),
                            TextColumn("{task.fields[stats]}"), TimeElapsedColumn(), console=console,
                            disable=not console.is_terminal)
        self.t0 = time.perf_counter()
        self.articles = 0
        self.rows = 0
        self.extract = self.bar.add_task("extract", total=sum(p.nbytes for p in todo) or 1,
                                         stats=f"0/{len(todo)} partitions")
        self.todo = len(todo)
        self.done = 0
        to_load = sum(1 for p in state.parts if state.status[p.key] != LOADED)
        self.load = self.bar.add_task("load", total=to_load or 1, stats=f"0/{to_load} shards")
        self.to_load = to_load
        self.n_loaded = 0

    def __enter__(self) -> _Progress:
        if self.bar:
            self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar:
            self.bar.stop()

    def extracted(self, part: Partition, info: ShardInfo | None) -> None:
        if not self.bar:
            return
        self.done += 1
        self.articles += info.articles if info else 0
        rate = self.articles / max(time.perf_counter() - self.t0, 1e-9)
        self.bar.update(self.extract, advance=part.nbytes,
                        stats=f"{self.done}/{self.todo} partitions, {self.articles:,} articles, {rate:,.1f}/s")
        if info and info.failed:
            for line in info.failed:
                self.console.print(f"[red]failed:[/red] {escape(line)}", highlight=False, soft_wrap=True)
        elif info is None:
            self.console.print(f"[red]task failed:[/red] {escape(part.label)}", highlight=False, soft_wrap=True)

    def loaded_rows(self, n: int) -> None:
        if self.bar:
            self.rows += n

    def loaded(self, part: Partition) -> None:
        if not self.bar:
            return
        self.n_loaded += 1
        self.bar.update(self.load, advance=1, stats=f"{self.n_loaded}/{self.to_load} shards, {self.rows:,} rows")
