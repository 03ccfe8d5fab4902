"""Options offered beside an answer: of its type, wrong, and never the answer in another form."""

from __future__ import annotations

import random

import pytest

from question_bank.data import countries
from question_bank.facts.classes import country_name, takes_the
from question_bank.facts.forms import read_date, read_number
from question_bank.generate.distractors import DistractorPool, same_answer
from question_bank.generate.pipeline import read_article_facts

STORY = """Ministers meet on river rules

March 3, 2025

Foreign Minister Lena Marsh of Estonia and Foreign Minister Tomas Vale of Latvia met Prime \
Minister Karl Ots of Finland in Riga on March 2, 2025. The ministers of Estonia and Latvia \
signed a treaty to protect 40 rivers.

Vale said the treaty would cost 12 million euros over 10 years. Marsh thanked Ots for hosting \
the talks in Riga.
"""


@pytest.fixture(scope="module")
def pool():
    _, article, found = read_article_facts(STORY, None)
    return DistractorPool.build(article, found, {}), article


def choose(pool, cls, answer, stem, count=3, **kwargs):
    """Options for ``answer`` in the article sentence that ``stem`` gaps."""
    made, article = pool
    before = stem.split("_____")[0].strip()
    sentence = next(
        s.index for s in article.sentences if article.sentence_text(s).startswith(before)
    )
    options = made.choose(cls, answer, count, random.Random(1), stem, sentence, **kwargs)
    return [o.text for o in options]


@pytest.mark.parametrize(
    "first, second",
    [
        ("Estonia", "the Republic of Estonia"),
        ("United States", "U.S."),
        ("United States", "American"),
        ("Lena Marsh", "Marsh"),
        ("European Union", "EU"),
        ("300", "three hundred"),
        ("2 billion", "2,000,000,000"),
    ],
)
def test_aliases_are_one_answer(first, second):
    assert same_answer(first, second)


@pytest.mark.parametrize(
    "first, second", [("Estonia", "Latvia"), ("300", "200"), ("Riga", "Tallinn")]
)
def test_different_answers_are_not_one(first, second):
    assert not same_answer(first, second)


def test_countries_come_from_the_article_then_neighbours_and_region(pool):
    options = choose(
        pool, "country", "Latvia", "The ministers of Estonia and _____ signed a treaty."
    )
    assert "Estonia" not in options  # named in the stem
    assert "Finland" in options
    neighbours = {c.name for c in countries() if c.iso in ("EE", "LT", "BY", "RU")}
    assert set(options) - {"Finland"} <= neighbours | {
        c.name for c in countries() if c.subregion == "Northern Europe"
    }


def test_people_are_other_people_of_the_article_never_one_named_in_the_stem(pool):
    options = choose(pool, "person", "Karl Ots", "Marsh thanked _____ for hosting the talks.", 2)
    assert set(options) == {"Tomas Vale"} or set(options) <= {"Tomas Vale", "Lena Marsh"}
    assert "Lena Marsh" not in options


def test_dates_keep_their_form_and_never_fall_after_the_article(pool):
    stem = (
        "Foreign Minister Lena Marsh of Estonia and Foreign Minister Tomas Vale of Latvia met "
        "Prime Minister Karl Ots of Finland in Riga on _____."
    )
    options = choose(pool, "date:day", "March 2, 2025", stem)
    assert len(options) == 3
    for option in options:
        form = read_date(option)
        assert form is not None and form.pattern == "mdy"
        assert form.value.isoformat() <= "2025-03-03"


def test_numbers_keep_their_unit_scale_and_form(pool):
    stem = "Vale said the treaty would cost _____ over 10 years."
    options = choose(pool, "number:money:euro", "12 million euros", stem)
    assert len(options) == 3
    for option in options:
        form = read_number(option)
        assert form is not None and form.scale.strip() == "million" and "euros" in option
        assert not same_answer(option, "12 million euros")


def test_the_before_a_gap_is_kept_true_for_every_option():
    assert takes_the("United States") and takes_the("Philippines")
    assert not takes_the("Canada") and not takes_the("Laos")
    assert takes_the("PRC") and takes_the("DPRK")  # a long name's initials keep its "the"


def test_country_names_are_read_from_the_shipped_tables():
    assert country_name("U.S.") == "United States"
    assert country_name("Britain") in ("United Kingdom", "")
    assert country_name("Estonian") == "Estonia"
    assert country_name("ATA", label="ORG") == ""


def test_a_gap_called_a_capital_is_offered_only_capitals(pool):
    made, article = pool
    stem = "Marsh thanked Ots for hosting the talks in the capital _____."  # as if it said Baku
    sentence = next(
        s.index for s in article.sentences if article.sentence_text(s).startswith("Marsh thanked")
    )
    capitals = {c.capital for c in countries() if c.capital}

    def offered(**kwargs):
        found = made.choose("city", "Baku", 3, random.Random(1), stem, sentence, **kwargs)
        return {o.text for o in found}

    assert offered() - capitals, "without the word, other cities of the country come first"
    options = offered(capital=True)
    assert len(options) == 3 and options <= capitals and "Baku" not in options
    azerbaijan = next(c for c in countries() if c.capital == "Baku")
    neighbours = {c.capital for c in countries() if c.iso in azerbaijan.neighbours}
    assert options - {"Riga"} <= neighbours, "the capitals of its neighbours come first"


def test_a_name_seen_only_as_a_modifier_takes_the_by_its_form():
    text = (
        "U.S. officials met Cambodian leaders in Phnom Penh on Monday. The U.S. embassy said "
        "U.S. aid would continue. Vietnam sent observers to the talks in Phnom Penh."
    )
    _, article, found = read_article_facts(text, None)
    made = DistractorPool.build(article, found, {})
    assert "U.S." in made.with_the  # never seen after "the" or without it: read by its form
    assert "Vietnam" not in made.with_the
