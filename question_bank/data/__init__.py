"""Small reference data shipped with question_bank (see SOURCES.md beside this file)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Country:
    """A country with its capital, demonyms and a coarse region."""

    name: str
    capital: str
    demonyms: tuple[str, ...]
    region: str


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Return the shipped countries, in file order."""
    text = resources.files("question_bank.data").joinpath("countries.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(Country(n, c, tuple(d.split(",")), r) for n, c, d, r in rows)


@lru_cache(maxsize=1)
def country_by_name() -> dict[str, Country]:
    """Return countries keyed by lower-cased name, capital and demonym."""
    index: dict[str, Country] = {}
    for country in countries():
        for key in (country.name, *country.demonyms):
            index.setdefault(key.lower(), country)
    return index


@lru_cache(maxsize=1)
def capital_of() -> dict[str, Country]:
    """Return countries keyed by lower-cased capital."""
    return {country.capital.lower(): country for country in countries()}


#: Fields of cooperation used as distractors for agreement fields.
COOPERATION_FIELDS = (
    "agriculture",
    "education",
    "health care",
    "culture",
    "transport",
    "trade",
    "defence",
    "science",
    "information technology",
    "finance",
    "sport",
    "environmental protection",
)
