"""Scoring, near-duplicate merging and ordering of items, best first."""

from __future__ import annotations

import bisect
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process

from question_bank.facts.context import GAP
from question_bank.generate.caches import memoised
from question_bank.generate.filters import normalised, stem_length
from question_bank.model import Item

#: Fact types teachers ask about most get a bonus (roles, agreements, quotes, dated events).
TYPE_BONUS = {
    "role": 0.12,
    "agreement": 0.12,
    "quote": 0.08,
    "event": 0.08,
    "date": 0.05,
    "number": 0.05,
    "duration": 0.03,
}
#: Token-sort ratio at or above which two stems with the same answer are one question.
DUPLICATE_STEM_RATIO = 85
ANSWER_RATIO = 90
_IDEAL_WORDS = 16


def score_item(item: Item, jitter: float = 0.0) -> float:
    """Return the item's quality score in [0, 1]: base, type bonus, length penalty, jitter."""
    penalty = 0.01 * max(stem_length(item.prompt) - _IDEAL_WORDS, 0)
    value = item.score + TYPE_BONUS.get(item.fact_type, 0.0) - penalty + jitter
    return round(min(max(value, 0.0), 1.0), 3)


def _answers(item: Item) -> tuple[str, ...]:
    if item.pairs:
        return tuple(sorted(f"{left} = {right}" for left, right in item.pairs))
    return item.sequence or (item.answer,)


@memoised(maxsize=65536)
def same_answer(first: str, second: str) -> bool:
    """Tell whether two answers are one answer (normalised, small typos allowed, numbers equal)."""
    left, right = normalised(first), normalised(second)
    for article in ("the ", "a ", "an "):
        left, right = left.removeprefix(article), right.removeprefix(article)
    if not left or not right or re.findall(r"\d+", left) != re.findall(r"\d+", right):
        return False
    return left == right or fuzz.ratio(left, right) >= ANSWER_RATIO


def _stem_key(item: Item) -> str:
    return normalised(item.prompt.replace(GAP, " gap "))


@memoised(maxsize=65536)
def _stems_alike(first: str, second: str) -> bool:
    return fuzz.token_sort_ratio(first, second) >= DUPLICATE_STEM_RATIO


def is_duplicate(item: Item, other: Item) -> bool:
    """Tell whether two items ask the same thing: same answer and nearly the same stem."""
    mine, theirs = _answers(item), _answers(other)
    if len(mine) != len(theirs) or not all(map(same_answer, mine, theirs)):
        return False
    return _stems_alike(_stem_key(item), _stem_key(other))


def rank_items(
    items: Iterable[Item],
    seed: int | None = None,
    finish: Callable[[Item], Item | None] | None = None,
) -> list[Item]:
    """Score items, merge near-duplicates (keeping the better) and sort best first.

    Without a seed the order is fixed; a seed adds a small, reproducible jitter so that
    regenerating picks a different selection near the threshold. ``finish`` completes an item
    about to be kept (None drops it, as if it had never been offered).
    """
    rng = random.Random(seed) if seed is not None else None
    scored = []
    for item in items:
        jitter = rng.uniform(-0.06, 0.06) if rng is not None else 0.0
        scored.append((score_item(item, jitter), item))
    scored.sort(key=lambda pair: (-pair[0], pair[1].id))
    kept: list[Item] = []
    by_answer: dict[tuple[str, ...], dict[tuple[str, ...], _Stems]] = {}
    for score, item in scored:
        groups = by_answer.setdefault(_answer_key(item), {})
        answers, stem = _answers(item), _sorted_words(_stem_key(item))
        if _asked_before(answers, stem, groups):
            continue
        rescored = replace(item, score=score)  # only for items not merged away
        finished = rescored if finish is None else finish(rescored)
        if finished is not None:
            groups.setdefault(answers, _Stems()).add(stem)
            kept.append(finished)
    return kept


def _sorted_words(stem: str) -> str:
    """A stem key with its words sorted: ``fuzz.ratio`` of two is their ``token_sort_ratio``."""
    return " ".join(sorted(stem.split()))


#: Shortest length over longest of two stems that can still be alike: a ratio of 2m/(a+b) at
#: least ``DUPLICATE_STEM_RATIO`` needs min(a, b)/max(a, b) >= r/(200 - r); kept a little wider.
_LENGTH_SPREAD = DUPLICATE_STEM_RATIO / (200 - DUPLICATE_STEM_RATIO) - 0.01


@dataclass
class _Stems:
    """Stem keys of kept items with one answer, sorted by length."""

    lengths: list[int] = field(default_factory=list)
    stems: list[str] = field(default_factory=list)

    def add(self, stem: str) -> None:
        """Insert a stem in length order."""
        at = bisect.bisect(self.lengths, len(stem))
        self.lengths.insert(at, len(stem))
        self.stems.insert(at, stem)

    def near(self, stem: str) -> list[str]:
        """The stems whose length lets them be alike to ``stem``."""
        low = bisect.bisect_left(self.lengths, int(len(stem) * _LENGTH_SPREAD))
        high = bisect.bisect_right(self.lengths, int(len(stem) / _LENGTH_SPREAD) + 1)
        return self.stems[low:high]


def _asked_before(
    answers: tuple[str, ...], stem: str, groups: dict[tuple[str, ...], _Stems]
) -> bool:
    """``is_duplicate`` against kept items grouped by their answers.

    Stems come with their words sorted (``_sorted_words``), so that ``fuzz.ratio`` gives the token
    sort ratio without sorting each kept stem again. Answers are compared once per group; of a
    group's stems only those of a near length are compared (in rapidfuzz, up to the first alike
    one), so that an answer asked many times stays fast.
    """
    for their_answers, stems in groups.items():
        if len(their_answers) != len(answers) or not all(map(same_answer, answers, their_answers)):
            continue
        alike = process.extract_iter(
            stem, stems.near(stem), scorer=fuzz.ratio, score_cutoff=DUPLICATE_STEM_RATIO
        )
        if next(alike, None) is not None:  # the first alike stem is enough
            return True
    return False


def _answer_key(item: Item) -> tuple[str, ...]:
    """Items are compared only when their answers share a first word (normalised, article dropped).

    ``is_duplicate`` then decides, so that "the World Health Organisation" and "The World Health
    Organisation (WHO)" meet.
    """
    return tuple(
        next((w for w in normalised(answer).split() if w not in ("the", "a", "an")), "")
        for answer in _answers(item)
    )
