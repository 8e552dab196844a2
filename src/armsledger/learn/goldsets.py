"""The gold sets the model learns from and is measured on.

A gold set is a folder of articles (`articles/NAME.txt`, with header lines) and
their hand-made gold (`gold/NAME.json`). The project's own sets are found from
the repository root; users name their own with `armsledger train --gold DIR`.

| set | role |
| --- | --- |
| seed, dev | tuned on: training data |
| holdout, holdout2 | written for the project, used to find rules: training data |
| corpus-train | real reports, 70 % by URL hash: training data |
| corpus-test | real reports, 30 % by URL hash: read only to report figures |
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..ingest import read
from ..model import Article

ROOT = Path(__file__).resolve().parents[3]  # the repository, when run from a checkout
TRAINING_SETS = ("seed", "dev", "holdout", "holdout2", "corpus-train")
TEST_SHARE = 30  # per cent of the corpus, by URL hash (corpus/split.py says the same)


@dataclass
class Example:
    name: str
    article: Article
    gold: dict


def split_of(url: str) -> str:
    key = re.sub(r"^https?://(www\.)?", "", url.strip().lower()).rstrip("/")
    return "test" if int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % 100 < TEST_SHARE else "train"


def folder(articles: Path, gold: Path, prefix: str = "", only=None, keep=None) -> list[Example]:
    """The examples of one folder pair; `only` names the stems to take, `keep(article)` filters."""
    out = []
    for g in sorted(gold.glob("*.json")):
        a = articles / (g.stem + ".txt")
        if not a.exists() or (only is not None and g.stem not in only):
            continue
        art = next(read(str(a)))
        if keep is not None and not keep(art):
            continue
        out.append(Example(f"{prefix}/{g.stem}" if prefix else g.stem, art, json.loads(g.read_text(encoding="utf-8"))))
    return out


_LEFT_OUT: re.Pattern | None = None


def leave_out(pattern: str | None) -> None:
    """From now on `load` leaves out every report whose ID (its file's stem) `pattern` matches (a regular
    expression, searched; None: none): a fresh set the diagnostics and `train` must not read ("^z[q-z]")."""
    global _LEFT_OUT
    _LEFT_OUT = re.compile(pattern) if pattern else None


def leave_out_option(ap) -> None:
    """The `--leave-out REGEX` option of the diagnostics' argument parsers (apply it with `leave_out(args.leave_out)`)."""
    ap.add_argument("--leave-out", metavar="REGEX", type=_pattern,
                    help="leave out of every set the reports whose ID matches this regular expression (e.g. '^z[q-z]': "
                         "a fresh set kept unread)")


def _pattern(text: str) -> str:
    try:
        re.compile(text)
    except re.error as err:
        raise argparse.ArgumentTypeError(f"not a regular expression: {err}") from None
    return text


def load(name: str, root: Path = ROOT) -> list[Example]:
    """The examples of one gold set, less those `leave_out` names."""
    examples = _load(name, root)
    if _LEFT_OUT is None:
        return examples
    return [e for e in examples if not _LEFT_OUT.search(e.name.rsplit("/", 1)[-1])]


def _load(name: str, root: Path) -> list[Example]:
    data = root / "tests" / "data"
    if name == "seed":
        return folder(data / "articles", data / "gold", "seed", only={"seed"})
    if name == "dev":
        stems = {p.stem for p in (data / "gold").glob("*.json")} - {"seed"}
        return folder(data / "articles", data / "gold", "dev", only=stems)
    if name in ("holdout", "holdout2"):
        return folder(data / name / "articles", data / name / "gold", name)
    if name in ("corpus-train", "corpus-test"):
        side = name.split("-")[1]
        corpus = root / "corpus"
        # reports not yet moved by corpus/split.py count on the side their URL sends them to
        return (folder(corpus / side / "articles", corpus / side / "gold", name)
                + folder(corpus / "articles", corpus / "gold", name, keep=lambda a: split_of(a.url or "") == side))
    raise ValueError(f"unknown gold set {name!r}: one of {', '.join(TRAINING_SETS + ('corpus-test',))}")
