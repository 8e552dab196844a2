"""Session 21's speed steps in the learned decisions: each must give what its first form gave, in the same order
where the order is summed (a feature set's order is the order its weights are added in). The first forms are
written out here and compared over the sample articles and sentences written for this test."""
from __future__ import annotations

import pytest

from armsledger import Article
from armsledger.extract import candidates as cands
from armsledger.extract import decide, figures_decide, learned
from armsledger.extract.features import (_FROM_BEFORE, _ASKS_FROM, _NOT_BOUGHT, _POOLED, _STAGE_AT, _STAGE_CUES,
                                         _STAGE_OF_FOUND, _STAGE_SCAN, _EMPTY, NOT_BOUGHT, STATUS_ONLY)
from armsledger.extract.prefixes import for_text, lowered

SENTENCES = [
    "Manila signed a contract on Tuesday to buy 12 more FA-50 light combat aircraft from South Korea for $700 million.",
    "The helicopters arrived from Italy last week, and Jakarta is expected to sign for six more by the end of 2027.",
    "Romania picked the K9 howitzer over the French CAESAR, turning down the offer Nexter had made.",
    "Egypt and Qatar ordered 24 Rafale jets from France, while Greece is in talks to buy three FDI frigates.",
    "Vietnam has requested two submarines; the submarines would replace the ageing boats it bought from Russia.",
    "The first of the 48 K2 tanks was delivered to Poland in December, the ministry said, and the rest will follow.",
    "Opposition from India stalled the sale of Chinese J-10C fighters to Bangladesh, which had offered to pay in cash.",
    "An order from Morocco for Bayraktar TB2 drones was placed with Turkey in 2021; deliveries began a year later.",
]


@pytest.fixture(scope="module")
def articles(featurize) -> list:
    return featurize(SENTENCES)


def test_kind_of_the_mentions_is_the_kind_the_features_name(articles):
    seen = 0
    for _, _, fz, built in articles:
        keys, feats, kinds = [], [], []
        for cand in built:
            f = fz.candidate(cand, None, {})
            kind = decide.kind_of(cand)
            if kind is not None:
                assert kind == decide._kind(f)
                seen += 1
            keys.append((None, *cand.key))
            feats.append(f)
            kinds.append(kind)
        assert decide.overruled(keys, feats, kinds) == decide.overruled(keys, feats)
    assert seen > 50


def _from_only_first_form(fz, p) -> bool:
    first, _, _ = fz._list_of(fz.clauses[p.clause], p)
    before = fz.text[max(fz.clauses[p.clause].start, first - 40):first]
    return bool(_FROM_BEFORE.search(before)) and not _ASKS_FROM.search(before)


def _lost_first_form(fz, cand) -> list[str]:
    """`_precision_parts`' features of the cues that a platform was passed over, as it read them for every candidate."""
    f = []
    cues = [fz._lost_cues(m) for m in cand.mentions]
    every = frozenset.intersection(*cues) if cues else _EMPTY
    for x in {_POOLED.get(x, x) for x in frozenset().union(*cues)}:
        f.append("lost:" + x)
        if any(_POOLED.get(y, y) == x for y in every):
            f.append("lost_all:" + x)
    if cues and all(c & _NOT_BOUGHT for c in cues):
        f.append(NOT_BOUGHT)
    return sorted(f)


def test_precision_parts_read_once_are_their_first_form(articles):
    froms = lost = 0
    for _, _, fz, built in articles:
        for cand in built:
            for m in cand.mentions:
                if m.recipient.clause == m.clause and m.recipient.start >= 0:
                    want = _from_only_first_form(fz, m.recipient)
                    assert fz._from_only(m.recipient) == want  # first read, then from the memo
                    assert fz._from_only(m.recipient) == want
                    froms += want
            part = fz._precision_parts(cand)
            mine = sorted(x for x in part if x.startswith(("lost:", "lost_all:")))
            assert mine == _lost_first_form(fz, cand)
            lost += bool(mine)
    assert froms > 0 and lost > 0  # "arrived from Italy", "picked the K9 over the French CAESAR"


