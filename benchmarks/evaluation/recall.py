"""Fact recall: the share of gold facts that some generated item answers.

An item answers a gold fact when (a) one of the item's answers matches the gold answer or one of
its aliases (casefolded, punctuation-insensitive, fuzzy ratio, see ``normalise.answers_match``)
and (b) the item's evidence overlaps the gold evidence sentence. A matching item offers every
left and right side of its pairs as answers, an ordering item every element of its sequence.
True/false items state a fact rather than ask for it, so they answer no gold fact.
"""

from __future__ import annotations

from collections.abc import Sequence

from question_bank.model import Item

from .gold import GoldFact
from .normalise import answers_match, evidence_overlaps


def item_answers(item: Item) -> tuple[str, ...]:
    """Return every answer an item asks for."""
    if item.kind == "truefalse":
        return ()
    from_pairs = tuple(side for pair in item.pairs for side in pair)
    return (item.answer, *from_pairs, *item.sequence)


def answers_fact(item: Item, fact: GoldFact) -> bool:
    """Tell whether an item answers one gold fact."""
    if not evidence_overlaps(item.evidence, fact.evidence):
        return False
    return any(
        answers_match(offered, expected)
        for offered in item_answers(item)
        for expected in fact.answers
    )


def answered_facts(items: Sequence[Item], facts: Sequence[GoldFact]) -> list[bool]:
    """Return, per gold fact, whether some item answers it."""
    return [any(answers_fact(item, fact) for item in items) for fact in facts]
