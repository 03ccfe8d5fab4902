"""The yardstick: the simplest useful database page, served by the same gunicorn settings.

A Flask + Flask-SQLAlchemy view that reads the session cookie, loads one row by primary key
and renders a 2 kB Jinja page. Every quizapp page is measured as a share of its throughput
in the same run: ``gunicorn -c python:quizapp.gunicorn_conf 'benchmarks.loadkit.yardstick:app'``.
"""

from __future__ import annotations

import os

from flask import Flask, render_template, session
from flask_sqlalchemy import SQLAlchemy
from jinja2 import DictLoader
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Plain declarative base."""


db = SQLAlchemy(model_class=Base)


class Account(db.Model):
    """The app's ``user`` table, as far as the page needs it."""

    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64))


PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{{ user.username }}</title></head><body><h1>Hello {{ user.username }}</h1>
{% for n in range(24) %}<p>Line {{ n }} of a page about {{ user.username }}, number {{ user.id }}.
</p>{% endfor %}</body></html>"""


def create_yardstick() -> Flask:
    """The yardstick app on ``QUIZAPP_DATABASE_URL``."""
    app = Flask(__name__)
    app.jinja_loader = DictLoader({"page.html": PAGE})
    url = os.environ["QUIZAPP_DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://", 1)
    app.config.update(SECRET_KEY=os.environ["QUIZAPP_SECRET_KEY"], SQLALCHEMY_DATABASE_URI=url)
    db.init_app(app)

    @app.get("/one")
    def one():
        session.setdefault("user_id", 2)
        user = db.get_or_404(Account, session["user_id"])
        return render_template("page.html", user=user)

    return app


app = create_yardstick()
