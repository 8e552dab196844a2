"""Local files and standard input: plain text (with optional header lines), HTML,
JSON and JSON Lines.

Every problem with an input is raised or yielded as an `IngestError` that names
the input and the reason, so that a batch can report it and go on.
"""
from __future__ import annotations

import email.utils
import json
import logging
import re
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ..errors import IngestError
from ..model import MAX_BYTES, Article
from .charsets import decode_html, decode_text, _utf16_without_bom

log = logging.getLogger("armsledger.ingest")

MIN_HTML_WORDS = 12  # fewer words than this is a menu or a caption, not a report
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
_HTML_START = re.compile(rb"(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?\s*(?:<!doctype html|<html)", re.I)
_HEADER = re.compile(r"^([A-Za-z][A-Za-z_-]{0,30}):[ \t]*(.*)$")
_HEADER_KEYS = {"url", "title", "published", "publisher", "source", "date", "published-estimated", "author"}


def read(source: str, *, max_bytes: int = MAX_BYTES, encoding: str | None = None) -> Iterator[Article | IngestError]:
    """Read one path (or `-` for standard input) into its articles.

    HTML is decoded as browsers do (byte-order mark, `<meta charset>`, else detected); other
    text is UTF-8, else detected with a warning. `encoding` forces one encoding for everything.

    Example: `next(read("report.txt")).text`
    """
    data = _read_bytes(source, max_bytes)
    suffix = Path(source).suffix.lower() if source != "-" else ""
    head = data[:1024].replace(b"\0", b"")  # UTF-16 markup reads as ASCII without its NULs
    html = suffix in HTML_SUFFIXES or (suffix not in JSON_SUFFIXES and _HTML_START.match(head) is not None)
    text = _decode(source, data, encoding, html=html)
    if not text.strip():
        raise IngestError(source, "empty input, no text to extract")
    if suffix in JSON_SUFFIXES or (suffix == "" and text.lstrip()[:1] in "{["):
        yield from _read_json(source, text)
    elif html:
        yield from_html(text, source=source)
    else:
        yield from_text(text, source=source)


def from_text(text: str, source: str = "-", **meta: str | None) -> Article:
    """An article from plain text that may open with `Key: value` header lines and a blank line."""
    headers, body = _split_headers(clean_surrogates(text))
    headers.update({k: v for k, v in meta.items() if v})
    if not body.strip():
        raise IngestError(source, "no article text after the header lines")
    return Article(
        text=body,
        source=source,
        title=headers.get("title") or None,
        published=normalise_date(headers.get("published") or headers.get("date")),
        publisher=headers.get("publisher") or None,
        url=headers.get("url") or None,
        meta=headers,
    )


