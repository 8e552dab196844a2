"""What an article's record gives the ledger whatever the ledger holds: the row `writer.write` stores of an
article (`article_row`: its fields, record, MinHash and `ready` rows) and those `ready` rows (claims, mentions, event
sources, the keys it is matched by).

They are built in the process that extracted the article (an ingest worker, a backfill worker), so that the writer,
under the lock, only gives ids and matches. This module imports no database library: a worker that only builds rows
does not pay for SQLAlchemy's import (~0.3 s of CPU a process).
"""
from __future__ import annotations

import json
from functools import lru_cache

from ..model import Article
from . import dedup
from .resolve import entity_key

_entity_key = lru_cache(maxsize=1 << 16)(entity_key)
_json = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False) without an encoder a call


def article_row(article: Article, record: dict | str, *, signed: bool = True) -> dict:
    """What `write` stores of one article: its fields, record, MinHash and `ready` rows (computed here, so
    that it can be done in the process that extracted the article, before any lock is taken). Without `signed`,
    the MinHash and its bands are left None, for the process that stores the row to give (`signature_of`).

    The record is kept as its JSON text (which `ready` reads it as anyway): an ingest worker's row travels to the
    writing process pickled, and one string unpickles in a fraction of the time a record's ~90 dicts and lists
    take (0.39 -> 0.16 ms an article of the parent's CPU, corpus/train), nor leaves them to its garbage collector."""
    if not isinstance(record, str):
        try:
            record = _json(record)
        except Exception:  # a record that cannot be stored: the writer fails it (`ready_or_none`)
            pass
    return {"kind": "article", "id": article.id, "url": article.url, "source": article.source,
            "title": article.title, "publisher": article.publisher, "published": article.published,
            "text": article.text, "words": len(article.text.split()),
            **(signature_of(article) if signed else _UNSIGNED), "record": record,
            "ready": ready_or_none(article.id, record)}


_UNSIGNED = {"minhash": None, "bands": None}


def signature_of(article: Article) -> dict:
    """The article row's MinHash and its LSH bands (`dedup`: datasketch, imported on first use)."""
    sig = dedup.signature(article.text)
    return {"minhash": dedup.to_bytes(sig), "bands": dedup.bands(sig)}


def canonical_view(record: dict) -> dict:
    """The record with platforms under their catalogue names: reports that write "P-8A Poseidon" and
    "P-8" meet on one deal. The record itself is left as extracted."""
    if not any(e.get("canonical") for e in record["entities"]) and not any(
            d.get("platform_canonical") for d in record["deals"]):
        return record
    out = dict(record)
    out["entities"] = [dict(e, name=e["canonical"]) if e.get("canonical") else e for e in record["entities"]]
    out["deals"] = [dict(d, platform=d["platform_canonical"]) if d.get("platform_canonical") else d
                    for d in record["deals"]]
    return out


# -- what an article's record gives the ledger whatever the ledger holds ----------------------------

# The form of `ready`'s result. A payload of another form (a shard written by another version) is not
# trusted: its rows are built again from the record. Change it whenever what `ready` gives changes.
READY_FORM = 1


def ready(article_id: str, record: dict | str) -> dict:
    """The rows an article's record gives, as far as they do not depend on what the ledger holds: built in the
    process that extracted the article (`article_row`, the backfill's shard rows), so that the writer, under the
    lock, only gives ids and matches (`_Batch.claims`). JSON-ready (a shard keeps it as JSON text):

    - "reported": when the article was reported (its published or reference date);
    - "entities": one [kind, name, key, code, country, category, role, mentions] a record entity, the name and
      key its `entities` row takes, mentions as [start, end, text];
    - "deals": one {"head", "claims"} a deal record: what `reconcile.match_deal` and a new `deals` row read,
      and its `claims` rows (`deal_claims`) without deal or claim id, each with its value both as stored
      ("json") and as reconciling reads it back ("value");
    - "events": one {"head", "row", "keep"} an event record: what `reconcile.match_event` and a new `events`
      row read, its `event_sources` row without event id, and what reconciling reads of its record.

    Records are read as their JSON (a dict is encoded and decoded), as a bulk load reconciles from values read
    back; platforms under their catalogue names (`canonical_view`)."""
    rec = canonical_view(json.loads(record if isinstance(record, str) else _json(record)))
    reported = rec["article"].get("published") or rec["article"].get("reference_date")
    names: dict[str, str] = {}
    ents = []
    for e in rec["entities"]:
        names[e["id"]] = e["name"]
        ents.append([e["kind"], e["name"], _entity_key(e["kind"], e["name"]), e.get("code"), e.get("country"),
                     e.get("category"), e.get("role"), [[m["start"], m["end"], m["text"]]
                                                        for m in e.get("mentions", [])]])
    deal_list = []
    for d in rec["deals"]:
        head = {"recipient": d.get("recipient"), "platform": d["platform"], "supplier": d.get("supplier"),
                "category": d.get("category"), "follow_on": d.get("follow_on"),
                "signed": {"value": (d.get("signed") or {}).get("value")}}
        rows = []
        for c in deal_claims(d, article_id, reported, keep=True):
            c["json"], c["value"], c["number"] = c["value"], c.pop("_value"), _float(c["number"])
            rows.append(c)
        deal_list.append({"head": head, "claims": rows})
    event_list = []
    for v in rec["events"]:
        date = v.get("date") or {}
        ev = v.get("evidence") or {}
        named = dict(v, participants=[names.get(p, p) for p in v.get("participants", [])],
                     platforms=[names.get(p, p) for p in v.get("platforms", [])],
                     location=names.get(v.get("location"), v.get("location")))
        event_list.append({
            "head": {"type": v["type"], "countries": v.get("countries"), "status": v.get("status"),
                     "date": {"value": date.get("value"), "precision": date.get("precision")}},
            "row": {"article_id": article_id, "record_id": v["id"], "status": v.get("status"),
                    "date": date.get("value"), "date_precision": date.get("precision"), "text": ev.get("text"),
                    "start": ev.get("start"), "end": ev.get("end"), "reported": reported, "record": _json(named)},
            "keep": {"platforms": named["platforms"], "participants": named["participants"],
                     "location": named["location"]}})
    return {"form": READY_FORM, "reported": reported, "entities": ents, "deals": deal_list, "events": event_list}


