"""A question's payload is parsed once, and parsed again when the row's payload changes."""

from __future__ import annotations

from question_bank.model import Answer
from question_bank.model import Question as BankQuestion
from quizapp.models import Question


def short(prompt: str) -> BankQuestion:
    return BankQuestion(kind="shortanswer", prompt=prompt, answers=(Answer("yes"),))


def test_a_payload_is_parsed_once_and_again_after_an_edit():
    row = Question.from_bank(short("First?"))
    row.id = 987_654
    first = row.bank
    assert first is row.bank
    assert first.prompt == "First?"
    row.payload = short("Second?").to_dict()
    assert row.bank.prompt == "Second?"
    other = Question.from_bank(short("First?"))
    other.id = 987_654  # the same id in another database: its own payload counts
    assert other.bank.prompt == "First?"


def test_changing_the_parsed_payload_in_place_does_not_change_the_cache():
    row = Question.from_bank(short("Kept?"))
    row.id = 987_655
    assert row.bank.prompt == "Kept?"
    row.payload["prompt"] = "Changed?"
    assert row.bank.prompt == "Changed?"
