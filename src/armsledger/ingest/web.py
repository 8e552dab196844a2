"""Fetch article pages and feeds over HTTP(S), with httpx.

`fetch(url)` returns an `Article` for a page and a `FeedDocument` for an RSS or
Atom feed (`feeds.parse_feed` reads its entries). Every failure is an
`IngestError(url, reason)` whose reason a user can act on: "HTTP 404 Not Found",
"cannot connect: Connection refused", "timed out after 20 s", ...
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from http import HTTPStatus
from urllib.parse import urlsplit
from typing import TYPE_CHECKING

from ..errors import IngestError
from ..model import Article
from .charsets import decode_html
from .files import MAX_BYTES, describe_size, from_html, from_text

if TYPE_CHECKING:  # httpx is imported where a URL is fetched: reading files needs none of it
    import httpx

TIMEOUT = 20.0  # seconds, for connecting and for each read
MAX_REDIRECTS = 5
HOMEPAGE = "https://github.com/armsledger/armsledger"
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")

HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
XML_TYPES = {"application/xml", "text/xml"}
TEXT_TYPES = {"text/plain"}
_BINARY_FAMILIES = {"image", "audio", "video", "font", "model"}
_BINARY_TYPES = {"application/pdf", "application/zip", "application/gzip", "application/x-gzip",
                 "application/octet-stream", "application/x-tar", "application/x-7z-compressed",
                 "application/x-rar-compressed", "application/msword", "application/wasm"}

_PROLOG = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)
_ROOT = re.compile(rb"<([A-Za-z][\w:.-]*)")


@dataclass
class Download:
    """The body of one successful GET, read to the end (within the size limit)."""

    source: str  # the URL asked for
    url: str  # the final URL, after redirects
    content_type: str | None  # e.g. "text/html", without parameters
    charset: str | None  # from the Content-Type header
    body: bytes
    fetched_at: str  # UTC, ISO 8601


@dataclass
class FeedDocument:
    """An RSS or Atom document as fetched; `feeds.parse_feed` reads its entries."""

    source: str  # the feed URL or path asked for
    url: str | None  # the final URL after redirects; None for a file
    body: bytes
    content_type: str | None = None
    fetched_at: str | None = None


def user_agent() -> str:
    """`armsledger/<version> (+homepage)`: says who is asking, and where to read about it."""
    from .. import __version__  # here, not at the top: armsledger/__init__ imports this package

    return f"armsledger/{__version__} (+{HOMEPAGE})"


def make_client(*, timeout: float = TIMEOUT) -> httpx.Client:
    """One `httpx.Client` to share between fetches (it keeps connections open).

    Example: `with make_client() as client: fetch(url, client=client)`
    """
    import httpx

    return httpx.Client(headers={"User-Agent": user_agent(), "Accept": ACCEPT}, timeout=httpx.Timeout(timeout),
                        follow_redirects=True, max_redirects=MAX_REDIRECTS)


@contextmanager
def shared_client(client: httpx.Client | None = None, *, timeout: float = TIMEOUT) -> Iterator[httpx.Client]:
    """The caller's client as it is, or a new one that is closed when the block ends."""
    if client is not None:
        yield client
        return
    with make_client(timeout=timeout) as own:
        yield own


def is_url(value: str) -> bool:
    """True for anything that starts like an http:// or https:// address (valid or not)."""
    return bool(re.match(r"https?://", value, re.I))


def fetch(url: str, *, client: httpx.Client | None = None, max_bytes: int = MAX_BYTES,
          timeout: float = TIMEOUT) -> Article | FeedDocument:
    """The article on the page at `url`, or the feed document if `url` is an RSS or Atom feed.

    The article's `source` is `url`, its `url` the final address after redirects, and
    `meta["fetched_at"]` the UTC time of the fetch. Raises `IngestError` on any failure.

    Example: `fetch("https://example.com/news/rafale-deal").title`
    """
    got = download(url, client=client, max_bytes=max_bytes, timeout=timeout)
    kind = sniff(got.body, got.content_type)
    if kind == "feed":
        return FeedDocument(source=url, url=got.url, body=got.body, content_type=got.content_type,
                            fetched_at=got.fetched_at)
    if kind == "binary":
        raise IngestError(url, "binary content (it holds NUL bytes), not a web page or a feed")
    if kind == "xml":
        raise IngestError(url, f"an XML document (root element <{root_element(got.body)}>), "
                               "neither a web page nor an RSS or Atom feed")
    if kind == "text" and got.content_type and not got.content_type.startswith("text/"):
        raise IngestError(url, f"unsupported content type {got.content_type}; "
                               "expected an HTML page, plain text or an RSS or Atom feed")
    text = decode(got.body, got.charset)
    if not text.strip():
        raise IngestError(url, "empty page, no text to extract")
    article = from_html(text, source=url, url=got.url) if kind == "html" else from_text(text, source=url)
    if article.url and article.url != got.url:
        article.meta["canonical_url"] = article.url
    article.source, article.url = url, got.url
    article.meta["fetched_at"] = got.fetched_at
    return article