def _stage_cues_first_form(fz, i) -> frozenset[str]:
    words = fz.clauses[i].sent.text
    low = lowered(words)
    if low is None:
        return frozenset(STATUS_ONLY + name for name, rx in _STAGE_CUES if rx.search(words))
    at: dict[int, list[int]] = {}
    for m in for_text(_STAGE_SCAN, low).finditer(low) if _STAGE_SCAN is not None else ():
        for k in _STAGE_OF_FOUND[m.group(1)]:
            at.setdefault(k, []).append(m.start())
    return frozenset(STATUS_ONLY + name for k, (name, rx) in enumerate(_STAGE_CUES)
                     if (any(rx.twin.match(low, p) for p in at.get(k, ())) if _STAGE_AT[k] else rx.search(words)))


def test_stage_cues_are_their_first_form_in_the_same_order(articles):
    found = 0
    for _, clauses, fz, _ in articles:
        for i in range(len(clauses)):
            want = _stage_cues_first_form(fz, i)
            got = fz._stage_cues(i)
            assert got == want and list(got) == list(want)  # the set's order is the order its weights are added in
            found += bool(got)
    assert found > 5


def test_figure_features_weighed_with_the_status_are_their_first_form(extractor, articles, monkeypatch):
    bases = []
    features = figures_decide.Figures.features

    def kept(self, d, f, fig, said):
        out = features(self, d, f, fig, said)
        bases.append(self._base[(id(d), id(fig), figures_decide.KINDS[f])])
        return out

    monkeypatch.setattr(figures_decide.Figures, "features", kept)
    for text, _, _, _ in articles:
        extractor(Article(text=text))
    assert len(bases) > 50
    with_status = 0
    for base, got in bases:
        assert got == tuple(x for x in base if x.startswith(figures_decide._WITH_STATUS))
        with_status += bool(got)
    assert with_status > 0


def _weigh_first_form(binary, parts, memo):
    feats = set().union(*parts)
    if sum(map(len, parts)) != len(feats):
        return feats, learned._sigmoid(binary.margin(feats))
    z = binary.bias
    for part in parts:
        m = memo.get(part) if type(part) is frozenset else None
        if m is None:
            m = sum(binary.weights.get(x, 0.0) for x in part)
            if type(part) is frozenset:
                memo[part] = m
        z += m
    return feats, learned._sigmoid(z)


def test_weigh_is_its_first_form_to_the_last_bit(extractor, articles):
    model = extractor.model
    weighed = 0
    for _, _, fz, built in articles:
        memo, first_memo = {}, {}
        for cand in built:
            parts = fz.candidate_parts(cand, None, {})
            got, want = model.deal.weigh(parts, memo), _weigh_first_form(model.deal, parts, first_memo)
            assert got[0] == want[0] and got[1] == want[1]  # equal floats: the same sums in the same order
            # parts that are no frozen sets are weighed each time, as before
            thawed = [set(p) for p in parts]
            assert model.deal.weigh(thawed, {}) == _weigh_first_form(model.deal, thawed, {})
            weighed += 1
        assert memo == first_memo
    assert weighed > 100


def test_modifier_before_a_class_is_the_first_search(articles):
    """`candidates._modifier_before` tries `_MODIFIER` from the window's last word only: the same match everywhere."""
    odd = ("the 1,400-ton  ", "six anti-Ship\u00a0", "USA ", "twelve 6x6 \n", "its 17-metre\u2003 \x1c", "x-  ",
           "   ", "", "new", "Ab-c-d\t", "the KAI-built ")
    windows = list(odd)
    for text, _, _, _ in articles:
        windows += [text[max(0, end - 40):end] for end in range(1, len(text))]
    found = 0
    for w in windows:
        want, got = cands._MODIFIER.search(w), cands._modifier_before(w)
        assert (want is None) == (got is None), w
        if want is not None:
            assert (got.span(), got.groups()) == (want.span(), want.groups()), w
            found += 1
    assert found > 1000
