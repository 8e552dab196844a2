"""USD figures from the shipped table of yearly average exchange rates
(`catalogues/rates.csv`, units of currency per US dollar)."""
from __future__ import annotations

from ..catalogue import Catalogue


def to_usd(catalogue: Catalogue, amount: float, currency: str | None, year: int | None) -> tuple[float | None, int | None]:
    """`amount` in US dollars at the average rate of `year` (or the nearest year the table has)."""
    if currency is None:
        return None, None
    if currency == "USD":
        return amount, year
    years = sorted(y for (y, c) in catalogue.rates if c == currency)
    if not years:
        return None, None
    if year is None or year not in years:
        year = min(years, key=lambda y: (abs(y - (year or years[-1])), -y))
    rate = catalogue.rates[(year, currency)]
    return round(amount / rate, 2), year
