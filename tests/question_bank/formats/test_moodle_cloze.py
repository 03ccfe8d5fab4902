"""Moodle's embedded-answers (Cloze) questions are read into real gaps and written back."""

from __future__ import annotations

import pytest

from question_bank.formats import read_questions, write_questions
from question_bank.grading import grade, right_answer_text
from question_bank.model import Answer, Gap, Question


def moodle_cloze(text: str, grade_: str = "1") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="cloze">
    <name><text>Capitals</text></name>
    <questiontext format="html"><text><![CDATA[{text}]]></text></questiontext>
    <generalfeedback format="html"><text></text></generalfeedback>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <defaultgrade>{grade_}</defaultgrade>
  </question>
</quiz>
""".encode()


def read_one(text: str, grade_: str = "1") -> Question:
    (question,) = read_questions(moodle_cloze(text, grade_), "cloze.xml")
    return question


def test_shortanswer_gap_becomes_a_field_and_paris_scores():
    question = read_one("<p>The capital of France is {1:SHORTANSWER:=Paris}.</p>")
    assert "Paris" not in question.prompt and "SHORTANSWER" not in question.prompt
    assert question.prompt == "<p>The capital of France is {{1}}.</p>"
    assert question.prompt_format == "html"
    assert grade(question, ["Paris"]).fraction == 1.0
    assert grade(question, ["Lyon"]).fraction == 0.0


def test_every_gap_type_weights_and_feedback():
    question = read_one(
        "{2:SA:=Paris#Yes~%50%Lyon#Close~*#No} {1:SAC:=Rome} {1:NM:=2800:100~%50%2500:500} "
        "{1:MCV:=Italy#Right~Spain#Wrong} {1:MCH:=A~B} {1:MCS:=A~B} {1:MCHS:=A~B} "
        "{1:MR:%50%red~%50%green~%-100%blue} {1:MRH:=x~=y~z} {1:MULTICHOICE_VS:=p~q}",
        grade_="11",
    )
    kinds = [(g.kind, g.layout, g.shuffle, g.case_sensitive, g.weight) for g in question.gaps]
    assert kinds == [
        ("shortanswer", "dropdown", False, False, 2.0),
        ("shortanswer", "dropdown", False, True, 1.0),
        ("numerical", "dropdown", False, False, 1.0),
        ("multichoice", "vertical", False, False, 1.0),
        ("multichoice", "horizontal", False, False, 1.0),
        ("multichoice", "dropdown", True, False, 1.0),
        ("multichoice", "horizontal", True, False, 1.0),
        ("multiresponse", "vertical", False, False, 1.0),
        ("multiresponse", "horizontal", False, False, 1.0),
        ("multichoice", "vertical", True, False, 1.0),
    ]
    assert question.gaps[0].answers == (
        Answer("Paris", 1.0, "Yes"),
        Answer("Lyon", 0.5, "Close"),
        Answer("*", 0.0, "No"),
    )
    assert question.gaps[2].answers[0] == Answer("2800", 1.0, "", 100.0)
    # Moodle: no percentage given, so each wrong option takes back one right one.
    assert [a.fraction for a in question.gaps[8].answers] == [0.5, 0.5, -0.5]
    right = ["Paris", "Rome", "2750", "Italy", "A", "A", "A", ["red", "green"], ["x", "y"], "p"]
    assert grade(question, right).fraction == 1.0
    half_first = ["Lyon", *right[1:]]
    mark = grade(question, half_first)
    assert mark.fraction == pytest.approx(1 - 1 / 11)
    assert "Gap 1: Close" in mark.feedback
    assert grade(question, ["Paris", "rome", *right[2:]]).fraction == pytest.approx(10 / 11)
    assert right_answer_text(question).startswith("Paris; Rome; 2800 ± 100; Italy")


def test_gap_numbers_follow_their_order_in_the_text():
    question = read_one("{1:SA:=one} then {1:SA:=two} then {1:SA:=three}")
    assert question.prompt == "{{1}} then {{2}} then {{3}}"
    assert grade(question, ["one", "two", "three"]).fraction == 1.0


def test_escaped_characters_in_answers_and_feedback():
    question = read_one(r"{1:SA:=a\}b\#c\~d#feed\}back~=x}")
    assert question.gaps[0].answers[0] == Answer("a}b#c~d", 1.0, "feed}back")
    assert grade(question, ["a}b#c~d"]).fraction == 1.0


def test_round_trip_through_moodle_xml():
    first = read_one(
        "{2:SA:=Paris#Yes~%50%Pariss} {1:NM:=2800:100~*#No} {1:MCHS:=Italy~Spain#Wrong} "
        "{1:MR:%50%red~%50%green~%-100%blue} {1:SAC:=Rome}",
        grade_="6",
    )
    again = read_questions(write_questions([first], "moodlexml"), "again.xml")
    assert again == [first]


def test_written_cloze_from_the_bank_is_embedded_answers():
    question = Question(
        kind="cloze",
        prompt="{{2}} met {{1}}.",
        gaps=(
            Gap("shortanswer", (Answer("Lukashenko"),)),
            Gap("multichoice", (Answer("Aliyev", 1.0), Answer("Putin", 0.0, "No"))),
        ),
    )
    written = write_questions([question], "moodlexml").decode()
    assert "{1:MULTICHOICE:=Aliyev~Putin#No} met {1:SHORTANSWER:=Lukashenko}." in written
    (back,) = read_questions(written.encode(), "back.xml")
    assert grade(back, ["Aliyev", "Lukashenko"]).fraction == 1.0
