"""Small reference data shipped with question_bank (see SOURCES.md beside this file)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from question_bank.generate.caches import memoised


@dataclass(frozen=True)
class Country:
    """A country with its capital, demonyms and a coarse region."""

    name: str
    capital: str
    demonyms: tuple[str, ...]
    region: str


@memoised(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Return the shipped countries, in file order."""
    text = resources.files("question_bank.data").joinpath("countries.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(Country(n, c, tuple(d.split(",")), r) for n, c, d, r in rows)


@memoised(maxsize=1)
def country_by_name() -> dict[str, Country]:
    """Return countries keyed by lower-cased name, capital and demonym."""
    index: dict[str, Country] = {}
    for country in countries():
        for key in (country.name, *country.demonyms):
            index.setdefault(key.lower(), country)
    return index


@memoised(maxsize=1)
def capital_of() -> dict[str, Country]:
    """Return countries keyed by lower-cased capital."""
    return {country.capital.lower(): country for country in countries()}


#: News agencies offered as distractors for an agency.
NEWS_AGENCIES = (
    "Reuters",
    "Anadolu Agency",
    "Xinhua News Agency",
    "Kyodo News",
    "Yonhap News Agency",
)
#: File of shipped names and the entity kind the recogniser reads in each standing alone.
RECOGNISED_KINDS_FILE = "recognised_kinds.tsv"


@memoised(maxsize=1)
def recognised_name_kinds() -> dict[str, str]:
    """Return shipped name -> the kind the recogniser reads in it alone ("" for none).

    A capital the recogniser reads as a person ("Buenos Aires") would not sit well beside a
    place. The table is derived from the pipeline, not typed in (reading the names at every run
    would cost more than the rest of distractor choice); ``python -m question_bank.data.derive``
    writes it again after a pipeline upgrade, and a test says when it is out of date.
    """
    text = resources.files("question_bank.data").joinpath(RECOGNISED_KINDS_FILE).read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {name: kind for name, kind in rows}


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
