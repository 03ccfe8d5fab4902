"""Matching: items on the left, each to be matched with its partner on the right.

Pairs with an empty left side only add wrong partners to choose from (Moodle's distractors).
Response: the chosen partner texts, in the order of the items. Each right match earns an equal
share of the mark.
"""

from __future__ import annotations

from typing import Any

from question_bank.kinds.base import Mark, QuestionKind, split_parts, text_parts
from question_bank.model import Item, Pair, Question


def matching_items(question: Question) -> list[Pair]:
    """The pairs to match (those with a left side)."""
    return [pair for pair in question.pairs if pair.left.strip()]


def partner_options(question: Question) -> list[str]:
    """Every partner text a student may choose, distractors included, without repeats."""
    return list(dict.fromkeys(pair.right for pair in question.pairs))


class MatchingKind(QuestionKind):
    """Items matched with partners (see the module rules)."""

    name = "matching"
    label = "Matching"
    position = 50
    is_generated = True

    def problems(self, question: Question) -> list[str]:
        """Two items at least, each with a partner."""
        found = super().problems(question)
        items = matching_items(question)
        if len(items) < 2:
            found.append("a matching question needs at least two items")
        if any(not pair.right.strip() for pair in items):
            found.append("every item needs a partner")
        return found

    def clean_response(self, question: Question, value: Any) -> list[str]:
        """One chosen partner per item."""
        parts = [part.strip() for part in text_parts(value)]
        count = len(matching_items(question))
        return (parts + [""] * count)[:count]

    def response_from_text(self, question: Question, text: str) -> list[str]:
        """Partners in item order, separated by ``|``."""
        return self.clean_response(question, split_parts(text))

    def mark(self, question: Question, response: Any) -> Mark:
        """The share of items matched with their partner."""
        items = matching_items(question)
        if not items:
            return Mark(0.0)
        right = sum(1 for pair, given in zip(items, response, strict=False) if given == pair.right)
        return Mark(right / len(items))

    def right_response(self, question: Question) -> list[str]:
        """Every item's partner."""
        return [pair.right for pair in matching_items(question)]

    def right_answer_text(self, question: Question) -> str:
        """Item → partner, for every item."""
        return "; ".join(self.right_answer_lines(question))

    def response_text(self, question: Question, response: Any) -> str:
        """Item → chosen partner."""
        return "; ".join(self.response_lines(question, response))

    def right_answer_lines(self, question: Question) -> list[str]:
        """One "item → partner" line per item."""
        return [f"{p.left} → {p.right}" for p in matching_items(question)]

    def response_lines(self, question: Question, response: Any) -> list[str]:
        """One "item → chosen partner" line per item."""
        pairs = zip(matching_items(question), response, strict=False)
        return [f"{p.left} → {given or '?'}" for p, given in pairs]

    def card_front(self, question: Question) -> str:
        """The prompt and the items to match."""
        items = "\n".join(f"• {pair.left}" for pair in matching_items(question))
        return f"{question.prompt}\n{items}"

    def card_back(self, question: Question) -> str:
        """Item → partner lines."""
        return "\n".join(f"{p.left} → {p.right}" for p in matching_items(question))

    def from_item(self, item: Item) -> dict[str, Any]:
        """The item's pairs."""
        return {"pairs": tuple(Pair(left, right) for left, right in item.pairs)}

    def example(self) -> Question:
        """Match the presidents with their countries."""
        return Question(
            kind=self.name,
            prompt="Match each president with his country.",
            pairs=(
                Pair("Ilham Aliyev", "Azerbaijan"),
                Pair("Alexander Lukashenko", "Belarus"),
                Pair("", "Turkey"),
            ),
        )


KIND = MatchingKind()
