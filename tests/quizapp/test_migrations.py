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


def test_upgrade_keeps_attempts_and_reads_imported_cloze(database_url):
    """Data of revision 0004: numbered attempts, a duplicate open attempt closed, answers pinned,
    essays waiting, and a Cloze question imported with its embedded answers in the text."""
    from datetime import UTC, datetime

    from question_bank.grading import grade
    from quizapp.models import Attempt, AttemptSlot
    from quizapp.models import Question as QuestionRow

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    now = datetime(2026, 1, 1, tzinfo=UTC)
    cloze = {
        "kind": "cloze",
        "prompt": "Paris is in {1:SHORTANSWER:=France~%50%Europe}.",
        "prompt_format": "moodle",
        "extra": {"moodle.questiontext.format": "html"},
    }
    essay = {"kind": "essay", "prompt": "Why?"}
    with app.app_context():
        upgrade(revision="0004")
        with db.engine.begin() as conn:
            meta = sa.MetaData()
            table = {
                name: sa.Table(name, meta, autoload_with=conn)
                for name in ("user", "quiz", "question", "quiz_question", "attempt", "response")
            }
            conn.execute(
                table["user"].insert(),
                [
                    {
                        "id": 1,
                        "username": "sam",
                        "password_hash": "!",
                        "role": "student",
                        "created_at": now,
                    }
                ],
            )
            conn.execute(
                table["quiz"].insert(),
                [
                    {
                        "id": 1,
                        "title": "Q",
                        "description": "",
                        "is_published": True,
                        "created_at": now,
                    }
                ],
            )
            conn.execute(
                table["question"].insert(),
                [
                    {
                        "id": 1,
                        "kind": "cloze",
                        "prompt": cloze["prompt"],
                        "payload": cloze,
                        "fact_type": "",
                        "evidence": "",
                        "is_deleted": False,
                        "created_at": now,
                    },
                    {
                        "id": 2,
                        "kind": "essay",
                        "prompt": "Why?",
                        "payload": essay,
                        "fact_type": "",
                        "evidence": "",
                        "is_deleted": False,
                        "created_at": now,
                    },
                ],
            )
            conn.execute(
                table["quiz_question"].insert(),
                [
                    {"quiz_id": 1, "question_id": 1, "position": 0},
                    {"quiz_id": 1, "question_id": 2, "position": 1},
                ],
            )
            attempt = {"quiz_id": 1, "user_id": 1, "started_at": now, "score": 0, "max_score": 0}
            conn.execute(
                table["attempt"].insert(),
                [
                    {**attempt, "id": 1, "submitted_at": now},
                    {**attempt, "id": 2, "submitted_at": None},
                    {**attempt, "id": 3, "submitted_at": None},
                ],
            )
            conn.execute(
                table["response"].insert(),
                [
                    {
                        "attempt_id": 1,
                        "question_id": 1,
                        "position": 0,
                        "answer": ["France"],
                        "fraction": 1.0,
                        "feedback": "",
                        "created_at": now,
                    },
                    {
                        "attempt_id": 1,
                        "question_id": 2,
                        "position": 1,
                        "answer": "Because.",
                        "fraction": None,
                        "feedback": "",
                        "created_at": now,
                    },
                ],
            )
        upgrade(revision="heads")
        attempts = {a.id: a for a in db.session.execute(db.select(Attempt)).scalars()}
        assert [attempts[i].number for i in (1, 2, 3)] == [1, 2, 3]
        assert attempts[2].submitted_at is not None and attempts[3].submitted_at is None
        assert attempts[1].pending_marks == 1
        slots = db.session.execute(
            db.select(AttemptSlot.attempt_id, AttemptSlot.question_id, AttemptSlot.answer).order_by(
                AttemptSlot.attempt_id, AttemptSlot.position
            )
        ).all()
        assert [(a, q) for a, q, _ in slots] == [(1, 1), (1, 2), (3, 1), (3, 2)]
        assert slots[0][2] == ["France"]
        question = db.session.get(QuestionRow, 1)
        assert question.prompt == "Paris is in {{1}}." and question.bank.prompt_format == "html"
        assert grade(question.bank, ["Europe"]).fraction == 0.5
        db.session.remove()
        downgrade(revision="base")
        db.engine.dispose()
