"""The review queue: the deals where a person's decision would change the ledger most, first.

Each deal earns points for what makes its record doubtful (the weights are `WEIGHTS`):

    low_confidence   1 - confidence, for a deal under `LOW_CONFIDENCE`
    conflict         reports disagree on a field (per field, up to two)
    single_source    one independent, unhedged report states a value of `LARGE_VALUE_USD` or more
    status_jump      reports move the deal two stages or more at once, or back a stage

A deal leaves the queue once an analyst has decided on it (`decide`: accept, reject or correct,
written to the corrections table with who, when and why) and comes back when a report newer than
that decision arrives. Accepted and rejected deals are training examples for `armsledger train
--ledger` (`learn/corrections.py`).

    from armsledger.ledger import Ledger
    from armsledger.ledger.review import queue, decide
    with Ledger("ledger.db") as ledger:
        item = queue(ledger)[0]
        decide(ledger, item["deal_id"], "accept", who="ana", why="MoD release, 3 March")
"""
from __future__ import annotations

import json
import math

from sqlalchemy import func, or_, select

from .db import LedgerError
from .query import deal_title
from .reconcile import STATUS_RANK, _short
from .schema import articles, claims, conflicts, corrections, deals

WEIGHTS = {"low_confidence": 3.0, "conflict": 2.0, "single_source": 1.5, "status_jump": 2.0}
LOW_CONFIDENCE = 0.7
LARGE_VALUE_USD = 1e9
ACTIONS = ("accept", "reject", "correct")
EVIDENCE_SOURCES = 3  # the latest reports shown for an item


def queue(ledger, *, limit: int = 50, include_reviewed: bool = False) -> list[dict]:
    """The deals most in need of a human decision, best first (see the module's docstring)."""
    with ledger.engine.connect() as conn:
        c = deals.c
        rows = conn.execute(select(*[col for col in deals.c if col.name != "detail"]).where(
            c.rejected == 0,
            or_(c.confidence < LOW_CONFIDENCE, c.conflicts > 0, c.id.in_(_multi_status()),
                (c.independent_sources == 1) & (c.hedged == 0) & (c.value_usd >= LARGE_VALUE_USD)))).all()
        ids = [r.id for r in rows]
        reviewed = set() if include_reviewed else _reviewed(conn, ids)
        jumps = _status_jumps(conn, ids)
        disputes = _conflicts(conn, ids)
    items = []
    for r in rows:
        if r.id in reviewed:
            continue
        item = _item(dict(r._mapping), jumps.get(r.id), disputes.get(r.id, []))
        if item["reasons"]:
            items.append(item)
    items.sort(key=lambda i: (-i["score"], -(i["deal"]["value_usd"] or 0), i["deal_id"]))
    return items[:limit]


def _item(d: dict, jump: list[str] | None, disputes: list[dict]) -> dict:
    reasons, score = [], 0.0
    confidence = d["confidence"] if d["confidence"] is not None else 0.0
    if confidence < LOW_CONFIDENCE:
        score += WEIGHTS["low_confidence"] * (1 - confidence)
        reasons.append({"kind": "low_confidence", "text": f"confidence {confidence:.2f}"})
    for dispute in disputes[:2]:
        score += WEIGHTS["conflict"]
        reasons.append({"kind": "conflict", "text": f"reports disagree on {dispute['summary']}"})
    value = d["value_usd"] or 0
    if d["independent_sources"] == 1 and not d["hedged"] and value >= LARGE_VALUE_USD:
        score += WEIGHTS["single_source"] * (1 + math.log10(value / LARGE_VALUE_USD))
        reasons.append({"kind": "single_source", "text": f"USD {value / 1e9:,.1f} billion on one unhedged report"})
    if jump:
        score += WEIGHTS["status_jump"]
        reasons.append({"kind": "status_jump", "text": "status " + " → ".join(s.replace("_", " ") for s in jump)})
    field = (disputes[0]["field"] if disputes else "status" if jump
             else "value" if any(r["kind"] == "single_source" for r in reasons) else "*")
    competing = [dict(c, text=_short(disputes[0]["field"], c["value"])) for c in disputes[0]["claims"]] if disputes else []
    d["title"] = deal_title(d)
    return {"deal_id": d["id"], "deal": d, "score": round(score, 3), "reasons": reasons, "field": field,
            "competing": competing}


def _multi_status():
    """Deals whose reports give more than one status (candidates for a status jump)."""
    return (select(claims.c.deal_id).where(claims.c.field == "status").group_by(claims.c.deal_id)
            .having(func.count(func.distinct(claims.c.value)) > 1))


