"""Quiz statistics checked against published worked figures and by properties."""

from __future__ import annotations

import csv
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank.stats import (
    distractor_table,
    first_attempts,
    moments,
    question_flags,
    quiz_statistics,
)

DATA = Path(__file__).parent / "data" / "stats"


def read_marks_csv(name: str) -> tuple[list[str], list[list[float]]]:
    """Return the question names and mark rows of a data file (first column: attempt)."""
    with open(DATA / name, newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0][1:], [[float(cell) for cell in row[1:]] for row in rows[1:]]


def read_figures_csv(name: str) -> list[dict[str, float | None]]:
    """Return the expected figures of a data file, ``None`` for an empty cell."""
    with open(DATA / name, newline="") as handle:
        return [
            {key: float(value) if value else None for key, value in row.items()}
            for row in csv.DictReader(handle)
        ]


def close(actual: float | None, expected: float, tolerance: float = 1e-6) -> bool:
    """Return whether ``actual`` matches a published figure within a relative tolerance."""
    return actual is not None and math.isclose(actual, expected, rel_tol=tolerance, abs_tol=1e-9)


# --- Moodle's walkthrough quiz (results00.csv / qstats00.csv, Jamie Pratt's spreadsheet) ---

#: The quiz figures Moodle's stats_from_steps_walkthrough_test.php expects for results00.csv.
MOODLE_QUIZ00_FIGURES = {
    "median": 4.5,
    "mean": 4.617333332,
    "standard_deviation": 0.8117265554,
    "skewness": -0.092502502,
    "kurtosis": -0.7073968557,
    "coefficient_of_internal_consistency": -87.2230935542,
    "error_ratio": 136.8294900795,
    "standard_error": 1.1106813066,
}


@pytest.fixture(scope="module")
def moodle_quiz00():
    """Statistics of Moodle's published 25-attempt, 7-question walkthrough quiz."""
    names, rows = read_marks_csv("moodle_quiz00_marks.csv")
    return quiz_statistics(rows, [1.0] * len(names), names)


@pytest.mark.parametrize(("figure", "expected"), sorted(MOODLE_QUIZ00_FIGURES.items()))
def test_quiz_figures_match_moodle_walkthrough(moodle_quiz00, figure, expected):
    # Moodle's own test allows a relative error of 1.5e-5.
    assert close(getattr(moodle_quiz00.quiz, figure), expected, 1.5e-5)


def test_cronbach_alpha_is_the_cic_as_a_fraction(moodle_quiz00):
    assert close(moodle_quiz00.quiz.cronbach_alpha, -0.872230935542, 1.5e-5)
    assert moodle_quiz00.quiz.attempts == 25
    assert moodle_quiz00.quiz.questions == 7


def test_question_figures_match_moodle_walkthrough(moodle_quiz00):
    expected_rows = read_figures_csv("moodle_quiz00_question_figures.csv")
    assert len(expected_rows) == len(moodle_quiz00.questions) == 7
    for expected, figures in zip(expected_rows, moodle_quiz00.questions, strict=True):
        assert close(figures.facility_index, 100 * expected["facility"])
        assert close(figures.standard_deviation, expected["sd"], 1e-7)
        assert close(figures.effective_weight, expected["effectiveweight"])
        # The discrimination index is the item-rest correlation (× 100).
        assert close(figures.discrimination_index, expected["discriminationindex"])
        assert close(figures.discriminative_efficiency, expected["discriminativeefficiency"])


# --- Moodle's older fixture checked against stats.xls ---


@pytest.fixture(scope="module")
def moodle_stats_xls():
    """Statistics and expected figures of Moodle's 22-attempt, 20-slot fixture."""
    names, rows = read_marks_csv("moodle_stats_xls_marks.csv")
    expected = read_figures_csv("moodle_stats_xls_question_figures.csv")
    max_marks = [row["max_mark"] for row in expected]
    return quiz_statistics(rows, max_marks, names), expected


