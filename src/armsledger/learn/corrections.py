"""Analysts' corrections in a ledger as labelled examples for the model.

Reads: the ledger's corrections, the deals they correct and the stored text of the
articles that reported them. Writes: training `Row`s, weighted above gold rows
(a correction is a decision a person made about this very claim).

- rejecting a whole deal (`correct N '*' --reject`): in each article that claimed it,
  the candidate of that supplier, recipient and platform is *not* a deal;
- rejecting one article's claim (`--reject --article A`): not a deal, in that article;
- setting a field: the deal is real (in each article that claimed it); setting its
  status also teaches the status decision.
"""
from __future__ import annotations

import json

from sqlalchemy import select

from ..extract import Extractor
from ..extract.naming import name_as_written
from ..model import Article
from .fit import Row

WEIGHT = 5.0


def rows_from_ledger(db: str, extractor: Extractor, weight: float = WEIGHT) -> list[Row]:
    from ..ledger import Ledger
    from ..ledger.schema import articles, claims, corrections, deals

    out: list[Row] = []
    with Ledger(db, readonly=True) as ledger, ledger.engine.connect() as conn:
        fixes = conn.execute(select(corrections).order_by(corrections.c.id)).mappings().all()
        for fix in fixes:
            deal = conn.execute(select(deals).where(deals.c.id == fix["deal_id"])).mappings().first()
            if deal is None:
                continue
            if fix["article_id"]:
                article_ids = [fix["article_id"]]
            else:
                article_ids = sorted(set(conn.execute(select(claims.c.article_id)
                                                      .where(claims.c.deal_id == deal["id"])).scalars()))
            label = 0 if fix["action"] == "reject" else 1
            status = json.loads(fix["value"]) if label and fix["field"] == "status" and fix["value"] else None
            for aid in article_ids:
                a = conn.execute(select(articles).where(articles.c.id == aid)).mappings().first()
                if a is None:
                    continue
                art = Article(text=a["text"], source=a["source"], title=a["title"], published=a["published"],
                              publisher=a["publisher"], url=a["url"])
                for cand, feats, _rule in extractor.candidate_rows(art):
                    names = {cand.platform.name, name_as_written(cand.platform)}
                    if (cand.supplier, cand.recipient) == (deal["supplier"], deal["recipient"]) and deal["platform"] in names:
                        out.append(Row(f"ledger/{aid}", feats, label, status if isinstance(status, str) else None,
                                       None, weight, cand.key))
    return out
