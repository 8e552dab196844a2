"""A signing told under its report's date ("reported on Wednesday that Qatar has signed ...") takes the date the
next sentence gives it when that sentence opens by saying when it was signed ("The agreements were concluded on
Tuesday"): one signing, dated the day it took place, not a second one dated the day it was reported."""
import pytest

from armsledger.extract.pipeline import extract
from armsledger.model import Article

REPORTED = "2018-03-14"  # a Wednesday


@pytest.mark.parametrize("report, concluded, signed", [
    ("The state news agency reported on Wednesday that Qatar has signed several agreements with Turkey on "
     "defense supplies.", "The agreements were concluded on Tuesday on the sidelines of the Doha exhibition.",
     "2018-03-13"),
    ("Anadolu reported on Wednesday that Azerbaijan has signed a defence cooperation agreement with Pakistan.",
     "The agreement was signed on Monday in Baku by the two defence ministers.", "2018-03-12"),
    ("Vietnamese state media said on Wednesday that Hanoi has signed a memorandum of understanding with India on "
     "defence industry cooperation.", "The memorandum was signed in New Delhi on Tuesday.", "2018-03-13"),
    ("The ministry announced on Wednesday that Greece has signed a defence pact with France.",
     "The pact was inked on Monday at the Elysee.", "2018-03-12"),
    ("The news agency reported on Wednesday that Serbia has signed agreements with the UAE on defence cooperation.",
     "The documents were signed on Sunday in Abu Dhabi.", "2018-03-11"),
])
def test_signing_dated_by_the_next_sentence(report, concluded, signed):
    text = f"Defence pacts\n\n{report}\n\n{concluded}\n"
    record = extract(Article(url="https://example.org/a", title="Defence pacts", text=text, published=REPORTED))
    dated = [e["date"]["value"] for e in record["events"] if e["type"] in ("AGREEMENT", "DEAL_SIGNED") and e["date"]]
    assert signed in dated
    assert REPORTED not in dated
