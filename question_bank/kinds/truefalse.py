"""True or false: a statement and its two options, "True" and "False", in that order.

Response and marking as for multiple choice with one right option.
"""

from __future__ import annotations

from typing import Any

from question_bank.kinds.multichoice import MultichoiceKind
from question_bank.model import Answer, Item, Question


class TrueFalseKind(MultichoiceKind):
    """A statement that is true or false."""

    name = "truefalse"
    label = "True or false"
    position = 20

    def card_front(self, question: Question) -> str:
        """The statement alone."""
        return question.prompt

    def from_item(self, item: Item) -> dict[str, Any]:
        """True and False, the item's answer right; options never shuffled."""
        answers = super().from_item(item)["answers"] or (
            Answer("True", 1.0 if item.answer == "True" else 0.0),
            Answer("False", 1.0 if item.answer == "False" else 0.0),
        )
        return {"answers": answers, "shuffle": False}

    def example(self) -> Question:
        """The talks were held in Baku."""
        return Question(
            kind=self.name,
            prompt="The talks were held in Baku.",
            answers=(Answer("True", 1.0), Answer("False", 0.0)),
            shuffle=False,
        )


KIND = TrueFalseKind()
