"""The relevance gate passes over articles that cannot hold an arms deal or a defence event, and only those."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from armsledger import Article, read
from armsledger.cli import app
from armsledger.extract.gate import gate_for
from armsledger.extract.relevance import defence_content
from armsledger.learn import goldsets
from armsledger.ledger import Ledger

OFFTOPIC = Path(__file__).parent / "data" / "offtopic"
OFFTOPIC_PAGES = sorted(p for p in OFFTOPIC.iterdir() if p.suffix in (".txt", ".html"))
SAMPLES = Path(__file__).parents[1] / "src" / "armsledger" / "samples"


@pytest.fixture(scope="module")
def gate(extractor):
    return gate_for(extractor.catalogue)


# test-split reports the gate is known to pass over. They are not mended from the test split: a gate rule written
# because of a miss there would tune on it (corpus/README.md). Session 22's 67 new test reports brought the first
# (zu04, read by name only); session 23 mended the gap found on a sentence written for a test (a platform name that is
# also a word, bought by a country: "The Rafale has already been ordered by Egypt, Qatar and Greece."), and the gate
# keeps zu04 since. None is known now.
KNOWN_TEST_MISSES: set[str] = set()


# every gold set, the test split included: this measures the gate's recall and tunes nothing
@pytest.mark.parametrize("name", ["seed", "dev", "holdout", "holdout2", "corpus-train", "corpus-test"])
def test_the_gate_keeps_every_gold_article_holding_a_deal_or_an_event(gate, name):
    examples = goldsets.load(name)
    holding = [e for e in examples if e.gold.get("deals") or e.gold.get("events")]
    assert holding, f"{name}: no gold article holds a deal or an event"
    lost = [e.name for e in holding if not gate(e.article.text) and e.name not in KNOWN_TEST_MISSES]
    assert lost == [], f"{name}: the gate passed over {len(lost)} of {len(holding)} articles holding gold deals or events"


@pytest.mark.parametrize("name", ["dev", "holdout", "holdout2", "corpus-train"])
def test_what_the_gate_passes_over_the_extractor_gives_no_deal_or_event(extractor, gate, name):
    for e in goldsets.load(name):
        if not gate(e.article.text):
            record = extractor(e.article)
            assert (record["deals"], record["events"]) == ([], []), e.name


def test_most_off_topic_pages_are_passed_over_and_none_would_have_given_a_deal(extractor, gate):
    passed = []
    for path in OFFTOPIC_PAGES:
        article = next(read(str(path)))
        if gate(article.text):
            passed.append(path.name)
        else:
            assert defence_content(extractor(article), article.text, extractor.catalogue) is None, path.name
    assert len(passed) <= len(OFFTOPIC_PAGES) // 10, passed


@pytest.mark.parametrize("text", [
    # the sentences relevance counts as defence content (tests/test_offtopic.py), and more of each kind
    "India signed a deal for 26 Rafale M jets.",
    "Russia delivered the third S-400 squadron to India.",
    "Poland ordered more Patriot batteries from the United States.",
    "Troops from Poland and Lithuania will guard the border, officials said.",
    "Egypt and Turkey signed agreements in areas including defence, trade and health.",
    "Defence Minister Rajnath Singh met his Russian counterpart in Moscow.",
    "The Indian Navy commissioned a new survey ship on Monday.",
    "Rosoboronexport and the Indian side held talks on Tuesday.",
    "Kenya is buying armoured vehicles for its peacekeepers.",
    "The Pentagon approved the sale on Friday.",
    "Admiral Tony Radakin spoke to reporters in London.",
    "The Philippine Coast Guard took delivery of two patrol boats.",
    "Brazil will build the XK-40 drones under licence.",
    "Spain ordered eight Eurofighter Typhoon jets.",
    "Spain will buy more Leopard-2s.",  # the gazetteer's spellings: "Leopard 2" and "Leopard-2" alike
    "Greece is upgrading its Leopard 2A4s.",
    "Hanwha Aerospace said the K9A1 howitzers were on schedule.",
    "Navantia will build the Meteor Launch Systems (MLS) in Ferrol.",
])
def test_the_gate_passes_what_could_be_defence_news(gate, text):
    assert gate(text).passed, text


@pytest.mark.parametrize("text", [
    "The New England Patriots signed a veteran quarterback to a three-year contract.",
    "The council approved the new bus timetable after a long debate.",
    "Shares in the carmaker rose after it agreed a joint venture on batteries.",
    "A python escaped from the zoo and was found in a garden shed.",
    "The orchestra's tour of Japan was sold out within a day.",
    "Farmers in Kansas fear the drought will cut the wheat harvest by a third.",
    "The software update fixes a security flaw in the tax office's system.",
])
def test_the_gate_passes_over_what_cannot_be(gate, text):
    assert not gate(text).passed, gate(text).why


def test_a_word_that_names_a_platform_counts_beside_a_weapon_noun(gate):
    assert not gate("The Tigers won the cup final in extra time.").passed
    assert gate("Germany will retire its Tiger helicopters early.").passed
    assert not gate("An apache of Paris danced in the film.").passed  # capitalised names only in capitals


@pytest.mark.parametrize("text", [
    "Spain ordered eight Eurofighter Typhoons.",
    "The Rafale has already been ordered by Egypt, Qatar and Greece.",
    "Brazil chose the Gripen after a long contest.",
    "The Scorpene, also bought by Chile and Malaysia, was the favourite.",
    "Korea ordered the Gripen after a long contest.",  # "Korea" alone is South Korea's where no North Korea is named
])
def test_a_word_that_names_a_platform_counts_when_a_country_buys_it(gate, extractor, text):
    assert gate(text).passed, text
    assert extractor(Article(text=text, published="2025-01-15"))["deals"], text


def test_the_gate_and_the_off_topic_filter_know_the_same_trade_verbs():
    from armsledger.extract import gate as gate_module
    from armsledger.extract.relevance import TRADE_VERBS
    assert all(TRADE_VERBS.fullmatch(w) for w in gate_module.TRADE_VERBS)
    # every form the filter accepts is one the gate looks for: the words of the filter's expression, spelled out
    for word in ("orders", "ordering", "bought", "buys", "purchased", "acquiring", "procures", "imported", "selected",
                 "chose", "chosen", "choosing", "sold", "sells", "supplied", "supplying", "delivers", "exported"):
        assert TRADE_VERBS.fullmatch(word) and word in gate_module.TRADE_VERBS, word


@pytest.mark.parametrize("text", [
    "Apache delivered a new release of its web server on Tuesday.",  # a trade verb, but no country at all
    "The Gripen was chosen as the club's new mascot.",
    "Fans ordered Rafale scarves by the thousand.",
])
def test_a_word_that_names_a_platform_with_a_trade_verb_but_no_country_is_passed_over(gate, text):
    assert not gate(text).passed, gate(text).why


@pytest.mark.parametrize("text", [
    "Harpoon sold 5,000 jerseys in Germany last year.",  # the name sells: it stands before the verb, no "by"
    "Javelin, an Austrian retailer, delivered record results in Germany.",
    "Germany bought the Patriot brand for 40 million euros.",  # goods follow the name
    "The Stinger shares were bought by investors in Germany.",
])
def test_a_word_that_names_a_platform_does_not_count_when_it_sells_or_is_goods(extractor, text):
    record = extractor(Article(text=text, published="2025-01-15"))
    assert defence_content(record, text, extractor.catalogue) is None, text
    assert record["deals"] == [], text


def test_ingest_passes_over_off_topic_articles_and_lists_them(tmp_path):
    pages = [str(p) for p in OFFTOPIC_PAGES[:6]]
    with Ledger(tmp_path / "l.db") as ledger:
        report = ledger.ingest(pages + [str(SAMPLES)])
        gated = ledger.gated(limit=100)
        stats = ledger.stats()
    assert len(report.added) >= 3 and report.added[0].deals
    assert {g.source for g in report.gated} == {row["source"] for row in gated}
    assert stats["gated"] == len(gated) >= 5
    assert stats["articles"] == len(report.added)
    assert "passed over by the relevance gate" in report.summary()


def test_keep_skipped_stores_them_and_no_gate_extracts_them(tmp_path):
    page = str(OFFTOPIC / "sport-nfl-patriots.txt")
    with Ledger(tmp_path / "kept.db") as ledger:
        report = ledger.ingest([page], keep_skipped=True)
        assert report.gated[0].kept and ledger.stats()["articles"] == 1
        assert ledger.gated()[0]["kept"] == 1
    with Ledger(tmp_path / "all.db") as ledger:
        report = ledger.ingest([page], gate=False)
        assert len(report.added) == 1 and report.gated == []
        assert ledger.stats()["entities"] > 0 and ledger.stats()["gated"] == 0


def test_the_cli_counts_and_lists_what_the_gate_passed_over(tmp_path):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    page = str(OFFTOPIC / "biz-coffee-chain-expansion.txt")
    result = runner.invoke(app, ["ingest", page, str(SAMPLES / "seed-india-russia-s400.txt"), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    assert "1 passed over by the relevance gate" in _words(result.output)
    result = runner.invoke(app, ["info", "--db", db, "--gated", "5"])
    assert "articles the relevance gate passed over: 1" in _words(result.output)
    assert "biz-coffee-chain-expansion.txt" in result.output
    result = runner.invoke(app, ["ingest", page, "--db", db, "--no-gate", "-q"])
    assert "1 added" in _words(result.output)


def _words(output: str) -> str:
    return " ".join(output.split())  # as the terminal wraps it


@pytest.mark.parametrize("text", [
    "Rossi scored twice as the home side came back to win 3-1 on Sunday and signed a new contract.",
    "Bauer, the bakery's owner, said the new ovens were delivered in March.",
    "Austin is the state capital, and its council agreed a deal with the transit agency.",
])
def test_a_surname_alone_does_not_make_news_defence_news(gate, extractor, text):
    """The extractor links a surname alone to a catalogue official; that alone makes no deal or event."""
    assert not gate(text).passed, gate(text).why
    record = extractor(Article(text=text, published="2025-01-15"))
    assert record["deals"] == [] and record["events"] == []


def test_an_official_named_in_full_still_makes_news_defence_news(gate):
    assert gate("Agustín Rossi said Argentina would sign the contract for the jets next week.").passed
