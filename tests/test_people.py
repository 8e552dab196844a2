"""Writers, editors and photographers named in a page's furniture are people of the report, with what they did."""
from __future__ import annotations

import pytest

from armsledger.model import Article


def people(extractor, text: str) -> dict[str, str | None]:
    ents = extractor(Article(text=text, published="2024-06-01"))["entities"]
    return {e["name"]: e["role"] for e in ents if e["kind"] == "person"}


@pytest.mark.parametrize("text, name, role", [
    ("Egypt signed for 12 more jets. (Reporting by Nadia Saleh; editing by Peter Graff)", "Peter Graff", "editor"),
    ("The deal was signed in Seoul. (Reporting by Jihoon Lee; writing by Hyonhee Shin; Editing by Kim Coghill)",
     "Hyonhee Shin", "writer"),
    ("Report compiled by Tomas Novak and Ewa Kowalska\n\nThe ministry said the tanks had arrived.",
     "Ewa Kowalska", "reporter"),
])
def test_credit_lines_name_who_reported_wrote_and_edited(extractor, text, name, role):
    assert people(extractor, text).get(name) == role


@pytest.mark.parametrize("text, name", [
    ("Navy picks a new frigate\nJane Marlowe\n, ABC defence correspondent\nThe cabinet chose the design on Monday.",
     "Jane Marlowe"),
    ("Last updated:\nOmar Haddad, Senior Associate Editor\n3 MIN READ\n\nThe visit was a success.", "Omar Haddad"),
])
def test_a_byline_on_its_own_line_names_the_writer(extractor, text, name):
    assert people(extractor, text).get(name) == "reporter"


def test_a_photo_credit_line_stops_at_the_end_of_its_line(extractor):
    found = people(extractor, "Photo:\nABC News / Lena Park\nJapanese shipbuilder Mitsubishi won the contest.")
    assert found.get("Lena Park") == "photographer"
    assert not any("Japanese" in n for n in found)


@pytest.mark.parametrize("text, name", [
    ("The contest ran on under President Maria Duarte. In 2013 the air force chose the Gripen.", "Maria Duarte"),
    ("The order was approved by Defence Minister Jan Kowal. Deliveries start next year.", "Jan Kowal"),
])
def test_a_name_ends_with_its_sentence(extractor, text, name):
    assert name in people(extractor, text)


@pytest.mark.parametrize("text", [
    "Ukraine's Defense Minister To Discuss Strengthening Of Air Defense In Berlin\n\nThe minister travels today.",
    "President Set To Sign Frigate Deal With France\n\nThe signing is expected on Friday.",
])
def test_a_headline_in_title_case_is_no_person(extractor, text):
    assert not any(w in name.split() for name in people(extractor, text) for w in ("To", "Of", "With"))


@pytest.mark.parametrize("text, name, wrong", [
    ("Navy spokesperson Rear Admiral Tomas Berglund Vik said the corvettes would arrive in May.",
     "Tomas Berglund Vik", "Rear Admiral Tomas Berglund"),
    ("Army spokesman Brig Gen Ravi Kumar Thapa said the helicopters had landed in the capital.",
     "Ravi Kumar Thapa", "Brig Gen Ravi Kumar"),
    ("Air Force spokesperson Air Vice Marshal I Made Wirata said the jets were inspected on Monday.",
     "I Made Wirata", "Air Vice Marshal I"),
])
def test_a_rank_after_an_office_is_no_part_of_the_name(extractor, text, name, wrong):
    found = people(extractor, text)
    assert name in found and wrong not in found


def test_a_rank_and_a_surname_alone_make_no_person(extractor):
    assert "Gen Okafor" not in people(extractor, "The delegation was led by army chief Gen Okafor, who toured the plant.")


@pytest.mark.parametrize("text, name", [
    ("The budget rose again.\n\nMarta Lindqvist, a Swedish defence analyst, said the order was overdue.", "Marta Lindqvist"),
    ("The ships are ready. Chen Wenbo, a Chinese military expert, told the paper they would sail soon.", "Chen Wenbo"),
    ("Prices rose. Tomasz Wierzba, a former Polish security official, called the deal rushed.", "Tomasz Wierzba"),
])
def test_a_name_then_who_they_are_with_a_demonym_and_a_field_is_a_person(extractor, text, name):
    assert name in people(extractor, text)


