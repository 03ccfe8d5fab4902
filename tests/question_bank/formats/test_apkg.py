"""Anki packages: opened with zipfile and sqlite3 to check notes, decks and stable guids."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

from question_bank.formats import write_questions
from question_bank.model import Answer, Question

BANK = [
    Question(
        "shortanswer",
        "Capital of Italy?",
        title="Italy",
        category="Geo/Europe",
        answers=(Answer("Rome"),),
        tags=("capital city",),
    ),
    Question("multichoice", "Largest planet?", answers=(Answer("Jupiter", 1), Answer("Mars", 0))),
    Question(
        "truefalse",
        "Water boils at 100 C at sea level.",
        extra=(("gift.idnumber", "W-1"),),
        answers=(Answer("True", 1), Answer("False", 0)),
    ),
]


def _notes(package: bytes, tmp_path: Path, name: str) -> dict[str, tuple[str, str]]:
    """Return guid -> (fields, deck name) of every note in the package."""
    archive = zipfile.ZipFile(io.BytesIO(package))
    database = tmp_path / f"{name}.anki2"
    database.write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(database)
    try:
        decks = json.loads(connection.execute("select decks from col").fetchone()[0])
        rows = connection.execute(
            "select n.guid, n.flds, c.did from notes n join cards c on c.nid = n.id"
        ).fetchall()
    finally:
        connection.close()
    return {guid: (fields, decks[str(deck)]["name"]) for guid, fields, deck in rows}


def test_package_holds_one_note_per_question_in_category_decks(tmp_path):
    notes = _notes(write_questions(BANK, "apkg"), tmp_path, "first")
    assert len(notes) == 3
    fields = {f.split("\x1f")[0]: (f.split("\x1f")[1], deck) for f, deck in notes.values()}
    assert fields["Capital of Italy?"] == ("Rome", "Question bank::Geo::Europe")
    assert fields["Largest planet?<br>• Jupiter<br>• Mars"] == ("Jupiter", "Question bank")


def test_guids_are_stable_when_questions_are_edited(tmp_path):
    first = _notes(write_questions(BANK, "apkg"), tmp_path, "first")
    edited = [
        replace(BANK[0], prompt="What is the capital of Italy?", answers=(Answer("Roma"),)),
        replace(BANK[1], answers=(Answer("Jupiter", 1), Answer("Saturn", 0))),
        replace(BANK[2], prompt="Water boils at 100 °C at sea level."),
    ]
    second = _notes(write_questions(edited, "apkg"), tmp_path, "second")
    assert set(second) == set(first)
    changed = {first[g][0] != second[g][0] for g in first}
    assert changed == {True}


def test_identical_questions_get_distinct_guids_and_ids_repeat_between_exports(tmp_path):
    twice = [BANK[1], BANK[1]]
    notes = _notes(write_questions(twice, "apkg"), tmp_path, "twice")
    assert len(notes) == 2
    again = _notes(write_questions(twice, "apkg"), tmp_path, "again")
    assert set(again) == set(notes)
