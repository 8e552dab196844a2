"""A readable view of extraction records in the terminal (Rich)."""
from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text


def _range(r: dict | None) -> str:
    if not r:
        return ""
    lo, hi, unit = r.get("min"), r.get("max"), r.get("unit") or ""
    fmt = lambda x: f"{x:g}"  # noqa: E731
    if lo is not None and hi is not None and lo != hi:
        n = f"{fmt(lo)}–{fmt(hi)}"
    elif lo is None and hi is not None:
        n = f"up to {fmt(hi)}"
    elif hi is None and lo is not None:
        n = f"over {fmt(lo)}"
    else:
        n = fmt(lo)
    return f"{n} {unit}".strip()


def _money(v: dict | None) -> str:
    if not v:
        return ""
    amount = v["amount"]
    s = f"{v.get('currency') or ''} {amount / 1e9:g} bn" if amount >= 1e9 else f"{v.get('currency') or ''} {amount / 1e6:g} m"
    if v.get("usd") and v.get("currency") != "USD":
        s += f" (≈ USD {v['usd'] / 1e9:.2f} bn)"
    return s.strip()


def _fill(console: Console) -> bool:
    """Whether tables stretch to the console's width: on a terminal, yes; piped or redirected, the console
    writes every line whole (`shell.console`, a million columns wide), and a table as wide as its content
    is what reads (stretched, it took seconds to draw a million columns of border per line)."""
    return console.width < 10_000


def render(record: dict, console: Console) -> None:
    """Print the deals, events and entities of one record, with their evidence."""
    art = record["article"]
    names = {e["id"]: e["name"] for e in record["entities"]}
    head = Text(art.get("title") or art["source"], style="bold")
    head.append(f"\n{art['source']}  ·  published {art.get('published') or 'unknown'}", style="dim")
    wide = _fill(console)

    deals = Table(title="Deals", expand=wide, show_lines=True)
    for col in ("", "supplier → recipient", "platform", "status", "signed", "value", "quantity", "delivered",
                "completion", "evidence"):
        deals.add_column(col, overflow="fold")
    for d in record["deals"]:
        status = d["status"] + (" (hedged)" if d["hedged"] else "")
        extra = []
        if d.get("tech_transfer_pct"):
            extra.append(f"ToT {d['tech_transfer_pct']['text']}")
        if d.get("local_partners"):
            extra.append("local: " + ", ".join(d["local_partners"]))
        evidence = " … ".join(e["text"] for e in d["evidence"][:2])
        deals.add_row(d["id"], f"{d['supplier']} → {d['recipient']}",
                      d["platform"] + (" (follow-on)" if d.get("follow_on") else ""), status,
                      (d["signed"] or {}).get("value", ""), _money(d["value"]), _range(d["quantity"]),
                      _range(d["delivered"]), (d["expected_completion"] or {}).get("value", ""),
                      Text(evidence + ("\n" + "; ".join(extra) if extra else ""), style="italic"))

    events = Table(title="Events", expand=wide)
    for col in ("", "type", "status", "date", "who", "where", "platforms", "evidence"):
        events.add_column(col, overflow="fold")
    for ev in record["events"]:
        who = ", ".join([names.get(p, p) for p in ev["participants"]] + ev["countries"])
        events.add_row(ev["id"], ev["type"], ev["status"], (ev["date"] or {}).get("value", ""), who,
                       names.get(ev["location"], "") if ev["location"] else "",
                       ", ".join(names.get(p, p) for p in ev["platforms"]),
                       Text(ev["evidence"]["text"][:160], style="italic"))

    ents = Table(title="Entities", expand=wide)
    for col in ("kind", "name", "country", "role / category", "mentions"):
        ents.add_column(col, overflow="fold")
    for e in record["entities"]:
        ents.add_row(e["kind"], e["name"], e.get("country") or "", e.get("role") or e.get("category") or "",
                     str(len(e["mentions"])))
    console.print(Panel(Group(head), expand=wide), deals, events, ents)


def render_why(record: dict, console: Console) -> None:
    """Why each deal is there: who opened it (rules or model), the model's probability against its
    threshold, and the features that weighed most for the deal and for its status."""
    table = Table(title="Why these deals", expand=_fill(console), show_lines=True)
    for col in ("", "deal", "opened by", "p (threshold)", "weighed most (weight)", "status: weighed most"):
        table.add_column(col, overflow="fold")
    for d in record["deals"]:
        why = d.get("why") or {}
        if why.get("probability") is None:
            table.add_row(d["id"], f"{d['supplier']} → {d['recipient']} {d['platform']}", "rules", "no model", "", "")
            continue
        feats = "\n".join(f"{f['feature']} ({f['weight']:+.2f})" for f in why.get("features", []))
        status = why.get("status") or {}
        sfeats = "\n".join(f"{f['feature']} ({f['weight']:+.2f})" for f in status.get("features", []))
        avg = why.get("averaged")  # the deal decision's boosted trees: the probability is the average of two
        two = (f"\naverage of regression {avg['regression_probability']:.2f} and trees {avg['trees_probability']:.2f}"
               if avg else "")
        table.add_row(d["id"], f"{d['supplier']} → {d['recipient']} {d['platform']}", why.get("opened_by", ""),
                      f"{why['probability']:.2f} ({why['threshold']:.2f}){two}", feats,
                      (f"{status.get('value')} {status.get('probability', 0):.2f}\n" if status else "") + sfeats)
    console.print(table)
    if record.get("overruled"):
        table = Table(title="Overruled by a constraint (the model's score passed)", expand=_fill(console))
        for col in ("candidate", "p (threshold)", "constraint"):
            table.add_column(col, overflow="fold")
        for o in record["overruled"]:
            table.add_row(f"{o['supplier']} → {o['recipient']} {o['platform']}",
                          f"{o['probability']:.2f} ({o['threshold']:.2f})", o["constraint"])
        console.print(table)
