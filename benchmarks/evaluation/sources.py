"""Where items come from: the generator under audit, and the flooding baseline.

``ITEM_SOURCES`` maps a source name to a function of (text, publication date) returning items.
A source that cannot run raises ``SourceUnavailable`` with the reason.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from question_bank.model import Item

from .baseline import entity_cloze_items


class SourceUnavailable(RuntimeError):
    """An item source cannot run (for example, the generator is not importable yet)."""


@dataclass(frozen=True)
class SourceItems:
    """What a source made for one article: the items it publishes and every candidate."""

    published: list[Item]
    candidates: list[Item]


def generator_items(text: str, published: date | None) -> SourceItems:
    """Run ``question_bank.generate`` with its defaults: the published list and, for recall by
    all candidates, the published list with every further candidate."""
    try:
        package = importlib.import_module("question_bank")
    except ImportError as error:
        raise SourceUnavailable(f"question_bank is not importable: {error}") from error
    generate = getattr(package, "generate", None)
    if not callable(generate):
        raise SourceUnavailable("question_bank.generate is not a function")
    generation = generate(text, published=published.isoformat() if published else None)
    items = list(generation.items)
    return SourceItems(items, items + list(getattr(generation, "more", ())))


def baseline_items(text: str, published: date | None) -> SourceItems:
    """Blank every named entity of every sentence (publication date unused)."""
    items = entity_cloze_items(text)
    return SourceItems(items, items)


#: Source name -> function returning the items to audit for one article.
ITEM_SOURCES: dict[str, Callable[[str, date | None], SourceItems]] = {
    "generator": generator_items,
    "baseline": baseline_items,
}
