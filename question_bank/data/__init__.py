"""Reference data shipped with question_bank: countries and cities (SOURCES.md says whence).

The tables are read once, on first use; ``question_bank.data.derive`` writes them from the
libraries they come from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Country:
    """A country or territory as GeoNames lists it, with its demonym."""

    name: str
    iso: str
    capital: str
    demonym: str
    subregion: str
    continent: str
    population: int
    neighbours: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class City:
    """A city of at least 250,000 people."""

    name: str
    country: str  # ISO code
    population: int


def _rows(name: str) -> list[list[str]]:
    text = resources.files("question_bank.data").joinpath(name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines()[1:] if line]


def _split(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.split(",") if part)


def name_key(text: str) -> str:
    """A lookup key for a name: case-folded, dots and a leading "the" dropped."""
    return " ".join(text.replace(".", "").split()).casefold().removeprefix("the ")


@cache
def countries() -> tuple[Country, ...]:
    """Every shipped country, by ISO code."""
    return tuple(
        Country(n, iso, cap, dem, sub, cont, int(pop or 0), _split(nb), _split(aka))
        for n, iso, cap, dem, sub, cont, pop, nb, aka in _rows("countries.tsv")
    )


@cache
def cities() -> tuple[City, ...]:
    """Every shipped city, largest first."""
    return tuple(City(n, c, int(p)) for n, c, p in _rows("cities.tsv"))


@cache
def country_by_name() -> dict[str, Country]:
    """Countries keyed by their standard name as written."""
    return {country.name: country for country in countries()}


@cache
def country_index() -> dict[str, Country]:
    """Countries keyed by ``name_key`` of their name, other spellings and demonym; where two
    share a key ("American"), the more populous."""
    index: dict[str, Country] = {}
    for country in sorted(countries(), key=lambda c: -c.population):
        for name in (country.name, *country.aliases, country.demonym):
            if name:
                index.setdefault(name_key(name), country)
    return index


#: Fewest capitalised words a long name needs before its initials name the country.
INITIALISM_WORDS = 3


@cache
def country_initialisms() -> dict[str, Country]:
    """Countries keyed by the initials of a long name of three or more capitalised words
    ("Democratic People's Republic of Korea" -> DPRK, "People's Republic of China" -> PRC);
    initials two countries share are left out. Many collide with other abbreviations ("ISS"),
    so callers look them up only for a name the recogniser read as a place."""
    found: dict[str, set[Country]] = {}
    for country in countries():
        for name in (country.name, *country.aliases):
            if len(_capitalised(name)) >= INITIALISM_WORDS:
                found.setdefault(_initials(name), set()).add(country)
    return {key: next(iter(owners)) for key, owners in found.items() if len(owners) == 1}


def standard_names(country: Country) -> tuple[str, ...]:
    """The names a student may write a country by: its standard name and the other names the
    table gives, without the bare ISO code ("DE") unless it is the initials of a name ("UK")."""
    names = [country.name]
    for alias in country.aliases:
        if alias.isupper() and len(alias) <= 3 and alias not in _initials_of(country):
            continue
        names.append(alias)
    return tuple(dict.fromkeys(names))


def _initials_of(country: Country) -> set[str]:
    return {_initials(name) for name in (country.name, *country.aliases) if not name.isupper()}


def _capitalised(name: str) -> list[str]:
    return [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]


def _initials(name: str) -> str:
    """ "Democratic People's Republic of Korea" -> "DPRK"."""
    return "".join(w[0] for w in _capitalised(name))


@cache
def capital_index() -> dict[str, Country]:
    """Countries keyed by case-folded capital."""
    return {name_key(c.capital): c for c in countries() if c.capital}


@cache
def city_index() -> dict[str, City]:
    """Cities keyed by ``name_key`` of their name (the largest of a name wins)."""
    index: dict[str, City] = {}
    for city in cities():
        index.setdefault(name_key(city.name), city)
    return index
