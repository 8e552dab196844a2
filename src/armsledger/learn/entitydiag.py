"""Entities on the training sets: what the finder misses and what it makes up, by kind and by shape.

    python -m armsledger.learn.entitydiag                          # every training set, read now (the packaged model)
    python -m armsledger.learn.entitydiag --records DIR            # records already written, one NAME.json per report
    python -m armsledger.learn.entitydiag --set corpus-train --list extra:headline

Entities are not learned (rules and catalogues), so the records of the packaged model show what a fold model would.
Each report's predicted entities are matched to its gold ones as the scorer does (`evaluate.score_one`: same kind,
names alike); what is left on either side is tallied by kind and given a shape:

| shape | a miss (gold, not found) | a false entity (found, not gold) |
| --- | --- | --- |
| `kind` | found under another kind | a gold entity of another kind |
| `form` | found under another form of its name (a word shared, the scorer does not count it alike) | the same |
| `absent` | its name (or a word of it, 4+ letters) is nowhere in the text: a demonym, a capital, an implied party | - |
| `byline` | - | a person with a credit's role (reporter, photographer, editor, ...) |
| `outlet` | - | an organisation named as a source ("Reuters", "Defense News") |
| `lead` | - | a person whose first word is no name: a sentence opener or a headline word ("Yesterday Erdogan") |
| `headline` | - | a person named at the start of a line in title case ("Talks Resume in Geneva") |
| `generic` | - | a platform named by a class in lower case ("fighter jets") |
| `demonym` | - | a name ending as peoples' do ("Ukrainian", "Chinese") |
| `unfound` / `other` | neither of the above | neither of the above |

A report's name listed under a shape, with the name, lets one read it; the test split is never read here.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from ..evaluate import match, norm, same_name, same_platform
from ..extract.entities import _OPENING_ADVERBS
from . import goldsets

KINDS = ("country", "person", "organization", "platform", "location")
CREDIT_ROLES = ("reporter", "photographer", "editor", "translator", "writer", "producer", "correspondent")
# words that open a sentence or a headline and are never a forename: the finder's opening adverbs
# (`entities._OPENING_ADVERBS`, "Yesterday Erdogan said") and more
_LEADS = _OPENING_ADVERBS | frozenset("""then now last next after before when while though although but and or so
    thus still yet indeed since until under over with without from into according despite amid as at by for in on of
    to the a an this that these those new why how what where who report reports says said exclusive breaking update
    analysis opinion watch video photos""".split())
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic|i|an)s?$")


def ent_ok(p: dict, g: dict) -> bool:
    """The scorer's test (`evaluate.score_one`): the same kind, the names alike."""
    return p.get("kind") == g.get("kind") and (
        same_name(p.get("name", ""), g["name"])
        or (g["kind"] == "platform" and same_platform(p.get("name", ""), {"platform": g["name"]})))


def _words(name: str) -> set[str]:
    return {w for w in (norm(x) for x in re.split(r"[\s/-]+", name or "")) if len(w) >= 3}


def _first_mention(p: dict) -> dict | None:
    ms = p.get("mentions") or []
    return min(ms, key=lambda m: m.get("start", 0)) if ms else None


