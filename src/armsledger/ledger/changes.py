"""The change feed: what each ingest or correction changed in the ledger, and reading it back.

Reconciling a deal (`store.reconcile_stored_deal`) compares the deal's row before and after and
records one `changes` row per thing an analyst would want to hear about:

    new_deal    a deal first reported
    status      its stage moved (signed -> in_delivery), or it was rejected
    delivery    more delivered than before
    schedule    the expected completion moved (slipped, or brought forward)
    conflict    reports now disagree on a field where they did not
    correction  an analyst set, accepted or rejected something (`Ledger.correct`)

`since(conn, when, ...)` reads them back, newest first, filtered by country, pair or platform;
`parse_since("7d")` turns the CLI's and the API's `--since` into a timestamp.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import and_, insert, or_, select, true
from sqlalchemy.engine import Connection

from .db import LedgerError
from .schema import changes, deals

KINDS = ("new_deal", "status", "delivery", "schedule", "conflict", "correction")
WATCHED = ("status", "delivered_max", "delivered_min", "quantity_unit", "expected_completion", "sources", "rejected",
           "supplier", "recipient", "platform", "follow_on", "order_year")
_SPAN = re.compile(r"^\s*(\d+)\s*(m|min|h|d|w)\s*$")
_UNITS = {"m": "minutes", "min": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(text: str, now: datetime | None = None) -> str:
    """'7d', '12h', '30min', '2w' before now, or a date/time ('2026-01-31', '2026-01-31T08:00'), as the ISO
    timestamp the `changes` table orders by. Raises LedgerError naming what it needs."""
    now = now or datetime.now(timezone.utc)
    m = _SPAN.match(text or "")
    if m:
        return (now - timedelta(**{_UNITS[m.group(2)]: int(m.group(1))})).isoformat(timespec="microseconds")
    text = re.sub(r" (\d\d:\d\d)$", r"+\1", text.strip()) if text else text  # a '+' a URL turned into a space
    try:
        when = datetime.fromisoformat(text)
    except (ValueError, AttributeError):
        raise LedgerError(f"--since {text!r}: give a span such as 7d, 12h, 30min, 2w, or a date such as "
                          "2026-01-31") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).isoformat(timespec="microseconds")


_INSERT = insert(changes)


def before(conn: Connection, deal_id: int) -> dict:
    """The columns of a deal the feed watches, as they stand before it is reconciled again."""
    return before_all(conn, [deal_id])[deal_id]


def before_all(conn: Connection, deal_ids: list[int]) -> dict[int, dict]:
    """`before` of many deals, in two queries a 500 deals (a batch reconciles hundreds of deals)."""
    from .writer import _rows_in  # run by the driver: SQLAlchemy's IN lists cost more than these queries

    out: dict[int, dict] = {deal_id: {"conflict_fields": set()} for deal_id in deal_ids}
    names = ", ".join(f'"{k}"' for k in WATCHED)
    for deal_id, *values in _rows_in(conn, f"SELECT id, {names} FROM deals WHERE id", deal_ids):
        out[deal_id].update(zip(WATCHED, values))
    for deal_id, field in _rows_in(conn, "SELECT deal_id, field FROM conflicts WHERE deal_id", deal_ids):
        out[deal_id]["conflict_fields"].add(field)
    return out


def record(conn: Connection, deal_id: int, old: dict, new: dict, new_conflicts: list[dict], at: str) -> None:
    """Write the changes between `old` (from `before`) and `new` (the deal's reconciled columns)."""
    rows = feed_rows(deal_id, old, new, new_conflicts, at)
    if rows:
        conn.execute(_INSERT, rows)


def feed_rows(deal_id: int, old: dict, new: dict, new_conflicts: list[dict], at: str) -> list[dict]:
    """The `changes` rows between `old` (from `before`) and `new` (the deal's reconciled columns)."""
    rows: list[dict] = []

    def add(kind: str, field: str | None, was, now, summary: str) -> None:
        rows.append({"at": at, "deal_id": deal_id, "kind": kind, "field": field, "summary": summary,
                     "old": json.dumps(was, ensure_ascii=False), "new": json.dumps(now, ensure_ascii=False)})

    title = deal_title({**old, **{k: v for k, v in new.items() if k in old}})
    if not old.get("sources") and new.get("sources"):
        add("new_deal", None, None, new.get("status"), f"new deal: {title}, {_stage(new.get('status'))}")
        return rows
    if new.get("rejected") and not old.get("rejected"):
        add("status", "rejected", False, True, f"{title}: rejected by an analyst")
    if old.get("status") != new.get("status") and new.get("status"):
        add("status", "status", old.get("status"), new["status"],
            f"{title}: {_stage(old.get('status'))} → {_stage(new['status'])}")
    was, now = old.get("delivered_max"), new.get("delivered_max")
    if now is not None and (was is None or now > was):
        unit = new.get("quantity_unit") or ""
        add("delivery", "delivered", was, now, f"{title}: delivered {_n(was)} → {_n(now)} {unit}".rstrip())
    was, now = old.get("expected_completion"), new.get("expected_completion")
    if was and now and was != now:
        verb = "slipped" if now > was else "brought forward"
        add("schedule", "expected_completion", was, now, f"{title}: completion {verb} from {was} to {now}")
    fresh = sorted({c["field"] for c in new_conflicts} - old.get("conflict_fields", set()))
    for field in fresh:
        summary = next(c["summary"] for c in new_conflicts if c["field"] == field)
        add("conflict", field, None, summary, f"{title}: reports disagree on {summary}")
    return rows


def record_correction(conn: Connection, deal_id: int, row: dict) -> None:
    """A correction is a change of its own, whatever it did to the deal's columns."""
    d = conn.execute(select(deals.c.supplier, deals.c.recipient, deals.c.platform, deals.c.follow_on,
                            deals.c.order_year).where(deals.c.id == deal_id)).first()
    what = {"set": f"set {row['field']} to {_value_text(row['field'], row.get('value'))}", "reject": "rejected",
            "accept": "accepted"}[row["action"]]
    target = "the deal" if row["field"] == "*" else row["field"]
    summary = (f"{deal_title(d._mapping)}: {row['who']} {what}" + ("" if row["action"] == "set" else f" {target}")
               + f" ({row['why']})")
    conn.execute(insert(changes).values(at=row["at"], deal_id=deal_id, kind="correction", field=row["field"],
                                        old=None, new=row.get("value"), summary=summary))


@dataclass
class ChangeFilter:
    """Which changes: since when, of what kind, for a country (either side), a pair or a platform."""

    since: str | None = None
    until: str | None = None
    kind: str | None = None
    country: str | None = None
    supplier: str | None = None
    recipient: str | None = None
    platform: str | None = None

    def where(self):
        cond = []
        if self.since:
            cond.append(changes.c.at >= self.since)
        if self.until:
            cond.append(changes.c.at < self.until)
        if self.kind:
            cond.append(changes.c.kind == self.kind)
        if self.country:
            cond.append(or_(deals.c.supplier == self.country.upper(), deals.c.recipient == self.country.upper()))
        if self.supplier:
            cond.append(deals.c.supplier == self.supplier.upper())
        if self.recipient:
            cond.append(deals.c.recipient == self.recipient.upper())
        if self.platform:
            cond.append(deals.c.platform.ilike(self.platform))
        return and_(true(), *cond)

    def title(self) -> str:
        """How a feed reader names this query."""
        parts = []
        if self.supplier or self.recipient:
            parts.append(f"{self.supplier or 'any'} → {self.recipient or 'any'}")
        if self.country:
            parts.append(self.country.upper())
        if self.platform:
            parts.append(self.platform)
        if self.kind:
            parts.append(self.kind.replace("_", " "))
        return "armsledger changes" + (": " + ", ".join(parts) if parts else "")


def since(conn: Connection, flt: ChangeFilter, *, limit: int = 200) -> list[dict]:
    """Changes matching `flt`, newest first, each with the deal's title."""
    rows = conn.execute(
        select(changes, deals.c.supplier, deals.c.recipient, deals.c.platform, deals.c.follow_on, deals.c.order_year)
        .join(deals, deals.c.id == changes.c.deal_id, isouter=True).where(flt.where())
        .order_by(changes.c.at.desc(), changes.c.id.desc()).limit(limit))
    out = []
    for r in rows:
        c = dict(r._mapping)
        c["old"] = json.loads(c["old"]) if c["old"] else None
        c["new"] = json.loads(c["new"]) if c["new"] else None
        c["title"] = deal_title(c) if c.get("platform") else f"deal {c['deal_id']}"
        out.append(c)
    return out


def deal_title(d) -> str:
    from .query import deal_title as title  # (query imports store, which records changes)
    return title(d)


def _stage(status: str | None) -> str:
    return (status or "unknown").replace("_", " ")


def _n(x: float | None) -> str:
    return "0" if x is None else f"{x:g}"


def _value_text(field: str, value: str | None) -> str:
    from .reconcile import _short

    return _short(field, json.loads(value)) if value else ""


def post(url: str, rows: list[dict], *, site: str, timeout: float = 10.0) -> list[str]:
    """POST each change to the webhook `url` as JSON (oldest first), with `deal_url` on the dashboard
    at `site`; returns one line per change that could not be delivered (the rest go on)."""
    import httpx

    from .. import __version__

    problems = []
    with httpx.Client(timeout=timeout, headers={"user-agent": f"armsledger/{__version__} (webhook)"}) as client:
        for r in sorted(rows, key=lambda r: (r["at"], r["id"])):
            body = dict(r, deal_url=f"{site.rstrip('/')}/deals/{r['deal_id']}")
            try:
                client.post(url, json=body).raise_for_status()
            except httpx.HTTPError as e:
                problems.append(f"{url}: change {r['id']} not delivered ({type(e).__name__}: {e})")
    return problems
