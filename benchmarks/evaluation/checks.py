"""The automatic checks as a registry, plus the duplicate check that compares items pairwise.

``CHECKS`` maps a check name to a function of (items, context) returning one flag per item,
True where the item fails. ``run_checks`` applies them all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from question_bank.model import Item

from .choice_checks import distractor_alias, distractor_wrong_type
from .normalise import GAP_MARKER, answers_match, normalise_text
from .stem_checks import answer_leaks, long_stem, pronoun_stem, vague_stem

#: Token-sort ratio (0-100) at or above which two stems with the same answer are duplicates.
DUPLICATE_STEM_RATIO = 85.0


@dataclass(frozen=True)
class CheckContext:
    """What the checks may know about the article: its entities' classes."""

    article_entities: Mapping[str, str] = field(default_factory=dict)


ItemsCheck = Callable[[Sequence[Item], CheckContext], list[bool]]


def _each(check: Callable[[Item], bool]) -> ItemsCheck:
    """Lift a one-item check to the registry's (items, context) form."""

    def run(items: Sequence[Item], context: CheckContext) -> list[bool]:
        return [check(item) for item in items]

    run.__doc__ = check.__doc__
    return run


def _each_with_entities(check: Callable[[Item, Mapping[str, str]], bool]) -> ItemsCheck:
    """Lift a one-item check that reads the article's entity classes."""

    def run(items: Sequence[Item], context: CheckContext) -> list[bool]:
        return [check(item, context.article_entities) for item in items]

    run.__doc__ = check.__doc__
    return run


def _item_answers(item: Item) -> tuple[str, ...]:
    """What an item asks for: its answer, or its pairs or sequence for matching and ordering."""
    if item.pairs:
        return tuple(sorted(f"{left} = {right}" for left, right in item.pairs))
    if item.sequence:
        return tuple(item.sequence)
    return (item.answer,)


def _same_answers(first: Item, second: Item) -> bool:
    """Tell whether two items ask for the same answer."""
    left, right = _item_answers(first), _item_answers(second)
    return len(left) == len(right) and all(map(answers_match, left, right))


def duplicate_items(items: Sequence[Item], context: CheckContext) -> list[bool]:
    """Flag each item whose stem nearly repeats an earlier item's stem with the same answer.

    The first of a group is kept; later ones fail (items come best first).
    """
    stems = [normalise_text(item.prompt.replace(GAP_MARKER, " gap ")) for item in items]
    flags = [False] * len(items)
    for later in range(len(items)):
        for earlier in range(later):
            if flags[earlier] or not _same_answers(items[earlier], items[later]):
                continue
            if fuzz.token_sort_ratio(stems[earlier], stems[later]) >= DUPLICATE_STEM_RATIO:
                flags[later] = True
                break
    return flags


#: Check name -> check. Order is the report's column order.
CHECKS: dict[str, ItemsCheck] = {
    "leak": _each(answer_leaks),
    "pronoun_stem": _each(pronoun_stem),
    "distractor_type": _each_with_entities(distractor_wrong_type),
    "distractor_alias": _each_with_entities(distractor_alias),
    "duplicate": duplicate_items,
    "vague_stem": _each(vague_stem),
    "long_stem": _each(long_stem),
}


def run_checks(items: Sequence[Item], context: CheckContext | None = None) -> dict[str, list[bool]]:
    """Run every registered check; return check name -> one failure flag per item."""
    context = context or CheckContext()
    return {name: check(items, context) for name, check in CHECKS.items()}


def passing_flags(results: Mapping[str, list[bool]], count: int) -> list[bool]:
    """Return, per item, whether it passed every check."""
    return [not any(flags[index] for flags in results.values()) for index in range(count)]
