"""Pages in any charset read as browsers read them, from files, URLs, feeds and WARC records alike;
mis-declared ones fall back to detection; plain text is UTF-8 or detected."""
from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from armsledger import Article, IngestError
from armsledger.ingest import iter_inputs
from armsledger.ingest.charsets import decode_html, decode_text

TEMPLATE = """<!doctype html><html><head>{meta}<title>{title}</title></head><body>
<nav>Home | World | Business</nav><article><h1>{title}</h1>
<p>The regional council met on Tuesday to discuss the budget for next year, and members spoke at length
about libraries, parks, bus routes and the cost of repairing the old market hall in the town centre.</p>
<p>{line}</p>
<p>A final vote is planned for the end of the month, after the committees have read the amended figures.</p>
</article><footer>Copyright Example News</footer></body></html>"""

# (label declared, Python codec the bytes are in, a line only that codec can carry)
PAGES = [
    ("iso-8859-1", "latin-1", "Le maire a déclaré : « Ça coûtera moins cher que prévu », à Besançon."),
    ("windows-1252", "cp1252", "The mayor said the “final” figure was €5 million – a rise of 3‰ on last year."),
    ("shift_jis", "shift_jis", "The mayor quoted the motto 市民のための予算 and thanked 東京都 for its help."),
    ("utf-16", "utf-16", "The mayor quoted 市民のための予算 and said the “final” figure was €5 million."),
]
IDS = [p[0] for p in PAGES]


def html(label: str | None, codec: str, line: str, *, how: str = "meta") -> bytes:
    meta = {"meta": f'<meta charset="{label}">',
            "http-equiv": f'<meta http-equiv="Content-Type" content="text/html; charset={label}">',
            "none": ""}[how]
    return TEMPLATE.format(meta=meta, title="Council budget", line=line).encode(codec)


