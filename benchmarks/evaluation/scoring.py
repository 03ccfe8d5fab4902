"""Figures for one article's items and their totals over a set of articles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from question_bank.model import Item

from .checks import CHECKS, CheckContext, passing_flags, run_checks
from .choice_types import entity_classes
from .gold import GoldArticle
from .normalise import word_count
from .recall import answered_facts


@dataclass(frozen=True)
class ArticleFigures:
    """What the report says about one article (or, summed, about many)."""

    name: str
    words: int
    items: int
    passing: int
    failures: dict[str, int]
    failing_any: int
    gold_facts: int = 0
    answered: int = 0
    candidates: int = 0
    answered_by_candidates: int = 0
    distinct_passing_facts: int = 0
    missed: tuple[str, ...] = ()
    recall_by_type: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def recall(self) -> float | None:
        """Share of gold facts answered, or None without a gold list."""
        return self.answered / self.gold_facts if self.gold_facts else None

    @property
    def recall_by_candidates(self) -> float | None:
        """Share of gold facts answered by some candidate, published or not."""
        return self.answered_by_candidates / self.gold_facts if self.gold_facts else None

    @property
    def candidates_per_100_words(self) -> float:
        """Candidates (published or not) per 100 words."""
        return 100.0 * self.candidates / self.words if self.words else 0.0

    @property
    def items_per_100_words(self) -> float:
        """Items per 100 words of article text."""
        return 100.0 * self.items / self.words if self.words else 0.0

    @property
    def passing_per_100_words(self) -> float:
        """Items passing every automatic check, per 100 words."""
        return 100.0 * self.passing / self.words if self.words else 0.0

    def failure_share(self, check: str) -> float:
        """Share of items failing one check (0 when there are no items)."""
        return self.failures.get(check, 0) / self.items if self.items else 0.0

    @property
    def failing_any_share(self) -> float:
        """Share of items failing at least one check."""
        return self.failing_any / self.items if self.items else 0.0


def _distinct_facts(items: Sequence[Item]) -> int:
    """Count the distinct facts behind some items (fact id, else answer and evidence)."""
    return len({item.fact_id or (item.answer.casefold(), item.evidence) for item in items})


def _recall_by_type(gold: GoldArticle, answered: Sequence[bool]) -> dict[str, tuple[int, int]]:
    """Return fact type -> (answered, total) for one gold list."""
    by_type: dict[str, tuple[int, int]] = {}
    for fact, hit in zip(gold.facts, answered, strict=True):
        done, total = by_type.get(fact.type, (0, 0))
        by_type[fact.type] = (done + int(hit), total + 1)
    return by_type


def score_article(
    name: str,
    text: str,
    items: Sequence[Item],
    gold: GoldArticle | None = None,
    candidates: Sequence[Item] | None = None,
) -> ArticleFigures:
    """Run the checks and the recall measure over one article's published items, and recall
    over every candidate (``candidates``, default: the items themselves)."""
    candidates = list(items) if candidates is None else list(candidates)
    results = run_checks(items, CheckContext(article_entities=entity_classes(text)))
    passes = passing_flags(results, len(items))
    passing_items = [item for item, passed in zip(items, passes, strict=True) if passed]
    answered = answered_facts(items, gold.facts) if gold else []
    return ArticleFigures(
        name=name,
        words=word_count(text),
        items=len(items),
        passing=len(passing_items),
        failures={check: sum(flags) for check, flags in results.items()},
        failing_any=len(items) - len(passing_items),
        gold_facts=len(gold.facts) if gold else 0,
        answered=sum(answered),
        candidates=len(candidates),
        answered_by_candidates=sum(answered_facts(candidates, gold.facts)) if gold else 0,
        distinct_passing_facts=_distinct_facts(passing_items),
        missed=tuple(f.question for f, hit in zip(gold.facts, answered, strict=True) if not hit)
        if gold
        else (),
        recall_by_type=_recall_by_type(gold, answered) if gold else {},
    )


def total_figures(name: str, articles: Sequence[ArticleFigures]) -> ArticleFigures:
    """Sum the figures of several articles (recall and shares become pooled over all)."""
    by_type: dict[str, tuple[int, int]] = {}
    for article in articles:
        for fact_type, (done, total) in article.recall_by_type.items():
            old_done, old_total = by_type.get(fact_type, (0, 0))
            by_type[fact_type] = (old_done + done, old_total + total)
    return ArticleFigures(
        name=name,
        words=sum(a.words for a in articles),
        items=sum(a.items for a in articles),
        passing=sum(a.passing for a in articles),
        failures={check: sum(a.failures.get(check, 0) for a in articles) for check in CHECKS},
        failing_any=sum(a.failing_any for a in articles),
        gold_facts=sum(a.gold_facts for a in articles),
        answered=sum(a.answered for a in articles),
        candidates=sum(a.candidates for a in articles),
        answered_by_candidates=sum(a.answered_by_candidates for a in articles),
        distinct_passing_facts=sum(a.distinct_passing_facts for a in articles),
        recall_by_type=by_type,
    )