@pytest.mark.parametrize("slot", range(1, 21))
def test_question_figures_match_moodle_stats_xls(moodle_stats_xls, slot):
    statistics, expected_rows = moodle_stats_xls
    figures, expected = statistics.questions[slot - 1], expected_rows[slot - 1]
    if expected["facility_percent"] is None:  # a slot worth 0 marks
        assert figures.facility_index is None
    else:
        assert close(figures.facility_index, expected["facility_percent"])
    # Moodle's PHP test compares its null sd loosely with 0: these slots have no spread.
    assert close(1000 * figures.standard_deviation, expected["sd_x1000"] or 0.0)
    assert close(figures.effective_weight, expected["effectiveweight"])
    for name in ("discrimination_index", "discriminative_efficiency"):
        published = expected[name.replace("_", "")]
        if published is None:
            assert getattr(figures, name) is None
        else:
            assert close(getattr(figures, name), published)


# --- Other published figures ---


def test_skewness_and_kurtosis_match_spreadsheet_documentation():
    # Microsoft's SKEW and KURT function pages use the data 3,4,5,2,3,4,5,6,4,7 and give
    # 0.359543 and -0.151799637 (https://support.microsoft.com/excel, "SKEW function",
    # "KURT function"); Moodle's k-statistic formulas are the same estimators.
    data = [3, 4, 5, 2, 3, 4, 5, 6, 4, 7]
    assert round(moments.skewness(data), 6) == 0.359543
    assert round(moments.kurtosis(data), 9) == -0.151799637


def test_cronbach_alpha_matches_published_survey_example():
    # Three 3-point items answered by 10 people; R's ltm::cronbach.alpha gives 0.773 and the
    # hand calculation 0.7734375 (repository jdegenfellner/ZHAW_Teaching, Cronbach_alpha.R,
    # the survey example also used by Statology's "How to Calculate Cronbach's Alpha in R").
    q1 = [1, 2, 2, 3, 2, 2, 3, 3, 2, 3]
    q2 = [1, 1, 1, 2, 3, 3, 2, 3, 3, 3]
    q3 = [1, 1, 2, 1, 2, 3, 3, 3, 2, 3]
    statistics = quiz_statistics([list(row) for row in zip(q1, q2, q3, strict=True)], [3, 3, 3])
    assert round(statistics.quiz.cronbach_alpha, 3) == 0.773
    assert close(statistics.quiz.cronbach_alpha, 0.7734375, 1e-12)


# --- Edge cases ---


def test_single_attempt_gives_undefined_spread_without_crashing():
    statistics = quiz_statistics([[1, 0, 0.5]], [1, 1, 1])
    assert statistics.quiz.mean == 1.5
    assert statistics.quiz.median == 1.5
    quiz = statistics.quiz
    for figure in ("standard_deviation", "skewness", "kurtosis", "cronbach_alpha", "error_ratio"):
        assert getattr(quiz, figure) is None
    first = statistics.questions[0]
    assert first.facility_index == 100.0
    assert first.standard_deviation is None
    assert first.discrimination_index is None
    assert first.effective_weight is None


def test_question_everyone_scored_the_same_has_undefined_discrimination():
    rows = [[1, 1], [1, 0], [1, 1], [1, 0]]
    statistics = quiz_statistics(rows, [1, 1], ["same", "varies"])
    same = statistics.question("same")
    assert same.standard_deviation == 0.0
    assert same.discrimination_index is None
    assert same.discriminative_efficiency is None
    assert same.effective_weight == 0.0
    assert statistics.question("varies").effective_weight == 100.0
    assert "too easy" in same.flags


def test_all_totals_equal_leaves_quiz_shape_undefined():
    statistics = quiz_statistics([[1, 0], [0, 1], [1, 0], [0, 1]], [1, 1])
    assert statistics.quiz.standard_deviation == 0.0
    assert statistics.quiz.skewness is None
    assert statistics.quiz.kurtosis is None
    assert statistics.quiz.coefficient_of_internal_consistency is None
    # No question covaries with a constant total, so effective weights are undefined.
    assert statistics.questions[0].effective_weight is None
    assert statistics.questions[0].discrimination_index == pytest.approx(-100.0)


def test_unanswered_counts_as_zero_and_is_reported():
    with_none = quiz_statistics([[1, None], [0, 1], [None, 1]], [1, 1])
    with_zero = quiz_statistics([[1, 0], [0, 1], [0, 1]], [1, 1])
    assert with_none.quiz == with_zero.quiz
    assert [q.answered for q in with_none.questions] == [2, 2]
    assert [q.attempts for q in with_none.questions] == [3, 3]
    assert with_none.questions[0].facility_index == pytest.approx(100 / 3)


