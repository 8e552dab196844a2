"""A body found by its form is named without what only leads up to it: an office of it ("the Deputy Director of
Russia's Federal Service for Military Cooperation"), where it is based ("the Cairo-based Arab Forum for Strategic
Studies"), a stray "of the". Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def organisations(extractor, text: str) -> set[str]:
    return {e["name"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
            if e["kind"] == "organization"}


@pytest.mark.parametrize("text, body", [
    ("The Deputy Director of Russia's Federal Service for Arms Cooperation said deliveries would begin in May.",
     "Federal Service for Arms Cooperation"),
    ("The Head of the Military Department of Tajikistan signed the contract for the helicopters.",
     "Military Department of Tajikistan"),
    ("According to the London-based Institute for Naval Studies, the navy will buy four frigates.",
     "Institute for Naval Studies"),
    ("A report by the Cairo-based Arab Centre for Defence Studies said Egypt would buy more submarines.",
     "Arab Centre for Defence Studies"),
])
def test_a_body_is_named_without_what_leads_up_to_it(extractor, text, body):
    found = organisations(extractor, text)
    assert body in found
    assert not any(n != body and n.endswith(body) for n in found)
