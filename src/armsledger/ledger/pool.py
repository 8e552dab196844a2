"""Extraction for `Ledger.ingest`: in this process, or in a pool of worker processes (`--jobs`).

Each article becomes the row `writer.write` stores (its record and MinHash), or the
exception its extraction raised. Workers are started on first need (a batch with enough
articles to be worth it), each builds its Extractor once, and results come back in the
order the articles were given. A worker's rows come without their MinHash: this process gives
it (`Job.sign`), while it waits for the workers, first for their fork server's start-up.
"""
from __future__ import annotations

import os
import sys
import threading
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


def _extract(extractor: Callable, article: Article, signed: bool = True) -> dict | BaseException:
    try:
        return rows.article_row(article, extractor(article), signed=signed)
    except Exception as err:  # one bad article never stops the batch; the caller records it
        return err


def _signature(article: Article) -> dict | BaseException:
    try:
        return rows.signature_of(article)
    except Exception as err:  # failed as its extraction would
        return err


def _in_worker(catalogues: str | None, article: Article) -> dict | BaseException:
    result = _extract(_worker_extractor(catalogues), article, signed=False)  # signed by the parent (`Job`)
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


def _context():
    """The workers' start method. Not fork: the parent has threads (progress display, database pool). A fork server
    (started as `spawn` starts a process) imports the extraction and builds the default Extractor once (`warm`),
    then forks the workers from itself; the workers leave with this process (`exit_with`), and the server after
    them. Linux only: macOS makes `spawn` its default because forking after system libraries are loaded (as the
    server's preload does) is not safe there."""
    import multiprocessing

    if sys.platform.startswith("linux") and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["__main__", "armsledger.ledger.warm"])
        return context
    return multiprocessing.get_context("spawn")  # no fork server (Windows) or not Linux: each worker builds its own


def prestart(jobs: int) -> bool:
    """Start the fork server now, before this process opens the ledger and reads the first batch: its preload
    (`warm`: the extraction's modules, the default Extractor, ~1 s of CPU) then runs on another core while this
    process starts up, instead of after it, and the workers fork as soon as the first batch asks for them.
    A no-op with one job or no fork server; the server leaves with this process if no pool ever asks it for
    workers. True if it was started."""
    if jobs <= 1:
        return False
    context = _context()
    if context.get_start_method() != "forkserver":
        return False
    from multiprocessing import forkserver

    try:
        forkserver.ensure_running()  # returns once the server is spawned: its preload goes on in it
    except OSError:  # left to the pool, which starts it (or tells why it cannot) when a batch needs workers
        return False
    return True


class Job:
    """One batch's extraction: `job()` -> a row or an exception per article, in order (waiting for the
    workers); `job.done()`: are they all back? (Extracted in this process: only when called, never done before.)
    A batch given while the pool is still starting waits in `extraction` (`waiting`: its articles) and is handed
    to the workers, in order with the others, as soon as the pool is up.
    The workers' rows come without MinHash: this process signs the articles (`sign`) while it waits for them, so
    that datasketch (which imports NumPy and SciPy: ~0.4 s of CPU) is imported here while the workers' fork server
    builds the Extractor, not by the server before it can fork any worker."""

    def __init__(self, futures: list | None, local: Callable[[], list] | None = None, *,
                 extraction: Extraction | None = None, waiting: list[Article] | None = None,
                 articles: list[Article] | None = None) -> None:
        self.futures = futures
        self.local = local
        self.extraction = extraction
        self.waiting = waiting
        self.articles = articles  # a pool's: to sign
        self.signed: list[dict | BaseException] | None = None

    def sign(self) -> None:
        """The MinHash of each article the workers extract (once)."""
        with self.extraction._signing_one:  # not at once by this thread and the one signing while the pool starts
            if self.signed is None and self.articles is not None:
                self.signed = [_signature(a) for a in self.articles]

    def done(self) -> bool:
        if self.waiting is not None:
            self.extraction.hand_over(wait=False)
        return self.futures is not None and self.waiting is None and all(f.done() for f in self.futures)

    def __call__(self) -> list[dict | BaseException]:
        if self.futures is None:
            return self.local()
        if self.waiting is not None:
            self.extraction.sign_waiting()  # while the pool starts, in a thread: handing over waits for no signing
            self.extraction.hand_over(wait=True)
        self.sign()  # while the workers extract
        got = [r for f in self.futures for r in f.result()]
        for i, (r, sig) in enumerate(zip(got, self.signed)):
            if isinstance(r, dict):
                if isinstance(sig, BaseException):
                    got[i] = sig
                else:
                    r.update(sig)  # in the places the worker left None
        return got


