"""The tokenizer looks for a suffix only where one can end, an infix only where one can begin\n(`tokenizer._last_chars`): the tokens stay spaCy's."""
import random

from armsledger.extract import Extractor
from armsledger.extract.tokenizer import Tokenizer


def test_affixes_looked_for_only_where_one_can_end_or_begin_cut_chunks_as_before():
    tok = Extractor(model=False).gazetteer.tokenizer
    tok._compile()
    ends, guarded = tok._suffix_ends
    assert "." in ends and "s" in ends and "e" not in ends and any("m" in e and "7" in g for e, g in guarded)
    plain = Tokenizer(tok._data)
    plain._compile()
    plain._suffix_ends = plain._infix_starts = None  # every chunk searched, as spaCy does
    assert "-" in tok._infix_starts and "e" not in tok._infix_starts
    rng = random.Random(7)
    chars = sorted(ends.union(*(e for e, _ in guarded)))[:200] + list("abcdeklmsxyzKM0123456789.,;:!?()'\"-/$€%°…’\n")
    words = ["F-16s", "a.B", "1+2", "x,y", "and/or", "well--known", "howitzers", "5km", "10kg.", "U.S.", "deal...", "jets'", "(Rafale)", "2025,", "Su-35s", "F-16V", "x\n"]
    words += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 7))) for _ in range(20_000)]
    for w in words:
        a, b = ([], []), ([], [])
        assert (tok._split_affixes(w, *a), a) == (plain._split_affixes(w, *b), b), w
        assert tok._attach(w) == plain._attach(w), w


def test_affix_characters_read_back_from_the_start_up_cache_are_those_the_expressions_give(tmp_path, monkeypatch):
    """What the affix expressions end and begin with is kept in the start-up cache (`tokenizer-ends`): read back in
    a later process, it is what `_last_chars` reads from the expressions, in a cache directory of its own too."""
    import re

    from armsledger.extract.tokenizer import _last_chars

    data = Extractor(model=False).gazetteer.tokenizer._data
    suffix, infix = re.compile(*data["suffix"]), re.compile(*data["infix"])
    monkeypatch.setenv("ARMSLEDGER_CACHE", str(tmp_path))
    for _ in range(2):  # built and stored, then read back
        tok = Tokenizer(data)
        tok._compile()
        assert tok._suffix_ends == _last_chars(suffix) and tok._infix_starts == _last_chars(infix, first=True)
    assert (tmp_path / "tokenizer-ends.json").exists()
