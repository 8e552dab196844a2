"""The analyst's pages and routes: the change feed (`/api/changes`, `/feeds/changes.atom`, `/changes`),
the review queue (`/review`, behind the write token) and the register beside the ledger (`/register`)."""
from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ..ledger import CORRECTABLE, Ledger
from ..ledger import changes as feed
from ..ledger import register, review
from . import atom, highlight, models
from .api import ERRORS, CodeQ, DealId, Text
from .pages import _form, _same_origin, render
from .writes import SESSION_COOKIE, BadCorrection, WriteRefused

api = APIRouter(prefix="/api", tags=["ledger"], responses={422: ERRORS[422]})
pages = APIRouter(include_in_schema=False)
Since = Annotated[str, Query(min_length=1, max_length=40, pattern=r"^[0-9a-zA-Z:.+ -]+$",
                             description="A span before now (7d, 12h, 30min, 2w) or a date (2026-01-31)")]
Kind = Literal["new_deal", "status", "delivery", "schedule", "conflict", "correction"]


def _ledger(request: Request) -> Ledger:
    return request.app.state.ledger


def _site(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _changes(request: Request, since: str | None, kind, country, supplier, recipient, platform, limit: int):
    flt = feed.ChangeFilter(since=feed.parse_since(since) if since else None, kind=kind, country=country,
                            supplier=supplier, recipient=recipient, platform=platform)  # LedgerError: 422
    with _ledger(request).engine.connect() as conn:
        rows = feed.since(conn, flt, limit=limit)
    site = _site(request)
    for r in rows:
        r["deal_url"] = f"{site}/deals/{r['deal_id']}"
    return flt, rows


@api.get("/changes", response_model=list[models.Change],
         summary="What changed since a point in time: new deals, status, deliveries, schedules, conflicts, corrections")
def changes_api(request: Request, since: Since = "7d", kind: Kind | None = None, country: CodeQ = None,
                supplier: CodeQ = None, recipient: CodeQ = None, platform: Text = None,
                limit: Annotated[int, Query(ge=1, le=1000)] = 200):
    return _changes(request, since, kind, country, supplier, recipient, platform, limit)[1]


@pages.get("/feeds/changes.atom")
def changes_atom(request: Request, since: Since | None = None, kind: Kind | None = None, country: CodeQ = None,
                 supplier: CodeQ = None, recipient: CodeQ = None, platform: Text = None):
    """An Atom feed of the latest changes matching the query; subscribe to it in any feed reader."""
    flt, rows = _changes(request, since, kind, country, supplier, recipient, platform, 100)
    body = atom.feed(rows, title=flt.title(), self_url=str(request.url), site=_site(request))
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@pages.get("/changes")
def changes_page(request: Request, since: Since = "7d", kind: Kind | None = None, country: CodeQ = None,
                 supplier: CodeQ = None, recipient: CodeQ = None, platform: Text = None):
    flt, rows = _changes(request, since, kind, country, supplier, recipient, platform, 500)
    query = {k: v for k, v in {"kind": kind, "country": country, "supplier": supplier, "recipient": recipient,
                               "platform": platform}.items() if v}
    return render(request, "changes.html", changes=rows, title=flt.title(), since=since, kinds=Kind.__args__,
                  filters={"kind": kind or "", "country": country or "", "supplier": supplier or "",
                           "recipient": recipient or "", "platform": platform or ""},
                  feed_url="/feeds/changes.atom" + ("?" + urlencode(query) if query else ""))


# -- the review queue (needs --allow-writes and a logged-in session) ------------------------------

REVIEW_SHOWN = 50


@pages.get("/review")
def review_page(request: Request, who: Annotated[str, Query(max_length=100)] = ""):
    guard = request.app.state.guard
    if not guard.allow_writes:
        raise WriteRefused("the review queue records decisions: start the server with --allow-writes", 403)
    if guard.csrf(request.cookies.get(SESSION_COOKIE)) is None:
        target = request.url.path + ("?" + urlencode({"who": who}) if who else "")
        return RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)
    ledger = _ledger(request)
    items = review.queue(ledger, limit=REVIEW_SHOWN)
    for item in items:
        item["sentences"] = review.evidence(ledger, item["deal_id"], item["field"])
        for s in item["sentences"]:
            s["runs"] = highlight.sentence_runs(s["text"], s["start"], s["marks"])
    return render(request, "review.html", items=items, who=who, fields=[f for f in CORRECTABLE if f != "*"])


@pages.post("/review/{deal_id}/decide")
async def review_decide(request: Request, deal_id: DealId):
    form = await _form(request)
    request.app.state.guard.check_form(request.cookies.get(SESSION_COOKIE), form.get("csrf"), _same_origin(request))
    action = form.get("action", "")
    if action not in review.ACTIONS:
        raise BadCorrection("choose accept, reject or correct")
    field = form.get("field") or "*"
    if field not in CORRECTABLE:
        raise BadCorrection(f"choose a field: {', '.join(CORRECTABLE)}")
    who = form.get("who", "").strip()
    await run_in_threadpool(review.decide, request.app.state.writer, deal_id, action, field=field,
                            value=form.get("value") if action == "correct" else None, who=who,
                            why=form.get("why", "").strip())
    return RedirectResponse("/review?" + urlencode({"who": who, "done": deal_id}), status_code=303)


# -- the register beside the ledger -------------------------------------------------------------

REGISTER_CLASSES = {"both": "In the register and in the news", "news_only": "In the news only (new to the register)",
                    "register_only": "In the register only"}


@pages.get("/register")
def register_page(request: Request):
    lines = register.reconcile_register(_ledger(request))
    groups = {c: [line for line in lines if line["class"] == c] for c in REGISTER_CLASSES}
    differing = sum(1 for line in groups["both"] if line["differences"])
    return render(request, "register.html", groups=groups, labels=REGISTER_CLASSES, differing=differing,
                  imported=bool(lines))


@api.get("/register", summary="The imported trade register beside the ledger: matches with their differences, "
                              "deals in the news only, rows in the register only")
def register_api(request: Request) -> list[dict]:
    return register.reconcile_register(_ledger(request))
