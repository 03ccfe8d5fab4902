"""Take pages keep each question card they draw, within a budget of characters."""

from __future__ import annotations

from question_bank.model import Answer
from question_bank.model import Question as BankQuestion
from quizapp.templating import QuestionCards


def _draw(cards: QuestionCards, question: BankQuestion, number: int, saved: str = ""):
    values = {"q1": [saved]} if saved else {}
    return cards(1, question, "q1", [], number, 9, values, False, False, "f1")


def _typed(prompt: str) -> BankQuestion:
    return BankQuestion(kind="shortanswer", prompt=prompt, answers=(Answer("Baku"),))


def test_a_card_is_kept_and_an_edited_question_is_drawn_anew(app):
    with app.test_request_context():
        cards = QuestionCards()
        question = _typed("Which city hosted the talks?")
        first = _draw(cards, question, 1)
        assert "Which city hosted the talks?" in first
        assert _draw(cards, question, 1) is first
        assert _draw(cards, question, 2) is not first  # another place in the quiz
        edited = _typed("In which capital were the talks held?")
        assert "In which capital" in _draw(cards, edited, 1)


def test_cards_stay_within_the_budget_and_huge_ones_are_never_kept(app):
    with app.test_request_context():
        cards = QuestionCards()
        cards.MAX_CHARACTERS, cards.MAX_KEPT_CARD = 6_000, 3_000
        question = _typed("Which city hosted the talks?")
        for number in range(1, 40):
            _draw(cards, question, number)
            assert 0 < cards._characters <= cards.MAX_CHARACTERS
        essay = "word " * 1_000
        drawn = _draw(cards, question, 1, saved=essay)
        assert essay.strip() in drawn
        assert _draw(cards, question, 1, saved=essay) is not drawn
        huge = _typed("Which city? " + "x" * 5_000)
        assert _draw(cards, huge, 1) is not _draw(cards, huge, 1)
