"""The issue's targets for the validation split, each a named test over the pooled figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .checks import CHECKS
from .scoring import ArticleFigures

#: Minimum share of gold facts answered by published items.
RECALL_PUBLISHED_TARGET = 0.85
#: Minimum share of gold facts answered by some candidate, published or not.
RECALL_CANDIDATES_TARGET = 0.90
#: Published items per 100 words: at least, at most.
PUBLISHED_PER_100_WORDS = (3.0, 8.0)


@dataclass(frozen=True)
class Target:
    """One target: its wording, the figure it reads and whether that figure meets it."""

    label: str
    figure: Callable[[ArticleFigures], float | None]
    met: Callable[[float], bool]
    unit: str = "share"  # "share" or "rate"


def _check_failures(check: str) -> Callable[[ArticleFigures], float]:
    """Return a reader of one check's failure share."""
    return lambda figures: figures.failure_share(check)


#: Target name -> target. Every automatic check must fail on no published item.
TARGETS: dict[str, Target] = {
    "recall_published": Target(
        f"recall by published items >= {RECALL_PUBLISHED_TARGET:.0%}",
        lambda f: f.recall,
        lambda value: value >= RECALL_PUBLISHED_TARGET,
    ),
    "recall_candidates": Target(
        f"recall by all candidates >= {RECALL_CANDIDATES_TARGET:.0%}",
        lambda f: f.recall_by_candidates,
        lambda value: value >= RECALL_CANDIDATES_TARGET,
    ),
    "published_per_100_words": Target(
        "published items per 100 words in {:g}-{:g}".format(*PUBLISHED_PER_100_WORDS),
        lambda f: f.items_per_100_words,
        lambda value: PUBLISHED_PER_100_WORDS[0] <= value <= PUBLISHED_PER_100_WORDS[1],
        "rate",
    ),
    **{
        f"no_{check}": Target(
            f"{check} failures = 0%", _check_failures(check), lambda value: value == 0.0
        )
        for check in CHECKS
    },
}


def target_verdicts(
    figures: ArticleFigures,
) -> dict[str, tuple[str, float | None, bool | None, str]]:
    """Return target name -> (label, figure, met, unit); met is None when the figure is missing."""
    verdicts: dict[str, tuple[str, float | None, bool | None, str]] = {}
    for name, target in TARGETS.items():
        value = target.figure(figures)
        met = None if value is None else target.met(value)
        verdicts[name] = (target.label, value, met, target.unit)
    return verdicts
