"""Scoring, near-duplicate merging and ordering of items, best first."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import replace

from rapidfuzz import fuzz

from question_bank.model import Item

#: Fact types teachers ask about most get a bonus (roles, agreements, quotes, dated events).
TYPE_BONUS = {"role": 0.12, "agreement": 0.12, "quote": 0.08, "date": 0.05, "number": 0.05, "duration": 0.0}
DUPLICATE_RATIO = 88
_IDEAL_WORDS = 22


def score_item(item: Item, jitter: float = 0.0) -> float:
    """Return the item's quality score in [0, 1]: base, type bonus, length penalty, jitter."""
    words = len(item.prompt.split())
    penalty = 0.01 * max(words - _IDEAL_WORDS, 0)
    value = item.score + TYPE_BONUS.get(item.fact_type, 0.0) - penalty + jitter
    return round(min(max(value, 0.0), 1.0), 3)


def _duplicate(item: Item, kept: list[Item]) -> bool:
    for other in kept:
        if other.kind != item.kind:
            continue
        if other.answer.casefold() == item.answer.casefold() and fuzz.token_set_ratio(other.prompt, item.prompt) >= DUPLICATE_RATIO:
            return True
        if fuzz.ratio(other.prompt, item.prompt) >= 95:
            return True
    return False


def rank_items(items: Iterable[Item], seed: int | None = None) -> list[Item]:
    """Score items, merge near-duplicates (keeping the better) and sort best first.

    Without a seed the order is fixed; a seed adds a small, reproducible jitter so that
    regenerating picks a different selection near the threshold.
    """
    rng = random.Random(seed) if seed is not None else None
    scored = []
    for item in items:
        jitter = rng.uniform(-0.06, 0.06) if rng is not None else 0.0
        scored.append(replace(item, score=score_item(item, jitter)))
    scored.sort(key=lambda i: (-i.score, i.id))
    kept: list[Item] = []
    for item in scored:
        if not _duplicate(item, kept):
            kept.append(item)
    return kept
