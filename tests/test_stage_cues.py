"""What the status decision is told of how far a purchase has come: the stage words of the platform's sentence
(`features._STAGE_CUES`), read only where one of their beginnings starts a word. Sentences written for these tests."""
from __future__ import annotations

import random

import pytest

from armsledger.extract import features
from armsledger.model import Article


def stages(extractor, text: str, key: tuple) -> set[str]:
    rows = extractor.candidate_rows(Article(text=text, published="2024-06-01"))
    found = [f for c, f, _ in rows if (c.supplier, c.recipient, c.platform.name) == key]
    assert found, f"no candidate {key}: {[(c.supplier, c.recipient, c.platform.name) for c, _, _ in rows]}"
    return {x[len(features.STATUS_ONLY):] for x in found[0] if x.startswith(features.STATUS_ONLY)}


@pytest.mark.parametrize("text, key, wanted, not_wanted", [
    ("Chile's army has operated Leopard 2 tanks bought from Germany since 1998.", ("DEU", "CHL", "Leopard 2"),
     {"in_service", "long_ago"}, {"future", "cancelled"}),
    ("The first batch of four C-27J aircraft from Italy arrived in Zambia on Monday.", ("ITA", "ZMB", "C-27J"),
     {"first_batch", "arrived"}, {"in_service"}),
    ("All twelve Rafale jets ordered from France have now been delivered to Egypt.", ("FRA", "EGY", "Rafale"),
     {"all_of", "arrived", "contract"}, {"talks"}),
    ("Peru is expected to sign a contract for two C-27J aircraft from Italy next year.", ("ITA", "PER", "C-27J"),
     {"future", "contract"}, {"arrived", "all_of"}),
    ("Kenya has shortlisted the Bayraktar TB2 from Turkey in its drone tender.", ("TUR", "KEN", "Bayraktar TB2"),
     {"choice"}, {"contract", "arrived"}),
    ("Ghana cancelled its order for Z-9 helicopters from China after talks stalled.", ("CHN", "GHA", "Z-9"),
     {"cancelled", "talks", "contract"}, {"arrived"}),
    ("The State Department approved a possible sale of F-16 jets to Jordan.", ("USA", "JOR", "F-16"),
     {"approval"}, {"arrived", "cancelled"}),
    ("Vietnam will replace its ageing Soviet-era jets with Su-30 fighters from Russia.", ("RUS", "VNM", "Su-30"),
     {"aged", "future"}, {"arrived"}),
])
def test_the_stage_words_of_the_sentence_are_told(extractor, text, key, wanted, not_wanted):
    got = stages(extractor, text, key)
    assert wanted <= got
    assert not (not_wanted & got)


@pytest.mark.parametrize("text, key", [
    # the words inside longer words are no cue: "undelivered", "reordered", "retirement-age" aside, "talkshow"
    ("Zambia's undelivered C-27J aircraft from Italy were the subject of a talkshow.", ("ITA", "ZMB", "C-27J")),
    ("Jordan's F-16 jets from the US fly reconnaissance sorties over prearranged routes.", ("USA", "JOR", "F-16")),
])
def test_a_cue_inside_a_longer_word_is_no_cue(extractor, text, key):
    assert not {"arrived", "talks", "contract", "future"} & stages(extractor, text, key)


_WORDS = ("delivered arrived received handed over took delivery inducted commissioned first initial batch of the "
          "all last remaining have has been now will would to be expected due scheduled set plans planned selected "
          "chose tender approved cleared dsca talks negotiations memorandum signed contract ordered order cancelled "
          "scrapped withdrew in service operated by ageing obsolete decades since 1998 2000s the tanks from Germany "
          "Chile Leopard 2 undelivered reordered pre-signed talkshow x-contract deliver- -ordered , . ; 's").split()


def test_reading_only_where_a_cue_can_begin_finds_what_a_full_search_finds(extractor):
    """Sentences of stage words, their neighbours and near-misses in random order: the features hold exactly the
    cues a search of the whole sentence finds."""
    rnd = random.Random(7)
    for _ in range(150):
        words = [rnd.choice(_WORDS) for _ in range(rnd.randint(4, 30))]
        body = " ".join(words)
        text = f"Germany sold Leopard 2 tanks to Chile and {body}."
        sentence = text  # one sentence: no full stop inside the words but the ones drawn
        if any(w in (".", ";") for w in words):
            continue
        want = {name for name, rx in features._STAGE_CUES if rx.search(sentence)}
        assert stages(extractor, text, ("DEU", "CHL", "Leopard 2")) == want, text
