"""Flask extensions, created unbound and bound to an app by ``init_extensions``."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from flask import Flask
from flask_caching import Cache
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase

from quizapp.local_time import sqlite_school_day
from quizapp.transactions import commit_read_only, only_read

MIGRATIONS_DIR = str(Path(__file__).with_name("migrations"))

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base whose constraints get predictable names (needed by Alembic)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
login_manager = LoginManager()
limiter = Limiter(key_func=get_remote_address)
cache = Cache()


@event.listens_for(Engine, "connect")
def _prepare_sqlite(dbapi_connection, connection_record) -> None:
    """SQLite enforces foreign keys only when asked, per connection, and has no time zones:
    each connection is given ``school_day`` (``local_time.sqlite_school_day``)."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
        dbapi_connection.create_function("school_day", 2, sqlite_school_day, deterministic=True)


def init_extensions(app: Flask) -> None:
    """Bind every extension to ``app``."""
    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR, render_as_batch=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to see that page."
    login_manager.login_message_category = "info"
    limiter.init_app(app)
    cache.init_app(app)
    app.teardown_appcontext(end_session_quietly)  # runs before Flask-SQLAlchemy's own teardown


def end_session_quietly(exc: BaseException | None) -> None:
    """End the request's database session: a transaction that only read is committed (the
    connection keeps its prepared statements, see ``quizapp.transactions``), any other rolled
    back. A connection the database dropped meanwhile (a restart) cannot roll back, which must
    not turn a finished response into a 500."""
    try:
        if exc is None and only_read(db.session()):
            commit_read_only(db.session())
        db.session.remove()
    except DBAPIError as error:
        db.session.registry().invalidate()  # close the dead connection, not back to the pool
        db.session.registry.clear()
        logging.getLogger("quizapp").warning("database session ended uncleanly: %s", error.orig)
