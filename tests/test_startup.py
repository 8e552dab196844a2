"""Fast start: the start-up cache (armsledger/cache.py) and the tokenizer that runs without spaCy.

What a user sees: the second run reads what the first one built; an edited catalogue is read again; a
broken cache file or an unwritable cache directory costs a warning and the time, never the output; and
the records are the same with the cache, without it, and as spaCy itself tokenizes and matches.
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from armsledger.catalogue import load
from armsledger.extract import gazetteer
from armsledger.extract.tokenizer import Tokenizer

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))  # the seed and dev articles
TEXTS = sorted([*ROOT.glob("corpus/*/articles/*.txt"), *ROOT.glob("tests/data/**/*.txt"),
                *ROOT.glob("tests/data/**/*.html"), *ROOT.glob("src/armsledger/samples/*")])


def _extract(cache: str | Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`armsledger extract --format json --debug ARGS` in a fresh process with ARMSLEDGER_CACHE=cache."""
    run_env = {**os.environ, "ARMSLEDGER_CACHE": str(cache), **(env or {})}
    return subprocess.run([sys.executable, "-m", "armsledger", "extract", "--format", "json", "--debug", *args],
                          env=run_env, capture_output=True, text=True, timeout=600, cwd=ROOT)


def _files(cache: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in cache.glob("*.json")}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The seed and dev articles extracted with the cache off, then twice with an empty cache directory."""
    cache = tmp_path_factory.mktemp("startup-cache")
    paths = [str(p) for p in ARTICLES]
    out = {"cache": cache, "off": _extract("off", *paths), "first": _extract(cache, *paths)}
    out["files_after_first"] = _files(cache)
    out["second"] = _extract(cache, *paths)
    out["files_after_second"] = _files(cache)
    return out


def test_records_are_the_same_with_and_without_the_cache(runs):
    for name in ("off", "first", "second"):
        assert runs[name].returncode == 0, runs[name].stderr
    records = runs["off"].stdout.splitlines()
    assert len(records) == len(ARTICLES) and all(json.loads(r)["deals"] is not None for r in records)
    assert runs["first"].stdout == runs["off"].stdout
    assert runs["second"].stdout == runs["off"].stdout


def test_the_first_run_builds_the_cache_and_the_second_reads_it(runs):
    assert "building it" in runs["first"].stderr
    assert {"catalogue", "gazetteer"} <= {name.split("-")[0] for name in runs["files_after_first"]}
    assert "building it" not in runs["second"].stderr and "rebuilding" not in runs["second"].stderr
    assert runs["files_after_second"] == runs["files_after_first"]  # nothing written again
    assert not list(runs["cache"].glob(".*.tmp"))  # no temporary file left behind


def test_a_corrupt_cache_file_is_rebuilt(runs, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    for name in runs["files_after_first"]:  # each file cut short, as a full disk might leave it
        text = (runs["cache"] / name).read_text(encoding="utf-8")
        (cache / name).write_text(text[: len(text) // 2], encoding="utf-8")
    (cache / next(iter(runs["files_after_first"]))).write_text("\x00garbage", encoding="utf-8")
    got = _extract(cache, *[str(p) for p in ARTICLES])
    assert got.returncode == 0, got.stderr
    assert got.stdout == runs["off"].stdout
    assert "rebuilding it" in got.stderr
    for name in runs["files_after_first"]:
        json.loads((cache / name).read_text(encoding="utf-8"))  # whole again


def test_a_cache_directory_that_cannot_be_written_costs_only_a_warning(runs, tmp_path):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the cache directory should be", encoding="utf-8")
    got = _extract(blocked, str(ARTICLES[0]))
    assert got.returncode == 0, got.stderr
    assert got.stdout == runs["off"].stdout.splitlines(keepends=True)[0]
    assert "cannot write the start-up cache" in got.stderr


def test_an_edited_catalogue_is_read_again(tmp_path):
    cache, mine = tmp_path / "cache", tmp_path / "catalogues"
    (mine / "platforms").mkdir(parents=True)
    entry = "zx-9000:\n  name: ZX-9000\n  aliases: [{}]\n  category: unmanned aerial vehicle\n  country: NOR\n"
    (mine / "platforms" / "mine.yaml").write_text(entry.format("Stormcrow"), encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text("Poland signed a contract for 12 Nightjar drones from Norway.", encoding="utf-8")

    def platforms() -> list[str]:
        got = _extract(cache, str(report), "--catalogues", str(mine))
        assert got.returncode == 0, got.stderr
        return [d["platform_canonical"] for d in json.loads(got.stdout)["deals"]]

    assert "ZX-9000" not in platforms()
    (mine / "platforms" / "mine.yaml").write_text(entry.format("Stormcrow, Nightjar"), encoding="utf-8")
    assert platforms() == ["ZX-9000"]


# --------------------------------------------------------------------------- the same tokens and names as spaCy


@pytest.fixture(scope="module")
def reference() -> tuple[dict, dict]:
    """The gazetteer's index and spaCy's tokenizer and matchers it was built from."""
    return gazetteer.spacy_index(load())


def _fuzz_texts(n: int, seed: int) -> list[str]:
    """Random runs of the characters the tokenizer's rules are about, with some of its special cases."""
    r = random.Random(seed)
    chars = "aAzZsS09 .,;:!?'\"()[]{}-–—~+*/\\<>=%$€£#@&_^`´’‘“”…\n\t\xa0·°©²łéÉßёЖ中😀"
    words = ["http://x.com", "www.a.org/b?c=d", "U.S.", "a.m.", "S-400", "Su-35s", "F/A-18", "10km", "$5bn",
             "don't", "Mr.", "(Mr.)", "e.g.,", ":)", "<3", "3:30", "1,000", "U.K.'s", "can't", "'s", "o.O"]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(r.randint(1, 8)):
            parts.append(r.choice(words) if r.random() < 0.4 else "".join(r.choice(chars) for _ in range(r.randint(1, 8))))
            parts.append(r.choice(["", " ", " ", "  ", "\n", " \n"]))
        out.append("".join(parts))
    return out


def test_the_tokenizer_gives_spacys_tokens(reference):
    data, spacy = reference
    nlp, tokenizer = spacy["nlp"], Tokenizer(data["tokenizer"])
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in TEXTS] + _fuzz_texts(3000, seed=10)
    assert len(texts) > 3200
    for text in texts:
        words, starts = tokenizer(text)
        assert list(zip(words, starts)) == [(t.text, t.idx) for t in nlp.make_doc(text)], text[:200]


def test_the_index_finds_what_spacys_matchers_find_in_the_same_order(reference):
    data, spacy = reference
    nlp = spacy["nlp"]
    for path in TEXTS:
        doc = nlp.make_doc(path.read_text(encoding="utf-8", errors="replace"))
        words = [t.text for t in doc]
        lower = [w.lower() for w in words]
        for index, tokens, matcher, keys in ((data["lower"], lower, spacy["lower"], spacy["keys"]),
                                             (data["exact"], words, spacy["exact"], spacy["keys"]),
                                             (data["offices"], lower, spacy["offices"], spacy["office_keys"])):
            want = [(s, e, keys[m]) for m, s, e in matcher(doc)]
            assert list(gazetteer._matches(index, tokens)) == want, path.name
