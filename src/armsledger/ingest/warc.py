"""Web archives (.warc and .warc.gz), with warcio.

Every `response` record holding an HTML or plain-text page served with HTTP 200 is an
article; requests, metadata, images and the like are passed over in silence. An archive
that breaks off gives the articles before the break, then one `IngestError` that says
at which byte.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..errors import IngestError
from ..logs import failed
from ..model import Article
from .files import MAX_BYTES, describe_size, from_html, from_text
from .web import HTML_TYPES, TEXT_TYPES, decode, split_content_type

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: str) -> bool:
    """True for a name ending in .warc or .warc.gz."""
    return path.lower().endswith(WARC_SUFFIXES)


def read_warc(path: str, *, max_bytes: int = MAX_BYTES) -> Iterator[Article | IngestError]:
    """The articles of a WARC file, each with `source` "PATH#OFFSET" (the record's byte offset).

    `url` is the record's WARC-Target-URI, `published` comes from the page's own metadata,
    and `meta["captured"]` keeps the WARC-Date. A record larger than `max_bytes` is an error.

    Example: `[a.url for a in read_warc("crawl.warc.gz") if isinstance(a, Article)]`
    """
    from warcio.archiveiterator import ArchiveIterator

    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        yield IngestError(path, "no such file")
        return
    except IsADirectoryError:
        yield IngestError(path, "is a directory; give the files in it")
        return
    except OSError as err:
        yield IngestError(path, f"cannot read it ({err.strerror or err})")
        return
    with fh:
        size = os.fstat(fh.fileno()).st_size
        if size == 0:
            yield IngestError(path, "empty file, not a WARC archive")
            return
        records = ArchiveIterator(fh)
        offset, number = 0, 0  # where the current record starts, and its number from 1
        try:
            for record in records:
                offset, number = records.offset, number + 1
                if record.rec_headers.get_header("Content-Length") is None:  # required: the header was cut
                    raise _Truncated("the record's header is incomplete")
                item = _article(record, f"{path}#{offset}", max_bytes)
                records.read_to_end()
                if getattr(record.raw_stream, "limit", 0) > 0:  # short of its Content-Length: the file was cut
                    raise _Truncated("the file ends before the record does")
                if item is not None:
                    yield item
        except Exception as err:  # warcio, gzip and zlib raise many kinds on damaged input
            yield _broken(path, records.offset, offset, number, err)
            return
        if records.offset < size:
            # warcio ends quietly when a compressed record is cut off: the bytes left over say so
            yield IngestError(f"{path}#{records.offset}",
                              f"the archive is cut off at byte {records.offset:,}, inside record {number + 1} "
                              f"(its last {size - records.offset:,} bytes are not a whole record); {_before(number)}")


def _broken(path: str, at: int, offset: int, number: int, err: Exception) -> IngestError:
    from warcio.exceptions import ArchiveLoadFailed

    if not isinstance(err, _Truncated) and (at != offset or number == 0):  # it broke in the next header
        offset, number = at, number + 1
    if isinstance(err, ArchiveLoadFailed) and number == 1:
        return IngestError(path, f"not a WARC archive ({str(err).strip().splitlines()[0]})")
    if isinstance(err, _Truncated):
        detail = str(err)
    else:
        detail = f"{type(err).__name__}: {str(err).strip().splitlines()[0] if str(err).strip() else 'unreadable'}"
    return IngestError(f"{path}#{offset}", f"the archive is damaged or cut off at byte {offset:,}, inside record "
                                           f"{number} ({detail}); {_before(number - 1)}")


def _before(n: int) -> str:
    return {0: "nothing before it was read", 1: "the record before it was read"}.get(
        n, f"the {n} records before it were read")


class _Truncated(Exception):
    """The record ends before its header does, or before the length its header gives."""


def _article(record: ArcWarcRecord, where: str, max_bytes: int) -> Article | IngestError | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type, charset = split_content_type(record.http_headers.get_header("Content-Type"))
    if content_type not in HTML_TYPES | TEXT_TYPES:
        return None
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return IngestError(where, f"record too large (over {describe_size(max_bytes)}); raise --max-size to read it")
    url = record.rec_headers.get_header("WARC-Target-URI")
    text = decode(body, charset)
    try:
        if content_type in HTML_TYPES:
            article = from_html(text, source=where, url=url)
        else:
            article = from_text(text, source=where)
    except IngestError as err:
        return err
    except Exception as err:  # this record's failure; the archive is not damaged, so read on
        return failed(where, "reading the record", err)
    if article.url and article.url != url:
        article.meta["canonical_url"] = article.url
    article.url = url
    article.meta["captured"] = record.rec_headers.get_header("WARC-Date") or ""
    article.meta["record_id"] = record.rec_headers.get_header("WARC-Record-ID") or ""
    return article
