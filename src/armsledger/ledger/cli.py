"""The ledger's commands: ingest, watch, deals, deal, events, conflicts, search, correct, reextract, export, info.

A thin layer: each command opens a `Ledger`, calls one of its methods and prints
the result (a Rich table by default, `--format json` for machines).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .. import logs, shell
from ..errors import ArmsLedgerError, IngestError
from ..ingest.files import MAX_BYTES, describe_size
from ..shell import Fmt, fail, plural

DbOption = Annotated[Optional[str], typer.Option(
    "--db", envvar="ARMSLEDGER_DB", help="Ledger: a SQLite file path or a postgresql:// URL "
                                         "(default: ledger.db in your user data directory).")]
CataloguesOption = Annotated[Optional[Path], typer.Option(
    "--catalogues", envvar="ARMSLEDGER_CATALOGUES", help="A directory of catalogue files read over the packaged ones.")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Print the traceback of every unexpected failure "
                                                             "(they are always written to the log file).")]
MaxSizeOption = Annotated[int, typer.Option("--max-size", parser=shell.parse_size, metavar="SIZE",
                                             help="Largest input (file, page, archive record), e.g. 10MB.")]
FormatOption = Annotated[Fmt, typer.Option("--format", "-f", help="table (for people), csv, tsv, json or jsonl.")]
out = shell.Lazy()
err = shell.Lazy(stderr=True)


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
        raise fail(str(e)) from None


PRESTART_BYTES = 256 * 1024  # local inputs this large likely hold enough articles for the pool (`pool.POOL_MIN`)


def _many_articles(inputs: list[str]) -> bool:
    """Do the inputs look like enough articles to be worth starting the workers' fork server at once (local
    files, directories' included, of `PRESTART_BYTES` or more)? Only a guess, from the file system, that stops
    reading it once sure: a wrong one costs a fork server's start-up on another core, or the workers starting
    when the first batch is read, as they do for URLs, feeds and globs."""
    import os

    size = 0
    for x in inputs:
        if os.path.isdir(x):
            for root, _dirs, files in os.walk(x):
                for f in files:
                    try:
                        size += os.stat(os.path.join(root, f)).st_size
                    except OSError:
                        continue
                    if size >= PRESTART_BYTES:
                        return True
            continue
        try:
            size += os.stat(x).st_size
        except (OSError, ValueError):  # a URL, a glob, stdin
            continue
    return size >= PRESTART_BYTES


def _country(value: str | None) -> str | None:
    """A country option's ISO code, from a code, name or demonym ("POL", "Poland", "Polish")."""
    if value is None:
        return None
    from ..catalogue import load

    code = load().country_code(value)
    if code is None:
        raise typer.BadParameter(f"no country goes by {value!r}; give a name (Poland), a demonym (Polish) "
                                 "or an ISO alpha-3 code (POL)")
    return code


CountryOption = Annotated[Optional[str], typer.Option(callback=_country, metavar="COUNTRY",
                                                      help="A name, demonym or ISO alpha-3 code (India, Indian, IND).")]


def _print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str, indent=1) + "\n")


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[stats]}"), TimeElapsedColumn(), console=shell.console(stderr=True),
                    transient=True, disable=not sys.stderr.isatty())


def _run_ingest(ledger, items, quiet: bool, jobs: int = 1, gate: bool = True, keep_skipped: bool = False, *,
                max_bytes: int = MAX_BYTES, encoding: str | None = None):
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
                              f"{plural(len(result.deals), 'deal')}, {plural(len(result.events), 'event')}",
                              highlight=False)
            if not progress.disable:  # shown (on a terminal): not worth its ~40 us an article otherwise
                progress.update(task, advance=1, stats=f"{counts['added']} added, {counts['duplicate']} already "
                                                       f"stored, {counts['failed']} failed, {counts['gated']} gated")

        kw = {"on_item": on_item, "jobs": jobs, "gate": gate, "keep_skipped": keep_skipped, "max_bytes": max_bytes,
              "encoding": encoding}
        return ledger.ingest(items, **kw) if items is not None else ledger.retry_failed(**kw)


def _number(x) -> str:
    return f"{x:g}" if x is not None else ""


def _field(key: str):
    return lambda row: row.get(key)


def _text(key: str):
    return lambda row: "" if row.get(key) is None else str(row[key])