def ready_or_none(article_id: str, record: dict | str) -> dict | None:
    """`ready`, or None when the record cannot give rows: the writer then builds them from the record itself
    and fails that article as it always has (`backfill.load`, `Ledger.ingest`)."""
    try:
        return ready(article_id, record)
    except Exception:  # a record that cannot be stored: told where it is stored
        return None


def ready_json(article_id: str, record: dict | str) -> str | None:
    """`ready_or_none` as JSON text, as a backfill shard keeps it."""
    got = ready_or_none(article_id, record)
    return None if got is None else _json(got)


def _float(number):
    """A claim's figure as the ledger reads it back (a REAL column)."""
    try:
        return None if number is None else float(number)
    except (TypeError, ValueError):
        return number


# -- claims of a deal record ---------------------------------------------------------------

DEAL_FIELDS = ("status", "category", "signed", "value", "quantity", "delivered", "expected_completion",
               "tech_transfer_pct")


def _number(field: str, v) -> float | None:
    if not isinstance(v, dict):
        return None
    if field == "value":
        return v.get("usd") if v.get("usd") is not None else v.get("amount")
    if "max" in v or "min" in v:
        return v.get("max") if v.get("max") is not None else v.get("min")
    return None


def _locate(phrase: str | None, evidence: list[dict]) -> tuple[int | None, int | None, dict | None]:
    """Where in the body the words of a claim stand: inside the first evidence sentence holding them."""
    if not phrase:
        return None, None, evidence[0] if evidence else None
    for ev in evidence:
        i = ev["text"].find(phrase)
        if i >= 0:
            return ev["start"] + i, ev["start"] + i + len(phrase), ev
    return None, None, evidence[0] if evidence else None


def deal_claims(d: dict, article_id: str, reported: str | None, *, keep: bool = False):
    """The `claims` rows of one deal record: one a field it states (`keep`: with the value itself as "_value")."""
    evidence = d.get("evidence") or []
    hedged = int(bool(d.get("hedged")))

    def claim(field: str, value, phrase: str | None, start=None, end=None):
        s, e, sentence = (start, end, None) if start is not None else _locate(phrase, evidence)
        if sentence is None and start is not None:
            sentence = next((ev for ev in evidence if ev["start"] <= start < ev["end"]), None)
        row = {"article_id": article_id, "record_id": d["id"], "field": field,
               "value": _json(value), "number": _number(field, value),
               "text": phrase, "start": s, "end": e, "reported": reported, "hedged": hedged,
               "sentence_start": sentence["start"] if sentence else None,
               "sentence_end": sentence["end"] if sentence else None}
        if keep:
            row["_value"] = value
        return row

    for f in DEAL_FIELDS:
        v = d.get(f)
        if v is None:
            continue
        if f in ("status", "category"):
            yield claim(f, v, None)
        else:
            yield claim(f, v, v.get("text"), v.get("start"), v.get("end"))
    original = d.get("original_expected_completion")
    if original:  # "had originally expected all five by the end of 2023": the schedule as first given
        c = claim("expected_completion", dict(original, originally=True), original.get("text"))
        c["reported"] = None
        yield c
    for name in d.get("local_partners") or []:
        yield claim("local_partners", name, name)
