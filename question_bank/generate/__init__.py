"""Facts -> quiz items: kinds as a registry (``KINDS``), distractors, filters and ranking.

Overgenerate, filter, rank: every kind builds candidates from every fact, ``filters`` drops
the unsound ones, ``ranking`` scores the rest, merges near-duplicates and sorts best first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from question_bank.generate.distractors import build_pool
from question_bank.generate.filters import broken_choices, rejection
from question_bank.generate.kinds import KINDS, multichoice_stems, with_choices
from question_bank.generate.prompts import Env
from question_bank.generate.ranking import rank_items
from question_bank.model import Fact, Item

__all__ = ["KINDS", "generate_items"]


def generate_items(
    facts: Sequence[Fact],
    kinds: Iterable[str] | None = None,
    seed: int | None = None,
    min_score: float = 0.0,
    bank: Mapping[str, Iterable[str]] | None = None,
    entity_kinds: Mapping[str, str] | None = None,
) -> tuple[Item, ...]:
    """Return ranked items for the facts, of the given kinds, scoring at least ``min_score``.

    ``bank`` maps a distractor class (``country``, ``person``, ``date:day`` ...) to answers from
    the rest of the question bank, offered after the article's own; ``entity_kinds`` maps entity
    texts to their kind (``answer_forms.entity_kinds``). Raises ``ValueError`` for an unknown kind.
    """
    chosen = list(kinds) if kinds is not None else list(KINDS)
    unknown = [k for k in chosen if k not in KINDS]
    if unknown:
        raise ValueError(f"unknown item kind(s): {', '.join(unknown)}; known: {', '.join(KINDS)}")
    env = Env(pool=build_pool(facts, dict(bank or {}), dict(entity_kinds or {})), seed=seed or 0)
    if seed is not None:  # jitter is drawn per item offered: build and filter them all first
        candidates = [item for kind in chosen for item in KINDS[kind](facts, env)]
        passed = [item for item in candidates if not rejection(item)]
        return tuple(item for item in rank_items(passed, seed) if item.score >= min_score)
    return _ranked_with_late_choices(facts, chosen, env, min_score)


def _ranked_with_late_choices(
    facts: Sequence[Fact], chosen: list[str], env: Env, min_score: float
) -> tuple[Item, ...]:
    """``generate_items`` without a seed, filters and distractors only for items ranking keeps.

    Items are ranked on their stems; one that merging would keep is then filtered and, for a
    multiple-choice item, given its choices; one that fails drops out as if never offered.
    Without jitter the outcome is the same as building and filtering every item first.
    """
    classes: dict[str, str] = {}
    candidates: list[Item] = []
    for kind in chosen:
        if kind != "multichoice":
            candidates.extend(KINDS[kind](facts, env))
            continue
        for stem, cls in multichoice_stems(facts):
            classes[stem.id] = cls
            candidates.append(stem)

    def finish(item: Item) -> Item | None:
        if item.id not in classes:
            return None if rejection(item) else item
        if rejection(item, late=True):
            return None
        built = with_choices(item, classes[item.id], env)
        return built if built is not None and not broken_choices(built) else None

    return tuple(item for item in rank_items(candidates, finish=finish) if item.score >= min_score)
