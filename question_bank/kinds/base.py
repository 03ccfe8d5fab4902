"""What every question kind provides: the ``QuestionKind`` base class and the ``Mark`` it gives.

A kind is one class (one module in ``question_bank.kinds``) with every facet of its behaviour:
checking a question's payload, marking a response, the readable right answer and response,
the two sides of its flashcard, the generated item it comes from, which export formats can hold
it, and an example question. The web app's side of a kind (authoring form, answer reader,
template) lives in ``quizapp.kinds``.

Responses are plain JSON-ready values; each kind documents its shape and ``clean_response``
turns any value (stored, posted or typed) into that shape without ever raising.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from question_bank.model import Answer, Item, Question

#: Every export format that writes questions of any kind.
ALL_FORMATS = frozenset(
    {"gift", "moodlexml", "qti21", "csv", "tsv", "anki-text", "quizlet", "apkg", "json"}
)
#: Separator of the parts of a typed response (gaps, pairs, steps, several options).
PART_SEPARATOR = "|"
#: Full marks from this share on (marks are stored as floats).
FULL_MARKS = 0.999


@dataclass(frozen=True)
class Mark:
    """The outcome of marking one response: a share of the mark (None if ungraded) and feedback."""

    fraction: float | None
    feedback: str = ""

    @property
    def is_correct(self) -> bool | None:
        """True for full marks, False otherwise, None while ungraded."""
        return None if self.fraction is None else self.fraction >= FULL_MARKS


def clip(value: float) -> float:
    """A share of the mark kept between 0 and 1."""
    return max(0.0, min(1.0, float(value)))


def text_parts(value: Any) -> list[str]:
    """Any value as a list of strings (a list's items, or one string)."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return ["" if v is None else str(v) for v in value]
    return [str(value)]


def split_parts(text: str) -> list[str]:
    """A typed response's parts, separated by ``|`` (a JSON list is read as a list)."""
    stripped = str(text).strip()
    if stripped.startswith("["):
        import json

        try:
            data = json.loads(stripped)
        except ValueError:
            data = None
        if isinstance(data, list):
            return text_parts(data)
    return [part.strip() for part in stripped.split(PART_SEPARATOR)]


def best_answer(answers: Sequence[Answer]) -> Answer | None:
    """The answer earning most (several equal partial ones read together), None if none earns."""
    ranked = sorted((a for a in answers if a.fraction > 0), key=lambda a: -a.fraction)
    if len(ranked) > 1 and ranked[1].fraction == ranked[0].fraction and ranked[0].fraction < 1:
        return Answer(text=", ".join(a.text for a in ranked), fraction=1.0)
    return ranked[0] if ranked else None


class QuestionKind:
    """One kind of question; subclasses set the class attributes and override the methods.

    Class attributes: ``name`` (as stored), ``label`` (for people), ``position`` (order in
    lists), ``is_scored`` (carries marks; a description does not), ``is_auto_marked`` (marked
    here; an essay waits for the teacher), ``is_choice`` (responses are option indices, so a
    distractor table applies), ``is_card`` (has an answer to recall on a flashcard's back),
    ``is_generated`` (the generator makes items of it) and ``formats`` (the export formats
    that can hold it).
    """

    name: ClassVar[str] = ""
    label: ClassVar[str] = ""
    position: ClassVar[int] = 100
    is_scored: ClassVar[bool] = True
    is_auto_marked: ClassVar[bool] = True
    is_choice: ClassVar[bool] = False
    is_card: ClassVar[bool] = True
    is_generated: ClassVar[bool] = False
    formats: ClassVar[frozenset[str]] = ALL_FORMATS

    def problems(self, question: Question) -> list[str]:
        """Why the question cannot be asked as it is (empty when it can)."""
        return [] if question.prompt.strip() else ["the question has no text"]

    def clean_response(self, question: Question, value: Any) -> Any:
        """Any value as this kind's response shape (never raises)."""
        parts = text_parts(value)
        return parts[0].strip() if parts else ""

    def response_from_text(self, question: Question, text: str) -> Any:
        """The response a typed cell means (the marking command's CSV)."""
        return self.clean_response(question, str(text))

    def mark(self, question: Question, response: Any) -> Mark:
        """Mark a cleaned response."""
        raise NotImplementedError

    def right_response(self, question: Question) -> Any:
        """A response earning full marks (None for kinds without one)."""
        raise NotImplementedError

    def right_answer_text(self, question: Question) -> str:
        """A readable statement of the right answer, for feedback pages."""
        best = best_answer(question.answers)
        return best.text if best else ""

    def response_text(self, question: Question, response: Any) -> str:
        """A readable statement of what a student answered."""
        return str(response)

    def right_answer_lines(self, question: Question) -> list[str]:
        """The right answer as lines of a list (one line unless the answer has parts)."""
        text = self.right_answer_text(question)
        return [text] if text else []

    def response_lines(self, question: Question, response: Any) -> list[str]:
        """What a student answered (cleaned) as lines of a list (one unless it has parts)."""
        return [self.response_text(question, response)]

    def card_front(self, question: Question) -> str:
        """The question side of the flashcard."""
        return question.prompt

    def card_back(self, question: Question) -> str:
        """The answer side of the flashcard."""
        return "; ".join(answer.text for answer in question.right_answers)

    def from_item(self, item: Item) -> dict[str, Any]:
        """The Question fields a generated item of this kind gives (beyond the shared ones)."""
        raise NotImplementedError(f"the generator makes no {self.name} items")

    def example(self) -> Question:
        """A small, complete question of this kind."""
        raise NotImplementedError

    def examples(self) -> list[Question]:
        """Example questions covering the kind's forms (the first is ``example()``)."""
        return [self.example()]
