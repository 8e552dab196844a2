"""The ledger's commands: ingest, watch, deals, deal, events, conflicts, search, correct, reextract, export, info.

A thin layer: each command opens a `Ledger`, calls one of its methods and prints
the result (a Rich table by default, `--format json` for machines).
"""
from __future__ import annotations

import json
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from .. import logs
from ..errors import ArmsLedgerError, IngestError

DbOption = Annotated[Optional[str], typer.Option(
    "--db", envvar="ARMSLEDGER_DB", help="Ledger: a SQLite file path or a postgresql:// URL "
                                         "(default: ledger.db in your user data directory).")]
CataloguesOption = Annotated[Optional[Path], typer.Option(
    "--catalogues", envvar="ARMSLEDGER_CATALOGUES", help="A directory of catalogue files read over the packaged ones.")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Print the traceback of every unexpected failure "
                                                             "(they are always written to the log file).")]
out = Console()
err = Console(stderr=True)


class Fmt(str, Enum):
    table = "table"
    json = "json"


def _open(db: str | None, catalogues: Path | None = None, readonly: bool = False):
    from . import Ledger

    extractor = None
    if catalogues:
        from ..catalogue import load
        from ..extract import Extractor
        extractor = Extractor(load(catalogues))
    try:
        return Ledger(db, readonly=readonly, extractor=extractor, catalogues=catalogues)
    except ArmsLedgerError as e:
        err.print(f"[red]Error:[/red] {escape(str(e))}")
        raise typer.Exit(1) from None


def _print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str, indent=1) + "\n")


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[stats]}"), TimeElapsedColumn(), console=err, transient=True,
                    disable=not err.is_terminal)


