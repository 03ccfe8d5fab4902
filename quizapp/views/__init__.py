"""Blueprints, one per module."""

from __future__ import annotations

from flask import Flask

from quizapp.views import auth, history, main, quiz, teach

BLUEPRINTS = (main.bp, auth.bp, quiz.bp, history.bp, teach.bp)


def register_blueprints(app: Flask) -> None:
    """Register every blueprint on ``app``."""
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
