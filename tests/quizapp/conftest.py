"""Fixtures of the web-app tests: the role matrix's world of one teacher's objects."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from question_bank.model import Generation
from quizapp.extensions import db
from quizapp.models import Article, Assignment, Category, GenerationJob, Membership, Response
from quizapp.services.accounts import find_user
from quizapp.services.quizzes import quiz_questions
from quizapp.services.review import queue_items
from tests.conftest import post_form, quiz_by_id
from tests.quizapp.test_quiz_flow import answer_sheet, start


@dataclass
class World:
    """Ids of one teacher's objects, keyed by URL parameter name."""

    params: dict[str, object]


@pytest.fixture
def world(app, client, auth, bundled_quiz, bundled_generation, create_user, make_class) -> World:
    """tess's quiz, article, review item, class (with sam), assignment, category; sam's attempt."""
    create_user("sam")
    create_user("other", role="teacher")
    class_id, _ = make_class("tess", students=("sam",))
    auth.login("sam")
    attempt_id = start(client, bundled_quiz)
    post_form(client, f"/quizzes/attempts/{attempt_id}", answer_sheet(app, bundled_quiz))
    auth.logout()
    _, generation = bundled_generation
    with app.app_context():
        quiz = quiz_by_id(bundled_quiz)
        article = db.session.get(Article, quiz.article_id)
        item = queue_items(
            article, Generation(generation.article, (), generation.items[-1:]).items
        )[0]
        assignment = Assignment(classroom_id=class_id, quiz_id=quiz.id)
        category = Category(owner_id=find_user("tess").id, name="Top")
        job = GenerationJob(article_id=article.id, status="failed", error="stopped")
        db.session.add_all([assignment, category, job])
        db.session.commit()
        params = {
            "quiz_id": quiz.id,
            "question_id": quiz_questions(quiz)[0].id,
            "article_id": article.id,
            "item_id": item.id,
            "classroom_id": class_id,
            "membership_id": db.session.execute(db.select(Membership.id)).scalar_one(),
            "response_id": db.session.execute(db.select(Response.id).limit(1)).scalar_one(),
            "assignment_id": assignment.id,
            "attempt_id": attempt_id,
            "category_id": category.id,
            "job_id": job.id,
            "kind": "essay",
            "action": "accept",
            "filename": "app.css",
        }
    return World(params)