def _status_jumps(conn, ids: list[int]) -> dict[int, list[str]]:
    """Deals whose reports, in report order, move the status two stages or more at once, or back."""
    seqs: dict[int, list[str]] = {}
    for chunk in _chunks(ids):
        for r in conn.execute(select(claims.c.deal_id, claims.c.value).where(
                claims.c.deal_id.in_(chunk), claims.c.field == "status")
                .order_by(claims.c.deal_id, claims.c.reported, claims.c.id)):
            seq = seqs.setdefault(r.deal_id, [])
            status = json.loads(r.value)
            if not seq or seq[-1] != status:
                seq.append(status)
    out = {}
    for deal_id, seq in seqs.items():
        ranks = [STATUS_RANK.get(s, 0) for s in seq]
        if any(b - a >= 2 and b != STATUS_RANK["cancelled"] or b < a for a, b in zip(ranks, ranks[1:])):
            out[deal_id] = seq
    return out


def _conflicts(conn, ids: list[int]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for chunk in _chunks(ids):
        for r in conn.execute(select(conflicts).where(conflicts.c.deal_id.in_(chunk)).order_by(conflicts.c.id)):
            out.setdefault(r.deal_id, []).append({"field": r.field, "summary": r.summary,
                                                  "claims": json.loads(r.claims)})
    return out


def _reviewed(conn, ids: list[int]) -> set[int]:
    """Deals with a decision newer than every report of them."""
    decided, latest = {}, {}
    for chunk in _chunks(ids):
        decided.update(conn.execute(select(corrections.c.deal_id, func.max(corrections.c.at))
                                    .where(corrections.c.deal_id.in_(chunk)).group_by(corrections.c.deal_id)).all())
        latest.update(conn.execute(select(claims.c.deal_id, func.max(articles.c.ingested_at))
                                   .join(articles, articles.c.id == claims.c.article_id)
                                   .where(claims.c.deal_id.in_(chunk)).group_by(claims.c.deal_id)).all())
    return {d for d, at in decided.items() if at >= (latest.get(d) or "")}


def _chunks(ids: list[int], size: int = 500):
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def evidence(ledger, deal_id: int, field: str = "*", *, sources: int = EVIDENCE_SOURCES) -> list[dict]:
    """The sentences behind the deal's claims of `field` ('*': any), from its latest `sources` reports:
    [{"article_id", "publisher", "reported", "text", "start", "marks": [(start, end, field)]}]."""
    with ledger.engine.connect() as conn:
        q = (select(claims.c.article_id, claims.c.field, claims.c.start, claims.c.end, claims.c.sentence_start,
                    claims.c.sentence_end, claims.c.reported, articles.c.publisher)
             .join(articles, articles.c.id == claims.c.article_id).where(claims.c.deal_id == deal_id))
        if field != "*":
            q = q.where(claims.c.field == field)
        rows = conn.execute(q.order_by(claims.c.reported.desc(), claims.c.id)).all()
        keep = list(dict.fromkeys(r.article_id for r in rows))[:sources]
        bodies = dict(conn.execute(select(articles.c.id, articles.c.text).where(articles.c.id.in_(keep))).all())
    sentences: dict[tuple, dict] = {}
    for r in rows:
        body = bodies.get(r.article_id)
        s, e = r.sentence_start, r.sentence_end
        if body is None or s is None or e is None or not 0 <= s < e <= len(body):
            continue
        sent = sentences.setdefault((r.article_id, s), {"article_id": r.article_id, "publisher": r.publisher,
                                                        "reported": r.reported, "start": s, "text": body[s:e],
                                                        "marks": []})
        if r.start is not None and r.end is not None and s <= r.start < r.end <= e:
            sent["marks"].append((r.start, r.end, r.field))
    return list(sentences.values())


def decide(ledger, deal_id: int, action: str, *, field: str = "*", value=None, who: str, why: str) -> dict:
    """An analyst's decision on a queue item, written as a correction (who, when, why):
    `accept` confirms the deal (or `field`) as reported, `reject` says it is no deal,
    `correct` sets `field` to `value`."""
    if action not in ACTIONS:
        raise LedgerError(f"action {action!r}: choose accept, reject or correct")
    if action == "correct":
        if field == "*":
            raise LedgerError("say which field to correct")
        return ledger.correct(deal_id, field, value, who=who, why=why)
    if action == "reject":
        return ledger.correct(deal_id, "*", reject=True, who=who, why=why)
    return ledger.correct(deal_id, field, accept=True, who=who, why=why)