def _run_ingest(ledger, items, quiet: bool, jobs: int = 1, gate: bool = True, keep_skipped: bool = False):
    from . import Added, Gated

    with _progress() as progress:
        task = progress.add_task("ingesting", total=None, stats="")
        counts = {"added": 0, "duplicate": 0, "failed": 0, "gated": 0}

        def on_item(result):
            if isinstance(result, Gated):
                counts["gated"] += 1
            elif isinstance(result, IngestError):
                counts["failed"] += 1
                err.print(f"[red]failed:[/red] {escape(str(result))}", highlight=False, soft_wrap=True)
            else:
                assert isinstance(result, Added)
                counts["added" if result.status == "added" else "duplicate"] += 1
                if not quiet and result.status == "added":
                    copy = f" (copy of {result.copy_of})" if result.copy_of else ""
                    err.print(f"added {result.article_id} {escape(result.source)}{copy}: "
                              f"{len(result.deals)} deals, {len(result.events)} events", highlight=False)
            progress.update(task, advance=1, stats=f"{counts['added']} added, {counts['duplicate']} already "
                                                   f"stored, {counts['failed']} failed, {counts['gated']} gated")

        kw = {"on_item": on_item, "jobs": jobs, "gate": gate, "keep_skipped": keep_skipped}
        return ledger.ingest(items, **kw) if items is not None else ledger.retry_failed(**kw)


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_cli(
        inputs: Annotated[Optional[list[str]], typer.Argument(
            help="Files, directories (recursive), globs, URLs, RSS/Atom feeds, WARC archives, JSON Lines; '-' for stdin.")] = None,
        db: DbOption = None,
        retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Read again every input that failed before.")] = False,
        catalogues: CataloguesOption = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only failures and the summary.")] = False,
        jobs: Annotated[Optional[int], typer.Option(
            "--jobs", "-j", min=1, help="Processes extracting articles (default: the cores).")] = None,
        no_gate: Annotated[bool, typer.Option("--no-gate", help="Extract every article, even one without any "
                                              "defence term or name (the relevance gate passes those over).")] = False,
        keep_skipped: Annotated[bool, typer.Option("--keep-skipped", help="Store the articles the relevance gate "
                                                   "passes over too (as articles with nothing extracted).")] = False,
        debug: DebugOption = False,
    ) -> None:
        """Read articles, extract them and store their claims in the ledger, reconciled across reports.

        Articles without any defence term or name are passed over unread by the extractor (listed by
        'armsledger info --gated'); --no-gate extracts them too.

        Example: armsledger ingest reports/ https://example.com/feed.xml --db ledger.db
        """
        if not inputs and not retry_failed:
            err.print("[red]Error:[/red] give inputs to ingest, or --retry-failed")
            raise typer.Exit(2)
        tracebacks = logs.setup(debug)
        with _open(db, catalogues) as ledger:
            reports = []
            if jobs is None:
                from .pool import default_jobs
                jobs = default_jobs()
            for what in ([None] if retry_failed else []) + ([inputs] if inputs else []):
                reports.append(_run_ingest(ledger, what, quiet, jobs, not no_gate, keep_skipped))
            where = escape(ledger.engine.url.render_as_string(hide_password=True))
            for report in reports:
                err.print(f"{report.summary()} -> {where}")
            if tracebacks.hint(debug):
                err.print(escape(tracebacks.hint(debug)), highlight=False, soft_wrap=True)
            if all(r.failed and not r.added and not r.duplicates and not r.gated for r in reports):
                raise typer.Exit(1)

    @app.command("watch")
    def watch_cli(
        feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs (or files).")],
        db: DbOption = None,
        interval: Annotated[float, typer.Option("--interval", help="Seconds between polls.")] = 900,
        once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
        catalogues: CataloguesOption = None,
        webhook: Annotated[Optional[str], typer.Option("--webhook", help="POST each change the poll makes to this "
                                                       "URL as JSON (see 'armsledger changes').")] = None,
        site: Annotated[str, typer.Option("--site", help="The dashboard the webhook's deal links point at.")]
        = "http://127.0.0.1:8000",
        debug: DebugOption = False,
    ) -> None:
        """Poll feeds on an interval and ingest only entries not yet in the ledger (Ctrl-C stops).

        Example: armsledger watch https://example.com/defence.rss --webhook https://chat.example.com/hooks/123
        """
        from .. import ingest
        from . import changes, store

        logs.setup(debug)
        with _open(db, catalogues) as ledger:
            try:
                while True:
                    mark = store.now()
                    report = _run_ingest(ledger, ingest.watch_once(feeds, ledger.has_url), quiet=False)
                    err.print(f"{time.strftime('%H:%M:%S')} {report.summary()}")
                    if webhook:
                        with ledger.engine.connect() as conn:
                            rows = changes.since(conn, changes.ChangeFilter(since=mark), limit=10_000)
                        problems = changes.post(webhook, rows, site=site)
                        for problem in problems:
                            err.print(f"[red]webhook:[/red] {escape(problem)}", highlight=False)
                        err.print(f"posted {len(rows) - len(problems)} of {len(rows)} changes to the webhook")
                    if once:
                        return
                    time.sleep(interval)
            except KeyboardInterrupt:
                err.print("stopped")

    @app.command("deals")
    def deals_cli(
        db: DbOption = None,
        supplier: Annotated[Optional[str], typer.Option(help="Supplier, ISO alpha-3 (RUS).")] = None,
        recipient: Annotated[Optional[str], typer.Option(help="Recipient, ISO alpha-3 (IND).")] = None,
        platform: Annotated[Optional[str], typer.Option(help="Platform designation (S-400).")] = None,
        category: Annotated[Optional[str], typer.Option(help="Words of the category (fighter, submarine).")] = None,
        status: Annotated[Optional[str], typer.Option(help="considered, offered, negotiating, signed, in_delivery, "
                                                           "completed, cancelled.")] = None,
        year_from: Annotated[Optional[int], typer.Option("--from", help="Order (or first report) year from.")] = None,
        year_to: Annotated[Optional[int], typer.Option("--to", help="Order (or first report) year to.")] = None,
        limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
        fmt: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table,
    ) -> None:
        """List reconciled deals, latest reported first."""
        from .query import DealFilter
        with _open(db, readonly=True) as ledger:
            rows = ledger.deals(DealFilter(supplier, recipient, platform, category, status, year_from, year_to),
                                limit=limit)
        if fmt is Fmt.json:
            return _print_json(rows)
        t = Table("id", "deal", "status", "ordered", "delivered", "value (USD)", "expected", "sources",
                  "conflicts", "conf.")
        for d in rows:
            qty = f"{d['quantity_max']:g} {d['quantity_unit'] or ''}" if d["quantity_max"] is not None else ""
            t.add_row(str(d["id"]), escape(d["title"]), (d["status"] or "") + (" (hedged)" if d["hedged"] else ""),
                      qty, f"{d['delivered_max']:g}" if d["delivered_max"] is not None else "",
                      f"{d['value_usd'] / 1e9:,.2f} bn" if d["value_usd"] else "", d["expected_completion"] or "",
                      f"{d['independent_sources']}/{d['sources']}", str(d["conflicts"] or ""), f"{d['confidence']:.2f}")
        out.print(t)

    @app.command("deal")
    def deal_cli(deal_id: int, db: DbOption = None, fmt: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table
                 ) -> None:
        """One deal: its reconciled fields with confidence, timeline of claims, sources, conflicts, slippage."""
        with _open(db, readonly=True) as ledger:
            d = ledger.deal(deal_id)
        if d is None:
            err.print(f"[red]Error:[/red] no deal {deal_id}; `armsledger deals` lists them")
            raise typer.Exit(1)
        if fmt is Fmt.json:
            return _print_json(d)
        from .render import render_deal
        render_deal(d, out)

    @app.command("events")
    def events_cli(
        db: DbOption = None,
        type_: Annotated[Optional[str], typer.Option("--type", help="MEETING, SUMMIT, DEAL_SIGNED, DELIVERY, ...")] = None,
        country: Annotated[Optional[str], typer.Option(help="A country involved, ISO alpha-3.")] = None,
        status: Annotated[Optional[str], typer.Option(help="occurred, scheduled, expected, possible.")] = None,
        date_from: Annotated[Optional[str], typer.Option("--from", help="Date from (YYYY[-MM[-DD]]).")] = None,
        date_to: Annotated[Optional[str], typer.Option("--to", help="Date to (YYYY[-MM[-DD]]).")] = None,
        limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
        fmt: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table,
    ) -> None:
        """List reconciled events (one per meeting, signing, delivery... however many outlets reported it)."""
        from .query import EventFilter
        with _open(db, readonly=True) as ledger:
            rows = ledger.events(EventFilter(type_, country, status, date_from, date_to), limit=limit)
        if fmt is Fmt.json:
            return _print_json(rows)
        t = Table("id", "date", "type", "status", "countries", "platforms", "sources")
        for e in rows:
            t.add_row(str(e["id"]), e["date"] or "", e["type"], e["status"] or "", ", ".join(e["countries"]),
                      escape(", ".join(e["platforms"])), f"{e['independent_sources']}/{e['sources']}")
        out.print(t)

    @app.command("conflicts")
    def conflicts_cli(db: DbOption = None, limit: int = 100,
                      fmt: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table) -> None:
        """Where sources disagree beyond rounding, deal by deal."""
        with _open(db, readonly=True) as ledger:
            rows = ledger.conflicts(limit=limit)
        if fmt is Fmt.json:
            return _print_json(rows)
        t = Table("deal", "", "field", "disagreement", "articles")
        for c in rows:
            arts = sorted({s["article_id"] for v in c["claims"] for s in v["sources"]})
            t.add_row(str(c["deal_id"]), escape(c["title"]), c["field"], escape(c["summary"]), ", ".join(arts))
        out.print(t)

    @app.command("search")
    def search_cli(text: str, db: DbOption = None, limit: int = 20,
                   fmt: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table) -> None:
        """Full-text search over stored articles."""
        with _open(db, readonly=True) as ledger:
            rows = ledger.search(text, limit=limit)
        if fmt is Fmt.json:
            return _print_json(rows)
        t = Table("article", "reported", "publisher", "title", "snippet")
        for r in rows:
            t.add_row(r["id"], r["reported"] or "", escape(r["publisher"] or ""), escape(r["title"] or ""),
                      escape(r["snippet"] or ""))
        out.print(t)

    @app.command("correct")
    def correct_cli(
        deal_id: Annotated[int, typer.Argument(help="The deal's id (armsledger deals).")],
        field: Annotated[str, typer.Argument(help="status, value, quantity, delivered, signed, expected_completion, "
                                                  "tech_transfer_pct, category, local_partners, or '*' for the deal.")],
        value: Annotated[Optional[str], typer.Argument(help="The right value, as JSON where structured: "
                                                            "'\"completed\"', '{\"min\": 5, \"max\": 5, \"unit\": \"squadron\"}'.")] = None,
        reject: Annotated[bool, typer.Option("--reject", help="Reject the claim (with --article) or the whole deal.")] = False,
        article: Annotated[Optional[str], typer.Option("--article", help="The article whose claim is rejected.")] = None,
        who: Annotated[str, typer.Option("--who", help="Who makes the correction.")] = "",
        why: Annotated[str, typer.Option("--why", help="Why: the source or reasoning.")] = "",
        db: DbOption = None,
    ) -> None:
        """Correct a deal field or reject a claim; corrections win over extraction and survive re-extraction.

        Example: armsledger correct 14 delivered '{"min": 4, "max": 4, "unit": "squadron"}' --who ana --why "MoD statement"
        """
        parsed = None
        if value is not None:
            try:
                parsed = json.loads(value)
            except json.JSONDecodeError:
                parsed = value
        with _open(db) as ledger:
            try:
                row = ledger.correct(deal_id, field, parsed, reject=reject, article_id=article, who=who, why=why)
            except ArmsLedgerError as e:
                err.print(f"[red]Error:[/red] {escape(str(e))}")
                raise typer.Exit(1) from None
        err.print(f"recorded: {row['action']} {field} of deal {deal_id} by {escape(who)}")

    @app.command("reextract")
    def reextract_cli(db: DbOption = None, catalogues: CataloguesOption = None) -> None:
        """Rebuild every article's claims from its stored text with the current extractor (corrections remain)."""
        with _open(db, catalogues) as ledger, _progress() as progress:
            total = ledger.stats()["articles"]
            task = progress.add_task("re-extracting", total=total, stats="")
            n = ledger.reextract(on_item=lambda _id: progress.update(task, advance=1))
        err.print(f"re-extracted {n} articles")

    @app.command("export")
    def export_cli(
        fmt: Annotated[str, typer.Argument(help="csv (SIPRI trade-register layout), json or parquet.")],
        output: Annotated[Optional[Path], typer.Option("--out", "-o", help="File to write (default: standard output; "
                                                                           "parquet needs a file).")] = None,
        what: Annotated[str, typer.Option("--what", help="deals or events.")] = "deals",
        db: DbOption = None,
        supplier: Optional[str] = None,
        recipient: Optional[str] = None,
        platform: Optional[str] = None,
        status: Optional[str] = None,
    ) -> None:
        """Export reconciled deals (or events, with PLOVER and CAMEO codes) with confidence and sources."""
        from ..export import FORMATS, export_deals, export_events
        from .query import DealFilter
        if fmt not in FORMATS or what not in ("deals", "events"):
            err.print(f"[red]Error:[/red] choose a format of {', '.join(FORMATS)} and --what deals|events")
            raise typer.Exit(2)
        if fmt == "parquet" and output is None:
            err.print("[red]Error:[/red] parquet is binary: give --out FILE")
            raise typer.Exit(2)
        with _open(db, readonly=True) as ledger:
            sink = open(output, "wb") if output else sys.stdout.buffer
            try:
                if what == "deals":
                    n = export_deals(ledger, fmt, sink, DealFilter(supplier, recipient, platform, status=status))
                else:
                    n = export_events(ledger, fmt, sink)
            finally:
                if output:
                    sink.close()
        err.print(f"exported {n} {what}" + (f" to {output}" if output else ""))

    @app.command("info")
    def info_cli(db: DbOption = None,
                 verify: Annotated[bool, typer.Option("--verify", help="Also check the ledger's consistency "
                                                                    "(every deal against its claims).")] = False,
                 gated: Annotated[Optional[int], typer.Option("--gated", help="Also list the last N articles the "
                                                              "relevance gate passed over.")] = None) -> None:
        """Where the ledger is and what it holds."""
        with _open(db, readonly=True) as ledger:
            stats = ledger.stats()
            pending = len(ledger.failures())
            url = ledger.engine.url.render_as_string(hide_password=True)
            problems = ledger.verify() if verify else []
            passed_over = ledger.gated(limit=gated) if gated else []
        out.print(f"ledger: {escape(url)}")
        for k, v in stats.items():
            out.print(f"  {'articles the relevance gate passed over' if k == 'gated' else k}: {v}")
        for g in passed_over:
            kept = " (stored)" if g["kept"] else ""
            out.print(f"    {escape(g['source'])}{kept}: {escape(g['title'] or '')}", highlight=False, soft_wrap=True)
        out.print(f"  failed inputs awaiting --retry-failed: {pending}")
        if verify:
            for p in problems:
                out.print(f"  [red]problem:[/red] {escape(p)}")
            out.print("  consistent" if not problems else f"  {len(problems)} problems")
            if problems:
                raise typer.Exit(1)
