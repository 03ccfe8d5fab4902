"""The distractor table: how often each option of a choice question was picked.

Moodle's response analysis lists, for each option, how many attempts chose it and what share of
the attempts that is. Here an attempt's choice is one option (single answer), a collection of
options (multiple answers: each chosen option counts once) or ``None`` when the question was not
answered. Shares are of all attempts, unanswered ones included, so for single-answer questions
the option shares plus the unanswered share add up to 1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

Choice = str | Collection[str] | None


@dataclass(frozen=True)
class OptionCount:
    """One row of the distractor table."""

    option: str
    count: int
    share: float | None  # count / attempts; None when there were no attempts
    is_correct: bool


@dataclass(frozen=True)
class DistractorTable:
    """How the attempts at one question spread over its options."""

    attempts: int
    unanswered: int
    options: tuple[OptionCount, ...]

    @property
    def unanswered_share(self) -> float | None:
        """Share of attempts that left the question unanswered."""
        return _share(self.unanswered, self.attempts)

    def to_dict(self) -> dict:
        """Return JSON-ready data."""
        return {
            "attempts": self.attempts,
            "unanswered": self.unanswered,
            "unanswered_share": self.unanswered_share,
            "options": [vars(row).copy() for row in self.options],
        }


def distractor_table(
    choices: Iterable[Choice],
    options: Sequence[str] = (),
    correct: Collection[str] = (),
) -> DistractorTable:
    """Count how often each option was chosen, one entry of ``choices`` per attempt.

    Rows follow ``options`` (listed even when nobody chose them), then any other option seen,
    in the order first seen. ``correct`` names the right options.
    """
    counts: Counter[str] = Counter()
    seen_order: list[str] = list(options)
    attempts = unanswered = 0
    for choice in choices:
        attempts += 1
        picked = _picked_options(choice)
        if not picked:
            unanswered += 1
        for option in picked:
            if option not in counts and option not in seen_order:
                seen_order.append(option)
            counts[option] += 1
    rows = tuple(
        OptionCount(option, counts[option], _share(counts[option], attempts), option in correct)
        for option in seen_order
    )
    return DistractorTable(attempts=attempts, unanswered=unanswered, options=rows)


def _picked_options(choice: Choice) -> list[str]:
    """Return the distinct options one attempt chose (none for an unanswered question)."""
    if choice is None:
        return []
    if isinstance(choice, str):
        return [choice]
    return list(dict.fromkeys(choice))


def _share(count: int, attempts: int) -> float | None:
    """Return ``count / attempts``, or ``None`` for no attempts."""
    return count / attempts if attempts else None
