"""SQL expressions shared by the analytics queries, written once per database dialect."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Float, String, bindparam, case, cast
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from quizapp.local_time import school_zone
from quizapp.models import Attempt


class school_day(FunctionElement):  # noqa: N801 - SQL function names are lower case
    """The calendar day of a timestamp column on the school's clock (``TIME_ZONE``), as
    ``'YYYY-MM-DD'`` text: ``school_day(column)``; the zone is bound as a parameter."""

    type = String()
    name = "school_day"
    inherit_cache = True

    def __init__(self, column, **kw) -> None:
        super().__init__(column, bindparam(None, school_zone().key, type_=String()), **kw)


@compiles(school_day)
def _school_day_sqlite(element, compiler, **kw) -> str:
    """SQLite: the function each connection is given (``local_time.sqlite_school_day``)."""
    return f"school_day({compiler.process(element.clauses, **kw)})"


@compiles(school_day, "postgresql")
def _school_day_postgresql(element, compiler, **kw) -> str:
    """PostgreSQL: the timestamp at the school's time zone, whatever the session's."""
    column, zone = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"to_char(({column}) AT TIME ZONE {zone}, 'YYYY-MM-DD')"


def as_date(value: str | date | datetime) -> date:
    """A ``school_day`` result (text) as a ``date``."""
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(value)


def attempt_percent():
    """An attempt's score as a percentage of its maximum (NULL when nothing was marked)."""
    return case(
        (Attempt.max_score > 0, 100.0 * cast(Attempt.score, Float) / Attempt.max_score),
        else_=None,
    )
