"""Writers and photographers credited in forms news pages use: "Photograph: Ann Kowal/AAP", "Photo Credit: MC2 Ann
Kowal/US Navy" (a rank's code before the name is not hers), "by Ann Kowal Apr 14, 2021" (the date after the name),
a line of its own with where the report was written or how long ago ("Ann Kowal in Abuja", "Ann Kowal 6 minutes
ago"). Sentences are written for these tests."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def people(extractor, text: str) -> set[str]:
    return {e["name"] for e in extractor(Article(text=text, published="2024-06-01"))["entities"]
            if e["kind"] == "person"}


@pytest.mark.parametrize("text, name", [
    ("The frigates will be built in Glasgow. Photograph: Moira Tennant/PA\n\nThe navy ordered three more.",
     "Moira Tennant"),
    ("Tanks on parade in Warsaw. Photograph: Jerzy Malec/Reuters\n\nPoland will buy more K2 tanks.", "Jerzy Malec"),
    ("(Photo Credit: MC2 Darnell Briggs/US Navy)\n\nThe destroyer was handed over on Friday.", "Darnell Briggs"),
    ("(Photo Credit: MC1 Rosa Delgado/US Navy)\n\nThe cutter will be transferred next year.", "Rosa Delgado"),
])
def test_a_photograph_credit_names_the_photographer(extractor, text, name):
    assert name in people(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("Chile picks new trainer jets\nby Tomas Ferreyra Mar 3, 2022, 10:05 AM\nChile has chosen the T-6 trainer.",
     "Tomas Ferreyra"),
    ("Norway orders tanks\nby Ingrid Solvang Feb 21, 2023\nNorway has ordered 54 K9 howitzers.", "Ingrid Solvang"),
])
def test_a_lower_case_byline_with_its_date_names_the_writer(extractor, text, name):
    assert name in people(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("Emeka Obiora in Lagos\n\nThe Nigerian Navy has received two patrol boats from France.", "Emeka Obiora"),
    ("Halima Yusuf in Nairobi\n\nKenya will buy six helicopters from Italy.", "Halima Yusuf"),
    ("Navy gets new boats\n\nTariq Mahmood 5 minutes ago Sat 4th May 2019 | 10:12 AM\n\nThe navy received two boats.",
     "Tariq Mahmood"),
    ("Army buys drones\n\nKarin Lindqvist 3 hours ago\n\nThe army ordered 20 drones from Turkey.", "Karin Lindqvist"),
])
def test_a_byline_line_with_where_or_when_names_the_writer(extractor, text, name):
    assert name in people(extractor, text)


# guards: a line of other words before "in" names nobody, before the change and after it
@pytest.mark.parametrize("text", [
    "Royal Navy in Portsmouth\n\nThe carrier returned to port on Monday.",
    "Leopard Tanks in Vilnius\n\nThe tanks arrived by train.",
])
def test_a_heading_before_in_is_no_person(extractor, text):
    assert not people(extractor, text)
