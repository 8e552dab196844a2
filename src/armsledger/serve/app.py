"""The web application: JSON API under /api, dashboard pages everywhere else.

    from armsledger.serve import create_app
    app = create_app("ledger.db")                      # read-only
    app = create_app("ledger.db", allow_writes=True)   # corrections with app.state.token

Safety, in one place: every response carries a strict Content-Security-Policy (scripts and
styles only from /static, no inline code); Jinja autoescapes everything; a server started
without writes refuses every method but GET, HEAD and OPTIONS before any route runs.
"""
from __future__ import annotations

import html
import logging
import os
import re
import secrets
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import unquote_to_bytes

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException

from .. import __version__
from ..ledger import Ledger, LedgerError
from . import analyst, api, display, pages
from .views import NotFound
from .writes import BadCorrection, Guard, WriteRefused

HERE = Path(__file__).parent
SAFE_METHODS = (b"GET", b"HEAD", b"OPTIONS")
WRITE_PATHS = re.compile(r"^/(api/deals/[^/]+/corrections|deals/[^/]+/correct|review/[^/]+/decide|login|logout)$")  # the POST routes
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # ("no-referrer" makes browsers send "Origin: null")
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
log = logging.getLogger("armsledger.serve")


def create_app(db: str | os.PathLike | Ledger | None, allow_writes: bool = False, token: str | None = None) -> FastAPI:
    """The dashboard and API over the ledger `db` (a SQLite path, a postgresql:// URL or an open Ledger).

    Reads go through a read-only connection. With `allow_writes`, corrections are written
    through a second one and need `token` (generated when not given: see `app.state.token`)."""
    reader = db if isinstance(db, Ledger) else Ledger(db, readonly=True)
    if allow_writes and not token:
        token = secrets.token_urlsafe(24)
    writer = Ledger(reader.url) if allow_writes else None

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        if writer is not None:
            writer.close()
        if not isinstance(db, Ledger):
            reader.close()

    app = FastAPI(title="armsledger", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Arms deals, deliveries and defence diplomacy reconciled from news reports, "
                              "every value linked to the sentences that state it. Read-only unless the server "
                              "was started with --allow-writes; writes need `Authorization: Bearer TOKEN`.")
    app.state.ledger = reader
    app.state.writer = writer
    app.state.token = token if allow_writes else None
    app.state.guard = Guard(allow_writes, token if allow_writes else None)
    app.state.templates = _templates()
    app.include_router(api.router)
    app.include_router(analyst.api)
    app.include_router(pages.router)
    app.include_router(analyst.pages)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _handle_errors(app)
    app.add_middleware(_Shield, allow_writes=allow_writes)
    return app


def _templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters.update(display.FILTERS)
    env.globals.update(value_text=display.value_text, stage_index=display.stage_index, STAGES=display.STAGES,
                       FIELD_LABELS=display.FIELD_LABELS, version=__version__)
    return env


class _Shield:
    """Pure ASGI middleware: security headers on every response; writes refused before any
    route runs (403 when the server is read-only, 405 for methods no route takes); NUL bytes in
    the URL refused (PostgreSQL cannot hold them)."""

    def __init__(self, app, allow_writes: bool) -> None:
        self.app = app
        self.allow_writes = allow_writes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        if scope.get("query_string") and not scope["path"].startswith("/api/"):
            scope = dict(scope, query_string=_drop_empty(scope["query_string"]))
        api = scope["path"].startswith("/api/")
        method = scope["method"].encode()
        refusal = None
        if method not in SAFE_METHODS and not (method == b"POST" and WRITE_PATHS.match(scope["path"])):
            refusal = (405, f"{scope['method']} is not supported here", {"allow": "GET, HEAD"})
        elif method not in SAFE_METHODS and not self.allow_writes:
            refusal = (403, "this server is read-only; start it with --allow-writes to accept corrections", {})
        elif b"\x00" in unquote_to_bytes(scope.get("query_string", b"")) or "\x00" in scope["path"]:
            refusal = (422 if api else 400, "NUL bytes are not allowed in URLs", {})
        if refusal is None:
            await self.app(scope, receive, send_with_headers)
            return
        status, message, headers = refusal
        if api:
            response = JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)
        else:
            response = HTMLResponse(f"<!doctype html><title>{status}</title><p>{html.escape(message)}</p>",
                                    status_code=status, headers=headers)
        await response(scope, receive, send_with_headers)


def _drop_empty(query: bytes) -> bytes:
    """Dashboard forms send every field; an empty one means "not given", not "invalid"."""
    return b"&".join(p for p in query.split(b"&") if p.partition(b"=")[2])


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi"))


def _error(request: Request, status: int, message: str, detail=None, headers: dict | None = None):
    if _wants_json(request):
        body = {"error": message, "status": status}
        if detail is not None:
            body["detail"] = detail
        return JSONResponse(body, status_code=status, headers=headers)
    page = request.app.state.templates.get_template("error.html").render(
        status=status, message=message, detail=detail, writes=request.app.state.guard.allow_writes, csrf=None)
    return HTMLResponse(page, status_code=status, headers=headers)


def _handle_errors(app: FastAPI) -> None:
    """One place turns errors into responses: JSON under /api, the error page elsewhere."""

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return _error(request, exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
                    for e in exc.errors()]
        message = "; ".join(f"{p['where']}: {p['problem']}" for p in problems) or "invalid request"
        return _error(request, 422 if _wants_json(request) else 400, message, problems)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return _error(request, 404, str(exc))

    @app.exception_handler(WriteRefused)
    async def refused(request: Request, exc: WriteRefused):
        return _error(request, exc.status, str(exc))

    @app.exception_handler(BadCorrection)
    async def bad_correction(request: Request, exc: BadCorrection):
        return _error(request, 422, str(exc))

    @app.exception_handler(LedgerError)
    async def ledger_error(request: Request, exc: LedgerError):
        return _error(request, 422, str(exc))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        log.exception("%s %s failed", request.method, request.url.path)
        return _error(request, 500, "internal error; the server log has the details")