def download(url: str, *, client: httpx.Client | None = None, max_bytes: int = MAX_BYTES,
             timeout: float = TIMEOUT) -> Download:
    """GET `url`, following redirects, and read its body; stop with an `IngestError` past `max_bytes`."""
    import httpx

    if not _valid(url):
        raise IngestError(url, "not a valid URL (expected http:// or https:// and a host name)")
    own = client is None
    if client is None:
        client = make_client(timeout=timeout)
    headers = {}
    if client.headers.get("User-Agent", "").startswith("python-httpx"):
        headers = {"User-Agent": user_agent(), "Accept": ACCEPT}
    try:
        with client.stream("GET", url, headers=headers, timeout=timeout, follow_redirects=True) as resp:
            if not resp.is_success:
                phrase = resp.reason_phrase or _phrase(resp.status_code)
                raise IngestError(url, f"HTTP {resp.status_code} {phrase}".rstrip())
            content_type, charset = split_content_type(resp.headers.get("Content-Type"))
            if content_type and _binary(content_type):
                raise IngestError(url, f"binary content ({content_type}), not a web page or a feed")
            declared = resp.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise IngestError(url, f"too large ({describe_size(int(declared))}, the limit is "
                                       f"{describe_size(max_bytes)}); raise --max-size to read it")
            body = bytearray()
            for chunk in resp.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise IngestError(url, f"too large (stopped reading past {describe_size(max_bytes)}); "
                                           "raise --max-size to read it")
            final = str(resp.url)
    except httpx.TimeoutException as err:
        waiting = "connecting" if isinstance(err, httpx.ConnectTimeout) else "waiting for the server"
        raise IngestError(url, f"timed out after {timeout:g} s {waiting}") from None
    except httpx.TooManyRedirects:
        raise IngestError(url, f"too many redirects (more than {MAX_REDIRECTS})") from None
    except httpx.ConnectError as err:
        raise IngestError(url, f"cannot connect: {_why(err)}") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as err:
        raise IngestError(url, f"not a valid URL ({_why(err)})") from None
    except httpx.DecodingError as err:
        raise IngestError(url, f"the server sent a body that does not decode ({_why(err)})") from None
    except httpx.TransportError as err:
        raise IngestError(url, f"connection broken while reading: {_why(err)}") from None
    finally:
        if own:
            client.close()
    return Download(source=url, url=final, content_type=content_type, charset=charset, body=bytes(body),
                    fetched_at=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))


def sniff(body: bytes, content_type: str | None = None) -> str:
    """What a document is: "feed", "html", "xml" (another XML document), "text" or "binary".

    A feed is recognised by its content type or by its root element (`<rss>`, `<feed>`,
    `<rdf:RDF>`), since many servers send feeds as text/xml or even text/html.
    """
    root = root_element(body).lower()
    if content_type in FEED_TYPES or root in ("rss", "feed", "rdf:rdf") or root.endswith(":feed"):
        return "feed"
    if content_type in HTML_TYPES or root == "html" or re.match(rb"\s*<!doctype html", body[:512], re.I):
        return "html"
    if content_type in XML_TYPES or body.lstrip()[:5] == b"<?xml":
        return "xml"
    if content_type and _binary(content_type) or b"\x00" in body[:8192]:
        return "binary"
    if root in ("head", "body", "div", "p", "article", "meta", "title"):  # an HTML fragment
        return "html"
    return "text"


def decode(body: bytes, charset: str | None = None) -> str:
    """Text from a page's bytes as a browser reads them: a byte-order mark, else the HTTP header's
    charset, else the one the page declares, else detected (`charsets.decode_html`)."""
    return decode_html(body, charset).text


def root_element(body: bytes) -> str:
    """The name of a markup document's first element (`rss`, `feed`, `html`, ...), or ""."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf")
    m = _ROOT.match(head, _PROLOG.match(head).end())
    return m[1].decode("ascii", "replace") if m else ""


def split_content_type(header: str | None) -> tuple[str | None, str | None]:
    """`("text/html", "utf-8")` from `text/html; charset=utf-8`; (None, None) for no header."""
    if not header:
        return None, None
    mime, _, params = header.partition(";")
    m = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", params, re.I)
    return mime.strip().lower() or None, m[1] if m else None


def _binary(content_type: str) -> bool:
    family = content_type.split("/", 1)[0]
    return (family in _BINARY_FAMILIES or content_type in _BINARY_TYPES
            or content_type.endswith(("+zip", "-compressed")) or content_type.startswith("application/vnd."))


def _valid(url: str) -> bool:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname) and not re.search(r"\s", url)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _why(err: Exception) -> str:
    text = str(err) or type(err).__name__
    return re.sub(r"^\[Errno -?\d+\]\s*", "", text)
