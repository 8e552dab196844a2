"""`prefixes.lowered` keeps the answers for the last long text and the last short one (rules ask about the same body
and the same sentence several times in a row); a cached answer is never handed out for another text."""
from armsledger.extract.prefixes import lowered


def test_answers_follow_the_text_asked_about_in_any_order():
    body = "India Signed A Deal For 26 Rafale M Jets. " * 20  # a long text (the body)
    first, second = "Egypt Ordered Corvettes.", "Greece Bought Rafales."
    for text in (body, first, body, second, first, second, body):
        assert lowered(text) == text.lower()


def test_a_text_whose_lower_case_does_not_stand_for_it_has_none_even_after_another():
    plain, folding = "The Kelvin scale.", "The \u212a scale."  # KELVIN SIGN lower-cases to an ASCII k
    assert lowered(plain) == "the kelvin scale."
    assert lowered(folding) is None
    assert lowered(plain) == "the kelvin scale."
    assert lowered(folding) is None
