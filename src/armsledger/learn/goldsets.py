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


def load(name: str, root: Path = ROOT) -> list[Example]:
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