class Extraction:
    """`extraction.submit(articles)()` -> a row or an exception per article, in order; workers
    start on the articles as soon as they are submitted (or as soon as they are up)."""

    def __init__(self, local: Callable[[], Callable], jobs: int = 1, catalogues: str | None = None) -> None:
        self.local = local  # gives this process's Extractor (built on first use)
        self.jobs = jobs
        self.catalogues = catalogues
        self._pool: ProcessPoolExecutor | None = None
        self._starting: threading.Thread | None = None  # starts the pool, out of this thread's way
        self._failed: BaseException | None = None  # what starting it raised, raised again here
        self._waiting: list[Job] = []  # batches given while the pool was starting, in order
        self._signing: threading.Thread | None = None  # signs them meanwhile (`sign_waiting`)
        self._signing_one = threading.Lock()  # held while a batch is signed

    @property
    def pool(self) -> ProcessPoolExecutor | None:
        """The pool of workers, once up (waiting for it if it is starting); None when there is none."""
        self._up(wait=True)
        return self._pool

    def start(self, n: int) -> None:
        """Start the workers now if a batch of `n` articles is worth them: they load the extractor
        while this process goes on (its own start-up, the relevance gate, reading the next batches).
        The pool is started in a thread: starting a fork server's first worker waits until the server has
        imported the extraction and built the Extractor (`warm`, ~1.5 s of CPU), which this process would
        otherwise spend waiting instead of reading and gating."""
        if self.jobs > 1 and self._pool is None and self._starting is None and n >= POOL_MIN:
            self._starting = threading.Thread(target=self._open, name="armsledger-pool-start", daemon=True)
            self._starting.start()

    def _open(self) -> None:
        try:
            from ..workers import exit_with

            pool = ProcessPoolExecutor(self.jobs, mp_context=_context(), initializer=exit_with,
                                       initargs=(os.getpid(),))
            self._pool = pool
            for _ in range(self.jobs):  # one task a worker: the pool starts a process for each
                pool.submit(_warm, self.catalogues)
        except BaseException as err:  # told where the batches are handed over
            self._failed = err

    def _up(self, wait: bool) -> bool:
        """Is the pool up (waiting for it when `wait`)? Raises what starting it raised."""
        if self._starting is not None:
            if not wait and self._starting.is_alive():
                return False
            self._starting.join()
            self._starting = None
        if self._failed is not None:
            raise self._failed
        return True

    def sign_waiting(self) -> None:
        """Sign the batches waiting for the pool (`Job.sign`), in order, until it is up, in a thread: the first
        signature imports datasketch (~0.4 s), which the workers, once up, would otherwise wait for."""
        if self._signing is None and self._waiting:
            self._signing = threading.Thread(target=self._sign, args=(list(self._waiting),),
                                             name="armsledger-sign", daemon=True)
            self._signing.start()

    def _sign(self, jobs: list[Job]) -> None:
        for job in jobs:
            starting = self._starting
            if starting is None or not starting.is_alive():  # up (or failed): the workers are handed the rest
                return
            job.sign()

    def hand_over(self, wait: bool) -> None:
        """The batches waiting for the pool to the workers, in order, once it is up (waiting for it when `wait`)."""
        if self._waiting and self._up(wait):
            waiting, self._waiting = self._waiting, []
            for job in waiting:
                job.futures, job.waiting = self._to_workers(job.waiting), None

    def _to_workers(self, articles: list[Article]) -> list:
        from functools import partial

        size = max(1, len(articles) // (self.jobs * 4))
        return [self._pool.submit(partial(_in_worker_each, self.catalogues), articles[i:i + size])
                for i in range(0, len(articles), size)]

    def submit(self, articles: list[Article]) -> Job:
        self.start(len(articles))
        if self._starting is not None or self._pool is not None or self._failed is not None:
            job = Job([], extraction=self, waiting=articles, articles=articles)
            self._waiting.append(job)
            self.hand_over(wait=False)
            return job
        return Job(None, lambda: [_extract(self.local(), a) for a in articles])

    def __enter__(self) -> Extraction:
        return self

    def __exit__(self, *exc) -> None:
        if self._starting is not None:
            self._starting.join()
        if self._signing is not None:
            self._signing.join()
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