def body_of(item: Article | IngestError) -> str:
    assert isinstance(item, Article), item
    return item.text


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[str, dict[str, tuple[bytes, str]]]]:
    """A local web server; tests put (body, Content-Type) under a path in the dict it returns."""
    routes: dict[str, tuple[bytes, str]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body, content_type = routes[self.path]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", routes
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("label, codec, line", PAGES, ids=IDS)
def test_a_page_file_with_its_charset_declared_reads_correctly(tmp_path, label, codec, line):
    path = tmp_path / "page.html"
    path.write_bytes(html(label, codec, line))
    assert line in body_of(next(iter_inputs([str(path)])))


@pytest.mark.parametrize("label, codec, line", PAGES[:3], ids=IDS[:3])
def test_http_equiv_declares_the_charset_too(tmp_path, label, codec, line):
    path = tmp_path / "page.html"
    path.write_bytes(html(label, codec, line, how="http-equiv"))
    assert line in body_of(next(iter_inputs([str(path)])))


@pytest.mark.parametrize("label, codec, line", PAGES, ids=IDS)
def test_a_page_url_with_its_charset_in_the_page_or_the_header_reads_correctly(site, label, codec, line):
    base, routes = site
    routes[f"/meta-{label}"] = (html(label, codec, line), "text/html")
    routes[f"/header-{label}"] = (html(None, codec, line, how="none"), f"text/html; charset={label}")
    for path in (f"/meta-{label}", f"/header-{label}"):
        assert line in body_of(next(iter_inputs([base + path])))


def test_the_http_header_wins_over_the_page_and_a_wrong_one_is_passed_over(site):
    base, routes = site
    line = PAGES[2][2]
    routes["/sjis-says-utf8"] = (html("utf-8", "shift_jis", line), "text/html; charset=shift_jis")
    routes["/header-lies"] = (html("shift_jis", "shift_jis", line), "text/html; charset=utf-8")
    for path in ("/sjis-says-utf8", "/header-lies"):
        assert line in body_of(next(iter_inputs([base + path])))


@pytest.mark.parametrize("label, codec, line", PAGES, ids=IDS)
def test_a_feed_entry_page_reads_correctly(site, label, codec, line):
    base, routes = site
    routes[f"/entry-{label}"] = (html(label, codec, line), "text/html")
    routes[f"/feed-{label}.rss"] = (f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
        <title>Council news</title><link>{base}/</link><description>x</description>
        <item><title>Council budget</title><link>{base}/entry-{label}</link></item></channel></rss>""".encode(),
                                    "application/rss+xml")
    [item] = list(iter_inputs([f"{base}/feed-{label}.rss"]))
    assert line in body_of(item)


def test_warc_records_read_correctly_with_the_charset_in_the_header_or_the_page(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n, (label, codec, line) in enumerate(PAGES):
            for how, content_type in (("meta", "text/html"), ("none", f"text/html; charset={label}")):
                http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
                payload = io.BytesIO(html(label, codec, line, how=how))
                writer.write_record(writer.create_warc_record(f"https://news.example/{n}/{how}", "response",
                                                              payload=payload, http_headers=http))
    items = list(iter_inputs([str(path)]))
    assert len(items) == 8
    for item, (label, codec, line) in zip(items, [p for p in PAGES for _ in (0, 1)]):
        assert line in body_of(item), label


@pytest.mark.parametrize("declared, codec, line", [
    ("utf-8", "cp1252", PAGES[1][2]),  # legacy bytes under a UTF-8 label
    ("windows-1252", "utf-8", PAGES[2][2]),  # UTF-8 under a legacy label
    ("iso-8859-1", "utf-8", PAGES[0][2]),
    ("utf-8", "shift_jis", PAGES[2][2]),
    ("windows-1252", "shift_jis", PAGES[2][2]),
    ("no-such-charset", "cp1252", PAGES[1][2]),
    (None, "cp1252", PAGES[1][2]),  # nothing declared
    (None, "shift_jis", PAGES[2][2]),
    (None, "utf-16-le", PAGES[3][2]),  # no byte-order mark either
])
def test_a_mis_declared_or_undeclared_page_falls_back_to_detection(tmp_path, declared, codec, line):
    path = tmp_path / "page.html"
    path.write_bytes(html(declared, codec, line, how="meta" if declared else "none"))
    assert line in body_of(next(iter_inputs([str(path)])))


def test_the_decoder_says_where_the_encoding_came_from():
    line = PAGES[1][2]
    assert decode_html(html("windows-1252", "cp1252", line)).how == "meta"
    assert decode_html(html(None, "cp1252", line, how="none"), "windows-1252").how == "http"
    assert decode_html(b"\xef\xbb\xbf" + html("windows-1252", "utf-8", line)).how == "bom"
    wrong = decode_html(html("utf-8", "cp1252", line))
    assert (wrong.how, wrong.encoding) == ("detected", "cp1252") and "utf-8" in wrong.note


@pytest.mark.parametrize("text, codec", [
    ("Le conseil municipal a voté le budget à l'unanimité ; « très bien », a dit le maire.", "cp1252"),
    ("Der Stadtrat in Köln hat über die Straßenbahn abgestimmt; Bürger äußerten Kritik.", "latin-1"),
    ("市議会は火曜日、来年度の予算案を可決した。", "shift_jis"),
])
def test_plain_text_that_is_not_utf8_is_detected(tmp_path, caplog, text, codec):
    path = tmp_path / "note.txt"
    path.write_bytes(text.encode(codec))
    assert body_of(next(iter_inputs([str(path)]))) == text
    assert "not UTF-8 text" in caplog.text
    assert decode_text(text.encode("utf-8")).how == "utf-8"


def test_encoding_forces_one_encoding(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes("Le conseil a voté.".encode("cp1252"))
    [err] = list(iter_inputs([str(path)], encoding="utf-8"))
    assert isinstance(err, IngestError) and "not valid utf-8" in err.reason
    assert body_of(next(iter_inputs([str(path)], encoding="cp1252"))) == "Le conseil a voté."
