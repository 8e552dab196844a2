"""The last word of a platform just named ("Tuzla class", "Khareef class") is no word of a class named after it:
"six Tuzla class patrol boats" is the Tuzla class, not also a class "class patrol boats" of its own (a second
candidate, another deal of the same boats). Sentences written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def platforms(extractor, text: str) -> set[str]:
    return {c.platform.name for c, _, _ in extractor.candidate_rows(Article(text=text, published="2024-06-01"))}


@pytest.mark.parametrize("text, named", [
    ("Kenya ordered six Tuzla class patrol boats from Turkey.", "Tuzla class"),
    ("Britain sold two Khareef class offshore patrol vessels to Oman.", "Khareef class"),
    ("Chile bought three Type 23 class frigates from Britain in 2005.", None),
    ("Nigeria received a Damen Stan Patrol 4207 class patrol vessel from the Netherlands.", None),
])
def test_the_class_word_of_a_named_platform_starts_no_class(extractor, text, named):
    names = platforms(extractor, text)
    assert not any(n.startswith("class ") for n in names), names
    assert named is None or named in names


@pytest.mark.parametrize("text, generic", [
    # a class with its own qualifying words still is one
    ("Ghana bought four fast patrol boats from Israel last year.", "fast patrol boats"),
    ("Uruguay has ordered two offshore patrol vessels from Spain.", "offshore patrol vessels"),
])
def test_a_class_alone_keeps_its_words(extractor, text, generic):
    assert generic in platforms(extractor, text)
