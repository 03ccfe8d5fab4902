"""Question bank: turn an English news article into ranked quiz items, and read/write quiz formats.

Entry points::

    from question_bank import generate, read_article
    result = generate(read_article("article.html"), published="2021-04-14")
    for item in result.items:  # the published short list, best first
        print(item.kind, item.prompt, item.answer)
    result.more  # every other sound candidate, ranked, for a teacher to pick from

The spaCy pipeline loads on the first call, not at import. The subpackage
``question_bank.generate`` (item kinds) is imported before the function ``generate`` is defined,
so the package attribute ``generate`` is always the function below.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING

import question_bank.generate as _items  # noqa: F401  (loaded first: see the note below)
from question_bank.reading.formats import read_article

if TYPE_CHECKING:
    from question_bank.model import Generation

__all__ = ["GenerationError", "clear_caches", "generate", "read_article"]


class GenerationError(ValueError):
    """The input cannot be turned into questions (empty, binary or not English)."""


def generate(
    text: str,
    published: str | date | None = None,
    kinds: Iterable[str] | None = None,
    seed: int | None = None,
    min_score: float | None = None,
    bank: Mapping[str, Iterable[str]] | None = None,
    pipeline: str | None = None,
) -> Generation:
    """Return the article's metadata, facts, published items and further candidates.

    ``published`` (ISO text or a date) overrides the article's date line; ``kinds`` limits the
    item kinds (names in ``question_bank.generate.KINDS``); ``seed`` picks another reproducible
    choice of distractors and order; ``min_score`` overrides the publication threshold (the
    ranker's probability that a teacher would hand the item out unedited). ``bank`` offers
    distractors from the rest of the question bank: a mapping from an answer class (``person``,
    ``country``, ``city``, ``organisation``, ``title`` ...) to answers of that class, used after the
    article's own. ``pipeline`` names the spaCy pipeline to parse with (default: see
    ``question_bank.nlp.resolve_model_name``). Raises ``GenerationError``.
    """
    from question_bank.generate.pipeline import run_generation

    return run_generation(
        text,
        published=published,
        kinds=kinds,
        seed=seed,
        min_score=min_score,
        error=GenerationError,
        bank=bank,
        pipeline=pipeline,
    )


def clear_caches() -> None:
    """Empty the generator's memoised data (the spaCy pipeline stays loaded)."""
    from question_bank.generate.pipeline import clear_caches as clear

    clear()
