"""The JSON API: /api/... routes, each a thin call into `Ledger` or `views`.

Lists take `limit`/`offset`; every parameter is bounded so that no request reaches the
database with a value it cannot hold.
"""
from __future__ import annotations

import io
import json
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Header, Path, Query, Request
from fastapi.responses import Response

from ..ledger import DealFilter, EventFilter, Ledger
from . import models, views
from .writes import check_text, check_value

STATUS = Literal["considered", "offered", "negotiating", "signed", "in_delivery", "completed", "cancelled"]
EVENT_TYPES = Literal["MEETING", "SUMMIT", "AGREEMENT", "DEAL_SIGNED", "DELIVERY", "OFFER", "REQUEST", "NEGOTIATION",
                      "UPGRADE", "COPRODUCTION", "EVALUATION", "SANCTION_THREAT"]
KINDS = Literal["country", "person", "organization", "platform", "location"]
Code = Annotated[str, Path(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3 code, e.g. IND")]
CodeQ = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3 code, e.g. IND")]
Text = Annotated[str | None, Query(min_length=1, max_length=100)]
Year = Annotated[int | None, Query(ge=1900, le=2200)]
Day = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD")]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
DealId = Annotated[int, Path(ge=1, le=2**31 - 1)]
After = Annotated[int | None, Query(ge=1, le=2**31 - 1, description="the last deal id of the page before: the "
                                    "page after it, as fast however deep (then `offset` is not used)")]
ArticleId = Annotated[str, Path(min_length=1, max_length=128)]
ERRORS = {404: {"model": models.Error, "description": "No such record"},
          422: {"model": models.Error, "description": "Invalid parameters"}}

router = APIRouter(prefix="/api", tags=["ledger"], responses={422: ERRORS[422]})


def _ledger(request: Request) -> Ledger:
    return request.app.state.ledger


def deal_filter(supplier=None, recipient=None, platform=None, category=None, status=None, year_from=None,
                year_to=None) -> DealFilter:
    return DealFilter(supplier=supplier, recipient=recipient, platform=platform, category=category, status=status,
                      year_from=year_from, year_to=year_to)


@router.get("/stats", response_model=models.Stats, summary="What the ledger holds")
def stats(request: Request):
    return _ledger(request).stats(kept=True)


@router.get("/deals", response_model=models.DealPage, summary="Reconciled deals, filtered and paged")
def deals(request: Request, supplier: CodeQ = None, recipient: CodeQ = None, platform: Text = None,
          category: Text = None, status: STATUS | None = None, year_from: Year = None, year_to: Year = None,
          order: Literal["last_reported", "value", "id", "confidence"] = "last_reported",
          limit: Limit = 50, offset: Offset = 0, after: After = None):
    flt = deal_filter(supplier, recipient, platform, category, status, year_from, year_to)
    ledger = _ledger(request)
    total, counted_at = ledger.deal_total(flt)
    items = views.deals(ledger, flt, limit=limit, offset=offset, order=order, after=after)
    return {"total": total, "counted_at": counted_at, "limit": limit, "offset": offset, "items": items,
            "next_after": items[-1]["id"] if len(items) == limit else None}


@router.get("/deals/{deal_id}", response_model=models.DealDetail, responses={404: ERRORS[404]},
            summary="One deal with its timeline, sources (with evidence sentences), conflicts and corrections")
def deal(request: Request, deal_id: DealId):
    return views.deal(_ledger(request), deal_id)


@router.post("/deals/{deal_id}/corrections", response_model=models.Correction, status_code=201,
             responses={400: {"model": models.Error, "description": "The body is not JSON"},
                        401: {"model": models.Error, "description": "No valid token"},
                        403: {"model": models.Error, "description": "The server is read-only"},
                        404: ERRORS[404]},
             summary="Correct a field, reject one report's claim, or reject the whole deal (needs the token)")
def correct(request: Request, deal_id: DealId, correction: Annotated[models.CorrectionIn, Body()],
            authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None):
    request.app.state.guard.check_api(authorization)
    check_text(correction.model_dump())
    d = _ledger(request).deal(deal_id)
    if d is None:
        raise views.NotFound(f"no deal {deal_id} in this ledger")
    c = correction
    if c.reject:
        if c.article_id and c.article_id not in {s["article_id"] for s in d["sources_list"]} and (
                d["timeline_complete"] or not _ledger(request).reports_on(deal_id, c.article_id)):
            raise views.NotFound(f"article {c.article_id} reports nothing on deal {deal_id}")
        value = None
    else:
        value = check_value(c.field, c.value)
    row = request.app.state.writer.correct(deal_id, c.field, value, reject=c.reject, article_id=c.article_id,
                                           who=c.who.strip(), why=c.why.strip())
    return dict(row, value=json.loads(row["value"]) if row["value"] else None)


@router.get("/events", response_model=list[models.Event], summary="Events, filtered and paged")
def events(request: Request, type: EVENT_TYPES | None = None, country: CodeQ = None,
           status: Literal["occurred", "scheduled", "expected", "possible"] | None = None,
           date_from: Day = None, date_to: Day = None, limit: Limit = 50, offset: Offset = 0):
    flt = EventFilter(type=type, country=country, status=status, date_from=date_from, date_to=date_to)
    return _ledger(request).events(flt, limit=limit, offset=offset)


@router.get("/events/{event_id}", response_model=models.EventDetail, responses={404: ERRORS[404]},
            summary="One event with every report of it")
def event(request: Request, event_id: DealId):
    return views.event(_ledger(request), event_id)


@router.get("/conflicts", response_model=list[models.Conflict], summary="Fields on which sources disagree")
def conflicts(request: Request, limit: Limit = 100, offset: Offset = 0):
    return _ledger(request).conflicts(limit=limit, offset=offset)


@router.get("/entities", response_model=list[models.Entity],
            summary="Countries, people, organisations, platforms and places, most mentioned first")
def entities(request: Request, kind: KINDS | None = None, limit: Limit = 100, offset: Offset = 0):
    return _ledger(request).entities(kind, limit=limit, offset=offset)


@router.get("/articles", response_model=list[models.Article], summary="Stored articles, latest first")
def articles(request: Request, limit: Limit = 50, offset: Offset = 0):
    return _ledger(request).articles(limit=limit, offset=offset)


@router.get("/articles/{article_id}", response_model=models.ArticleDetail, responses={404: ERRORS[404]},
            summary="One article: its text, the spans of its entities, claims and events, and its deals")
def article(request: Request, article_id: ArticleId):
    a = views.article(_ledger(request), article_id)
    a.pop("deal_sentences", None)
    return a


@router.get("/search", response_model=list[models.SearchHit], summary="Full-text search over articles")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
           limit: Annotated[int, Query(ge=1, le=100)] = 20):
    return _ledger(request).search(q, limit=limit)


@router.get("/countries", summary="Countries named as suppliers or recipients")
def countries(request: Request) -> list[dict]:
    return views.countries(_ledger(request))


@router.get("/countries/{code}", responses={404: ERRORS[404]},
            summary="A country: its deals as supplier and recipient, its suppliers' shares, its events")
def country(request: Request, code: Code) -> dict:
    return views.country(_ledger(request), code)


@router.get("/countries/{supplier}/{recipient}",
            summary="Deals from supplier to recipient, events of both, the supplier's share of the recipient's deals")
def pair(request: Request, supplier: Code, recipient: Code) -> dict:
    return views.pair(_ledger(request), supplier, recipient)


@router.get("/platforms", summary="Platforms with their number of deals")
def platforms(request: Request) -> list[dict]:
    return views.platforms(_ledger(request))


@router.get("/platforms/{name:path}", responses={404: ERRORS[404]}, summary="Every deal for a platform, worldwide")
def platform(request: Request, name: Annotated[str, Path(min_length=1, max_length=100)]) -> dict:
    return views.platform(_ledger(request), name)


@router.get("/network", summary="Supplier → recipient links with their number of deals and USD value")
def network(request: Request, year_from: Year = None, year_to: Year = None,
            limit: Annotated[int, Query(ge=1, le=500)] = 60) -> dict:
    return views.network(_ledger(request), year_from, year_to, limit)


EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json",
                "parquet": "application/vnd.apache.parquet"}
