"""Read inputs into Articles: files, folders, standard input, web pages, RSS/Atom feeds, WARC archives.

    files    text (with optional header lines), HTML, JSON / JSON Lines, stdin
    web      fetch(url): one page over HTTP(S), or the feed it turns out to be
    feeds    feed_entries(), read_feed(), watch_once(): RSS and Atom
    warc     read_warc(): the HTML pages of a .warc / .warc.gz archive
    sources  iter_inputs(): any mix of the above, one `Article | IngestError` at a time

Every problem with an input is yielded (or raised) as an `IngestError` that names the
input and the reason, so that a batch can report it and go on.
"""
from __future__ import annotations

from ..errors import IngestError
from ..model import Article
from .feeds import FeedEntry, feed_entries, fetch_entry, parse_feed, read_feed, watch_once
from .files import (
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    MAX_BYTES,
    MIN_HTML_WORDS,
    clean_surrogates,
    from_html,
    from_record,
    from_text,
    normalise_date,
    read,
)
from .files import _decode, _read_bytes, _read_json, _split_headers  # noqa: F401  (importable here before the split)
from .sources import FEED_SUFFIXES, INPUT_SUFFIXES, iter_inputs, read_all, walk
from .warc import WARC_SUFFIXES, read_warc
from .web import TIMEOUT, FeedDocument, fetch, make_client, user_agent

__all__ = [
    "FEED_SUFFIXES", "HTML_SUFFIXES", "INPUT_SUFFIXES", "JSON_SUFFIXES", "MAX_BYTES", "MIN_HTML_WORDS", "TIMEOUT",
    "WARC_SUFFIXES", "Article", "FeedDocument", "FeedEntry", "IngestError", "clean_surrogates", "feed_entries",
    "fetch", "fetch_entry", "from_html", "from_record", "from_text", "iter_inputs", "make_client", "normalise_date",
    "parse_feed", "read", "read_all", "read_feed", "read_warc", "user_agent", "walk", "watch_once",
]
