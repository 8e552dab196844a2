"""The dashboard: one route per page, each rendering a template of the same name from
the data its JSON twin in `api` returns (see `views`)."""
from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from ..ledger import CORRECTABLE, EventFilter, Ledger, register
from . import charts, highlight, views
from .api import (EVENT_TYPES, KINDS, STATUS, After, ArticleId, Code, CodeQ, DealId, Day, Offset, Text, Year,
                  deal_filter)
from .writes import SESSION_COOKIE, BadCorrection, WriteRefused, check_text, check_value

router = APIRouter(include_in_schema=False)
PAGE = 50
SOURCES_SHOWN = 30  # on a deal page, unless ?sources=all
MAX_FORM = 64 * 1024


def _ledger(request: Request) -> Ledger:
    return request.app.state.ledger


def render(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    guard = request.app.state.guard
    csrf = guard.csrf(request.cookies.get(SESSION_COOKIE))
    html = request.app.state.templates.get_template(template).render(
        request_path=request.url.path, writes=guard.allow_writes, csrf=csrf, **context)
    return HTMLResponse(html, status_code=status)


def pager(request: Request, offset: int, shown: int, total: int | None = None, size: int = PAGE,
          last_id: int | None = None, counted_at: str | None = None) -> dict:
    """Links to the previous and next pages, keeping the other query parameters. With `last_id` (the last row's
    id) the next link asks for the page after it (keyset: as fast however deep), `offset` then only numbering."""
    params = {k: v for k, v in request.query_params.items() if k not in ("offset", "after") and v != ""}

    def link(o: int, after: int | None = None) -> str:
        return request.url.path + "?" + urlencode({**params, "offset": o, **({"after": after} if after else {})})

    more = offset + shown < total if total is not None else shown == size
    return {"offset": offset, "shown": shown, "total": total, "prev": link(max(0, offset - size)) if offset else None,
            "next": link(offset + size, last_id) if more else None, "counted_at": counted_at}


@router.get("/")
def index(request: Request):
    return render(request, "index.html", **views.overview(_ledger(request)))


@router.get("/deals")
def deals(request: Request, supplier: CodeQ = None, recipient: CodeQ = None, platform: Text = None,
          category: Text = None, status: STATUS | None = None, year_from: Year = None, year_to: Year = None,
          order: Literal["last_reported", "value", "id", "confidence"] = "last_reported", offset: Offset = 0,
          after: After = None):
    flt = deal_filter(supplier, recipient, platform, category, status, year_from, year_to)
    ledger = _ledger(request)
    rows = views.deals(ledger, flt, limit=PAGE, offset=offset, order=order, after=after)
    total, counted_at = ledger.deal_total(flt)
    page = pager(request, offset, len(rows), total, last_id=rows[-1]["id"] if rows else None, counted_at=counted_at)
    return render(request, "deals.html", deals=rows, pager=page,
                  filters={"supplier": supplier or "", "recipient": recipient or "", "platform": platform or "",
                           "category": category or "", "status": status or "", "year_from": year_from or "",
                           "year_to": year_to or "", "order": order}, statuses=views.STATUSES,
                  export_query=_query(supplier=supplier, recipient=recipient, platform=platform, status=status))


@router.get("/deals/{deal_id}")
def deal(request: Request, deal_id: DealId, saved: Annotated[int, Query(ge=0, le=1)] = 0,
         sources: Annotated[Literal["latest", "all"], Query()] = "latest"):
    d = views.deal(_ledger(request), deal_id, latest_sources=SOURCES_SHOWN if sources == "latest" else None)
    hidden = len(d["sources_list"]) - len(d["evidence"])  # a deal reported hundreds of times shows the latest
    for src in d["evidence"]:
        for s in src["sentences"]:
            s["runs"] = highlight.sentence_runs(s["text"], s["start"],
                                                [(m["start"], m["end"], m["field"]) for m in s["marks"]])
    register_line = register.for_deal(_ledger(request), d)
    return render(request, "deal.html", deal=d, chart=charts.timeline(d["timeline"], deal_id), hidden_sources=hidden,
                  register=register_line,
                  schedule=views.schedule_changes(d["slippage"]),
                  correctable=[f for f in CORRECTABLE if f != "*"], statuses=views.STATUSES, saved=bool(saved))


@router.post("/deals/{deal_id}/correct")
async def correct(request: Request, deal_id: DealId):
    form = await _form(request)
    request.app.state.guard.check_form(request.cookies.get(SESSION_COOKIE), form.get("csrf"), _same_origin(request))
    reject = form.get("action") == "reject"
    field = form.get("field", "")
    if field not in CORRECTABLE:
        raise BadCorrection(f"choose a field to correct: {', '.join(CORRECTABLE)}")
    value = None if reject else check_value(field, form.get("value", ""))
    writer: Ledger = request.app.state.writer
    await run_in_threadpool(writer.correct, deal_id, field, value, reject=reject,
                            article_id=form.get("article_id") or None, who=form.get("who", "").strip(),
                            why=form.get("why", "").strip())
    return RedirectResponse(f"/deals/{deal_id}?saved=1#corrections", status_code=303)


@router.get("/events")
def events(request: Request, type: EVENT_TYPES | None = None, country: CodeQ = None, date_from: Day = None,
           date_to: Day = None, offset: Offset = 0):
    flt = EventFilter(type=type, country=country, date_from=date_from, date_to=date_to)
    rows = _ledger(request).events(flt, limit=PAGE, offset=offset)
    return render(request, "events.html", events=rows, pager=pager(request, offset, len(rows)),
                  filters={"type": type or "", "country": country or "", "date_from": date_from or "",
                           "date_to": date_to or ""}, types=EVENT_TYPES.__args__)


@router.get("/events/{event_id}")
def event(request: Request, event_id: DealId):
    return render(request, "event.html", event=views.event(_ledger(request), event_id))


@router.get("/conflicts")
def conflicts(request: Request, offset: Offset = 0):
    rows = _ledger(request).conflicts(limit=PAGE, offset=offset)
    return render(request, "conflicts.html", conflicts=rows, pager=pager(request, offset, len(rows)))


@router.get("/countries")
def countries(request: Request):
    return render(request, "countries.html", countries=views.countries(_ledger(request)))


@router.get("/countries/{code}")
def country(request: Request, code: Code):
    return render(request, "country.html", c=views.country(_ledger(request), code))


@router.get("/countries/{supplier}/{recipient}")
def pair(request: Request, supplier: Code, recipient: Code):
    return render(request, "pair.html", p=views.pair(_ledger(request), supplier, recipient))


@router.get("/platforms")
def platforms(request: Request):
    return render(request, "platforms.html", platforms=views.platforms(_ledger(request)))


@router.get("/platforms/{name:path}")
def platform(request: Request, name: Annotated[str, Path(min_length=1, max_length=100)]):
    return render(request, "platform.html", p=views.platform(_ledger(request), name))


@router.get("/articles")
def articles(request: Request, offset: Offset = 0):
    rows = _ledger(request).articles(limit=PAGE, offset=offset)
    return render(request, "articles.html", articles=rows, pager=pager(request, offset, len(rows)))


@router.get("/articles/{article_id}")
def article(request: Request, article_id: ArticleId,
            deal: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None):
    a = views.article(_ledger(request), article_id, deal)
    runs = highlight.runs(a["text"], highlight.article_marks(a), a["deal_sentences"])
    kinds = [k for k in highlight.KINDS if any(r["mark"] and r["mark"]["kind"] == k for r in runs)]
    return render(request, "article.html", a=a, runs=runs, kinds=kinds, deal_id=deal)


@router.get("/entities")
def entities(request: Request, kind: KINDS | None = None, offset: Offset = 0):
    rows = _ledger(request).entities(kind, limit=PAGE, offset=offset)
    return render(request, "entities.html", entities=rows, kind=kind, kinds=KINDS.__args__,
                  pager=pager(request, offset, len(rows)))


@router.get("/network")
def network(request: Request, year_from: Year = None, year_to: Year = None):
    data = views.network(_ledger(request), year_from, year_to)
    return render(request, "network.html", chart=charts.network(data["links"]), links=data["links"],
                  year_from=year_from or "", year_to=year_to or "")


@router.get("/search")
def search(request: Request, q: Annotated[str, Query(max_length=200)] = ""):
    hits = _ledger(request).search(q, limit=50) if q.strip() else []
    for h in hits:
        h["runs"] = highlight.snippet_runs(h.get("snippet"))
    return render(request, "search.html", q=q, hits=hits)


@router.get("/api")
def api_reference(request: Request):
    spec = request.app.openapi()
    ops = [{"method": m.upper(), "path": p, "summary": op.get("summary", ""),
            "params": [(x["name"], x["in"], x.get("required", False)) for x in op.get("parameters", [])]}
           for p, item in spec["paths"].items() for m, op in item.items()]
    return render(request, "api.html", ops=ops)


# -- logging in for corrections -----------------------------------------------------------

@router.get("/login")
def login_page(request: Request, next: Annotated[str, Query(max_length=500)] = "/"):
    return render(request, "login.html", next=_local(next), failed=False)


@router.post("/login")
async def login(request: Request):
    form = await _form(request)
    guard = request.app.state.guard
    if not _same_origin(request):
        raise WriteRefused("cross-site form posts are refused", 403)
    target = _local(form.get("next", "/"))
    if not guard.token_ok(form.get("token")):
        return render(request, "login.html", status=401, next=target, failed=True)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(SESSION_COOKIE, guard.new_session(), httponly=True, samesite="strict", path="/")
    return response


@router.post("/logout")
async def logout(request: Request):
    form = await _form(request)
    request.app.state.guard.check_form(request.cookies.get(SESSION_COOKIE), form.get("csrf"), _same_origin(request))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


async def _form(request: Request) -> dict[str, str]:
    """A URL-encoded form body (the only kind the dashboard sends), first value of each field."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        raise BadCorrection("send the form as application/x-www-form-urlencoded")
    body = await request.body()
    if len(body) > MAX_FORM:
        raise BadCorrection("form too large")
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=50)
    form = {k: v[0] for k, v in fields.items()}
    check_text(form)
    return form


def _same_origin(request: Request) -> bool:
    """Was the form sent by a page of this site? Browsers say so in Sec-Fetch-Site; older ones
    in Origin (or Referer), which must then name this server."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site == "same-origin"
    origin = request.headers.get("origin") or request.headers.get("referer")
    if origin is None:
        return True  # not a browser: the session cookie and CSRF field still have to match
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc == request.headers.get("host")


def _query(**params) -> str:
    given = {k: v for k, v in params.items() if v}
    return "?" + urlencode(given) if given else ""


def _local(target: str) -> str:
    """Redirect only within this site: '/deals/14', never '//evil.example' or 'https://...'."""
    return target if target.startswith("/") and not target.startswith(("//", "/\\")) else "/"
