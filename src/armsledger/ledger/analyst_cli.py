"""The analyst's commands: `review` (the queue, key by key), `changes` (what changed since) and
`register import` / `register` (a trade register beside the ledger). Thin: each calls
`ledger.review`, `ledger.changes` or `ledger.register`."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import click
import typer
from rich.markup import escape

from .. import shell
from ..errors import ArmsLedgerError
from ..shell import Fmt, fail, plural
from .cli import CountryOption, DbOption, FormatOption, _open, err, out

KEYS = "j next · k back · a accept · r reject · c correct · q quit"


def _deal_text(r: dict) -> str:
    return f"{r['deal']['id']} {r['deal']['title']}" if r["deal"] else ""


def _differences(r: dict) -> str:
    return "; ".join(d["text"] for d in r["differences"])


QUEUE_COLUMNS: list[shell.Column] = [
    ("deal", lambda i: i["deal_id"], lambda i: str(i["deal_id"])),
    ("title", lambda i: i["deal"]["title"], lambda i: i["deal"]["title"]),
    ("field", lambda i: i["field"], lambda i: i["field"]),
    ("score", lambda i: i["score"], lambda i: f"{i['score']:.2f}"),
    ("why", lambda i: [r["text"] for r in i["reasons"]], lambda i: "; ".join(r["text"] for r in i["reasons"])),
]
CHANGE_COLUMNS: list[shell.Column] = [
    ("when", lambda r: r["at"], lambda r: r["at"][:16].replace("T", " ")),
    ("deal", lambda r: r["deal_id"], lambda r: str(r["deal_id"])),
    ("kind", lambda r: r["kind"], lambda r: r["kind"]),
    ("change", lambda r: r["summary"], lambda r: r["summary"]),
]
REGISTER_COLUMNS: list[shell.Column] = [
    ("class", lambda r: r["class"], lambda r: r["class"]),
    ("deal", _deal_text, _deal_text),
    ("register row", lambda r: r["row"]["label"] if r["row"] else "", lambda r: r["row"]["label"] if r["row"] else ""),
    ("differences", _differences, _differences),
]


def register(app: typer.Typer) -> None:
    @app.command("review")
    def review_cli(
        db: DbOption = None,
        who: Annotated[str, typer.Option("--who", help="Your name, recorded with each decision.")] = "",
        limit: Annotated[int, typer.Option(help="At most this many items.")] = 50,
        fmt: Annotated[Fmt, typer.Option("--format", "-f", help="csv, tsv, json or jsonl: print the queue and "
                                                                "exit.")] = Fmt.table,
    ) -> None:
        """Work through the review queue with single keys: the deals where your decision changes the
        ledger most come first; each decision is recorded with who, when and why.

        Example: armsledger review --who ana
        """
        from .review import decide, evidence, queue

        with _open(db, readonly=fmt is not Fmt.table) as ledger:
            items = queue(ledger, limit=limit)
            if fmt is not Fmt.table:
                shell.emit(items, QUEUE_COLUMNS, fmt)
                return
            if not items:
                out.print("nothing to review")
                return
            if not who.strip():
                who = click.prompt("who are you (recorded with each decision)")
            i, done = 0, 0
            while 0 <= i < len(items):
                item = items[i]
                _show(item, evidence(ledger, item["deal_id"], item["field"]), i, len(items))
                key = _key()
                if key in ("q", "\x03", "\x04"):
                    break
                if key == "j":
                    i = min(i + 1, len(items) - 1)
                    continue
                if key == "k":
                    i = max(i - 1, 0)
                    continue
                action = {"a": "accept", "r": "reject", "c": "correct"}.get(key)
                if action is None:
                    out.print(f"keys: {KEYS}")
                    continue
                field, value = item["field"], None
                if action == "correct":
                    field = click.prompt("field", default=item["field"] if item["field"] != "*" else "status")
                    value = click.prompt("value")
                why = click.prompt("why")
                try:
                    decide(ledger, item["deal_id"], action, field=field, value=value, who=who, why=why)
                except ArmsLedgerError as e:
                    err.print(f"[red]Error:[/red] {escape(str(e))}")
                    continue
                done += 1
                items.pop(i)
                i = min(i, len(items) - 1)
        out.print(f"{plural(done, 'decision')} recorded; {plural(len(items), 'item')} left in this queue")

    @app.command("changes")
    def changes_cli(
        since: Annotated[str, typer.Option("--since", help="A span (7d, 12h, 30min, 2w) or a date (2026-01-31).")] = "7d",
        db: DbOption = None,
        country: CountryOption = None,
        supplier: CountryOption = None,
        recipient: CountryOption = None,
        platform: Annotated[Optional[str], typer.Option(help="Platform designation (S-400).")] = None,
        kind: Annotated[Optional[str], typer.Option(help="new_deal, status, delivery, schedule, conflict, "
                                                         "correction.")] = None,
        limit: Annotated[int, typer.Option(help="At most this many.")] = 200,
        fmt: FormatOption = Fmt.table,
    ) -> None:
        """What changed in the ledger since a point in time: new deals, status changes, deliveries,
        slipped schedules, new conflicts, corrections.

        Example: armsledger changes --since 7d --country IND
        """
        from . import changes

        try:
            flt = changes.ChangeFilter(since=changes.parse_since(since), kind=kind, country=country,
                                       supplier=supplier, recipient=recipient, platform=platform)
        except ArmsLedgerError as e:
            raise fail(str(e), shell.USAGE) from None
        with _open(db, readonly=True) as ledger, ledger.engine.connect() as conn:
            rows = changes.since(conn, flt, limit=limit)
        if fmt is Fmt.table:
            out.print(flt.title() + f" since {flt.since[:16]}")
        shell.emit(rows, CHANGE_COLUMNS, fmt)

    register_app = typer.Typer(help="A trade register (SIPRI's CSV, or your own) beside the ledger.",
                               invoke_without_command=True)
    app.add_typer(register_app, name="register")

    @register_app.callback()
    def register_cli(
        ctx: typer.Context,
        db: DbOption = None,
        side: Annotated[Optional[str], typer.Option("--show", help="both, news_only, register_only, or differs.")] = None,
        fmt: FormatOption = Fmt.table,
    ) -> None:
        """The ledger set beside the imported register: in both (with differences), in the news only,
        in the register only.

        Example: armsledger register --show differs
        """
        if ctx.invoked_subcommand:
            return
        from .register import reconcile_register

        with _open(db, readonly=True) as ledger:
            rows = reconcile_register(ledger)
        if side:
            rows = [r for r in rows if r["class"] == side or (side == "differs" and r["differences"])]
        shell.emit(rows, REGISTER_COLUMNS, fmt)

    @register_app.command("import")
    def register_import_cli(
        path: Annotated[Path, typer.Argument(help="A trade-register CSV (SIPRI's export layout by default).")],
        db: DbOption = None,
        columns: Annotated[Optional[str], typer.Option(
            "--columns", help="Your own spreadsheet: which of its columns hold each field, as "
                              "'recipient=Buyer,supplier=Seller,designation=System,ordered=Qty,...'.")] = None,
        name: Annotated[Optional[str], typer.Option("--name", help="Name of this register (default: the file's).")] = None,
    ) -> None:
        """Import a trade register (replacing an earlier import of the same name) and link its rows to
        the ledger's deals.

        Example: armsledger register import trade-register.csv
        Example: armsledger register import ours.csv --columns "recipient=Buyer,supplier=Seller,designation=System"
        """
        from .register import import_register, parse_mapping

        try:
            mapping = parse_mapping(columns) if columns else None
            with _open(db) as ledger:
                result = import_register(ledger, path, mapping=mapping, name=name)
        except (ArmsLedgerError, OSError) as e:
            raise fail(str(e)) from None
        for problem in result["problems"]:
            err.print(f"[yellow]skipped:[/yellow] {escape(problem)}", highlight=False)
        counts = result["counts"]
        err.print(f"imported {plural(result['rows'], 'row')} of {escape(str(path))}: {counts.get('both', 0)} in the register "
                  f"and the news ({counts.get('differs', 0)} with differences), {counts.get('register_only', 0)} "
                  f"in the register only, {counts.get('news_only', 0)} deals in the news only")


def _key() -> str:
    """One key press at a terminal; from a pipe, the next character that is not a line break."""
    if sys.stdin.isatty():
        return click.getchar()
    while True:
        ch = sys.stdin.read(1)
        if ch not in ("\n", "\r"):
            return ch or "q"


def _show(item: dict, sentences: list[dict], i: int, n: int) -> None:
    d = item["deal"]
    out.rule(f"{i + 1} of {n} · deal {d['id']} · score {item['score']:.2f}")
    out.print(f"[bold]{escape(d['title'])}[/bold]  status {escape(str(d['status']))}, confidence {d['confidence']}")
    for r in item["reasons"]:
        out.print(f"  • {escape(r['text'])}")
    for c in item["competing"]:
        said = ", ".join(f"{s.get('publisher') or '?'} {s.get('reported') or ''}".strip() for s in c["sources"])
        out.print(f"  {escape(c['text'])}: {escape(said)}")
    for s in sentences:
        text, start, parts, at = s["text"], s["start"], [], 0
        for a, b, _field in sorted(s["marks"]):
            parts += [escape(text[at:a - start]), "[reverse]" + escape(text[a - start:b - start]) + "[/reverse]"]
            at = b - start
        parts.append(escape(text[at:]))
        out.print(f"  [dim]{escape(s['publisher'] or '')} {escape(s['reported'] or '')}[/dim] " + "".join(parts))
    out.print(f"[dim]{KEYS} (focus: {item['field']})[/dim]")
