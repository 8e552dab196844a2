"""Article -> the contract record (armsledger.extract/1).

The stages, in order (each module says what it reads and writes):

    text.split        sentences and page noise
    gazetteer         catalogue names (spaCy PhraseMatcher)
    entities          people, organisations, places, platforms, countries
    values / dates    money, quantities, percentages; dates resolved
    context           per-sentence triggers from catalogues/triggers.yaml
    deals             the rules' first pass: procurements near deal triggers (votes)
    candidates        every platform mention x plausible supplier x recipient
    features          what the model weighs for each candidate
    decide            the fitted model (learned, models/decisions.json) keeps or drops
                      candidates, with status and hedging; then the rules' second
                      pass attaches figures, dates and evidence to the deals kept
    events            meetings, summits, signings, deliveries, ...
"""
from __future__ import annotations

__all__ = ["Extractor", "extract", "blank_record", "settle", "SCHEMA"]

# the pipeline (spaCy's catalogues, every stage's expressions, the model) is imported on first use, so that a
# module of one stage (the relevance gate an ingest's parent process runs, say) imports without the rest
_LAZY = frozenset(__all__) | {"MAX_CHARS", "GC_YOUNG"}


def __getattr__(name: str):
    if name in _LAZY:
        from . import pipeline

        value = getattr(pipeline, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