@pytest.mark.parametrize("text, name, other", [
    ("Chile's Defence Minister Rafael Moreno told reporters the frigates would arrive in May.", "Rafael Moreno",
     "Rafael"),
    ("The talks were held with Interior Minister Kabul Ahmedov in Tashkent on Monday.", "Kabul Ahmedov", "Kabul"),
    ("Foreign Minister Lima Duarte signed the accord in Brasilia on Tuesday.", "Lima Duarte", "Lima"),
])
def test_a_name_after_an_office_is_the_persons_though_a_word_of_it_names_a_firm_or_place(extractor, text, name,
                                                                                         other):
    ents = extractor(Article(text=text, published="2024-06-01"))["entities"]
    assert name in {e["name"] for e in ents if e["kind"] == "person"}
    assert not [e for e in ents if e["kind"] != "person" and any(m["text"] == other for m in e["mentions"])]


def test_an_office_word_in_the_words_after_a_title_keeps_the_body_named_there(extractor):
    text = "The readout was provided by Acting Chief Pentagon Spokesperson Charles Summers on Friday."
    ents = extractor(Article(text=text, published="2024-06-01"))["entities"]
    assert "Pentagon" in {m["text"] for e in ents if e["kind"] == "organization" for m in e["mentions"]}
    assert not [e for e in ents if e["kind"] == "person" and "Pentagon" in e["name"]]


@pytest.mark.parametrize("text, name", [
    ("Defense Undersecretary Marco Villanueva, who chairs the bids committee, opened the tenders.", "Marco Villanueva"),
    ("Defence Undersecretary Ana Lucero said the helicopters would be delivered in 2026.", "Ana Lucero"),
    ("First Lady Olena Sirenko thanked the donors for the ambulances.", "Olena Sirenko"),
    ("The budget was presented by Minister Delegate Karim Benali on Tuesday.", "Karim Benali"),
])
def test_undersecretaries_deputies_and_first_ladies_are_named_by_their_office(extractor, text, name):
    assert name in people(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("The ceremony was attended by the Undersecretary of Defence, Cristian de la Maza, and the navy chief.",
     "Cristian de la Maza"),
    ("Chief Executive Piet van der Berg said the ship was ready for sea trials.", "Piet van der Berg"),
    ("Defence Minister Juan de los Rios signed the contract in Lima.", "Juan de los Rios"),
])
def test_a_name_with_two_particles_is_read_whole(extractor, text, name):
    assert name in people(extractor, text)


@pytest.mark.parametrize("text, names", [
    ("Commodore Rashid Mahmood Shaikh opened the yard. Later, Naval Chief Commodore Rashid Mahmood Sheikh said the "
     "ship was ready.", 1),
    ("Defence Minister Tomas Kowalczyk signed the deal. Minister Tomas Kowalcyk said the tanks would come in 2026.", 1),
    ("Defence Minister Tomas Kowalczyk met Interior Minister Jan Nowak in Warsaw.", 2),
])
def test_one_person_spelt_two_ways_is_one_person(extractor, text, names):
    assert len(people(extractor, text)) == names


def test_a_day_before_a_name_is_not_part_of_it(extractor):
    text = "On Thursday Rustem Kovalenko, who was appointed defence minister last month, met the delegation."
    assert "Rustem Kovalenko" in people(extractor, text)
    assert not [n for n in people(extractor, text) if n.startswith("Thursday")]


@pytest.mark.parametrize("text, name", [
    ("Navy orders patrol ships\nby Richard Tomlin\nWASHINGTON, Sept 22 -- The navy ordered two ships.", "Richard Tomlin"),
    ("Jets arrive in Manila\nby Ana Cruz and Ben Lopez\nThe air force received the jets on Monday.", "Ben Lopez"),
])
def test_a_byline_in_lower_case_on_its_own_line_names_the_writer(extractor, text, name):
    assert people(extractor, text).get(name) == "reporter"


def test_a_byline_of_staff_writers_names_no_person(extractor):
    assert not people(extractor, "by AFP Staff Writers\nBogota (AFP) Nov 15, 2025 - Colombia signed for the jets.")


def test_a_third_spelling_joins_the_catalogue_person_that_took_in_the_first():
    """The first spelling found is taken into a later catalogue one: a third spelling is compared with the
    catalogue person, not with the emptied first."""
    from armsledger.extract.entities import Entities, Entity, EntityFinder
    from armsledger.model import Span

    ents = Entities()
    found = [("Qamar Javaid Bajwa", None, 0), ("Qamar Javed Bajwa", "qamar-javed-bajwa", 40),
             ("Qamar Javeed Bajwa", None, 80)]
    for name, cat, at in found:
        ent = Entity("person", name, catalogue_id=cat)
        ents.keep(("person", name.casefold()), ent)
        ents.mention(ent, Span(at, at + len(name), name))
    EntityFinder._same_person_spelt_twice(ents)
    people = ents.of_kind("person")
    assert [p.name for p in people] == ["Qamar Javed Bajwa"]
    assert len(people[0].mentions) == 3
