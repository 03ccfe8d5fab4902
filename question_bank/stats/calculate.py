"""``quiz_statistics``: Moodle's quiz and question statistics from a table of marks.

The definitions are those of Moodle's "Quiz statistics calculations" developer page and of
its quiz statistics report code (question/classes/statistics/questions/calculator.php and
mod/quiz/report/statistics/classes/calculator.php):

* Every attempt passed in is analysed as an independent attempt. Moodle's default is each
  student's first attempt; ``first_attempts`` picks those out. An unanswered question
  (``None``) scores 0, Moodle's first option for incomplete attempts.
* Facility index: mean mark / maximum mark, as a percentage.
* Standard deviations, variances and covariances divide by ``n - 1``.
* Discrimination index: 100 × correlation of the question's marks with the rest of the quiz
  (each attempt's total minus this question's mark), i.e. the item-rest correlation.
* Discriminative efficiency: 100 × covariance(question, rest) / the covariance the same two
  sets of marks would have if both were sorted into the same order.
* Effective weight: 100 × √covariance(question, total) / Σ √covariance(q, total) over the
  questions whose covariance is not negative; ``None`` for a negative covariance.
* Coefficient of internal consistency (Cronbach's alpha, %):
  ``100 · P/(P−1) · (1 − Σ V(question) / V(total))`` with ``P`` the questions carrying marks.
* Error ratio ``100 √(1 − CIC/100)``; standard error ``error ratio / 100 × SD(total)``.
* Skewness and kurtosis: see ``question_bank.stats.moments``.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import replace

from question_bank.stats import moments
from question_bank.stats.figures import QuestionFigures, QuizFigures, QuizStatistics
from question_bank.stats.flags import question_flags

Marks = Sequence[Sequence[float | None]]


def quiz_statistics(
    marks: Marks,
    max_marks: Sequence[float],
    question_names: Sequence[str] | None = None,
) -> QuizStatistics:
    """Return whole-quiz and per-question statistics for one mark row per attempt.

    ``marks[a][q]`` is attempt ``a``'s mark on question ``q`` (``None``: not answered, counts
    as 0); ``max_marks[q]`` is that question's maximum; names default to ``Q1``, ``Q2`` ...
    Raises ``ValueError`` for ragged rows, non-finite marks or mismatched lengths.
    """
    names = _question_names(question_names, len(max_marks))
    _check_max_marks(max_marks)
    rows = _filled_rows(marks, len(max_marks))
    columns = [[row[index] for row in rows] for index in range(len(max_marks))]
    totals = [math.fsum(row) for row in rows]
    weights = effective_weights(columns, totals)
    max_total = math.fsum(max_marks)
    questions = []
    for index, name in enumerate(names):
        figures = _question_figures(name, index, columns, totals, (max_marks[index], max_total))
        answered = sum(1 for row in marks if row[index] is not None)
        figures = replace(figures, answered=answered, effective_weight=weights[index])
        questions.append(replace(figures, flags=question_flags(figures)))
    quiz = _quiz_figures(columns, totals, max_marks)
    return QuizStatistics(quiz=quiz, questions=tuple(questions))


def first_attempts(students: Sequence[Hashable]) -> list[int]:
    """Return the positions of each student's first attempt, given attempts in time order."""
    seen: set[Hashable] = set()
    positions = []
    for position, student in enumerate(students):
        if student not in seen:
            seen.add(student)
            positions.append(position)
    return positions


def discrimination_index(marks: Sequence[float], rest: Sequence[float]) -> float | None:
    """Return 100 × the correlation of a question's marks with the rest of the quiz."""
    shared = moments.covariance(marks, rest)
    spread = (moments.variance(marks) or 0.0) * (moments.variance(rest) or 0.0)
    if shared is None or spread <= 0:
        return None
    return 100 * shared / math.sqrt(spread)


def discriminative_efficiency(marks: Sequence[float], rest: Sequence[float]) -> float | None:
    """Return 100 × covariance(question, rest) over its largest value for these marks."""
    shared = moments.covariance(marks, rest)
    largest = moments.maximum_covariance(marks, rest)
    if shared is None or not largest:
        return None
    return 100 * shared / largest


def effective_weights(
    columns: Sequence[Sequence[float]], totals: Sequence[float]
) -> list[float | None]:
    """Return each question's effective weight (percent), ``None`` where it is undefined."""
    shares = [moments.covariance(column, totals) for column in columns]
    usable = [share for share in shares if share is not None and share >= 0]
    scale = math.fsum(math.sqrt(share) for share in usable)
    if not scale:
        return [None] * len(columns)
    return [
        100 * math.sqrt(share) / scale if share is not None and share >= 0 else None
        for share in shares
    ]


