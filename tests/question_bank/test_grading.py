"""Answer matchers, one per question kind."""

from __future__ import annotations

import pytest

from question_bank.grading import (
    grade,
    normalise_text,
    parse_number,
    response_text,
    right_answer_text,
    text_matches,
)
from question_bank.model import Answer, Pair, Question


def mc(single=True, fractions=(1.0, 0.0, 0.0)):
    answers = tuple(
        Answer(text, f, feedback=f"fb {text}") for text, f in zip("ABC", fractions, strict=False)
    )
    return Question(kind="multichoice", prompt="Pick", answers=answers, single=single)


def test_multichoice_single_right_wrong_and_overselection():
    question = mc()
    assert grade(question, [0]).fraction == 1.0
    assert grade(question, [0]).feedback == "fb A"
    assert grade(question, [1]).fraction == 0.0
    assert grade(question, [0, 1]).fraction == 0.0
    assert grade(question, []).fraction == 0.0
    assert grade(question, ["7", "x"]).fraction == 0.0


def test_multichoice_multiple_with_weights_and_penalties():
    question = mc(single=False, fractions=(0.5, 0.5, -1.0))
    assert grade(question, [0, 1]).fraction == 1.0
    assert grade(question, [0]).fraction == 0.5
    assert grade(question, [0, 1, 2]).fraction == 0.0
    assert grade(question, [2]).fraction == 0.0  # clipped at zero


@pytest.mark.parametrize(
    ("given", "ok"),
    [
        ("Ilham Aliyev", True),
        ("ilham aliyev", True),
        ("  Ilham   Aliyev. ", True),
        ("Ilham Aliyv", True),  # one letter dropped
        ("Ilham", False),
        ("Alexander Lukashenko", False),
        ("", False),
    ],
)
def test_shortanswer_is_case_punctuation_and_typo_tolerant(given, ok):
    question = Question(kind="shortanswer", prompt="Who?", answers=(Answer("Ilham Aliyev"),))
    assert grade(question, given).is_correct is ok


def test_short_answers_must_match_exactly():
    assert not text_matches("Bak", "Baku")
    assert not text_matches("10", "11")
    assert text_matches("BAKU!", "Baku")
    assert normalise_text("Café  Déjà-vu") == "cafe deja vu"


def test_shortanswer_takes_best_of_several_answers():
    question = Question(
        kind="shortanswer",
        prompt="?",
        answers=(Answer("Minsk", 1.0), Answer("Belarus", 0.5, "Name the city.")),
    )
    assert grade(question, "minsk").fraction == 1.0
    half = grade(question, "Belarus")
    assert half.fraction == 0.5 and half.feedback == "Name the city." and half.is_correct is False


def test_numerical_tolerance_and_bad_numbers():
    question = Question(kind="numerical", prompt="?", answers=(Answer("300", 1.0, tolerance=10),))
    assert grade(question, "305").is_correct
    assert grade(question, "1,0").fraction == 0.0
    assert not grade(question, "311").is_correct
    assert grade(question, "three hundred").feedback == "Please give a number."
    assert parse_number("1,234.5") == 1234.5
    assert parse_number("nan") is None


def test_cloze_one_gap_with_variants_and_several_gaps():
    one = Question(kind="cloze", prompt="Talks in {{1}}.", answers=(Answer("Baku"), Answer("Baki")))
    assert grade(one, ["baki"]).is_correct
    two = Question(
        kind="cloze", prompt="{{1}} met {{2}}.", answers=(Answer("Aliyev"), Answer("Lukashenko"))
    )
    assert grade(two, ["Aliyev", "Lukashenko"]).fraction == 1.0
    assert grade(two, ["Aliyev", ""]).fraction == 0.5
    assert right_answer_text(two) == "Aliyev; Lukashenko"


def test_matching_and_ordering_give_partial_credit():
    matching = Question(
        kind="matching",
        prompt="Match",
        pairs=(Pair("Aliyev", "Azerbaijan"), Pair("Lukashenko", "Belarus")),
    )
    assert grade(matching, ["Azerbaijan", "Belarus"]).fraction == 1.0
    assert grade(matching, ["Belarus", "Belarus"]).fraction == 0.5
    ordering = Question(
        kind="ordering", prompt="Order", answers=(Answer("a"), Answer("b"), Answer("c"))
    )
    assert grade(ordering, ["a", "b", "c"]).is_correct
    assert grade(ordering, ["a", "c", "b"]).fraction == pytest.approx(1 / 3)
    assert right_answer_text(ordering) == "a → b → c"


def test_essay_is_left_ungraded():
    mark = grade(Question(kind="essay", prompt="Discuss."), "text")
    assert mark.fraction is None and mark.is_correct is None


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError, match="no question kind"):
        grade(Question(kind="banana", prompt="Read this."), None)


def test_description_is_never_marked():
    assert grade(Question(kind="description", prompt="Read this."), "anything").fraction is None


def test_response_text_is_readable():
    question = mc()
    assert response_text(question, [1]) == "B"
    assert response_text(question, []) == "(no answer)"
    assert right_answer_text(question) == "A"


def test_blank_multi_part_answers_read_as_no_answer():
    cloze = Question(kind="cloze", prompt="{{1}} met {{2}}.", answers=(Answer("a"), Answer("b")))
    assert response_text(cloze, ["", " "]) == "(no answer)"
    assert response_text(cloze, ["x", ""]) == "x; "
