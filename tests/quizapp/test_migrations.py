"""The Alembic migrations build the schema the models describe."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from quizapp import create_app
from quizapp.extensions import db

TABLES = {"user", "article", "question", "quiz", "quiz_question", "attempt", "response"}


def test_migrations_apply_to_empty_database_and_match_models(database_url):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        assert not (TABLES & set(sa.inspect(db.engine).get_table_names()))
        upgrade(revision="heads")
        assert TABLES <= set(sa.inspect(db.engine).get_table_names())
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == []
        downgrade(revision="base")
        assert not (TABLES & set(sa.inspect(db.engine).get_table_names()))
        db.engine.dispose()