_EXPORT_RESPONSES = {200: {"content": {t: {} for t in EXPORT_TYPES.values()}, "description": "The file"}}


@router.get("/export/deals.{fmt}", response_class=Response, responses=_EXPORT_RESPONSES,
            summary="Download deals: csv (SIPRI trade-register layout), json or parquet")
def export_deals(request: Request, fmt: Literal["csv", "json", "parquet"], supplier: CodeQ = None,
                 recipient: CodeQ = None, platform: Text = None, status: STATUS | None = None):
    from ..export import export_deals as write

    out = io.BytesIO()
    write(_ledger(request), fmt, out, deal_filter(supplier, recipient, platform, status=status))
    return _download(out, f"armsledger-deals.{fmt}", fmt)


@router.get("/export/events.{fmt}", response_class=Response, responses=_EXPORT_RESPONSES,
            summary="Download events (with PLOVER and CAMEO codes): csv, json or parquet")
def export_events(request: Request, fmt: Literal["csv", "json", "parquet"]):
    from ..export import export_events as write

    out = io.BytesIO()
    write(_ledger(request), fmt, out)
    return _download(out, f"armsledger-events.{fmt}", fmt)


def _download(out: io.BytesIO, filename: str, fmt: str) -> Response:
    return Response(out.getvalue(), media_type=EXPORT_TYPES[fmt],
                    headers={"content-disposition": f'attachment; filename="{filename}"'})
