"""Writing to the ledger, one article or one correction at a time: thin calls of `writer`, the
ledger's one write path, plus what reads the claims back (`deal_claims`, `verify`) and the
`failures` table. Every write is one transaction: a run killed at any point leaves each
article either fully stored or absent.
"""
from __future__ import annotations

import json

from sqlalchemy import and_, delete, func, insert, select, text, update
from sqlalchemy.engine import Connection, Engine

from .. import __version__
from ..model import Article
from . import reconcile, writer
from .schema import articles, claims, corrections, deals, event_sources, events, failures, gated
from .writer import (CLAIM_COLUMNS, DEAL_FIELDS, Added, canonical_view, deal_columns, now,  # noqa: F401
                     write_lock)


def add_article(engine: Engine, article: Article, record: dict) -> Added:
    """Store `article` and its extraction `record`, then reconcile what it touched. Idempotent.
    (A batch of one for `writer.write`, the ledger's one write path.)"""
    (added,) = write_rows(engine, [writer.article_row(article, record)])  # MinHash before the lock
    return added


def write_rows(engine: Engine, rows: list[dict], *, gated: list[dict] | None = None) -> list[Added]:
    """Store `writer.article_row`s in one transaction under the write lock, and list `gated` (`record_gated`'s rows)
    in it (one transaction a batch, not two)."""
    if not rows:
        record_gated(engine, gated or [])
        return []
    with engine.begin() as conn:
        write_lock(conn)
        if gated:
            _list_gated(conn, gated)
        return writer.write(conn, rows, version=__version__)


def stored(conn: Connection, arts: list[Article]) -> dict[str, str]:
    """Of `arts`, the ids and URLs already stored -> the stored article's id."""
    out: dict[str, str] = {}
    # by the driver, as the writer looks them up (`writer._rows_in`): SQLAlchemy's expanding of two IN lists of a
    # batch's ids and URLs cost more than the query
    found = writer._rows_in(conn, "SELECT id, url FROM articles WHERE id", [a.id for a in arts])
    found += writer._rows_in(conn, "SELECT id, url FROM articles WHERE url", [a.url for a in arts if a.url])
    for aid, url in found:
        out[aid] = aid
        if url:
            out[url] = aid
    return out


def _existing(conn: Connection, article: Article) -> str | None:
    cond = articles.c.id == article.id
    if article.url:
        cond = cond | (articles.c.url == article.url)
    return conn.execute(select(articles.c.id).where(cond).limit(1)).scalar()


# -- reconciling stored records ---------------------------------------------------

def deal_claims(conn: Connection, deal_id: int, latest: int | None = None) -> list[dict]:
    """The deal's claims in the order they were stored; only the `latest` stored when given."""
    q = select(*CLAIM_COLUMNS).join(articles, articles.c.id == claims.c.article_id).where(claims.c.deal_id == deal_id)
    result = conn.execute(q.order_by(claims.c.id.desc()).limit(latest) if latest is not None else q.order_by(claims.c.id))
    keys = list(result.keys())
    rows = [dict(zip(keys, r)) for r in result]  # plain tuples: a deal page reads hundreds
    if latest is not None:
        rows.reverse()
    for r in rows:
        r["value"] = json.loads(r["value"])
    return rows


def deal_corrections(conn: Connection, deal_id: int) -> list[dict]:
    rows = conn.execute(select(corrections).where(corrections.c.deal_id == deal_id).order_by(corrections.c.id))
    return [dict(r._mapping, value=json.loads(r.value) if r.value else None) for r in rows]


def reconcile_stored_deal(conn: Connection, deal_id: int) -> None:
    """Recompute one deal's reconciled columns, detail and conflicts from its claims and corrections."""
    writer.reconcile_deals(conn, [deal_id], full=True)


def reconcile_stored_event(conn: Connection, event_id: int) -> None:
    writer.reconcile_events(conn, [event_id])


# -- re-extraction, corrections, failures ------------------------------------------

