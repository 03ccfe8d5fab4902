"""Where items come from: the generator under audit, and the flooding baseline.

``ITEM_SOURCES`` maps a source name to a function of (text, publication date) returning items.
A source that cannot run raises ``SourceUnavailable`` with the reason.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from types import ModuleType
from typing import Any

from question_bank.model import Item

from .baseline import entity_cloze_items


class SourceUnavailable(RuntimeError):
    """An item source cannot run (for example, the generator is not importable yet)."""


@lru_cache(maxsize=1)
def _generator_entry_point() -> tuple[Callable[..., Any], float]:
    """Return ``question_bank.generate`` and ``DEFAULT_MIN_SCORE``, resolved once per process.

    The function is held from the first look-up on, because importing the subpackage
    ``question_bank.generate`` rebinds the package attribute of the same name to that module.
    """
    try:
        package = importlib.import_module("question_bank")
        generate = package.generate
        threshold = float(package.DEFAULT_MIN_SCORE)
    except (ImportError, AttributeError) as error:
        raise SourceUnavailable(f"question_bank.generate is not available: {error}") from error
    if isinstance(generate, ModuleType) or not callable(generate):
        raise SourceUnavailable("question_bank.generate is the subpackage, not the function")
    return generate, threshold


def generator_items(text: str, published: date | None) -> list[Item]:
    """Run ``question_bank.generate`` and keep the items at or above its default threshold."""
    generate, threshold = _generator_entry_point()
    iso_date = published.isoformat() if published else None
    generation = generate(text, published=iso_date)
    return [item for item in generation.items if item.score >= threshold]


def baseline_items(text: str, published: date | None) -> list[Item]:
    """Blank every named entity of every sentence (publication date unused)."""
    return entity_cloze_items(text)


#: Source name -> function returning the items to audit for one article.
ITEM_SOURCES: dict[str, Callable[[str, date | None], list[Item]]] = {
    "generator": generator_items,
    "baseline": baseline_items,
}
