#!/usr/bin/env python3
"""The corpus's one split: train (about 70 %) or test (about 30 %) by a hash of the report's URL.

    python corpus/split.py            # move new reports from corpus/articles, gold, gold2 into train/ or test/
    python corpus/split.py --list     # print each report's split without moving anything

The split depends on the URL alone, so a report never changes sides and nobody chooses its side.
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEST_SHARE = 30  # per cent


def url_of(article: Path) -> str:
    head = article.read_text(encoding="utf-8").split("\n\n", 1)[0]
    m = re.search(r"(?im)^URL:\s*(\S+)", head)
    if not m:
        raise SystemExit(f"{article}: no URL: header line")
    return m.group(1)


def split_of(url: str) -> str:
    key = re.sub(r"^https?://(www\.)?", "", url.strip().lower()).rstrip("/")
    return "test" if int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % 100 < TEST_SHARE else "train"


def main(argv: list[str]) -> int:
    staged = sorted((HERE / "articles").glob("*.txt"))
    if "--list" in argv:
        for side in ("train", "test"):
            for a in sorted((HERE / side / "articles").glob("*.txt")):
                print(f"{side}\t{a.stem}\t{url_of(a)}")
        for a in staged:
            print(f"{split_of(url_of(a))}\t{a.stem}\t{url_of(a)}\t(not moved yet)")
        return 0
    for a in staged:
        side = split_of(url_of(a))
        for folder, ext in (("articles", ".txt"), ("gold", ".json"), ("gold2", ".json")):
            src = HERE / folder / (a.stem + ext)
            if src.exists():
                (HERE / side / folder).mkdir(parents=True, exist_ok=True)
                src.rename(HERE / side / folder / src.name)
        print(f"{a.stem} -> {side}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