def clear_events(engine: Engine) -> None:
    """Re-extraction rebuilds events from scratch, article by article in ingest order, so that they
    match as a fresh ingest would (events carry no corrections)."""
    with engine.begin() as conn:
        write_lock(conn)
        conn.execute(delete(event_sources))
        conn.execute(delete(events))


def replace_claims(engine: Engine, article_id: str, record: dict) -> tuple[set[int], set[int]]:
    """Re-extraction: the article's old claims give way to the new record's, in one transaction.
    Corrections are keyed by deal, field and article, so they still apply."""
    with engine.begin() as conn:
        write_lock(conn)
        return writer.replace(conn, article_id, record, version=__version__)


def record_failure(engine: Engine, source: str, reason: str) -> None:
    """Note an input that could not be read; one still awaiting a retry is updated, not repeated
    (`watch` meets the same dead link at every poll)."""
    with engine.begin() as conn:
        pending = conn.execute(select(failures.c.id).where(
            and_(failures.c.source == source, failures.c.retried == 0)).limit(1)).scalar()
        if pending is None:
            conn.execute(insert(failures).values(source=source, reason=reason, at=now()))
        else:
            conn.execute(update(failures).where(failures.c.id == pending).values(reason=reason, at=now()))


def record_gated(engine: Engine, rows: list[dict]) -> None:
    """List articles the relevance gate passed over (one transaction for the lot, each source once); empties `rows`."""
    if rows:
        with engine.begin() as conn:
            _list_gated(conn, rows)
        rows.clear()


def _list_gated(conn: Connection, rows: list[dict]) -> None:
    listed = set(conn.execute(select(gated.c.source).where(gated.c.source.in_({r["source"] for r in rows}))).scalars())
    latest = {r["source"]: r for r in rows}
    new = [r for r in latest.values() if r["source"] not in listed]
    if new:
        conn.execute(insert(gated), new)
    kept = [s for s, r in latest.items() if s in listed and r["kept"]]
    if kept:
        conn.execute(update(gated).where(gated.c.source.in_(kept)).values(kept=1))


def mark_retried(engine: Engine, source: str) -> None:
    with engine.begin() as conn:
        conn.execute(update(failures).where(failures.c.source == source).values(retried=1))


def verify(conn: Connection) -> list[str]:
    """Problems with the ledger's invariants (empty when it is consistent): every deal's stored
    reconciliation equals one recomputed from its claims, claims point at stored articles and deals,
    every article is in the search index once."""
    problems: list[str] = []
    orphan = conn.execute(select(func.count()).select_from(claims).where(
        ~claims.c.article_id.in_(select(articles.c.id)))).scalar()
    if orphan:
        problems.append(f"{orphan} claims of articles not stored")
    for (deal_id,) in conn.execute(select(deals.c.id)).all():
        rec = reconcile.reconcile_deal(deal_claims(conn, deal_id), deal_corrections(conn, deal_id))
        stored = conn.execute(select(deals.c.detail, deals.c.sources).where(deals.c.id == deal_id)).first()
        if json.loads(stored.detail or '{"fields": {}}')["fields"] != json.loads(json.dumps(rec["fields"])) \
                or stored.sources != rec["sources"]:
            problems.append(f"deal {deal_id}: stored reconciliation differs from its claims")
        if not rec["sources"] and not deal_corrections(conn, deal_id):
            problems.append(f"deal {deal_id}: no claims")
    n_articles = conn.execute(select(func.count()).select_from(articles)).scalar()
    if conn.dialect.name == "sqlite":
        n_index = conn.execute(text("SELECT count(*) FROM articles_fts")).scalar()
        if n_index != n_articles:
            problems.append(f"search index holds {n_index} rows for {n_articles} articles")
    dup_urls = conn.execute(select(func.count()).select_from(
        select(articles.c.url).where(articles.c.url.is_not(None)).group_by(articles.c.url)
        .having(func.count() > 1).subquery())).scalar()
    if dup_urls:
        problems.append(f"{dup_urls} URLs stored more than once")
    return problems
