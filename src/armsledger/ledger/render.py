"""A readable terminal view of one reconciled deal (Rich)."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..shell import plural

FIELD_ORDER = ("status", "signed", "value", "quantity", "delivered", "expected_completion", "tech_transfer_pct",
               "local_partners", "category")


def _show(v) -> str:
    if isinstance(v, dict):
        if "amount" in v:
            usd = f" (USD {v['usd']:,.0f})" if v.get("usd") and v.get("currency") != "USD" else ""
            text = f"{v.get('currency') or ''} {v['amount']:,.0f}{usd}".strip()
            return f"part of a {text} package" if v.get("package") else text
        if "min" in v or "max" in v:
            lo, hi = v.get("min"), v.get("max")
            n = f"{lo:g}-{hi:g}" if lo is not None and hi is not None and lo != hi else \
                (f"up to {hi:g}" if lo is None and hi is not None else f"{(hi if hi is not None else lo):g}")
            return f"{n} {v.get('unit') or ''}".strip()
        if "value" in v:
            return str(v["value"])
    if isinstance(v, list):
        return ", ".join(map(str, v))
    return str(v)


def render_deal(d: dict, console: Console) -> None:
    state = (d["status"] or "?") + (" (hedged)" if d["hedged"] else "")
    console.print(f"[bold]Deal {d['id']}: {escape(d['title'])}[/bold]  {d.get('category') or ''}")
    console.print(f"status [bold]{state}[/bold]; {plural(d['sources'], 'report')}, {d['independent_sources']} independent; "
                  f"confidence {d['confidence']:.2f}; reported {d['first_reported'] or '?'} to {d['last_reported'] or '?'}")
    t = Table("field", "value", "confidence", "sources", title="Reconciled fields")
    for name in FIELD_ORDER:
        e = d["fields"].get(name)
        if not e:
            continue
        mark = " [yellow](corrected)[/yellow]" if e.get("corrected") else ""
        alt = f" [red]vs {escape(', '.join(_show(a) for a in e['alternatives']))}[/red]" if e.get("alternatives") else ""
        t.add_row(name, escape(_show(e["value"])) + mark + alt, f"{e.get('confidence', 0):.2f}",
                  _source_count(e))
    console.print(t)
    if d["slippage"]:
        console.print("[bold]Expected completion, as reported[/bold]")
        for h in d["slippage"]:
            when = "originally" if h["value"].get("originally") else (h.get("reported") or "undated report")
            console.print(f"  {when}: {escape(str(h['value'].get('value')))} ({escape(h.get('text') or '')})")
    if d["conflicts_list"]:
        console.print("[bold red]Conflicts[/bold red]")
        for c in d["conflicts_list"]:
            console.print(f"  {escape(c['summary'])}")
    number = {s["article_id"]: n for n, s in enumerate(d["sources_list"], 1)}
    t = Table("", "reported", "outlet", "title", "URL", title="Sources")
    for s in d["sources_list"]:
        t.add_row(f"[{number[s['article_id']]}]", s["reported"] or "", escape(s["publisher"] or ""),
                  escape(s["title"] or "(untitled)"), escape(s["url"] or ""))
    console.print(t)
    t = Table("reported", "field", "claim", "source", title="Timeline of claims (by report date)")
    for c in d["timeline"]:
        t.add_row(c["reported"] or "", c["field"], escape(_show(c["value"])) + (" (hedged)" if c["hedged"] else ""),
                  f"[{number[c['article_id']]}] {escape(c['publisher'] or '')}")
    console.print(t)


def _source_count(entry: dict) -> str:
    """The reports behind a field: the detail lists the latest few of a field reported more often and counts all."""
    listed = entry.get("sources", [])
    if entry.get("sources_count", 0) > len(listed):
        return str(entry["sources_count"])
    return str(len({s["article_id"] for s in listed}))
