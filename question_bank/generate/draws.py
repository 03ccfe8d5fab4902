"""Random draws of distractor candidates, one at a time, so that a long article stays fast."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator


def drawn(values: Iterable[str], rng: random.Random, limit: int | None = None) -> Iterator[str]:
    """Yield distinct values (the first ``limit``) in a random order, drawn one at a time.

    A partial Fisher-Yates shuffle: picking three distractors from a long article's hundred
    names costs three draws, not a shuffle of all hundred.
    """
    remaining = list(dict.fromkeys(values))[:limit]
    for end in range(len(remaining) - 1, -1, -1):
        chosen = rng.randint(0, end)
        remaining[chosen], remaining[end] = remaining[end], remaining[chosen]
        yield remaining[end]


def drawn_later(values: Callable[[], list[str]], rng: random.Random, limit: int) -> Iterator[str]:
    """``drawn`` over values made only when the first is wanted (shipped data, derived dates)."""
    yield from drawn(values(), rng, limit)
