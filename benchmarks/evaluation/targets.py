"""The issue's targets for the development set, each a named test over the pooled figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .checks import CHECKS
from .scoring import ArticleFigures

#: Minimum share of gold facts answered.
RECALL_TARGET = 0.90

#: Minimum items passing every automatic check, per 100 words.
PASSING_PER_100_WORDS_TARGET = 4.0


@dataclass(frozen=True)
class Target:
    """One target: its wording, the figure it reads and whether that figure meets it."""

    label: str
    figure: Callable[[ArticleFigures], float | None]
    met: Callable[[float], bool]


def _check_failures(check: str) -> Callable[[ArticleFigures], float]:
    """Return a reader of one check's failure share."""
    return lambda figures: figures.failure_share(check)


#: Target name -> target. Every automatic check must fail on no item.
TARGETS: dict[str, Target] = {
    "recall": Target(
        f"fact recall >= {RECALL_TARGET:.0%}",
        lambda f: f.recall,
        lambda value: value >= RECALL_TARGET,
    ),
    **{
        f"no_{check}": Target(
            f"{check} failures = 0%", _check_failures(check), lambda value: value == 0.0
        )
        for check in CHECKS
    },
    "passing_per_100_words": Target(
        f"rubric-passing items per 100 words >= {PASSING_PER_100_WORDS_TARGET:g}",
        lambda f: f.passing_per_100_words,
        lambda value: value >= PASSING_PER_100_WORDS_TARGET,
    ),
}


def target_verdicts(figures: ArticleFigures) -> dict[str, tuple[str, float | None, bool | None]]:
    """Return target name -> (label, figure, met); met is None when the figure is missing."""
    verdicts: dict[str, tuple[str, float | None, bool | None]] = {}
    for name, target in TARGETS.items():
        value = target.figure(figures)
        verdicts[name] = (target.label, value, None if value is None else target.met(value))
    return verdicts
