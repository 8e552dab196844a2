"""Extraction for `Ledger.ingest`: in this process, or in a pool of worker processes (`--jobs`).

Each article becomes the row `writer.write` stores (its record and MinHash), or the
exception its extraction raised. Workers are started on first need (a batch with enough
articles to be worth it), each builds its Extractor once, and results come back in the
order the articles were given.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from ..model import Article
from . import rows

POOL_MIN = 16  # articles to extract in a batch before worker processes are worth their start-up

_extractors: dict[str | None, Callable] = {}


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _worker_extractor(catalogues: str | None) -> Callable:
    ex = _extractors.get(catalogues)
    if ex is None:
        from ..cache import expressions

        with expressions("extract"):  # the modules' expressions, from the start-up cache
            from ..catalogue import load
            from ..extract import Extractor, settle

            ex = _extractors[catalogues] = Extractor(load(catalogues)) if catalogues else Extractor()
        settle()  # kept to the end of the process: out of the cyclic collector's way
    return ex


def _extract(extractor: Callable, article: Article) -> dict | BaseException:
    try:
        return rows.article_row(article, extractor(article))
    except Exception as err:  # one bad article never stops the batch; the caller records it
        return err


def _in_worker(catalogues: str | None, article: Article) -> dict | BaseException:
    result = _extract(_worker_extractor(catalogues), article)
    if isinstance(result, BaseException):
        import pickle

        try:
            pickle.dumps(result)
        except Exception:  # an exception that cannot travel back is told by its type and message
            return RuntimeError(f"{type(result).__name__}: {result}")
    return result


def _in_worker_each(catalogues: str | None, articles: list[Article]) -> list[dict | BaseException]:
    return [_in_worker(catalogues, a) for a in articles]


def _warm(catalogues: str | None) -> None:
    """Build a worker's Extractor ahead of its first article (an error shows again on the articles)."""
    try:
        _worker_extractor(catalogues)
    except Exception:
        pass


class Job:
    """One batch's extraction: `job()` -> a row or an exception per article, in order (waiting for the
    workers); `job.done()`: are they all back? (Extracted in this process: only when called, never done before.)"""

    def __init__(self, futures: list | None, local: Callable[[], list] | None = None) -> None:
        self.futures = futures
        self.local = local

    def done(self) -> bool:
        return self.futures is not None and all(f.done() for f in self.futures)

    def __call__(self) -> list[dict | BaseException]:
        if self.futures is None:
            return self.local()
        return [r for f in self.futures for r in f.result()]


class Extraction:
    """`extraction.submit(articles)()` -> a row or an exception per article, in order; workers
    start on the articles as soon as they are submitted."""

    def __init__(self, local: Callable[[], Callable], jobs: int = 1, catalogues: str | None = None) -> None:
        self.local = local  # gives this process's Extractor (built on first use)
        self.jobs = jobs
        self.catalogues = catalogues
        self.pool: ProcessPoolExecutor | None = None

    def start(self, n: int) -> None:
        """Start the workers now if a batch of `n` articles is worth them: they load the extractor
        while this process does its own start-up (the relevance gate) and reads the batch."""
        if self.jobs > 1 and self.pool is None and n >= POOL_MIN:
            import multiprocessing

            from ..workers import exit_with

            # not fork: the parent has threads (progress display, database pool). A fork server (started as `spawn`
            # starts a process) imports the extraction and builds the default Extractor once (`warm`), then forks
            # the workers from itself; the workers leave with this process (`exit_with`), and the server after them
            # Linux only: macOS makes `spawn` its default because forking after system libraries are loaded
            # (as the server's preload does) is not safe there
            if sys.platform.startswith("linux") and "forkserver" in multiprocessing.get_all_start_methods():
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["__main__", "armsledger.ledger.warm"])
            else:  # no fork server (Windows) or not Linux: each worker imports and builds its own
                context = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=exit_with,
                                            initargs=(os.getpid(),))
            for _ in range(self.jobs):  # one task a worker: the pool starts a process for each
                self.pool.submit(_warm, self.catalogues)

    def submit(self, articles: list[Article]) -> Job:
        self.start(len(articles))
        if self.pool is not None:
            from functools import partial

            size = max(1, len(articles) // (self.jobs * 4))
            return Job([self.pool.submit(partial(_in_worker_each, self.catalogues), articles[i:i + size])
                        for i in range(0, len(articles), size)])
        return Job(None, lambda: [_extract(self.local(), a) for a in articles])

    def __enter__(self) -> Extraction:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