def _line_of(text: str, start: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    return text[a: b if b >= 0 else len(text)]


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", line) if len(w) > 3]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def miss_shape(g: dict, extras: list[dict], text: str) -> str:
    if any(same_name(p.get("name", ""), g["name"]) for p in extras if p.get("kind") != g["kind"]):
        return "kind"
    if any(p.get("kind") == g["kind"] and _words(p.get("name", "")) & _words(g["name"]) for p in extras):
        return "form"
    low = text.casefold()
    if g["name"].casefold() not in low and not any(w in norm(text) for w in _words(g["name"]) if len(w) >= 4):
        return "absent"
    return "unfound"


def extra_shape(p: dict, misses: list[dict], text: str) -> str:
    name = p.get("name", "")
    if any(same_name(name, g["name"]) for g in misses if g.get("kind") != p.get("kind")):
        return "kind"
    if any(g["kind"] == p.get("kind") and _words(name) & _words(g["name"]) for g in misses):
        return "form"
    kind = p.get("kind")
    if kind == "person" and (p.get("role") or "").casefold() in CREDIT_ROLES:
        return "byline"
    if kind == "organization" and p.get("category") in ("news agency", "online platform"):
        return "outlet"
    if kind == "person" and name.split() and name.split()[0].casefold() in _LEADS:
        return "lead"
    m = _first_mention(p)
    if kind == "person" and m is not None:
        line = _line_of(text, m["start"])
        if line.lstrip().startswith(m.get("text", name)) and _title_case(line):
            return "headline"
    if kind == "platform" and name[:1].islower() and not re.search(r"\d", name):
        return "generic"
    if kind in ("organization", "location", "person") and len(name.split()) == 1 and _DEMONYM.search(name) \
            and name[:1].isupper():
        return "demonym"
    return "other"


def compare(gold: dict, pred: dict, text: str) -> tuple[int, list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """The matched count, and each miss and false entity as (kind, shape, name)."""
    golds = gold.get("entities", [])
    pairs, lost, extra = match(golds, pred.get("entities", []), ent_ok)
    misses = [(g["kind"], miss_shape(g, extra, text), g["name"]) for g in lost]
    falses = [(p.get("kind", "?"), extra_shape(p, lost, text), p.get("name", "")) for p in extra]
    return len(pairs), misses, falses


def tally(items) -> tuple[Counter, Counter, dict[str, list[str]], dict[str, int]]:
    """Over (name, gold, pred, text) items: misses and false entities by (kind, shape), the listing by
    'miss:SHAPE' / 'extra:SHAPE', and the counts the scorer adds (tp, fp, fn)."""
    missed: Counter = Counter()
    false: Counter = Counter()
    listing: dict[str, list[str]] = {}
    counts = {"tp": 0, "fp": 0, "fn": 0}
    for name, gold, pred, text in items:
        tp, ms, fs = compare(gold, pred, text)
        counts["tp"] += tp
        counts["fn"] += len(ms)
        counts["fp"] += len(fs)
        for kind, shape, n in ms:
            missed[(kind, shape)] += 1
            listing.setdefault(f"miss:{shape}", []).append(f"{name}\t{kind}\t{n}")
        for kind, shape, n in fs:
            false[(kind, shape)] += 1
            listing.setdefault(f"extra:{shape}", []).append(f"{name}\t{kind}\t{n}")
    return missed, false, listing, counts


def table(title: str, c: Counter) -> list[str]:
    shapes = sorted({s for _, s in c}, key=lambda s: -sum(v for (_, x), v in c.items() if x == s))
    out = [f"{title}: {sum(c.values())}", f"| shape | {' | '.join(KINDS)} | all |", "|---" * (len(KINDS) + 2) + "|"]
    for s in shapes:
        row = [c[(k, s)] for k in KINDS]
        out.append(f"| {s} | {' | '.join(map(str, row))} | {sum(v for (_, x), v in c.items() if x == s)} |")
    out.append(f"| all | {' | '.join(str(sum(v for (k, _), v in c.items() if k == kk)) for kk in KINDS)} "
               f"| {sum(c.values())} |")
    return out


def _items(sets: list[str], records: Path | None):
    ex = None
    for s in sets:
        for e in goldsets.load(s):
            if records is not None:
                pred = json.loads((records / (e.name.replace("/", "__") + ".json")).read_text(encoding="utf-8"))
            else:
                if ex is None:
                    from ..extract import Extractor
                    ex = Extractor()
                pred = ex(e.article)
            yield e.name, e.gold, pred, e.article.text


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", choices=goldsets.TRAINING_SETS,
                    help="a training set (repeatable); every one by default")
    ap.add_argument("--records", type=Path, help="a folder of records, SET__NAME.json (as the helpers' snap.py writes)")
    ap.add_argument("--list", action="append", default=[], help="list the entities of one shape: miss:SHAPE or extra:SHAPE")
    goldsets.leave_out_option(ap)
    a = ap.parse_args(argv)
    goldsets.leave_out(a.leave_out)
    sets = a.set or list(goldsets.TRAINING_SETS)
    missed, false, listing, counts = tally(_items(sets, a.records))
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    p, r = tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0
    print(f"{', '.join(sets)}: tp {tp} fp {fp} fn {fn}  P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f}")
    print("\n".join(table("misses (gold entities not found)", missed)))
    print()
    print("\n".join(table("false entities (found, not gold)", false)))
    for key in a.list:
        print(f"\n## {key}")
        for line in listing.get(key, []):
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
