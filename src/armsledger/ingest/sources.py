"""Any input a user names (file, folder, glob, `-`, page URL, feed, WARC) to its articles.

`iter_inputs` looks at each input, hands it to the module for its kind (`files`, `web`,
`feeds`, `warc`) and yields what comes back, turning every failure into an `IngestError`
item so that one bad input never stops a batch: any exception while reading one file or
URL, expected or not, is that input's failure (an unexpected one's traceback is logged).
"""
from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import IngestError
from ..logs import failed
from ..model import Article
from .feeds import read_feed
from .files import MAX_BYTES, read
from .web import TIMEOUT, FeedDocument, fetch, is_url, make_client, sniff
from .warc import is_warc, read_warc

if TYPE_CHECKING:  # httpx is imported where a URL is fetched: reading files needs none of it
    import httpx

# what a folder walk reads; a file named on its own is read whatever its name
INPUT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson",
                  ".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")


def read_all(sources: Iterable[str], *, max_bytes: int = MAX_BYTES, encoding: str | None = None
             ) -> Iterator[Article | IngestError]:
    """Yield the articles of every source, and an IngestError for each that fails.

    The same as `iter_inputs` with its default network settings.
    """
    return iter_inputs(sources, max_bytes=max_bytes, encoding=encoding)


def iter_inputs(inputs: Iterable[str], *, max_bytes: int = MAX_BYTES, encoding: str | None = None,
                timeout: float = TIMEOUT, client: httpx.Client | None = None) -> Iterator[Article | IngestError]:
    """The articles of every input, in order, and an `IngestError` for each one that fails.

    An input is a file, a folder (read recursively, in name order, hidden files skipped), a
    glob pattern, `-` for standard input, the URL of an article page, or the URL or path of
    an RSS or Atom feed (each entry's page is fetched). `max_bytes` limits each file, page
    and archive record; `timeout` (seconds) each network wait. `encoding` forces one
    encoding on local files (by default HTML is decoded as browsers do, text as UTF-8 or detected).

    Example: `for item in iter_inputs(["news/", "https://example.com/defence.rss"]): ...`
    """
    with ExitStack() as stack:
        shared: list[httpx.Client] = [client] if client is not None else []

        def http() -> httpx.Client:  # made on first use: a run over local files needs none
            if not shared:
                shared.append(stack.enter_context(make_client(timeout=timeout)))
            return shared[0]

        for source in inputs:
            if is_url(source):
                yield from _guard(_url(source, http(), max_bytes, timeout), source)
            elif "://" in source:
                yield IngestError(source, "not a valid URL (only http:// and https:// addresses can be fetched)")
            elif source == "-":
                yield from _guard(read("-", max_bytes=max_bytes, encoding=encoding), "-")
            else:
                yield from _path(source, http, max_bytes, encoding, timeout)


def walk(folder: str) -> list[str]:
    """The readable files under `folder`, recursively, sorted; hidden files and folders are skipped."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [os.path.join(root, n) for n in names if not n.startswith(".") and n.lower().endswith(INPUT_SUFFIXES)]
    return sorted(found, key=lambda path: Path(path).parts)  # path order: news/2024/x.html before news/a.txt


def _path(source: str, http: Callable[[], httpx.Client], max_bytes: int, encoding: str | None, timeout: float
          ) -> Iterator[Article | IngestError]:
    if os.path.isdir(source):
        files = walk(source)
        if not files:
            yield IngestError(source, f"no files to read in this folder (looked for {', '.join(INPUT_SUFFIXES)})")
        for path in files:
            yield from _file(path, http, max_bytes, encoding, timeout)
    elif (part := _part(source)) is not None:
        yield from _guard(part(max_bytes, encoding), source)
    elif os.path.exists(source) or not glob.has_magic(source):
        yield from _file(source, http, max_bytes, encoding, timeout)
    else:
        matches = sorted(glob.glob(source, recursive=True))
        if not matches:
            yield IngestError(source, "no files match this pattern")
        for path in matches:
            yield from (_path if os.path.isdir(path) else _file)(path, http, max_bytes, encoding, timeout)


def _file(path: str, http: Callable[[], httpx.Client], max_bytes: int, encoding: str | None, timeout: float
          ) -> Iterator[Article | IngestError]:
    if is_warc(path):
        yield from _guard(read_warc(path, max_bytes=max_bytes), path)
    elif path.lower().endswith(FEED_SUFFIXES) or (Path(path).suffix.lower() not in INPUT_SUFFIXES
                                                 and _looks_like_feed(path)):
        yield from _guard(read_feed(path, client=http(), max_bytes=max_bytes, timeout=timeout), path)
    else:
        yield from _guard(read(path, max_bytes=max_bytes, encoding=encoding), path)


_JSON_PART = re.compile(r"^(?P<path>.+?)(?P<part>(?::\d+)?(?:\[\d+\])?)$")


def _part(source: str) -> Callable[[int, str | None], Iterator[Article | IngestError]] | None:
    """A reader of one part of a file, for a source named as the readers name the items of a file:
    "news.jsonl:2" (line 2), "news.json[3]" (object 3 of an array), "crawl.warc.gz#1484" (the record
    at byte 1484, and the rest of the archive after it when it was cut off there); None for anything else.
    So `--retry-failed` reads again only what failed, and a user can name one line or record."""
    if os.path.exists(source):
        return None
    head, sep, tail = source.rpartition("#")
    if sep and tail.isdigit() and is_warc(head) and os.path.isfile(head):
        start = int(tail)

        def record(max_bytes: int, encoding: str | None) -> Iterator[Article | IngestError]:
            for item in read_warc(head, max_bytes=max_bytes):
                _, _, at = item.source.rpartition("#")
                if not at.isdigit() or int(at) >= start:
                    yield item
        return record
    m = _JSON_PART.match(source)
    if not m or not m["part"] or not os.path.isfile(m["path"]):
        return None

    def lines(max_bytes: int, encoding: str | None) -> Iterator[Article | IngestError]:
        found = False
        for item in read(m["path"], max_bytes=max_bytes, encoding=encoding):
            if item.source == source or item.source.startswith(source + "["):
                found = True
                yield item
        if not found:
            yield IngestError(source, f"{m['path']} no longer has this {'line' if ':' in m['part'] else 'object'}")
    return lines


def _url(url: str, client: httpx.Client, max_bytes: int, timeout: float) -> Iterator[Article | IngestError]:
    try:
        got = fetch(url, client=client, max_bytes=max_bytes, timeout=timeout)
    except IngestError as err:
        yield err
        return
    if isinstance(got, FeedDocument):
        yield from read_feed(got, client=client, max_bytes=max_bytes, timeout=timeout)
    else:
        yield got


def _looks_like_feed(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return sniff(fh.read(4096)) == "feed"
    except OSError:
        return False  # reading it properly will report the problem


def _guard(items: Iterator[Article | IngestError], source: str) -> Iterator[Article | IngestError]:
    """`items`, with an exception raised part-way yielded as `source`'s `IngestError` instead."""
    try:
        yield from items
    except IngestError as err:
        yield err
    except Exception as err:  # a bug or a broken dependency: this input's failure, not the batch's
        yield failed(source, "reading", err)