def internal_consistency(
    columns: Sequence[Sequence[float]], totals: Sequence[float], scored_questions: int
) -> float | None:
    """Return Moodle's coefficient of internal consistency (Cronbach's alpha, percent)."""
    total_variance = moments.variance(totals)
    if scored_questions < 2 or not total_variance:
        return None
    item_variance = math.fsum(moments.variance(column) or 0.0 for column in columns)
    ratio = scored_questions / (scored_questions - 1)
    return 100 * ratio * (1 - item_variance / total_variance)


def _question_figures(
    name: str,
    index: int,
    columns: list[list[float]],
    totals: list[float],
    maxima: tuple[float, float],
) -> QuestionFigures:
    """Return one question's figures (answered count, weight and flags come later).

    ``maxima`` holds the question's maximum mark and the quiz's maximum total.
    """
    column, (max_mark, max_total) = columns[index], maxima
    rest = _rest_of_quiz(columns, totals, index)
    average = moments.mean(column)
    deviation = _square_root(moments.variance(column))
    return QuestionFigures(
        name=name,
        max_mark=max_mark,
        attempts=len(column),
        answered=0,
        mean=average,
        facility_index=_percent(average, max_mark),
        standard_deviation=deviation,
        standard_deviation_percent=_percent(deviation, max_mark),
        intended_weight=_percent(max_mark, max_total),
        effective_weight=None,
        discrimination_index=discrimination_index(column, rest),
        discriminative_efficiency=discriminative_efficiency(column, rest),
    )


def _rest_of_quiz(columns: list[list[float]], totals: list[float], index: int) -> list[float]:
    """Return each attempt's total without question ``index``.

    When every other question has one mark for all attempts the rest is exactly constant, so
    subtraction rounding cannot fake a spread there.
    """
    others = (column for position, column in enumerate(columns) if position != index)
    if all(moments.is_constant(column) for column in others):
        return [0.0] * len(totals)
    return [total - mark for total, mark in zip(totals, columns[index], strict=True)]


def _quiz_figures(
    columns: list[list[float]], totals: list[float], max_marks: Sequence[float]
) -> QuizFigures:
    """Return the whole-quiz figures from the question columns and attempt totals."""
    max_total = math.fsum(max_marks)
    scored = sum(1 for mark in max_marks if mark > 0)
    average, middle = moments.mean(totals), moments.median(totals)
    deviation = _square_root(moments.variance(totals))
    consistency = internal_consistency(columns, totals, scored)
    error_ratio = None
    if consistency is not None:
        error_ratio = 100 * math.sqrt(max(0.0, 1 - consistency / 100))
    return QuizFigures(
        attempts=len(totals),
        questions=scored,
        max_total=max_total,
        mean=average,
        median=middle,
        standard_deviation=deviation,
        mean_percent=_percent(average, max_total),
        median_percent=_percent(middle, max_total),
        standard_deviation_percent=_percent(deviation, max_total),
        skewness=moments.skewness(totals),
        kurtosis=moments.kurtosis(totals),
        coefficient_of_internal_consistency=consistency,
        cronbach_alpha=None if consistency is None else consistency / 100,
        error_ratio=error_ratio,
        standard_error=_standard_error(error_ratio, deviation),
    )


def _standard_error(error_ratio: float | None, deviation: float | None) -> float | None:
    """Return ``error_ratio / 100 × deviation`` when both are known."""
    if error_ratio is None or deviation is None:
        return None
    return error_ratio / 100 * deviation


def _percent(part: float | None, whole: float) -> float | None:
    """Return ``part`` as a percentage of ``whole``; ``None`` when either makes no sense."""
    if part is None or whole == 0:
        return None
    return 100 * part / whole


def _square_root(value: float | None) -> float | None:
    """Return the square root of a variance, passing ``None`` through."""
    return None if value is None else math.sqrt(value)


def _question_names(names: Sequence[str] | None, count: int) -> list[str]:
    """Return the given names, or ``Q1`` ... ``Qn``; the count must match the maxima."""
    if names is None:
        return [f"Q{number}" for number in range(1, count + 1)]
    if len(names) != count:
        raise ValueError(f"{len(names)} question names for {count} maximum marks")
    return list(names)


def _check_max_marks(max_marks: Sequence[float]) -> None:
    """Reject a negative or non-finite maximum mark."""
    for index, mark in enumerate(max_marks):
        if not math.isfinite(mark) or mark < 0:
            raise ValueError(f"maximum mark {mark!r} of question {index + 1} is not usable")


def _filled_rows(marks: Marks, width: int) -> list[list[float]]:
    """Return the marks as floats, unanswered (``None``) as 0; reject ragged or bad rows."""
    rows = []
    for number, row in enumerate(marks, start=1):
        if len(row) != width:
            raise ValueError(f"attempt {number} has {len(row)} marks, expected {width}")
        filled = [0.0 if mark is None else float(mark) for mark in row]
        if not all(math.isfinite(mark) for mark in filled):
            raise ValueError(f"attempt {number} has a mark that is not a finite number")
        rows.append(filled)
    return rows
