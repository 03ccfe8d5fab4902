"""Database models, one module per aggregate."""

from quizapp.models import (  # noqa: F401 - each registers its stamp's flush listener
    activity,
    content,
)
from quizapp.models.article import Article
from quizapp.models.attempt import Attempt, AttemptSlot, Response
from quizapp.models.card import Card, CardReview, StudySettings
from quizapp.models.category import Category, QuestionTag
from quizapp.models.classroom import Assignment, AssignmentKind, Classroom, Membership
from quizapp.models.content import SiteState
from quizapp.models.job import GenerationJob, JobStatus
from quizapp.models.question import Question
from quizapp.models.quiz import FeedbackPolicy, Quiz, QuizQuestion
from quizapp.models.review import ReviewItem, ReviewStatus
from quizapp.models.user import LoginSession, Role, User

__all__ = [
    "Article",
    "Assignment",
    "AssignmentKind",
    "Attempt",
    "AttemptSlot",
    "Card",
    "CardReview",
    "Category",
    "Classroom",
    "FeedbackPolicy",
    "GenerationJob",
    "JobStatus",
    "LoginSession",
    "Membership",
    "Question",
    "QuestionTag",
    "Quiz",
    "QuizQuestion",
    "Response",
    "ReviewItem",
    "ReviewStatus",
    "Role",
    "SiteState",
    "StudySettings",
    "User",
]
