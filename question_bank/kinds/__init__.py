"""The question kinds: one class per kind, each in its own module, found here by the registry.

``KINDS`` maps a kind's name to its ``QuestionKind`` (see ``question_bank.kinds.base``), in the
order they are offered to people. Every module of this package that defines ``KIND`` is a kind;
adding one is adding a module (and its web side in ``quizapp.kinds``). The kind names, the
choice and card kinds and the database's list of kinds are all derived from ``KINDS``.
"""

from __future__ import annotations

import importlib
import pkgutil

from question_bank.kinds.base import ALL_FORMATS, FULL_MARKS, Mark, QuestionKind
from question_bank.model import Question


def _discover() -> dict[str, QuestionKind]:
    found = []
    for module in pkgutil.iter_modules(__path__):
        kind = getattr(importlib.import_module(f"{__name__}.{module.name}"), "KIND", None)
        if isinstance(kind, QuestionKind):
            found.append(kind)
    return {kind.name: kind for kind in sorted(found, key=lambda k: (k.position, k.name))}


#: Kind name -> kind, in display order.
KINDS: dict[str, QuestionKind] = _discover()
#: Every kind's name.
KIND_NAMES: tuple[str, ...] = tuple(KINDS)
#: Kinds whose responses are option indices (a distractor table applies).
CHOICE_KINDS: frozenset[str] = frozenset(n for n, k in KINDS.items() if k.is_choice)
#: Kinds that are flashcards (an answer to recall on the back).
CARD_KINDS: frozenset[str] = frozenset(n for n, k in KINDS.items() if k.is_card)
#: Kinds that carry marks.
SCORED_KINDS: frozenset[str] = frozenset(n for n, k in KINDS.items() if k.is_scored)


class UnknownKind(ValueError):
    """A question's kind is not one of ``KINDS``."""


def kind_of(question: Question | str) -> QuestionKind:
    """The kind of a question (or of a kind name); UnknownKind when there is none."""
    name = question if isinstance(question, str) else question.kind
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(f"no question kind {name!r}; known: {', '.join(KINDS)}") from None


def question_problems(question: Question) -> list[str]:
    """Why ``question`` cannot be asked (its kind's checks); empty when it can."""
    try:
        return kind_of(question).problems(question)
    except UnknownKind as error:
        return [str(error)]


__all__ = [
    "ALL_FORMATS",
    "CARD_KINDS",
    "CHOICE_KINDS",
    "FULL_MARKS",
    "KINDS",
    "KIND_NAMES",
    "SCORED_KINDS",
    "Mark",
    "QuestionKind",
    "UnknownKind",
    "kind_of",
    "question_problems",
]
