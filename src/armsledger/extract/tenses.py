"""Past-tense words that three readers share, written once: bare alternations (no groups) to build their expressions.

Each reader asks its own question and reads its own words besides these, on purpose; they are not one lexicon:
- `pipeline._PAST`, does a clause speak of the past (to put a bare month before the report): WAS or "did", or a
  past form of the verbs of deals, giving, visits and saying, but not after "be" ("to be delivered in August");
  no HAVE (its change, e311dc5, named the auxiliaries "was"/"had"; adding HAVE was never measured).
- `deals._PAST_CUE`, is a first batch come (read only before the first word of its future, so it needs no guard
  against "to be"): WAS, HAVE ("have already reached"), CAME and REACHED, each alone.
- `events._PAST_DONE`, is a delivery done: WAS or HAVE a few words before a delivery verb ("has now received"), or
  the verb alone but not before a deadline ("delivered by 2025"); its delivery verbs are CAME and "handed over",
  "inducted", "taken/took delivery", not REACHED.
Where a reader's expression puts these words in another order than before they were shared, it is used only for
whether it matches (`bool(search)`), which the order of alternatives does not change.
"""

# auxiliaries of a past: "was signed", "had received"
WAS = "was|were|had"
# auxiliaries of a present perfect: "has received", "have arrived"
HAVE = "has|have"
# verbs of units come, in every reader
CAME = "delivered|received|arrived"
# verbs of units come to a place (`pipeline._PAST`, `deals._PAST_CUE`)
REACHED = "landed|reached"
