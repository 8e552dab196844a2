"""USD figures from the shipped table of yearly average exchange rates
(`catalogues/rates.csv`, units of currency per US dollar)."""
from __future__ import annotations

from ..catalogue import Catalogue

# the years the table has for each currency, per rate table (read once, not at every figure)
_YEARS: dict[int, tuple[dict, int, dict[str, list[int]]]] = {}


def _years(rates: dict[tuple[int, str], float], currency: str) -> list[int]:
    cached = _YEARS.get(id(rates))
    if cached is None or cached[0] is not rates or cached[1] != len(rates):
        by_currency: dict[str, list[int]] = {}
        for (y, c) in rates:
            by_currency.setdefault(c, []).append(y)
        for years in by_currency.values():
            years.sort()
        cached = _YEARS[id(rates)] = (rates, len(rates), by_currency)
    return cached[2].get(currency, [])


def to_usd(catalogue: Catalogue, amount: float, currency: str | None, year: int | None) -> tuple[float | None, int | None]:
    """`amount` in US dollars at the average rate of `year` (or the nearest year the table has)."""
    if currency is None:
        return None, None
    if currency == "USD":
        return amount, year
    years = _years(catalogue.rates, currency)
    if not years:
        return None, None
    if year is None or year not in years:
        year = min(years, key=lambda y: (abs(y - (year or years[-1])), -y))
    rate = catalogue.rates[(year, currency)]
    return round(amount / rate, 2), year
