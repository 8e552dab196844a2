"""Case-sensitive twins over the lower-cased text (`prefixes.Caseless`, the trigger lexicon's per-kind twins) find
what the case-insensitive expressions find, at the same places, on text in any case."""
from armsledger.extract import features
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
