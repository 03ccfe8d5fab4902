"""SQL expressions shared by the analytics queries, written once per database dialect."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Float, String, case, cast
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from quizapp.models import Attempt


class utc_day(FunctionElement):  # noqa: N801 - SQL function names are lower case
    """The UTC calendar day of a timestamp column, as ``'YYYY-MM-DD'`` text."""

    type = String()
    name = "utc_day"
    inherit_cache = True


@compiles(utc_day)
def _utc_day_default(element, compiler, **kw) -> str:
    """SQLite (and others storing UTC text): ``date(column)``."""
    return f"date({compiler.process(element.clauses, **kw)})"


@compiles(utc_day, "postgresql")
def _utc_day_postgresql(element, compiler, **kw) -> str:
    """PostgreSQL: the day in UTC whatever the session time zone."""
    column = compiler.process(element.clauses, **kw)
    return f"to_char(({column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD')"


def as_date(value: str | date | datetime) -> date:
    """A ``utc_day`` result (text) as a ``date``."""
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(value)


def attempt_percent():
    """An attempt's score as a percentage of its maximum (NULL when nothing was marked)."""
    return case(
        (Attempt.max_score > 0, 100.0 * cast(Attempt.score, Float) / Attempt.max_score),
        else_=None,
    )
