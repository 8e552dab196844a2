"""Article text cut into runs for highlighting: entities, values and dates by kind, and the
evidence sentences of a deal. The runs are plain text; templates escape them like any other.
"""
from __future__ import annotations

from bisect import bisect_right

# what a claimed field is, shown as a highlight kind
FIELD_KINDS = {"value": "money", "quantity": "quantity", "delivered": "quantity", "tech_transfer_pct": "quantity",
               "signed": "date", "expected_completion": "date", "local_partners": "organization"}
KINDS = ("country", "person", "organization", "platform", "location", "money", "quantity", "date")


def article_marks(article: dict) -> list[dict]:
    """Highlight spans of a stored article: its entity mentions and the words of its claims."""
    marks = [{"start": m["start"], "end": m["end"], "kind": m["kind"],
              "label": f"{m['kind']}: {m['name']}" + (f" ({m['role']})" if m.get("role") else ""),
              "entity_id": m.get("entity_id")} for m in article.get("mentions", [])]
    for c in article.get("claims", []):
        kind = FIELD_KINDS.get(c["field"])
        if kind and c.get("start") is not None and c.get("end") is not None:
            marks.append({"start": c["start"], "end": c["end"], "kind": kind,
                          "label": f"{c['field']} of deal {c['deal_id']}", "deal_id": c["deal_id"]})
    return marks


def runs(text: str, marks: list[dict], sentences: list[tuple[int, int]] = ()) -> list[dict]:
    """`text` cut at every highlight boundary: [{"text", "mark": dict | None, "sentence": bool}].

    Overlapping marks cannot nest in one run, so the earliest (then the longest) wins;
    sentences may overlap anything. Marks outside the text are dropped."""
    n = len(text)
    kept: list[dict] = []
    for m in sorted(marks, key=lambda m: (m["start"], m["start"] - m["end"])):
        if not (isinstance(m["start"], int) and isinstance(m["end"], int) and 0 <= m["start"] < m["end"] <= n):
            continue
        if kept and m["start"] < kept[-1]["end"]:
            continue
        kept.append(m)
    spans = sorted((max(0, s), min(n, e)) for s, e in sentences if s is not None and e is not None and s < e)
    cuts = sorted({0, n} | {m["start"] for m in kept} | {m["end"] for m in kept}
                  | {s for s, _ in spans} | {e for _, e in spans})
    starts = [m["start"] for m in kept]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        i = bisect_right(starts, a) - 1
        mark = kept[i] if i >= 0 and kept[i]["start"] <= a < kept[i]["end"] else None
        in_sentence = any(s <= a < e for s, e in spans)
        out.append({"text": text[a:b], "mark": mark, "sentence": in_sentence})
    return out


def sentence_runs(sentence: str, offset: int, spans: list[tuple[int, int, str]]) -> list[dict]:
    """An evidence sentence (starting at `offset` in its article) with the claimed words marked."""
    marks = [{"start": s - offset, "end": e - offset, "kind": FIELD_KINDS.get(field, "claim"), "label": field}
             for s, e, field in spans]
    return runs(sentence, marks)


def snippet_runs(snippet: str | None) -> list[dict]:
    """A search snippet with the matched words between [ and ] (as `Ledger.search` marks them)."""
    out = []
    for i, part in enumerate((snippet or "").replace("]", "[").split("[")):
        if part:
            out.append({"text": part, "mark": {"kind": "match", "label": "match"} if i % 2 else None,
                        "sentence": False})
    return out
