"""Session 20's speed steps read some deal features once per list, sentence or article instead of once per mention:
each must give what its first form gave. The first forms are written out here and compared over the sample
articles and sentences written for this test."""
from __future__ import annotations

import pytest

from armsledger.extract import candidates as cands
from armsledger.extract.features import (_LOST_AFTER, _LOST_AFTER_WORDS, _LOST_BEFORE, _LOST_BEFORE_WORDS,
                                         _MAKER_AFTER, _MAKER_BEFORE, _NOT_QUALIFIES, _may)

SENTENCES = [
    "Sidelining the T-50's competitors, the L-159 from the Czech Republic and the Russian Yak-130, Poland ordered "
    "48 FA-50 jets from South Korea.",
    "Warsaw chose the K9 howitzer over the French CAESAR, rejecting the bid that Nexter had offered.",
    "India picked the Rafale over the F/A-18, while Brazil preferred the Swedish Gripen E to replace its Mirage jets.",
    "The howitzer is already in service in Norway and Finland. These howitzers were delivered to Estonia in 2020.",
    "Its operators include Egypt and Qatar. It is already in service with India.",
    "Egypt received Chinese-made Wing Loong drones and Z-9 helicopters from China, and Super Tucanos from Brazil.",
    "Germany blocked the sale of Eurofighter jets to Saudi Arabia, which later ordered Rafale jets from France.",
    "The Philippines signed for two frigates built by Hyundai. The frigates will be fitted with Israeli missiles.",
    "Turkey, which had offered its T129 helicopters, lost out to Italy; Pakistan then turned down the T129 deal.",
    "Greece bought 24 Rafale jets and three FDI frigates from France; the jets replace its ageing Mirage 2000s.",
]


@pytest.fixture(scope="module")
def articles(featurize) -> list:
    return featurize(SENTENCES)


def _makes_other_first_form(fz, p, m, c, first, last) -> bool:
    """Each other platform of the sentence tried against this party's list, for this mention."""
    if m.platform.country == p.code:
        return False
    text = fz.text

    def named_as_maker(s: int, e: int) -> bool:
        if last <= s and s - last <= 40:  # before it ("the Russian Yak-130"), else after it ("the L-159 from ...")
            return bool(_MAKER_BEFORE.fullmatch(text, last, s)) and not _NOT_QUALIFIES.search(text[last:s])
        return e <= first and first - e <= 30 and bool(_MAKER_AFTER.fullmatch(text, e, first))

    makes = [ent for s, e, ent in c.platforms
             if ent.country is not None and (s, e) != (m.start, m.end) and named_as_maker(s, e)]
    return not any(ent.name == m.platform.name for ent in makes) and any(ent.country == p.code for ent in makes)


def _lost_cues_first_form(fz, m) -> frozenset[str]:
    c = fz.clauses[m.clause]
    before = fz.text[max(c.start, m.start - 140):m.start]
    after = fz.text[m.end:min(c.end, m.end + 100)]
    may = _may(before, _LOST_BEFORE_WORDS)
    names = {name for name, rx in _LOST_BEFORE if name in may and rx.search(before)}
    may = _may(after, _LOST_AFTER_WORDS)
    names.update(name for name, rx in _LOST_AFTER if name in may and rx.search(after))
    return frozenset(names)


def _anaphor_first_form(clauses, i):
    c = clauses[i]
    m = cands._ANAPHOR.search(c.sent.text)
    if m is None:
        return cands._pronoun(clauses, i)
    word = cands._HEADS[m.group("head").lower()].split()[-1]
    for k in range(i - 1, max(-1, i - cands.ANAPHOR_REACH - 1), -1):
        for _, _, ent in reversed(clauses[k].platforms):
            if ent.catalogue_id and word in (ent.category or ""):
                return c.start + m.start(), c.start + m.end(), ent
    return None


def test_makes_other_read_once_a_list_is_its_first_form(articles):
    seen = hits = 0
    for _, _, fz, built in articles:
        for cand in built:
            for m in cand.mentions:
                c = fz.clauses[m.clause]
                for p in (m.supplier, m.recipient):
                    if p.clause != m.clause or p.start < 0:
                        continue
                    first, last, _ = fz._list_of(c, p)
                    want = _makes_other_first_form(fz, p, m, c, first, last)
                    assert fz._makes_other(p, m, c, first, last) == want
                    seen += 1
                    hits += want
    assert seen > 100 and hits > 0  # the sentences above hold makers named beside other platforms


def test_lost_cues_from_the_sentences_words_are_their_first_form(articles):
    found = set()
    for _, _, fz, built in articles:
        for cand in built:
            for m in cand.mentions:
                want = _lost_cues_first_form(fz, m)
                assert fz._lost_cues(m) == want
                found |= want
    assert {"over", "rejected", "replaces"} <= found


def test_anaphor_tried_only_after_a_catalogue_platform_is_its_first_form(articles):
    taken = 0
    for _, clauses, _, _ in articles:
        for i, c in enumerate(clauses):
            if c.sent.noise or c.platforms:
                continue
            got, want = cands.anaphor(clauses, i), _anaphor_first_form(clauses, i)
            assert got == want
            taken += want is not None
    assert taken > 0
