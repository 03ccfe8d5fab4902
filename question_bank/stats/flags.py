"""Flags raised on a question whose statistics suggest a problem.

Thresholds follow the bands in Moodle's "Quiz report statistics" guidance for the facility
index (90-100 % is "very easy" or "extremely easy"; 10 % or less is "very difficult" or
"extremely difficult") and its advice that a negative discrimination index means the question
marks the weaker students up and the stronger ones down. A figure that is undefined (``None``)
never raises a flag.
"""

from __future__ import annotations

from collections.abc import Callable

from question_bank.stats.figures import QuestionFigures

#: A facility index (percent) at or above this flags the question "too easy".
TOO_EASY_FROM = 90.0
#: A facility index (percent) at or below this flags the question "too hard".
TOO_HARD_UP_TO = 10.0


def is_too_easy(figures: QuestionFigures) -> bool:
    """Return whether nearly everyone earns the marks (facility index ≥ 90 %)."""
    return figures.facility_index is not None and figures.facility_index >= TOO_EASY_FROM


def is_too_hard(figures: QuestionFigures) -> bool:
    """Return whether nearly no one earns the marks (facility index ≤ 10 %)."""
    return figures.facility_index is not None and figures.facility_index <= TOO_HARD_UP_TO


def discriminates_negatively(figures: QuestionFigures) -> bool:
    """Return whether the question's marks run against the rest of the quiz."""
    index = figures.discrimination_index
    return index is not None and index < 0


#: Flag name -> rule; flags are reported in this order.
FLAG_RULES: dict[str, Callable[[QuestionFigures], bool]] = {
    "too easy": is_too_easy,
    "too hard": is_too_hard,
    "negative discrimination": discriminates_negatively,
}


def question_flags(figures: QuestionFigures) -> tuple[str, ...]:
    """Return the names of every flag rule the question's figures meet."""
    return tuple(name for name, rule in FLAG_RULES.items() if rule(figures))
