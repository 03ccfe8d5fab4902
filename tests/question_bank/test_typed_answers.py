"""Typed answers are exact on digits and read numbers and dates in any of their written forms."""

from __future__ import annotations

from decimal import Decimal

import pytest

from question_bank.grading import grade
from question_bank.model import Answer, Gap, Question
from question_bank.typed import read_number, typed_matches


def cloze(prompt: str, *answers: str) -> Question:
    return Question(kind="cloze", prompt=prompt, answers=tuple(Answer(a) for a in answers))


def numerical(answer: str, tolerance: float = 0.0) -> Question:
    return Question(kind="numerical", prompt="?", answers=(Answer(answer, 1.0, "", tolerance),))


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Nov. 10, 2021", "Nov. 10, 2020"),
        ("300 villages", "200 villages"),
        ("2020-11-11", "2020-11-10"),
        ("10 November 2021", "10 November 2020"),
        ("A321", "A320"),
        ("4,035", "4,034"),
    ],
)
def test_typo_tolerance_never_applies_to_digits(given, expected):
    assert not typed_matches(given, expected)
    truce = cloze("The truce was signed on {{1}}.", expected)
    assert grade(truce, [given]).fraction == 0.0


@pytest.mark.parametrize(
    "given",
    ["10 November 2020", "Nov. 10, 2020", "2020-11-10", "November 10 2020", "10th Nov 2020"],
)
def test_date_forms_are_one_date(given):
    assert grade(cloze("Signed on {{1}}.", "Nov. 10, 2020"), [given]).fraction == 1.0


@pytest.mark.parametrize("given", ["4034", "4,034", "4 034", "4034.0"])
def test_cloze_gap_takes_every_grouping_of_a_number(given):
    assert grade(cloze("{{1}} villages were rebuilt.", "4,034"), [given]).fraction == 1.0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("145,000", Decimal(145000)),
        ("3,5", Decimal("3.5")),
        ("3,500", Decimal(3500)),
        ("1.234,5", Decimal("1234.5")),
        ("2 billion", Decimal(2000000000)),
        ("2bn", Decimal(2000000000)),
        ("1.5 million", Decimal(1500000)),
        ("²", Decimal(2)),
        ("x²", None),
        ("nan", None),
    ],
)
def test_number_forms(text, value):
    assert read_number(text) == value


def test_numerical_reads_decimal_commas_and_scale_words():
    assert grade(numerical("3.5"), "3,5").fraction == 1.0
    assert grade(numerical("35"), "3,5").fraction == 0.0
    assert grade(numerical("2000000000"), "2 billion").fraction == 1.0
    assert grade(numerical("2000000000"), "2bn").fraction == 1.0
    assert grade(numerical("145000"), "145,000").fraction == 1.0
    assert grade(numerical("300", 10), "311").fraction == 0.0


def test_typed_role_answer_may_leave_out_an_article_and_a_leading_qualifier():
    role = Question(
        kind="shortanswer",
        prompt="What is Franck Marchis?",
        answers=(Answer("Kepler research scientist at SETI Institute"),),
    )
    assert grade(role, "research scientist at the SETI Institute").fraction == 1.0
    assert grade(role, "Kepler research scientist at the SETI Institute").fraction == 1.0
    assert grade(role, "scientist").fraction == 0.0
    assert grade(role, "research scientist at SETI").fraction == 0.0


def test_slips_only_in_words_of_four_letters_or_more():
    assert typed_matches("Lukashenko", "Lukashenka")
    assert typed_matches("Azerbaijna", "Azerbaijan")  # two letters swapped
    assert not typed_matches("Bak", "Baku")
    assert not typed_matches("Riga", "Rome")


def test_cloze_gaps_are_numbered_by_their_markers_in_any_order():
    gapped = Question(
        kind="cloze",
        prompt="{{3}} welcomed {{1}}.",
        gaps=(Gap(answers=(Answer("Lukashenko"),)), Gap(answers=(Answer("Aliyev"),))),
    )
    assert grade(gapped, ["Lukashenko", "Aliyev"]).fraction == 1.0
    simple = cloze("{{1}} welcomed {{3}} in Baku.", "Aliyev", "Lukashenko")
    assert grade(simple, ["Aliyev", "Lukashenko"]).fraction == 1.0
    assert grade(simple, ["Aliyev", ""]).fraction == 0.5