def test_no_attempts_gives_empty_figures():
    statistics = quiz_statistics([], [1, 2])
    assert statistics.quiz.attempts == 0
    assert statistics.quiz.mean is None
    assert statistics.quiz.max_total == 3.0
    assert statistics.questions[1].intended_weight == pytest.approx(200 / 3)
    assert statistics.questions[0].facility_index is None


def test_zero_mark_questions_do_not_count_towards_alpha():
    rows = [[1, 1, 0], [0, 0, 0], [1, 0, 0], [0, 1, 0]]
    with_description = quiz_statistics(rows, [1, 1, 0])
    without = quiz_statistics([row[:2] for row in rows], [1, 1])
    assert with_description.quiz.questions == 2
    assert with_description.quiz.cronbach_alpha == without.quiz.cronbach_alpha


@pytest.mark.parametrize(
    ("marks", "max_marks", "names", "message"),
    [
        ([[1, 0], [1]], [1, 1], None, "attempt 2 has 1 marks"),
        ([[1, float("nan")]], [1, 1], None, "not a finite number"),
        ([[1, 0]], [1, 1], ["only one"], "1 question names for 2"),
        ([[1, 0]], [1, -1], None, "not usable"),
    ],
)
def test_bad_input_is_refused(marks, max_marks, names, message):
    with pytest.raises(ValueError, match=message):
        quiz_statistics(marks, max_marks, names)


def test_to_dict_is_json_ready():
    statistics = quiz_statistics([[1, 0], [0, 0], [1, 1]], [1, 1], ["a", "b"])
    data = statistics.to_dict()
    assert set(data) == {"quiz", "questions"}
    assert [q["name"] for q in data["questions"]] == ["a", "b"]
    assert isinstance(data["questions"][0]["flags"], list)
    assert data["quiz"]["attempts"] == 3
    with pytest.raises(KeyError):
        statistics.question("c")


# --- Flags ---


def test_flags_name_easy_hard_and_negatively_discriminating_questions():
    # Strong students (first rows) miss "tricky"; everyone gets "easy"; nobody gets "hard".
    rows = [
        [1, 0, 0, 1, 1],
        [1, 0, 0, 1, 1],
        [1, 0, 1, 1, 0],
        [1, 0, 1, 0, 0],
        [1, 0, 1, 0, 0],
    ]
    statistics = quiz_statistics(rows, [1] * 5, ["easy", "hard", "tricky", "good1", "good2"])
    assert statistics.question("easy").flags == ("too easy",)
    assert statistics.question("hard").flags == ("too hard",)
    assert statistics.question("tricky").flags == ("negative discrimination",)
    assert statistics.question("good1").flags == ()


def test_flag_thresholds_are_inclusive():
    rows = [[1]] * 9 + [[0]]
    ninety = quiz_statistics(rows, [1]).questions[0]
    assert ninety.facility_index == pytest.approx(90.0)
    assert "too easy" in question_flags(ninety)


# --- Properties ---

marks_strategy = st.integers(min_value=0, max_value=4).map(lambda n: n / 2)


def mark_tables(min_attempts: int = 2, min_questions: int = 1):
    """Hypothesis strategy: rectangular tables of marks between 0 and 2."""
    return st.integers(min_value=min_questions, max_value=5).flatmap(
        lambda width: st.lists(
            st.lists(marks_strategy, min_size=width, max_size=width),
            min_size=min_attempts,
            max_size=12,
        )
    )


@given(column=st.lists(marks_strategy, min_size=2, max_size=12), copies=st.integers(2, 5))
def test_alpha_of_identical_items_is_one(column, copies):
    statistics = quiz_statistics([[mark] * copies for mark in column], [2.0] * copies)
    if moments.is_constant(column):
        assert statistics.quiz.cronbach_alpha is None
    else:
        assert statistics.quiz.cronbach_alpha == pytest.approx(1.0)
        # 100·√(1 − alpha) magnifies rounding in alpha (1e-16 becomes about 1e-6).
        assert statistics.quiz.error_ratio == pytest.approx(0.0, abs=1e-4)


@given(rows=mark_tables(min_attempts=1))
def test_facility_is_mean_over_max(rows):
    statistics = quiz_statistics(rows, [2.0] * len(rows[0]))
    for index, figures in enumerate(statistics.questions):
        column_mean = sum(row[index] for row in rows) / len(rows)
        assert figures.facility_index == pytest.approx(100 * column_mean / 2.0)