DEAL_COLUMNS: list[shell.Column] = [
    ("id", _field("id"), _text("id")),
    ("deal", _field("title"), _text("title")),
    ("status", _field("status"), lambda d: (d["status"] or "") + (" (hedged)" if d["hedged"] else "")),
    ("ordered", _field("quantity_max"),
     lambda d: f"{_number(d['quantity_max'])} {d['quantity_unit'] or ''}".strip()),
    ("delivered", _field("delivered_max"), lambda d: _number(d["delivered_max"])),
    ("value (USD)", _field("value_usd"), lambda d: f"{d['value_usd'] / 1e9:,.2f} bn" if d["value_usd"] else ""),
    ("expected", _field("expected_completion"), _text("expected_completion")),
    ("sources", _field("sources"), lambda d: f"{d['independent_sources']}/{d['sources']}"),
    ("conflicts", _field("conflicts"), lambda d: str(d["conflicts"] or "")),
    ("confidence", _field("confidence"), lambda d: f"{d['confidence']:.2f}"),
]
EVENT_COLUMNS: list[shell.Column] = [
    ("id", _field("id"), _text("id")),
    ("date", _field("date"), _text("date")),
    ("type", _field("type"), _text("type")),
    ("status", _field("status"), _text("status")),
    ("countries", _field("countries"), lambda e: ", ".join(e["countries"])),
    ("platforms", _field("platforms"), lambda e: ", ".join(e["platforms"])),
    ("sources", _field("sources"), lambda e: f"{e['independent_sources']}/{e['sources']}"),
]


def _conflict_articles(c: dict) -> list[str]:
    return sorted({s["article_id"] for v in c["claims"] for s in v["sources"]})


