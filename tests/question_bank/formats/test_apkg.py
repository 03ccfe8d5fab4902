"""Anki packages: opened with zipfile and sqlite3 to check notes, decks and stable guids."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

from question_bank.formats import write_questions
from question_bank.model import Answer, Gap, Question

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


def _cloze_rows(package: bytes, tmp_path: Path) -> tuple[list[tuple[str, int]], dict]:
    archive = zipfile.ZipFile(io.BytesIO(package))
    database = tmp_path / "cloze.anki2"
    database.write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(database)
    try:
        models = json.loads(connection.execute("select models from col").fetchone()[0])
        notes = connection.execute("select flds, mid from notes order by id").fetchall()
        cards = connection.execute("select nid, ord from cards order by nid, ord").fetchall()
    finally:
        connection.close()
    return notes, {"models": models, "cards": cards}


def test_cloze_questions_become_anki_cloze_notes_one_card_per_gap(tmp_path):
    talks = Question(
        "cloze",
        "{{1}} met {{2}} in {{3}} & talked.",
        general_feedback="Talks of 14 April 2021.",
        gaps=(
            Gap(answers=(Answer("Aliyev"), Answer("Ilham Aliyev"))),
            Gap("multichoice", (Answer("Putin", 0), Answer("Lukashenko", 1))),
            Gap("numerical", (Answer("2021", 1.0, "", 0.0),)),
        ),
    )
    simple = Question("cloze", "The talks were held in {{1}}.", answers=(Answer("Baku"),))
    essay = Question("essay", "Why did the talks matter?")
    notes, col = _cloze_rows(write_questions([talks, simple, essay], "apkg"), tmp_path)
    (text, extra), (simple_text, _) = (row[0].split("\x1f") for row in notes[:2])
    assert text == (
        "{{c1::Aliyev}} met {{c2::Lukashenko::Putin / Lukashenko}} in {{c3::2021}} &amp; talked."
    )
    assert extra == "Talks of 14 April 2021."
    assert simple_text == "The talks were held in {{c1::Baku}}."
    assert "{{1}}" not in text and "_____" not in text
    model = col["models"][str(notes[0][1])]
    assert model["type"] == 1 and "{{cloze:Text}}" in model["tmpls"][0]["qfmt"]
    assert [ord_ for nid, ord_ in col["cards"]].count(2) == 1  # c3 is a card of its own
    essay_fields = notes[2][0].split("\x1f")
    assert essay_fields[1] == "No model answer: this one is marked by your teacher."


def test_essay_card_back_carries_the_model_answer(tmp_path):
    with_model = Question(
        "essay",
        "Why did the talks matter?",
        answers=(Answer("They settled the trade plan.", 0.0),),
        general_feedback="Mention trade.",
    )
    feedback_only = Question("essay", "Why?", general_feedback="Mention trade.")
    notes = _notes(write_questions([with_model, feedback_only], "apkg"), tmp_path, "essays")
    fields = sorted(f.split("\x1f") for f, _ in notes.values())
    assert fields == [
        ["Why did the talks matter?", "They settled the trade plan.", "Mention trade."],
        ["Why?", "Mention trade.", ""],
    ]
