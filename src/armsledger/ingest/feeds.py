"""RSS and Atom feeds, with feedparser: their entries, and the article each entry links to.

A feed names articles; it rarely holds them. So each entry's link is fetched and its
page read as an article, and the entry's title and date fill in what the page lacks.
An entry whose page cannot be fetched becomes one `IngestError`; the others go on.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin
from typing import TYPE_CHECKING

from ..errors import IngestError
from ..logs import failed
from ..model import Article
from .files import MAX_BYTES, _read_bytes, normalise_date
from .web import TIMEOUT, FeedDocument, download, fetch, is_url, root_element, shared_client, sniff

if TYPE_CHECKING:  # httpx is imported where a URL is fetched: reading files needs none of it
    import httpx

_ALTERNATE = re.compile(rb"""<link[^>]+type=["']application/(?:rss|atom)\+xml["'][^>]*>""", re.I)
_HREF = re.compile(rb"""href=["']([^"']+)["']""", re.I)


@dataclass
class FeedEntry:
    """One item of a feed: what it links to and what the feed says about it."""

    link: str | None  # absolute when the feed came from a URL
    title: str | None
    published: str | None  # YYYY-MM-DD
    summary: str | None
    feed: str  # the feed URL or path asked for
    id: str | None  # the entry's <guid> or <id>


def feed_entries(source: str | FeedDocument, *, client: httpx.Client | None = None,
                 max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> list[FeedEntry]:
    """The entries of the RSS or Atom feed at `source` (a URL or a file path), in feed order.

    Raises `IngestError(source, "not an RSS or Atom feed: ...")` for any other document.

    Example: `[e.link for e in feed_entries("https://example.com/defence.rss")]`
    """
    if isinstance(source, FeedDocument):
        return parse_feed(source)
    if is_url(source):
        got = download(source, client=client, max_bytes=max_bytes, timeout=timeout)
        doc = FeedDocument(source=source, url=got.url, body=got.body, content_type=got.content_type,
                           fetched_at=got.fetched_at)
    else:
        doc = FeedDocument(source=source, url=None, body=_read_bytes(source, max_bytes))
    return parse_feed(doc)


def parse_feed(doc: FeedDocument) -> list[FeedEntry]:
    """The entries of a feed document; relative links are resolved against the feed's URL."""
    import feedparser

    kind = sniff(doc.body, doc.content_type)
    if kind == "html":
        raise IngestError(doc.source, f"not an RSS or Atom feed: it is an HTML page{_advertised(doc)}")
    headers = {"content-type": doc.content_type or "application/xml"}
    if doc.url:
        headers["content-location"] = doc.url
    parsed = feedparser.parse(doc.body, response_headers=headers)
    if not parsed.entries and (kind != "feed" or parsed.bozo or not parsed.version):
        problem = parsed.get("bozo_exception") if parsed.bozo else None
        root = root_element(doc.body)
        if kind == "binary":
            why = "it is a binary file"
        elif kind != "feed" and root:
            why = f"its root element is <{root}>, not <rss>, <feed> or <rdf:RDF>"
        elif problem:
            why = f"it does not parse ({problem})"
        else:
            why = "no <rss>, <feed> or <rdf:RDF> root element"
        raise IngestError(doc.source, f"not an RSS or Atom feed: {why}")
    return [_entry(e, doc) for e in parsed.entries]


def read_feed(source: str | FeedDocument, *, client: httpx.Client | None = None, max_bytes: int = MAX_BYTES,
              timeout: float = TIMEOUT) -> Iterator[Article | IngestError]:
    """One article per feed entry, or an `IngestError` for an entry (or feed) that fails.

    Example: `for item in read_feed("https://example.com/defence.rss"): ...`
    """
    with shared_client(client, timeout=timeout) as http:
        try:
            entries = feed_entries(source, client=http, max_bytes=max_bytes, timeout=timeout)
        except IngestError as err:
            yield err
            return
        for entry in entries:
            yield _read_entry(entry, http, max_bytes, timeout)


def _read_entry(entry: FeedEntry, client: httpx.Client, max_bytes: int, timeout: float) -> Article | IngestError:
    try:
        return fetch_entry(entry, client=client, max_bytes=max_bytes, timeout=timeout)
    except IngestError as err:
        return err
    except Exception as err:  # one entry's failure, whatever it is, never ends the feed
        return failed(entry.link or f"{entry.feed}#{entry.id or entry.title or '?'}", "reading the entry", err)


def fetch_entry(entry: FeedEntry, *, client: httpx.Client | None = None, max_bytes: int = MAX_BYTES,
                timeout: float = TIMEOUT) -> Article:
    """The article an entry links to, with the entry's title and date where the page has none.

    `meta` gains `feed` and, when the entry has one, `guid`. Raises `IngestError(link, reason)`.
    """
    if not entry.link:
        raise IngestError(f"{entry.feed}#{entry.id or entry.title or '?'}", "feed entry has no link to an article")
    if not is_url(entry.link):
        raise IngestError(entry.link, f"entry link is not an http(s) URL (entry of {entry.feed})")
    try:
        doc = fetch(entry.link, client=client, max_bytes=max_bytes, timeout=timeout)
    except IngestError as err:
        raise IngestError(entry.link, f"{err.reason} (entry of {entry.feed})") from None
    if isinstance(doc, FeedDocument):
        raise IngestError(entry.link, f"the entry links to another feed, not to an article (entry of {entry.feed})")
    doc.title = doc.title or entry.title
    doc.published = doc.published or entry.published
    doc.meta["feed"] = entry.feed
    if entry.id:
        doc.meta["guid"] = entry.id
    return doc


def watch_once(feeds: Iterable[str], seen: Callable[[str], bool], *, client: httpx.Client | None = None,
               max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> Iterator[Article | IngestError]:
    """One pass over `feeds`: the articles of entries not seen before, and an error for each failure.

    An entry is skipped when `seen(link)` or `seen(guid)` is true, before its page is fetched,
    and an entry listed by two feeds is read once. `seen` only asks; the caller records what
    it keeps: an article's `source` is the entry link and `meta.get("guid")` its guid, and an
    error's `source` is the entry link (record it too, or the entry is retried next pass).

    Example: `for item in watch_once(["https://example.com/defence.rss"], ledger.has_source): ...`
    """
    done: set[str] = set()
    with shared_client(client, timeout=timeout) as http:
        for feed in feeds:
            try:
                entries = feed_entries(feed, client=http, max_bytes=max_bytes, timeout=timeout)
            except IngestError as err:
                yield err
                continue
            except Exception as err:  # one feed's failure never ends the pass
                yield failed(feed, "reading the feed", err)
                continue
            for entry in entries:
                keys = [k for k in (entry.link, entry.id) if k]
                if any(k in done or seen(k) for k in keys):
                    continue
                done.update(keys)
                yield _read_entry(entry, http, max_bytes, timeout)


def _entry(e: dict, doc: FeedDocument) -> FeedEntry:
    link = e.get("link") or None
    if link and doc.url:
        link = urljoin(doc.url, link)
    stamp = e.get("published_parsed") or e.get("updated_parsed")
    published = time.strftime("%Y-%m-%d", stamp) if stamp else normalise_date(e.get("published") or e.get("updated"))
    return FeedEntry(link=link, title=(e.get("title") or "").strip() or None, published=published,
                     summary=e.get("summary") or None, feed=doc.source, id=e.get("id") or None)


def _advertised(doc: FeedDocument) -> str:
    """`; it links to a feed at URL` when the page names its feed, as many do in their <head>."""
    m = _ALTERNATE.search(doc.body[:65536])
    href = _HREF.search(m[0]) if m else None
    if not href:
        return ""
    url = href[1].decode("utf-8", "replace")
    return f"; it names its feed: {urljoin(doc.url, url) if doc.url else url}"