CONFLICT_COLUMNS: list[shell.Column] = [
    ("deal", _field("deal_id"), _text("deal_id")),
    ("title", _field("title"), _text("title")),
    ("field", _field("field"), _text("field")),
    ("disagreement", _field("summary"), _text("summary")),
    ("articles", _conflict_articles, lambda c: ", ".join(_conflict_articles(c))),
]
SEARCH_COLUMNS: list[shell.Column] = [
    (name, _field(key), _text(key)) for name, key in
    [("article", "id"), ("reported", "reported"), ("publisher", "publisher"), ("title", "title"), ("url", "url"),
     ("snippet", "snippet")]
]


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_cli(
        inputs: Annotated[Optional[list[str]], typer.Argument(
            help="Files, directories (recursive), globs, URLs, RSS/Atom feeds, WARC archives, JSON Lines; '-' for stdin.")] = None,
        db: DbOption = None,
        retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Read again every input that failed before "
                                                                         "(a JSON Lines line or archive record alone).")] = False,
        max_size: MaxSizeOption = describe_size(MAX_BYTES),
        encoding: Annotated[Optional[str], typer.Option("--encoding", help="Read every local file in this encoding "
                                                        "(default: HTML as browsers do, text as UTF-8 else detected).")] = None,
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
        Example: armsledger ingest old-site/ --encoding latin-1 --max-size 20MB
        """
        if not inputs and not retry_failed:
            raise fail("give inputs to ingest, or --retry-failed", shell.USAGE)
        tracebacks = logs.setup(debug)
        from .. import launch
        from . import pool

        launch.leave_quickly()  # the ledger is closed before the command ends (`with`); the log file by logging

        if jobs is None:
            jobs = pool.default_jobs()
        if inputs and _many_articles(inputs):
            pool.prestart(jobs)  # the workers' fork server loads the extraction while this process opens the ledger
        with _open(db, catalogues) as ledger:
            reports = []
            for what in ([None] if retry_failed else []) + ([inputs] if inputs else []):
                reports.append(_run_ingest(ledger, what, quiet, jobs, not no_gate, keep_skipped,
                                           max_bytes=max_size, encoding=encoding))
            where = escape(ledger.engine.url.render_as_string(hide_password=True))
            for report in reports:
                err.print(f"{report.summary()} -> {where}")
            if tracebacks.hint(debug):
                err.print(escape(tracebacks.hint(debug)), highlight=False, soft_wrap=True)
            done = sum(len(r.added) + len(r.duplicates) + len(r.gated) for r in reports)
            raise typer.Exit(shell.outcome(done, sum(len(r.failed) for r in reports)))

    @app.command("watch")
    def watch_cli(
        feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs (or files).")],
        db: DbOption = None,
        interval: Annotated[float, typer.Option("--interval", help="Seconds between polls.")] = 900,
        once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
        max_size: MaxSizeOption = describe_size(MAX_BYTES),
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
                    report = _run_ingest(ledger, ingest.watch_once(feeds, ledger.has_url, max_bytes=max_size), quiet=False)
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
        supplier: CountryOption = None,
        recipient: CountryOption = None,
        platform: Annotated[Optional[str], typer.Option(help="Platform designation (S-400).")] = None,
        category: Annotated[Optional[str], typer.Option(help="Words of the category (fighter, submarine).")] = None,
        status: Annotated[Optional[str], typer.Option(help="considered, offered, negotiating, signed, in_delivery, "
                                                           "completed, cancelled.")] = None,
        year_from: Annotated[Optional[int], typer.Option("--from", help="Order (or first report) year from.")] = None,
        year_to: Annotated[Optional[int], typer.Option("--to", help="Order (or first report) year to.")] = None,
        limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
        fmt: FormatOption = Fmt.table,
    ) -> None:
        """List reconciled deals, latest reported first.

        Example: armsledger deals --recipient Poland --format csv
        """
        from .query import DealFilter
        with _open(db, readonly=True) as ledger:
            rows = ledger.deals(DealFilter(supplier, recipient, platform, category, status, year_from, year_to),
                                limit=limit)
        shell.emit(rows, DEAL_COLUMNS, fmt)

    @app.command("deal")
    def deal_cli(deal_id: int, db: DbOption = None,
                 fmt: Annotated[Fmt, typer.Option("--format", "-f", help="table (for people) or json.")] = Fmt.table
                 ) -> None:
        """One deal: its reconciled fields with confidence, sources (title, outlet, date, URL), timeline of claims,
        conflicts, slippage.

        Example: armsledger deal 14
        """
        with _open(db, readonly=True) as ledger:
            d = ledger.deal(deal_id)
        if d is None:
            raise fail(f"no deal {deal_id}; `armsledger deals` lists them")
        if fmt is not Fmt.table:
            return _print_json(d)
        from .render import render_deal
        render_deal(d, shell.console())

    @app.command("events")
    def events_cli(
        db: DbOption = None,
        type_: Annotated[Optional[str], typer.Option("--type", help="MEETING, SUMMIT, DEAL_SIGNED, DELIVERY, ...")] = None,
        country: CountryOption = None,
        status: Annotated[Optional[str], typer.Option(help="occurred, scheduled, expected, possible.")] = None,
        date_from: Annotated[Optional[str], typer.Option("--from", help="Date from (YYYY[-MM[-DD]]).")] = None,
        date_to: Annotated[Optional[str], typer.Option("--to", help="Date to (YYYY[-MM[-DD]]).")] = None,
        limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
        fmt: FormatOption = Fmt.table,
    ) -> None:
        """List reconciled events (one per meeting, signing, delivery... however many outlets reported it).

        Example: armsledger events --country India --type DELIVERY
        """
        from .query import EventFilter
        with _open(db, readonly=True) as ledger:
            rows = ledger.events(EventFilter(type_, country, status, date_from, date_to), limit=limit)
        shell.emit(rows, EVENT_COLUMNS, fmt)

    @app.command("conflicts")
    def conflicts_cli(db: DbOption = None, limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
                      fmt: FormatOption = Fmt.table) -> None:
        """Where sources disagree beyond rounding, deal by deal.

        Example: armsledger conflicts --format tsv
        """
        with _open(db, readonly=True) as ledger:
            rows = ledger.conflicts(limit=limit)
        shell.emit(rows, CONFLICT_COLUMNS, fmt)

    @app.command("search")
    def search_cli(text: str, db: DbOption = None, limit: Annotated[int, typer.Option(help="At most this many.")] = 20,
                   fmt: FormatOption = Fmt.table) -> None:
        """Full-text search over stored articles.

        Example: armsledger search "S-400 squadrons"
        """
        with _open(db, readonly=True) as ledger:
            rows = ledger.search(text, limit=limit)
        shell.emit(rows, SEARCH_COLUMNS, fmt)

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
        from . import CORRECTABLE
        if field not in CORRECTABLE:
            raise fail(f"{field!r} cannot be corrected; choose one of {', '.join(CORRECTABLE)}", shell.USAGE)
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
                raise fail(str(e)) from None
        err.print(f"recorded: {row['action']} {field} of deal {deal_id} by {escape(who)}")

    @app.command("reextract")
    def reextract_cli(db: DbOption = None, catalogues: CataloguesOption = None) -> None:
        """Rebuild every article's claims from its stored text with the current extractor (corrections remain)."""
        with _open(db, catalogues) as ledger, _progress() as progress:
            total = ledger.stats()["articles"]
            task = progress.add_task("re-extracting", total=total, stats="")
            n = ledger.reextract(on_item=lambda _id: progress.update(task, advance=1))
        err.print(f"re-extracted {plural(n, 'article')}")

    @app.command("export")
    def export_cli(
        fmt: Annotated[str, typer.Argument(help="csv (SIPRI trade-register layout), json or parquet.")],
        output: Annotated[Optional[Path], typer.Option("--out", "-o", help="File to write (default: standard output; "
                                                                           "parquet needs a file).")] = None,
        what: Annotated[str, typer.Option("--what", help="deals or events.")] = "deals",
        db: DbOption = None,
        supplier: CountryOption = None,
        recipient: CountryOption = None,
        platform: Annotated[Optional[str], typer.Option(help="Platform designation (S-400).")] = None,
        status: Annotated[Optional[str], typer.Option(help="A deal status (signed, in_delivery...).")] = None,
    ) -> None:
        """Export reconciled deals (or events, with PLOVER and CAMEO codes) with confidence and sources."""
        from ..export import FORMATS, export_deals, export_events
        from .query import DealFilter
        if fmt not in FORMATS or what not in ("deals", "events"):
            raise fail(f"choose a format of {', '.join(FORMATS)} and --what deals|events", shell.USAGE)
        if fmt == "parquet" and output is None:
            raise fail("parquet is binary: give --out FILE", shell.USAGE)
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
        err.print(f"exported {plural(n, what[:-1])}" + (f" to {output}" if output else ""))

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
            out.print("  consistent" if not problems else f"  {plural(len(problems), 'problem')}")
            if problems:
                raise typer.Exit(shell.SOME_FAILED)
