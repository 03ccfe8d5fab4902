"""Multiple choice: one or several options right, each with a share of the mark and feedback.

Response: the indices (into ``question.answers``) of the options chosen. With ``single``, more
than one choice scores 0; otherwise the chosen fractions add up, kept between 0 and 1.
"""

from __future__ import annotations

import re
from typing import Any

from question_bank.kinds.base import ALL_FORMATS, Mark, QuestionKind, clip, split_parts, text_parts
from question_bank.model import Answer, Item, Question
from question_bank.typed.compare import answer_tokens

_INDEX = re.compile(r"[0-9]{1,6}")


def option_indices(question: Question, value: Any) -> list[int]:
    """Distinct valid option indices in ``value`` (anything else is ignored), in order."""
    found: list[int] = []
    for part in text_parts(value if isinstance(value, list | tuple) else [value]):
        part = part.strip()
        if _INDEX.fullmatch(part) and int(part) < len(question.answers):
            if int(part) not in found:
                found.append(int(part))
    return found


def option_for_text(question: Question, text: str) -> int | None:
    """The index of the option whose text reads like ``text`` (case, accents, spacing folded)."""
    wanted = answer_tokens(text)
    for index, answer in enumerate(question.answers):
        if wanted and answer_tokens(answer.text) == wanted:
            return index
    return None


class MultichoiceKind(QuestionKind):
    """Options to choose from (see the module rules)."""

    name = "multichoice"
    label = "Multiple choice"
    position = 10
    is_choice = True
    is_generated = True
    formats = ALL_FORMATS | {"aiken"}

    def problems(self, question: Question) -> list[str]:
        """Two options at least, and one earning marks."""
        found = super().problems(question)
        if len(question.answers) < 2:
            found.append("a choice question needs at least two options")
        if not any(a.fraction > 0 for a in question.answers):
            found.append("no option earns a mark")
        return found

    def clean_response(self, question: Question, value: Any) -> list[int]:
        """Chosen option indices."""
        return option_indices(question, value)

    def response_from_text(self, question: Question, text: str) -> list[int]:
        """Options named by their text, several separated by ``|``."""
        chosen = [option_for_text(question, part) for part in split_parts(text) if part]
        return [index for index in chosen if index is not None]

    def mark(self, question: Question, response: Any) -> Mark:
        """Sum of the chosen options' fractions; over-choosing a single-answer question scores 0."""
        chosen = [question.answers[i] for i in response]
        if question.single and len(chosen) > 1:
            return Mark(0.0, "Only one option may be chosen.")
        feedback = " ".join(a.feedback for a in chosen if a.feedback)
        return Mark(clip(sum(a.fraction for a in chosen)), feedback)

    def right_response(self, question: Question) -> list[int]:
        """The best option, or every option earning marks when several are right."""
        earning = [i for i, a in enumerate(question.answers) if a.fraction > 0]
        if question.single:
            return [max(earning, key=lambda i: question.answers[i].fraction)] if earning else []
        return earning

    def response_text(self, question: Question, response: Any) -> str:
        """The chosen options' texts."""
        return ", ".join(question.answers[i].text for i in response) or "(no answer)"

    def card_front(self, question: Question) -> str:
        """The prompt and the options as a list."""
        options = "\n".join(f"• {answer.text}" for answer in question.answers)
        return f"{question.prompt}\n{options}"

    def from_item(self, item: Item) -> dict[str, Any]:
        """The item's choices, the right one earning the mark."""
        return {
            "answers": tuple(
                Answer(text=c, fraction=1.0 if c == item.answer else 0.0) for c in item.choices
            )
        }

    def example(self) -> Question:
        """Which city hosted the talks?"""
        return Question(
            kind=self.name,
            prompt="Which city hosted the talks?",
            answers=(Answer("Baku", 1.0, "Yes."), Answer("Minsk", 0.0), Answer("Ankara", 0.0)),
        )


KIND = MultichoiceKind()
