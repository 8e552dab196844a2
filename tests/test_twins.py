"""Case-sensitive twins over the lower-cased text (`prefixes.Caseless`, the trigger lexicon's per-kind twins) find
what the case-insensitive expressions find, at the same places, on text in any case."""
from armsledger.extract import deals, features, status
from armsledger.extract.prefixes import caseless
from armsledger.extract.context import lexicon

SENTENCES = [
    "India SIGNED a deal for 26 Rafale M jets from France, the Defence Ministry said in May.",
    "In May 2021 the Navy Took Delivery of the first of four frigates; the rest WILL be delivered next year.",
    "Talks with Paris on the purchase of a further 12 jets may resume next month, officials said.",
    "The ageing MiG-21s, in service with the air force since the 1960s, will be replaced.",
    "Egypt’s navy ordered two more corvettes from Germany’s TKMS, worth €1.2 billion.",
    "Le ministère a confirmé la commande de 12 Rafale; Athens cancelled its order for Mirage jets.",
    "The \u212aelvin-class ships were SOLD to Chile, the ministry said.",  # the Kelvin sign: no twin is used
]


def test_the_trigger_lexicon_finds_what_each_kind_finds_everywhere():
    lex = lexicon()
    for text in SENTENCES:
        fast = [(t.group, t.kind, t.start, t.end, t.text) for t in lex.find(text, 100)]
        slow = [(t.group, t.kind, t.start, t.end, t.text) for t in lex._find_all(text, 100)]
        assert fast == slow, text


def test_feature_cues_answer_as_their_case_insensitive_expressions():
    cues = [rx for _, rx in features._STAGE_CUES] + [
        features._FROM_BEFORE, features._TO_BEFORE, features._WITH_BEFORE, features._IN_SERVICE_BEFORE,
        features._BY_BEFORE, features._MADE_AFTER, features._SUBJECT_AFTER, features._SPEAKER_AFTER]
    pieces = SENTENCES + ["bought FROM the ", "delivered to ", "Ordered By ", "IN SERVICE WITH the ", "-Made jets",
                          "'s Navy has signed", " President Warned Ankara", "sold with the "]
    for rx in cues:
        assert rx.twin is not None
        for text in pieces:
            for end in range(len(text) + 1):
                head, tail = text[:end], text[end:]
                assert bool(rx.search(head)) == bool(rx.rx.search(head)), (rx.rx.pattern, head)
                m, m0 = rx.match(tail), rx.rx.match(tail)
                assert (m and m.span()) == (m0 and m0.span()), (rx.rx.pattern, tail)


def test_status_cues_answer_as_their_case_insensitive_expressions():
    cues = [status._PART_TO_COME, status._PLAN, status._TALKS, status._FUTURE_BUY, status._DONE_BUY, status._BEGUN,
            status._UNDER_WAY, status._PART_ONLY, status._FLEET_BEFORE, status._FLEET_AFTER]
    pieces = SENTENCES + [
        "The First ‘Rafale’ jets HAVE ARRIVED in Ambala.", "the initial “K9” howitzers have been delivered",
        "Egypt’s first two ‘Gowind’ corvettes were handed over", "Deliveries of the S-400 systems to India HAVE BEGUN",
        "Peru WILL BUY eight helicopters; no contract has been signed.", "THE REMAINING three are on order",
        "the air force’s fleet, which includes Mi-17 helicopters", "the 12 Mirage jets it now flies",
        "India’s first batch of four jets", "FULLY delivered by 2028", "K\u212aelvin deliveries have begun"]
    for rx in cues:
        assert rx.twin is not None, rx.rx.pattern
        for text in pieces:
            for end in range(0, len(text) + 1, 3):
                head, tail = text[:end], text[end:]
                for piece in (head, tail):
                    m, m0 = rx.search(piece), rx.rx.search(piece)
                    assert (m and m.span()) == (m0 and m0.span()), (rx.rx.pattern, piece)


def test_a_character_without_case_stands_for_itself_in_a_twin():
    import re
    assert caseless(re.compile(r"\bfirst\s+[\w’]+\s+arrived", re.I)) is not None  # ’ has no case: re.I compares it exactly
    assert caseless(re.compile(r"\bé\w+", re.I)) is None  # é has a capital É
    rx = re.compile(r"(?:egypt’s|the) (?:first|new)\b", re.I)
    twin = caseless(rx)
    for text in ("EGYPT’S FIRST", "Egypt’s New", "egypt's first", "Egypt\u2018s first", "THE FIRST"):
        assert bool(twin.search(text.lower())) == bool(rx.search(text)), text


def test_the_second_pass_count_cues_answer_as_their_case_insensitive_expressions():
    cues = [deals._COUNT_BEFORE, deals._BATCH_OF_BEFORE, deals._FIRST_OF_BEFORE, deals._REST_BEFORE, deals._ALL_BEFORE,
            deals._EACH_BEFORE, deals._PART_OF_BEFORE, deals._DELIVERED_N, deals._N_ARRIVED, deals._REMAINING,
            deals._FIRST_OF, deals._NOT_VALUE, deals._NOT_VALUE_AFTER, deals._PRODUCTION, deals._TOT, deals._ORDER_LIST]
    pieces = SENTENCES + ["India Ordered 36 Rafale", "over 24 more K9", "The First Batch Of ", "delivered the FIRST of the ",
                          "the Remaining ", "ALL ", "Each ", "a deal that INCLUDED 12 ", "Egypt’s order for Some 24 new ",
                          "Russia Has Delivered 12 Su-30s", "has received 40 \u212aits", "Six Of Them Have Arrived",
                          "the Remaining Two", "The First Two Of The Six", "the Development budget of $2 billion ",
                          " Development programme", "Licensed Production", "with ToT and local assembly",
                          "Egypt, with Orders For 24 in 2015 and A Further 30 earlier this year."]
    for rx in cues:
        assert rx.twin is not None, rx.rx.pattern
        for text in pieces:
            for end in range(len(text) + 1):
                m, m0 = rx.search(text, 0, end), rx.rx.search(text, 0, end)
                assert (m and m.span()) == (m0 and m0.span()), (rx.rx.pattern, text[:end])
