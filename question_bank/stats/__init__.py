"""Quiz statistics as Moodle's quiz statistics report defines them; pure Python, no web app.

``quiz_statistics(marks, max_marks, question_names)`` takes one row of marks per attempt and
returns a frozen ``QuizStatistics``: the whole quiz (mean, median, standard deviation,
skewness, kurtosis, Cronbach's alpha as the coefficient of internal consistency, error ratio,
standard error) and each question (facility index, standard deviation, intended and effective
weight, discrimination index as the item-rest correlation, discriminative efficiency, flags).
``distractor_table`` counts how often each option of a choice question was picked.
"""

from question_bank.stats.calculate import (
    discrimination_index,
    discriminative_efficiency,
    effective_weights,
    first_attempts,
    internal_consistency,
    quiz_statistics,
)
from question_bank.stats.distractors import DistractorTable, OptionCount, distractor_table
from question_bank.stats.figures import QuestionFigures, QuizFigures, QuizStatistics
from question_bank.stats.flags import FLAG_RULES, question_flags

__all__ = [
    "FLAG_RULES",
    "DistractorTable",
    "OptionCount",
    "QuestionFigures",
    "QuizFigures",
    "QuizStatistics",
    "discrimination_index",
    "discriminative_efficiency",
    "distractor_table",
    "effective_weights",
    "first_attempts",
    "internal_consistency",
    "question_flags",
    "quiz_statistics",
]
