"""Progress analytics: a student's own history, a class gradebook and quiz statistics.

``student`` covers one student's scores, mastery, streak, forecast and mistakes; ``gradebook``
the teacher's class grid and its CSV; ``statistics`` gathers marks for ``question_bank.stats``.
"""

from quizapp.services.analytics.gradebook import (
    Gradebook,
    GradeCell,
    gradebook,
    gradebook_csv,
    teacher_classrooms,
)
from quizapp.services.analytics.statistics import QuizReport, quiz_report, statistics_scope
from quizapp.services.analytics.student import (
    build_mistakes_quiz,
    mastery_by_article,
    mastery_by_fact_type,
    missed_question_ids,
    quiz_summaries,
    recent_attempts,
    review_forecast,
    streak,
    study_days,
)

__all__ = [
    "GradeCell",
    "Gradebook",
    "QuizReport",
    "build_mistakes_quiz",
    "gradebook",
    "gradebook_csv",
    "mastery_by_article",
    "mastery_by_fact_type",
    "missed_question_ids",
    "quiz_report",
    "quiz_summaries",
    "recent_attempts",
    "review_forecast",
    "statistics_scope",
    "streak",
    "study_days",
    "teacher_classrooms",
]
