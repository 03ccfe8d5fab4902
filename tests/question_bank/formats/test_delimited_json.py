"""CSV/TSV spreadsheets with the documented columns, and the JSON listing."""

from __future__ import annotations

import json

import pytest

from question_bank.formats import FormatError, delimited, read_questions, write_questions
from question_bank.model import Answer, Pair, Question

BANK = [
    Question(
        "multichoice",
        'Pick, "quoted"\nand multi-line',
        title="MC",
        category="A/B",
        tags=("x", "y"),
        answers=(Answer("a", 1.0, "good"), Answer("b", 0.0, "bad")),
        general_feedback="gf",
        shuffle=False,
        extra=(("moodle.penalty", "0.3"),),
    ),
    Question("numerical", "Pi?", answers=(Answer("3.14", 1.0, "", 0.01),), default_mark=2.0),
    Question("matching", "Match", pairs=(Pair("l1", "r1"), Pair("l2", "r2"), Pair("", "r3"))),
    Question("essay", "Why?", prompt_format="markdown"),
]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_spreadsheet_round_trip(fmt):
    assert read_questions(write_questions(BANK, fmt), f"bank.{fmt}", fmt) == BANK


def test_every_written_column_is_documented():
    header = write_questions(BANK, "csv").decode().split("\r\n", 1)[0].split(",")
    for column in header:
        name = column.rstrip("0123456789")
        assert f"``{name}" in delimited.__doc__


def test_hand_written_csv_with_defaults():
    text = (
        "\ufeffKind,Prompt,Answer1,Answer2,Fraction2,Tags\r\n"
        "shortanswer,Capital of Italy?,Rome,Roma,0.5,geo; europe\r\n"
        "multichoice,Pick,x,y,1,\r\n"
    )
    short, choice = read_questions(text.encode(), "hand.csv")
    assert short.answers == (Answer("Rome", 1.0), Answer("Roma", 0.5))
    assert short.tags == ("geo", "europe")
    assert [a.fraction for a in choice.answers] == [0.0, 1.0]


def test_bad_rows_are_reported_with_their_lines_and_nothing_imported():
    text = (
        "kind,prompt,fraction1,answer1\n"
        "shortanswer,ok,1,yes\n"
        'essay,"two\nlines",,\n'
        "riddle,what?,,\n"
        "shortanswer,q,lots,x\n"
    )
    with pytest.raises(FormatError) as caught:
        read_questions(text.encode(), "bad.csv", "csv")
    assert [(p.line, p.reason.split(" ")[0]) for p in caught.value.problems] == [
        (5, "kind"),
        (6, "fraction1"),
    ]


def test_unknown_columns_are_refused():
    with pytest.raises(FormatError) as caught:
        read_questions(b"kind,prompt,colour\nessay,x,red\n", "c.csv", "csv")
    assert caught.value.problems[0].line == 1 and "colour" in caught.value.problems[0].reason


def test_json_listing_round_trip_and_errors():
    data = write_questions(BANK, "json")
    listing = json.loads(data)
    assert listing["questions"][0]["answers"][0] == {
        "text": "a",
        "fraction": 1.0,
        "feedback": "good",
        "tolerance": None,
    }
    assert read_questions(data, "bank.json") == BANK
    with pytest.raises(FormatError) as caught:
        read_questions(b'{"questions": [\n{"kind": "riddle"}]}', "bad.json", "json")
    assert "question 1" in caught.value.problems[0].reason
    with pytest.raises(FormatError) as caught:
        read_questions(b'{"questions": [\n,]}', "broken.json", "json")
    assert caught.value.problems[0].line == 2