@given(rows=mark_tables(), shift=st.integers(min_value=-3, max_value=3))
def test_spread_and_discrimination_ignore_a_constant_added_to_a_question(rows, shift):
    shifted = [[row[0] + shift, *row[1:]] for row in rows]
    before = quiz_statistics(rows, [2.0] * len(rows[0])).questions[0]
    after = quiz_statistics(shifted, [2.0] * len(rows[0])).questions[0]
    assert after.standard_deviation == pytest.approx(before.standard_deviation)
    for name in ("discrimination_index", "discriminative_efficiency"):
        if getattr(before, name) is None:
            assert getattr(after, name) is None
        else:
            assert getattr(after, name) == pytest.approx(getattr(before, name), abs=1e-9)


@given(
    totals=st.lists(st.integers(0, 20), min_size=4, max_size=30),
    shift=st.integers(-50, 50),
    scale=st.integers(1, 5),
)
def test_shape_ignores_shift_and_scale(totals, shift, scale):
    moved = [scale * value + shift for value in totals]
    for measure in (moments.skewness, moments.kurtosis):
        if measure(totals) is None:
            assert measure(moved) is None
        else:
            assert measure(moved) == pytest.approx(measure(totals), abs=1e-9)


@given(rows=mark_tables(min_questions=2))
@settings(max_examples=60)
def test_figures_stay_in_range_and_ignore_attempt_order(rows):
    statistics = quiz_statistics(rows, [2.0] * len(rows[0]))
    reordered = quiz_statistics(list(reversed(rows)), [2.0] * len(rows[0]))
    weights = [q.effective_weight for q in statistics.questions]
    if all(weight is not None for weight in weights):
        assert sum(weights) == pytest.approx(100.0)
    for figures, again in zip(statistics.questions, reordered.questions, strict=True):
        if figures.discrimination_index is not None:
            assert -100 - 1e-9 <= figures.discrimination_index <= 100 + 1e-9
            assert figures.discrimination_index == pytest.approx(again.discrimination_index)
        if figures.discriminative_efficiency is not None:
            assert figures.discriminative_efficiency <= 100 + 1e-9
    alpha = statistics.quiz.cronbach_alpha
    assert alpha is None or alpha <= 1 + 1e-9
    assert statistics.quiz.median == reordered.quiz.median


@given(values=st.lists(st.floats(-100, 100), min_size=2, max_size=20))
def test_variance_matches_the_standard_library(values):
    import statistics as reference

    assert moments.variance(values) == pytest.approx(reference.variance(values), abs=1e-9)
    assert moments.median(values) == reference.median(values)


# --- Attempt selection and distractors ---


def test_first_attempts_keeps_each_students_first_row():
    assert first_attempts(["ann", "bob", "ann", "cy", "bob"]) == [0, 1, 3]
    assert first_attempts([]) == []


def test_distractor_table_counts_and_shares():
    table = distractor_table(
        ["Paris", "Lyon", "Paris", None, "Nice", "Paris"],
        options=["Paris", "Lyon", "Marseille"],
        correct={"Paris"},
    )
    assert table.attempts == 6
    assert table.unanswered == 1
    rows = {row.option: row for row in table.options}
    assert [row.option for row in table.options] == ["Paris", "Lyon", "Marseille", "Nice"]
    assert rows["Paris"].count == 3 and rows["Paris"].share == 0.5 and rows["Paris"].is_correct
    assert rows["Marseille"].count == 0 and rows["Marseille"].share == 0.0
    assert not rows["Nice"].is_correct
    assert table.unanswered_share + sum(row.share for row in table.options) == pytest.approx(1)


def test_distractor_table_multiple_answers_and_no_attempts():
    table = distractor_table([("a", "b"), ("a",), (), ("b", "b")])
    assert [(row.option, row.count) for row in table.options] == [("a", 2), ("b", 2)]
    assert table.unanswered == 1
    assert table.to_dict()["options"][0] == {
        "option": "a",
        "count": 2,
        "share": 0.5,
        "is_correct": False,
    }
    empty = distractor_table([], options=["x"])
    assert empty.options[0].share is None and empty.unanswered_share is None


def test_stats_module_does_not_import_the_web_stack():
    code = (
        "import sys, question_bank.stats, question_bank.commands.stats\n"
        "bad = [m for m in ('flask', 'sqlalchemy', 'wtforms', 'quizapp') if m in sys.modules]\n"
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
