"""An Anki deck exported again after a question was edited keeps that note's id."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from dataclasses import replace

from quizapp.extensions import db
from quizapp.models import User
from quizapp.services.attempts import start_attempt, submit_attempt
from quizapp.services.authoring import update_question
from quizapp.services.bank_io import bank_for_export, export_questions
from quizapp.services.quizzes import quiz_questions
from tests.conftest import quiz_by_id


def note_guids(apkg: bytes, tmp_path) -> dict[str, str]:
    """Map each note's guid to its first field, read from the package's SQLite collection."""
    with zipfile.ZipFile(io.BytesIO(apkg)) as package:
        (tmp_path / "collection.anki2").write_bytes(package.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "collection.anki2") as conn:
        rows = conn.execute("SELECT guid, flds FROM notes").fetchall()
    return {guid: fields.split("\x1f")[0] for guid, fields in rows}


def test_edited_answered_question_keeps_its_anki_note(app, bundled_quiz, create_user, tmp_path):
    student = create_user("sam")
    with app.app_context():
        teacher = db.session.execute(db.select(User).filter_by(username="tess")).scalar_one()
        quiz = quiz_by_id(bundled_quiz)
        attempt = start_attempt(quiz, db.session.get(User, student.id))
        submit_attempt(attempt, {})
        db.session.commit()
        before = note_guids(export_questions(bank_for_export(teacher), "apkg").data, tmp_path)

        question = quiz_questions(quiz)[0]
        edited = replace(question.bank, prompt=question.bank.prompt + " (edited)", title="Renamed")
        newer = update_question(question, edited, question.category_id)
        db.session.commit()
        assert newer.id != question.id and newer.version == 2

        after = note_guids(export_questions(bank_for_export(teacher), "apkg").data, tmp_path)
    assert set(after) == set(before)
    changed = [guid for guid in after if after[guid] != before[guid]]
    assert len(changed) == 1 and "(edited)" in after[changed[0]]
