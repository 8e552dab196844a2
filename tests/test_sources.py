"""Reading every kind of input: web pages, feeds, folders and web archives.

The web tests talk to a real HTTP server on 127.0.0.1, started here in a thread,
which serves the pages in tests/data/sources/ and some ways a server can fail.
"""
from __future__ import annotations

import io
import json
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import armsledger.ingest as ingest
from armsledger import Article, IngestError
from armsledger.ingest import FeedEntry, feed_entries, fetch, iter_inputs, read_all, watch_once

SOURCES = Path(__file__).parent / "data" / "sources"
PAGE = (SOURCES / "mq9b.html").read_bytes()
PAGE2 = (SOURCES / "rafale.html").read_bytes()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)


# --- the local web server ---------------------------------------------------------------

Route = Callable[[BaseHTTPRequestHandler], None]


def page(body: bytes, content_type: str = "text/html; charset=utf-8") -> Route:
    def respond(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)
    return respond


def redirect(to: str) -> Route:
    def respond(h: BaseHTTPRequestHandler) -> None:
        h.send_response(301)
        h.send_header("Location", to)
        h.send_header("Content-Length", "0")
        h.end_headers()
    return respond


def error(status: int) -> Route:
    return lambda h: h.send_error(status)


def slow(seconds: float) -> Route:
    def respond(h: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        page(PAGE)(h)
    return respond


def endless(h: BaseHTTPRequestHandler) -> None:
    """A body with no stated length that goes on and on (45 MB): the reader must stop on its own."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    try:
        for _ in range(800):
            h.wfile.write(b"<p>more words " * 4096)
    except OSError:  # the client hung up, as it should
        pass


REQUESTS: list[tuple[str, str]] = []  # (path, User-Agent) of every request the server saw


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        REQUESTS.append((self.path, self.headers.get("User-Agent", "")))
        self.server.routes.get(self.path, error(404))(self)

    def log_message(self, *args: object) -> None:  # keep the test output quiet
        pass


class Server(ThreadingHTTPServer):
    block_on_close = False  # a slow handler still asleep must not hold up the end of the tests
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a reader past its size limit hangs up: fine
            super().handle_error(request, client_address)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """The base address of a local news site, e.g. http://127.0.0.1:43125."""
    server = Server(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"

    def feed(name: str) -> bytes:
        return (SOURCES / name).read_bytes().replace(b"SERVER", base.encode())

    server.routes = {
        "/news/mq9b.html": page(PAGE),
        "/news/rafale.html": page(PAGE2),
        "/old/mq9b": redirect("/news/mq9b.html"),
        "/loop": redirect("/loop"),
        "/broken": error(500),
        "/chart.png": page(PNG, "image/png"),
        "/report.pdf": page(b"%PDF-1.7\n" + bytes(100), "application/pdf"),
        "/big.html": page(PAGE + b"<p>filler</p>" * 5000),
        "/endless.html": endless,
        "/slow.html": slow(2.0),
        "/menu.html": page(b"<html><body><nav>Home | World | Defence</nav></body></html>"),
        "/legacy.html": page(PAGE.replace(b'charset="utf-8"', b'charset="windows-1252"')
                                 .replace(b"New Delhi", "New Delhi's Défense".encode("cp1252")), "text/html"),
        "/api/deals": page(b'{"deals": []}', "application/json"),
        "/sitemap.xml": page(b'<?xml version="1.0"?><urlset><url><loc>/a</loc></url></urlset>', "application/xml"),
        "/feed.rss": page(feed("feed.rss"), "application/rss+xml"),
        "/naval.atom": page(feed("feed.atom"), "text/xml"),  # no feed content type: found by its <feed> root
    }
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()
    server.server_close()


def only(items: Iterator[Article | IngestError]) -> Article | IngestError:
    [item] = list(items)
    return item


# --- pages ------------------------------------------------------------------------------

def test_a_page_url_becomes_an_article_with_where_and_when_it_was_fetched(site):
    art = fetch(f"{site}/news/mq9b.html")
    assert isinstance(art, Article)
    assert art.title == "India signs deal for 31 MQ-9B drones" and art.published == "2024-10-15"
    assert "31 MQ-9B drones from General Atomics" in art.text and "Copyright" not in art.text
    assert art.source == art.url == f"{site}/news/mq9b.html"
    assert art.meta["fetched_at"].endswith("Z") and art.meta["fetched_at"][:2] == "20"


def test_a_redirect_is_followed_and_both_addresses_are_kept(site):
    art = only(iter_inputs([f"{site}/old/mq9b"]))
    assert art.source == f"{site}/old/mq9b"  # what was asked for
    assert art.url == f"{site}/news/mq9b.html"  # where the article is


def test_every_request_says_who_is_asking(site):
    fetch(f"{site}/news/rafale.html")
    path, agent = REQUESTS[-1]
    assert path == "/news/rafale.html" and agent.startswith("armsledger/") and "(+https://" in agent


def test_the_page_charset_is_used_when_the_server_gives_none(site):
    art = fetch(f"{site}/legacy.html")
    assert "New Delhi's Défense" in art.text


@pytest.mark.parametrize("path, reason", [
    ("/news/withdrawn.html", "HTTP 404 Not Found"),
    ("/broken", "HTTP 500 Internal Server Error"),
    ("/chart.png", "binary content (image/png)"),
    ("/report.pdf", "binary content (application/pdf)"),
    ("/big.html", "too large"),  # the server says how large: refused before reading
    ("/endless.html", "too large"),  # it does not: reading stops at the limit
    ("/loop", "too many redirects"),
    ("/menu.html", "no article text"),
    ("/sitemap.xml", "neither a web page nor an RSS or Atom feed"),
    ("/api/deals", "unsupported content type application/json"),
])
def test_a_bad_page_is_one_clear_error_naming_its_url(site, path, reason):
    err = only(iter_inputs([site + path], max_bytes=50_000))
    assert isinstance(err, IngestError)
    assert err.source == site + path and reason in err.reason


def test_a_server_that_is_not_there(site):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    err = only(iter_inputs([f"http://127.0.0.1:{port}/news.html"]))
    assert isinstance(err, IngestError) and err.reason.startswith("cannot connect: ")


def test_a_slow_server_times_out(site):
    start = time.monotonic()
    err = only(iter_inputs([f"{site}/slow.html"], timeout=0.3))
    assert isinstance(err, IngestError) and err.reason.startswith("timed out after 0.3 s")
    assert time.monotonic() - start < 1.5


@pytest.mark.parametrize("url", ["http://", "https:///news.html", "http://exa mple.com/a", "http://example.com:99999/"])
def test_not_a_valid_url(url):
    err = only(iter_inputs([url]))
    assert isinstance(err, IngestError) and err.source == url and "not a valid URL" in err.reason


# --- feeds ------------------------------------------------------------------------------

def test_an_rss_feed_gives_the_article_of_each_entry_and_an_error_for_a_dead_link(site):
    items = list(iter_inputs([f"{site}/feed.rss"]))
    assert [type(x).__name__ for x in items] == ["Article", "IngestError", "Article"]
    mq9b, dead, rafale = items
    assert mq9b.title == "India signs deal for 31 MQ-9B drones" and "General Atomics" in mq9b.text
    assert dead.source == f"{site}/news/withdrawn.html"
    assert dead.reason == f"HTTP 404 Not Found (entry of {site}/feed.rss)"
    # the Rafale page has no date: the feed's date fills it in
    assert (rafale.source, rafale.published) == (f"{site}/news/rafale.html", "2024-10-17")
    assert rafale.meta["feed"] == f"{site}/feed.rss" and rafale.meta["guid"] == "edn-2024-0417"


def test_an_atom_feed_is_recognised_by_its_root_element_and_relative_links_resolved(site):
    entries = feed_entries(f"{site}/naval.atom")
    assert entries[0] == FeedEntry(link=f"{site}/news/rafale.html", title="Navy picks Rafale Marine for its carriers",
                                   published="2024-10-17", summary="26 Rafale Marine fighters for INS Vikrant.",
                                   feed=f"{site}/naval.atom", id="urn:example:defence:rafale-marine")
    arts = list(iter_inputs([f"{site}/naval.atom"]))
    assert [a.url for a in arts] == [f"{site}/news/rafale.html", f"{site}/news/mq9b.html"]


def test_a_web_page_is_not_a_feed_but_the_error_names_the_feed_it_links_to(site):
    with pytest.raises(IngestError) as err:
        feed_entries(f"{site}/news/mq9b.html")
    assert err.value.source == f"{site}/news/mq9b.html"
    assert err.value.reason == f"not an RSS or Atom feed: it is an HTML page; it names its feed: {site}/feed.rss"


def test_a_feed_file_on_disk_is_read_like_a_feed_url(site, tmp_path):
    feed = tmp_path / "saved.rss"
    feed.write_bytes((SOURCES / "feed.rss").read_bytes().replace(b"SERVER", site.encode()))
    notfeed = tmp_path / "config.xml"
    notfeed.write_text('<?xml version="1.0"?><config><debug>true</debug></config>')
    items = list(iter_inputs([str(feed), str(notfeed)]))
    assert [type(x).__name__ for x in items] == ["Article", "IngestError", "Article", "IngestError"]
    assert items[3].source == str(notfeed) and "not an RSS or Atom feed" in items[3].reason


def test_watch_once_reads_only_the_entries_not_seen_before(site):
    seen = {f"{site}/news/mq9b.html", "edn-2024-0416"}  # one known by its link, one by its guid
    items = list(watch_once([f"{site}/feed.rss", f"{site}/naval.atom"], seen.__contains__))
    # the Atom feed lists the Rafale page too: it is read once
    assert [(type(x).__name__, x.source) for x in items] == [("Article", f"{site}/news/rafale.html")]
    assert list(watch_once([f"{site}/feed.rss"], lambda key: True)) == []


# --- folders, patterns, batches ---------------------------------------------------------

@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """news/ with text, HTML and JSON Lines in sub-folders, plus files a walk must pass over."""
    root = tmp_path / "news"
    (root / "2024" / "10").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "2024" / "10" / "mq9b.html").write_bytes(PAGE)
    (root / "2024" / "wire.jsonl").write_text("\n".join(json.dumps({"text": f"Wire story {i} on the S-400.",
                                                                    "title": f"Wire {i}"}) for i in (1, 2)))
    (root / "a-note.txt").write_text("TITLE: A note\n\nPoland orders 96 AH-64E Apache helicopters.\n")
    (root / "b-empty.md").write_text("")
    (root / "notes.csv").write_text("not,an,article\n")
    (root / ".draft.txt").write_text("A hidden draft.")
    (root / ".git" / "HEAD.txt").write_text("ref: refs/heads/main")
    return root


def test_a_folder_is_read_recursively_in_name_order_skipping_hidden_and_unknown_files(folder):
    items = list(iter_inputs([str(folder)]))
    where = [str(Path(x.source).relative_to(folder)) for x in items]
    assert where == ["2024/10/mq9b.html", "2024/wire.jsonl:1", "2024/wire.jsonl:2", "a-note.txt", "b-empty.md"]
    assert [type(x).__name__ for x in items] == ["Article"] * 4 + ["IngestError"]
    assert "empty" in items[4].reason


def test_a_glob_pattern(folder):
    arts = list(iter_inputs([f"{folder}/**/*.html", f"{folder}/*.pdf"]))
    assert arts[0].title == "India signs deal for 31 MQ-9B drones"
    assert isinstance(arts[1], IngestError) and arts[1].reason == "no files match this pattern"


def test_one_bad_input_never_stops_a_batch(site, folder):
    items = list(read_all([str(folder / "a-note.txt"), str(folder / "missing.txt"), f"{site}/broken",
                           f"{site}/news/rafale.html"]))
    assert [type(x).__name__ for x in items] == ["Article", "IngestError", "IngestError", "Article"]
    assert items[1].reason == "no such file"


# --- web archives -----------------------------------------------------------------------

def write_warc(path: Path, gzip: bool) -> list[int]:
    """Two article pages, an image and a request; returns where each record starts, and the file's end."""
    offsets = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for uri, rec_type, content_type, body in [
            ("https://news.example/mq9b", "response", "text/html; charset=utf-8", PAGE),
            ("https://news.example/rafale", "response", "text/html", PAGE2),
            ("https://news.example/chart.png", "response", "image/png", PNG),
            ("https://news.example/rafale", "request", None, b""),
        ]:
            if rec_type == "response":
                http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            else:
                http = StatusAndHeaders("GET /rafale HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body), http_headers=http)
            offsets.append(fh.tell())
            writer.write_record(record)
        offsets.append(fh.tell())
    return offsets


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_warc_gives_its_html_pages_and_passes_over_the_rest(tmp_path, name):
    path = tmp_path / name
    offsets = write_warc(path, gzip=name.endswith(".gz"))
    arts = list(iter_inputs([str(path)]))
    assert [a.source for a in arts] == [f"{path}#{offsets[0]}", f"{path}#{offsets[1]}"]
    assert [a.url for a in arts] == ["https://news.example/mq9b", "https://news.example/rafale"]
    assert [a.published for a in arts] == ["2024-10-15", None]  # from the page, never from the crawl date
    assert arts[0].meta["captured"][:2] == "20" and "26 Rafale Marine" in arts[1].text


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_cut_off_warc_gives_the_articles_before_the_break_then_one_error(tmp_path, name):
    path = tmp_path / name
    offsets = write_warc(path, gzip=name.endswith(".gz"))
    path.write_bytes(path.read_bytes()[:(offsets[1] + offsets[2]) // 2])  # cut in the middle of record 2
    first, err = list(iter_inputs([str(path)]))
    assert first.url == "https://news.example/mq9b"
    assert isinstance(err, IngestError) and err.source == f"{path}#{offsets[1]}"
    assert f"at byte {offsets[1]:,}, inside record 2" in err.reason


def test_a_file_named_warc_that_is_not_one(tmp_path):
    path = tmp_path / "page.warc"
    path.write_bytes(PAGE)
    err = only(iter_inputs([str(path)]))
    assert isinstance(err, IngestError) and err.reason.startswith("not a WARC archive")


def test_the_package_exports_what_it_lists():
    assert all(hasattr(ingest, name) for name in ingest.__all__)
