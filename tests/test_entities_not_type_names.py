"""Words that open a phrase before a weapon noun or "class" name no type: "Anti tank missiles", "The Armoured tanks",
"New Type Patrol Boat", "Which class of frigates", "What class of submarine". Sentences are written for these
tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def platforms(extractor, text: str) -> set[str]:
    return {e["name"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
            if e["kind"] == "platform"}


@pytest.mark.parametrize("text, word", [
    ("The Anti tank missiles arrived in Riga.", "Anti"),
    ("The army needs Anti tank weapons, the minister said.", "Anti"),
    ("The Armoured tanks and artillery vehicles come with new radios.", "Armoured"),
    ("The yard showed its New Type Patrol Boat, by the builder.", "Type"),
    ("Which class of frigates the navy picks is still open.", "Which class"),
    ("What class of submarine the navy wants is unclear.", "What class"),
])
def test_words_before_a_weapon_noun_that_name_no_type(extractor, text, word):
    assert word not in platforms(extractor, text)


# a guard: a type's name before "class" stays, before the change and after it
def test_a_class_named_after_its_first_ship_stays(extractor):
    assert "Mogami class" in platforms(extractor, "Australia picked the Mogami-class frigate for its navy.") \
        or "Mogami" in platforms(extractor, "Australia picked the Mogami-class frigate for its navy.")
