"""The frozen results of ``quiz_statistics``: whole-quiz and per-question figures.

Units follow Moodle's quiz statistics report: marks for means, medians, standard deviations
and the standard error; percentages (0-100) for the facility index, weights, discrimination
index, discriminative efficiency, coefficient of internal consistency and error ratio.
``None`` marks a figure that the data cannot define (too few attempts, no spread ...).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class QuestionFigures:
    """Statistics of one question (one column of marks).

    ``attempts`` counts every attempt analysed, ``answered`` those with a mark (an unanswered
    question counts as 0 in every other figure). ``facility_index`` is the mean mark as a
    percentage of ``max_mark``; ``standard_deviation`` is in marks and
    ``standard_deviation_percent`` the same relative to ``max_mark``. ``intended_weight`` is
    ``max_mark`` as a share of the quiz total; ``effective_weight`` the question's share of the
    spread of total marks. ``discrimination_index`` is 100 × the correlation of this question's
    mark with the rest of the quiz (total minus this question); ``discriminative_efficiency``
    is that covariance over the largest one the same marks allow. ``flags`` names problems
    (see ``question_bank.stats.flags``).
    """

    name: str
    max_mark: float
    attempts: int
    answered: int
    mean: float | None
    facility_index: float | None
    standard_deviation: float | None
    standard_deviation_percent: float | None
    intended_weight: float | None
    effective_weight: float | None
    discrimination_index: float | None
    discriminative_efficiency: float | None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuizFigures:
    """Statistics of the whole quiz (the total mark of each attempt).

    ``questions`` counts the questions that carry marks (maximum above zero): Cronbach's
    alpha uses that count. ``*_percent`` figures are relative to ``max_total``.
    ``coefficient_of_internal_consistency`` is Cronbach's alpha as a percentage (Moodle's
    CIC); ``cronbach_alpha`` is the same figure as a fraction. ``error_ratio`` is
    ``100 √(1 − CIC/100)`` and ``standard_error`` is ``error_ratio / 100 × standard_deviation``,
    in marks.
    """

    attempts: int
    questions: int
    max_total: float
    mean: float | None
    median: float | None
    standard_deviation: float | None
    mean_percent: float | None
    median_percent: float | None
    standard_deviation_percent: float | None
    skewness: float | None
    kurtosis: float | None
    coefficient_of_internal_consistency: float | None
    cronbach_alpha: float | None
    error_ratio: float | None
    standard_error: float | None


@dataclass(frozen=True)
class QuizStatistics:
    """What ``quiz_statistics`` returns: the quiz figures and one entry per question."""

    quiz: QuizFigures
    questions: tuple[QuestionFigures, ...]

    def question(self, name: str) -> QuestionFigures:
        """Return the figures of the question called ``name``."""
        for figures in self.questions:
            if figures.name == name:
                return figures
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready data: ``{"quiz": {...}, "questions": [{...}, ...]}``."""
        questions = []
        for figures in self.questions:
            data = asdict(figures)
            data["flags"] = list(figures.flags)
            questions.append(data)
        return {"quiz": asdict(self.quiz), "questions": questions}
