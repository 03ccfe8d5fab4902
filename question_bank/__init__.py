"""Question bank: turn an English news article into ranked quiz items, and read/write quiz formats.

Entry points::

    from question_bank import generate, read_article
    result = generate(read_article("article.html"), published="2021-04-14", seed=1)
    for item in result.items:  # best first
        print(item.kind, item.prompt, item.answer)

The spaCy pipeline loads on the first call, not at import. ``clear_caches()`` empties the
generator's memoised lookups (the pipeline stays loaded), so that a timed run starts cold.
The subpackage ``question_bank.generate`` (item kinds) is imported before the function
``generate`` is defined, so the package attribute ``generate`` is always the function below.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING

import question_bank.generate.pipeline as _pipeline  # noqa: F401  (the subpackage loads first; see below)
from question_bank.generate.caches import clear_caches
from question_bank.reading.formats import read_article

if TYPE_CHECKING:
    from question_bank.model import Generation

#: Items scoring below this are left out unless the caller asks otherwise.
DEFAULT_MIN_SCORE = 0.5

__all__ = ["DEFAULT_MIN_SCORE", "GenerationError", "clear_caches", "generate", "read_article"]


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
    """Return the article's metadata, facts and items (best first) for one plain-text article.

    ``published`` (ISO text or a date) overrides the article's date line; ``kinds`` limits the
    item kinds (names in ``question_bank.generate.KINDS``); ``seed`` picks another reproducible
    selection; ``min_score`` defaults to ``DEFAULT_MIN_SCORE``. ``bank`` offers distractors from
    the rest of the question bank: a mapping from a distractor class (``person``, ``country``,
    ``capital``, ``date:day``, ``number:cardinal``, ``agreement`` ...) to answers of that class,
    used after the article's own answers and before shipped data. ``pipeline`` names the spaCy
    pipeline to parse with (default: see ``question_bank.nlp.resolve_model_name``). Raises
    ``GenerationError``.
    """
    return _pipeline.run_generation(
        text,
        published=published,
        kinds=kinds,
        seed=seed,
        min_score=DEFAULT_MIN_SCORE if min_score is None else min_score,
        error=GenerationError,
        bank=bank,
        pipeline=pipeline,
    )