def from_html(html: str, source: str = "-", *, url: str | None = None) -> Article:
    """An article from an HTML page: main text and metadata, with trafilatura.

    `url` is where the page came from, if known; it helps find the publisher.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as err:  # trafilatura raises many kinds on broken markup
        raise IngestError(source, f"could not parse the HTML ({type(err).__name__}: {err})") from None
    if doc is None:
        raise IngestError(source, "no article text found in the HTML page")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (data.get("text") or "").strip()
    words = len(body.split())
    if words < MIN_HTML_WORDS:
        raise IngestError(source, f"no article text found in the HTML page (only {words} words of page furniture)")
    return Article(
        text=body,
        source=source,
        title=data.get("title") or None,
        published=normalise_date(data.get("date")),
        publisher=data.get("sitename") or data.get("hostname") or None,
        url=data.get("url") or None,
    )


def from_record(obj: dict, source: str) -> Article:
    """An article from a JSON object with `text` and optional `title`, `published`, `url`, `publisher`."""
    text = obj.get("text") or obj.get("body") or obj.get("content")
    if not isinstance(text, str) or not text.strip():
        raise IngestError(source, "JSON object has no non-empty 'text' field")
    text = clean_surrogates(text)
    return Article(
        text=text,
        source=obj.get("url") if source == "-" and obj.get("url") else source,
        title=obj.get("title") if isinstance(obj.get("title"), str) else None,
        published=normalise_date(obj.get("published") or obj.get("date")),
        publisher=obj.get("publisher") if isinstance(obj.get("publisher"), str) else None,
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_surrogates(text: str) -> str:
    """Lone UTF-16 surrogates (legal in JSON escapes, not in text) become U+FFFD, one for one,
    so that every offset stays where it was."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def normalise_date(value: object) -> str | None:
    """`YYYY-MM-DD` from the date forms feeds and pages use, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return datetime(int(m[1]), int(m[2]), int(m[3])).date().isoformat()
        except ValueError:
            return None
    for fmt in ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            pass
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$", re.I)
_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def size_bytes(text: str | int) -> int:
    """Bytes from "10MB", "512KB", "1.5GB" or a plain number of bytes (KB, MB and GB are 1024-based),
    the one notation of every size option."""
    m = _SIZE.match(str(text))
    if not m:
        raise ValueError(f"{text!r} is not a size; write e.g. 10MB, 512KB or 1GB")
    return int(float(m[1]) * _UNITS[m[2].lower()])


def describe_size(n: int) -> str:
    """A size in the notation the options take: "10MB", "1.5GB", "512KB", "900B"."""
    for unit in ("GB", "MB", "KB"):
        size = n / _UNITS[unit[0].lower()]
        if size >= 1:
            return f"{size:.1f}".rstrip("0").rstrip(".") + unit
    return f"{n}B"


def _read_bytes(source: str, max_bytes: int) -> bytes:
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(source)
        if path.is_dir():
            raise IngestError(source, "is a directory; give the files in it")
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise IngestError(source, f"too large ({describe_size(size)}, the limit is {describe_size(max_bytes)}); "
                                          "split it into articles or raise --max-size")
            with path.open("rb") as fh:
                data = fh.read(max_bytes + 1)
        except FileNotFoundError:
            raise IngestError(source, "no such file") from None
        except OSError as err:
            raise IngestError(source, f"cannot read it ({err.strerror or err})") from None
    if len(data) > max_bytes:
        raise IngestError(source, f"too large (over {describe_size(max_bytes)}); split it or raise --max-size")
    return data


def _decode(source: str, data: bytes, encoding: str | None = None, *, html: bool = False) -> str:
    """The text of an input: `encoding` if given, else as `charsets` decides for HTML or plain text."""
    sample = data[:8192]
    wide = data.startswith((b"\xff\xfe", b"\xfe\xff")) or (encoding or "").lower().replace("-", "").startswith(
        ("utf16", "utf32")) or (not encoding and _utf16_without_bom(data) is not None)
    if b"\x00" in sample and not wide:
        raise IngestError(source, "binary file, not text (it holds NUL bytes)")
    try:
        got = decode_text(data, encoding) if encoding or not html else decode_html(data)
    except UnicodeDecodeError as err:
        raise IngestError(source, f"not valid {encoding} text (bad byte 0x{data[err.start]:02x} at offset {err.start}); "
                                  "re-encode it as UTF-8 or pass another --encoding") from None
    except LookupError:
        raise IngestError(source, f"unknown encoding {encoding!r}") from None
    if got.how in ("detected", "fallback") and not html and got.encoding != "utf-8":
        log.warning("%s: not UTF-8 text; read as %s (%s); pass --encoding to choose another", source, got.encoding,
                    "detected" if got.how == "detected" else "a guess")
    text = got.text
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:8192]) // 50):
        raise IngestError(source, "binary file, not text (too many control characters)")
    return text


def _split_headers(text: str) -> tuple[dict[str, str], str]:
    lines = text.split("\n")
    headers: dict[str, str] = {}
    offset = 0
    for i, line in enumerate(lines):
        if not line.strip():
            if headers and any(k in _HEADER_KEYS for k in headers):
                return headers, text[offset + len(line) + 1:] if i < len(lines) - 1 else ""
            break
        m = _HEADER.match(line.rstrip("\r"))
        if not m or " " in m[1]:
            break
        headers[m[1].lower()] = m[2].strip()
        offset += len(line) + 1
    return {}, text


def _read_json(source: str, text: str) -> Iterator[Article | IngestError]:
    stripped = text.strip()
    try:
        doc = json.loads(stripped)
    except json.JSONDecodeError as first:
        # JSON Lines: one object a line; a bad line is reported, the others go on
        lines = [ln for ln in stripped.splitlines()]
        if len(lines) < 2:
            raise IngestError(source, f"invalid JSON ({first.msg} at line {first.lineno} column {first.colno})") from None
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{source}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                yield IngestError(where, f"invalid JSON ({err.msg} at column {err.colno})")
                continue
            yield from _objects(where, obj)
        return
    yield from _objects(source, doc)


def _objects(source: str, doc: object) -> Iterator[Article | IngestError]:
    items = doc if isinstance(doc, list) else [doc]
    for i, obj in enumerate(items):
        where = source if len(items) == 1 else f"{source}[{i}]"
        if not isinstance(obj, dict):
            yield IngestError(where, f"expected a JSON object with 'text', found {type(obj).__name__}")
            continue
        try:
            yield from_record(obj, where)
        except IngestError as err:
            yield err
