"""Checks on the options of choice items: distractors of the wrong type, or equal to the answer.

Each check takes an item and the article's entity classes and returns True when the item FAILS.
True/false and ordering items are not audited here: their options are verdicts or the events to
order, not distractors.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.lang.en.stop_words import STOP_WORDS

from question_bank.model import Item

from .choice_types import classes_compatible, classify_choice
from .normalise import answers_match, normalise_answer

#: Kinds whose options are not distractors: true/false verdicts, and ordering items, whose
#: choices are the events to put in order (every one of them belongs in the answer).
VERDICT_KINDS = frozenset({"truefalse", "ordering"})

#: Words left out when building an acronym from a name.
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "a", "an"})


def distractors(item: Item) -> list[str]:
    """Return an item's options other than its answer (the first exact occurrence is the answer)."""
    options = list(item.choices)
    if item.answer in options:
        options.remove(item.answer)
    return options


def _acronym(text: str) -> str:
    """Initials of a name's words, skipping small function words ("NASA" for the full name)."""
    parts = normalise_answer(text).split()
    return "".join(part[0] for part in parts if part not in ACRONYM_SKIP)


def is_alias(first: str, second: str) -> bool:
    """Tell whether two options name the same thing.

    Same after normalisation (with a fuzzy ratio), one's content words all inside the other's
    ("Aliyev" / "Ilham Aliyev", "300" / "nearly 300"), or one is the other's acronym.
    """
    if answers_match(first, second):
        return True
    left, right = set(normalise_answer(first).split()), set(normalise_answer(second).split())
    shorter, longer = sorted((left, right), key=len)
    content = shorter - STOP_WORDS
    if content and content <= longer:
        return True
    short_text, long_text = sorted((first.strip(), second.strip()), key=len)
    return (
        short_text.isupper()
        and len(short_text) >= 2
        and normalise_answer(short_text) == _acronym(long_text)
    )


def distractor_alias(item: Item, article_entities: Mapping[str, str] | None = None) -> bool:
    """Fail when a distractor equals or aliases the answer, an accepted answer or another option."""
    if item.kind in VERDICT_KINDS or not item.choices:
        return False
    options = distractors(item)
    rights = [item.answer, *item.accepted]
    for index, option in enumerate(options):
        if any(is_alias(option, right) for right in rights if right.strip()):
            return True
        if any(is_alias(option, other) for other in options[index + 1 :]):
            return True
    return False


def distractor_wrong_type(item: Item, article_entities: Mapping[str, str] | None = None) -> bool:
    """Fail when a distractor's class (date, number, person, place ...) is not the answer's."""
    if item.kind in VERDICT_KINDS or not item.choices:
        return False
    answer_class = classify_choice(item.answer, article_entities)
    return any(
        not classes_compatible(answer_class, classify_choice(option, article_entities))
        for option in distractors(item)
    )
