"""Database models, one module per aggregate."""

from quizapp.models.article import Article
from quizapp.models.attempt import Attempt, Response
from quizapp.models.classroom import Assignment, AssignmentKind, Classroom, Membership
from quizapp.models.question import Question
from quizapp.models.quiz import Quiz, QuizQuestion
from quizapp.models.user import Role, User

__all__ = [
    "Article",
    "Assignment",
    "AssignmentKind",
    "Attempt",
    "Classroom",
    "Membership",
    "Question",
    "Quiz",
    "QuizQuestion",
    "Response",
    "Role",
    "User",
]
