"""Blueprints, one per module."""

from __future__ import annotations

from flask import Flask

from quizapp.ownership import BoundedIntegerConverter
from quizapp.views import (
    auth,
    bank,
    cards,
    classes,
    gradebook,
    health,
    history,
    main,
    progress,
    questions,
    quiz,
    quizzes,
    review,
    teach,
)

BLUEPRINTS = (
    main.bp,
    health.bp,
    auth.bp,
    quiz.bp,
    history.bp,
    teach.bp,
    classes.bp,
    questions.bp,
    review.bp,
    quizzes.bp,
    bank.bp,
    cards.bp,
    progress.bp,
    gradebook.bp,
)


def register_blueprints(app: Flask) -> None:
    """Register every blueprint on ``app`` (ids in URLs limited to what a database holds)."""
    app.url_map.converters["int"] = BoundedIntegerConverter
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
