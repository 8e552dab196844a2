"""Ledgers built for a test: each report written as a sentence with the deal record an extractor
would give it, so that a test says exactly what each deal's reports claim (status, value, delivered,
schedule, hedging) and nothing else varies."""
from __future__ import annotations

from armsledger.model import Article

PADDING = ["The ministry gave no further details.", "Officials declined to comment on the timeline.",
           "Analysts expect more orders in the region.", "The announcement came after months of talks.",
           "Parliament is due to review the budget.", "The programme has drawn criticism at home."]


def report(ledger, sentence: str, published: str, publisher: str, *, supplier: str, recipient: str, platform: str,
           status: str = "signed", hedged: bool = False, value_usd: float | None = None, value_text: str | None = None,
           delivered: float | None = None, delivered_text: str | None = None, quantity: float | None = None,
           expected: str | None = None, expected_text: str | None = None, signed: str | None = None):
    """Store one report of one deal: `sentence` states it; `*_text` are the words of `sentence` that give
    each figure. Returns what `Ledger.add` returns."""
    seed = sum(map(ord, publisher + published))
    pad = " ".join(PADDING[(seed + i) % len(PADDING)] for i in range(2))
    body = f"{publisher} reported on {published}. {sentence} {pad}"
    start = body.index(sentence)
    ev = {"start": start, "end": start + len(sentence), "text": sentence}

    def span(words: str) -> dict:
        i = body.index(words, start)
        return {"text": words, "start": i, "end": i + len(words)}

    deal = {"id": "d1", "supplier": supplier, "recipient": recipient, "platform": platform, "status": status,
            "hedged": hedged, "evidence": [ev]}
    if value_usd is not None:
        deal["value"] = {"amount": value_usd, "currency": "USD", "usd": value_usd, **span(value_text)}
    if delivered is not None:
        deal["delivered"] = {"min": delivered, "max": delivered, "unit": None, **span(delivered_text)}
    if quantity is not None:
        deal["quantity"] = {"min": quantity, "max": quantity, "unit": None, "text": None}
    if expected is not None:
        deal["expected_completion"] = {"value": expected, "precision": "year" if len(expected) == 4 else "month",
                                       **span(expected_text)}
    if signed is not None:
        deal["signed"] = {"value": signed, "precision": "year", "text": None}
    record = {"article": {"published": published}, "entities": [], "deals": [deal], "events": []}
    article = Article(text=body, source=f"{publisher}-{published}.txt", title=sentence[:60], published=published,
                      publisher=publisher)
    return ledger.add(article, record)
