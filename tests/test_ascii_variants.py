"""ASCII variants (`prefixes.ascii_variant`, `prefixes.for_text`): over ASCII text they find what the expressions
they stand for find, at the same places, with the same groups."""
import random
import re
import sys
from pathlib import Path

import pytest

from armsledger.extract import Extractor, entities, prefixes
from armsledger.extract.context import lexicon
from armsledger.extract.prefixes import Caseless, ascii_variant, for_text

ARTICLES = Path(__file__).parent / "data" / "articles"


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    texts = [t.encode("ascii", "replace").decode("ascii") for t in texts]  # every other character as "?"
    rng = random.Random(7)
    texts += ["".join(rng.choice("aB1 _-\t\n\x1c\x1d\x1e\x1f.,;:'\"()/$%") for _ in range(300)) for _ in range(20)]
    texts += ["India signed\x1fa deal\x1cfor 26\x1dRafale\x1e jets", "ToT and tot", "KELVIN kelvin", "No. 15 Squadron"]
    return texts


def _expressions() -> list[re.Pattern]:
    ex = Extractor()
    found = [lexicon()._starts, *[t for t in lexicon().twins if t is not None]]
    for owner in [*(m for name, m in sys.modules.items() if name.startswith("armsledger.extract.")), ex.entity_finder]:
        for value in vars(owner).values():
            if isinstance(value, re.Pattern):
                found.append(value)
            elif isinstance(value, Caseless):
                found += [value.rx] + ([value.twin] if value.twin is not None else [])
            elif isinstance(value, entities.Anchored):
                found += [value.rx, value.anchor]
    return list({id(rx): rx for rx in found if isinstance(rx.pattern, str)}.values())


def test_every_variant_finds_what_its_expression_finds_over_ascii_text():
    texts = _texts()
    checked = 0
    for rx in _expressions():
        fast = ascii_variant(rx)
        if fast is None or fast is rx:
            continue
        checked += 1
        for text in texts:
            for t in (text, text.lower()):
                got = [(m.span(), m.groups()) for m in fast.finditer(t)]
                want = [(m.span(), m.groups()) for m in rx.finditer(t)]
                assert got == want, (rx.pattern[:120], t[:80])
    assert checked > 100


@pytest.mark.parametrize("pattern, flags, variant", [
    (r"\bfoo\s+[\s,]+\S+[^\s]", 0, r"\bfoo[\s\x1c-\x1f]+[\s\x1c-\x1f,]+[^\s\x1c-\x1f]+[^\s\x1c-\x1f]"),
    (r"[]\s]x", 0, r"[]\s\x1c-\x1f]x"),  # "]" first in a class is one of its characters
    (r"a\\s", 0, r"a\\s"),  # an escaped backslash, then "s"
    (r"[\S,]", 0, None),  # \S in a class: not written
    ("k\u00e9pi", re.I, None),  # re.I and a character beyond ASCII
    (r"(?i:\u212a)", 0, None),  # the Kelvin sign, case-insensitive: it matches "k" under Unicode
    (r"(?x) a b", 0, None),
    ("caf\u00e9 \\w+", 0, "caf\u00e9 \\w+"),  # beyond ASCII but case-sensitive: matched exactly either way
])
def test_ascii_variant_rewrites_spaces_and_refuses_what_it_cannot_vouch_for(pattern, flags, variant):
    fast = ascii_variant(re.compile(pattern, flags))
    assert (fast and fast.pattern) == variant
    if fast is not None:
        assert fast.flags & re.ASCII


def test_for_text_keeps_the_expression_for_text_beyond_ascii():
    rx = re.compile(r"\w+\s")
    assert for_text(rx, "caf\u00e9 au lait") is rx
    assert for_text(rx, "tea with milk") is not rx
    assert for_text(rx, "tea with milk") is for_text(rx, "more tea")  # made once
    anchored = entities.Anchored(rx, r"\s", 10)
    assert for_text(anchored, "tea with milk") is anchored
    assert prefixes.ascii_variant(re.compile(r"x", re.ASCII)).pattern == "x"


def test_variants_read_back_from_the_start_up_cache_are_those_re_compile_makes(tmp_path, monkeypatch):
    """The variants' compiled code is kept in the start-up cache (`prefixes.save_variants`): read back in another
    process, each is the expression `re.compile` makes; a process that made only some keeps the others (`keep`)."""
    from armsledger import cache

    monkeypatch.setenv("ARMSLEDGER_CACHE", str(tmp_path))
    first = cache.Expressions("ascii-variants-test", keep=True)
    a, b = r"\b(?:sold|bought)\s+(?P<n>\d+)", r"(?<![\w-])(?:jets?|tanks?)\b"
    first(a, re.I | re.ASCII)
    first(b, re.ASCII)
    first.save()
    second = cache.Expressions("ascii-variants-test", keep=True)
    got = second(a, re.I | re.ASCII)  # read back: no compile, nothing new to save
    assert not second._missed
    want = re.compile(a, re.I | re.ASCII)
    assert (got.pattern, got.flags, got.groups, dict(got.groupindex)) == (want.pattern, want.flags, want.groups,
                                                                          dict(want.groupindex))
    assert got.search("They BOUGHT 26 jets").span("n") == want.search("They BOUGHT 26 jets").span("n")
    second(r"\bnew\b", re.ASCII)  # a new one: saved with the one it read back and the one it did not ask for
    second.save()
    third = cache.Expressions("ascii-variants-test", keep=True)
    for pattern, flags in ((a, re.I | re.ASCII), (b, re.ASCII), (r"\bnew\b", re.ASCII)):
        third(pattern, flags)
    assert not third._missed


def test_ascii_variant_is_compiled_through_the_start_up_cache():
    rx = re.compile(r"\bdeal\s+for\s+(\d+)", re.I)
    variant = ascii_variant(rx)
    assert variant.flags & re.ASCII and variant.search("a DEAL for 26 jets").group(1) == "26"
    assert any(pattern == variant.pattern for pattern, _ in prefixes._VARIANT_CODES._used)
