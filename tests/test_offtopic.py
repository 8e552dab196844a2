"""Off-topic pages stay out of an arms ledger: without defence content, no event and no deal."""
from __future__ import annotations

from pathlib import Path

import pytest

from armsledger import Article, read
from armsledger.extract.relevance import defence_content

OFFTOPIC = Path(__file__).parent / "data" / "offtopic"
PAGES = sorted(p for p in OFFTOPIC.iterdir() if p.suffix in (".txt", ".html"))


def test_there_are_enough_varied_pages():
    assert len(PAGES) >= 50
    assert {p.name.split("-")[0] for p in PAGES} >= {"biz", "sport", "sci", "local", "culture", "soft", "club"}
    assert sum(p.suffix == ".html" for p in PAGES) >= 10


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_an_off_topic_page_gives_no_deal_and_no_event(extractor, path):
    article = next(read(str(path)))
    record = extractor(article)
    assert (record["deals"], record["events"]) == ([], []), defence_content(record, article.text, extractor.catalogue)


@pytest.mark.parametrize("text, why", [
    ("India signed a deal for 26 Rafale M jets.", "platform"),
    ("Russia delivered the third S-400 squadron to India.", "platform"),
    ("Poland ordered more Patriot batteries from the United States.", "platform"),
    ("Troops from Poland and Lithuania will guard the border, officials said.", "with a country"),
    ("Egypt and Turkey signed agreements in areas including defence, trade and health.", "with a country"),
    ("Defence Minister Rajnath Singh met his Russian counterpart in Moscow.", "official"),
    ("The Indian Navy commissioned a new survey ship on Monday.", "organisation"),
    ("Rosoboronexport and the Indian side held talks on Tuesday.", "organisation"),
])
def test_defence_content_is_found(extractor, text, why):
    record = extractor(Article(text=text, published="2025-01-15"))
    found = defence_content(record, text, extractor.catalogue)
    assert found is not None and why in found, found


@pytest.mark.parametrize("text", [
    "The New England Patriots signed a quarterback to a three-year contract.",
    "The Apache Software Foundation released Apache Kafka 4.0 on Tuesday.",
    "Charles Leclerc said the new floor made the car faster in Imola.",
    "Italy's famous defence held firm as Spain were held to a draw.",
    "Toyota and China's BYD signed a deal to form a joint venture to produce batteries.",
    "India's captain Rohit Sharma arrived in Perth ahead of the series against Australia.",
    "Leeds City Council reached an agreement with the bus operator, which will deliver 40 buses.",
])
def test_words_that_look_like_defence_are_not(extractor, text):
    record = extractor(Article(text=text, published="2025-01-15"))
    assert defence_content(record, text, extractor.catalogue) is None
    assert (record["deals"], record["events"]) == ([], [])


def test_an_off_topic_page_keeps_its_entities(extractor):
    record = extractor(next(read(str(OFFTOPIC / "biz-trade-summit.txt"))))
    assert {"Fumio Kishida", "Yoon Suk Yeol"} <= {e["name"] for e in record["entities"]}
    assert record["events"] == []
