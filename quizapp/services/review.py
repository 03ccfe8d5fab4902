"""The review queue: generated items wait here until a teacher accepts, edits or rejects them.

Accepting an item copies it into the bank as a ``Question``; regenerating runs the generator again
with another seed and queues items whose prompts are not in the queue yet.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from question_bank.bank import item_to_question
from question_bank.model import Generation, Item
from question_bank.model import Question as BankQuestion
from quizapp.extensions import db
from quizapp.models import Article, Question, ReviewItem, ReviewStatus, User
from quizapp.ownership import owned_or_404
from quizapp.services.articles import generate_from_text


def queue_items(
    article: Article, items: Iterable[Item], seed: int = 0, suggested: bool = True
) -> list[ReviewItem]:
    """Queue generated items of the article as pending, skipping prompts already queued;
    ``suggested`` says they are of the generator's default list, not its "more"."""
    payloads = db.session.execute(
        db.select(ReviewItem.payload).where(ReviewItem.article_id == article.id)
    ).scalars()
    seen = {payload.get("prompt") for payload in payloads}
    queued = []
    for item in items:
        question = item_to_question(item, category=article.title)
        if question.prompt in seen:
            continue
        seen.add(question.prompt)
        queued.append(
            ReviewItem(
                article_id=article.id,
                kind=question.kind,
                payload=question.to_dict(),
                score=item.score,
                fact_type=item.fact_type,
                evidence=item.evidence,
                seed=seed,
                suggested=suggested,
            )
        )
    db.session.add_all(queued)
    db.session.flush()
    return queued


def queue_generation(article: Article, generation: Generation, seed: int = 0) -> list[ReviewItem]:
    """Queue every item of a generation run: its published list as suggested, then the rest
    ("more", ranked lower, never suggested)."""
    queued = queue_items(article, generation.items, seed)
    return queued + queue_items(article, generation.more, seed, suggested=False)


#: Items shown on one page of the review queue.
REVIEW_PAGE_SIZE = 50


#: The queue's parts: the generator's suggestions, the rest it made ("more"); "all" is both.
SHOWN_SUGGESTED = {"suggested": True, "more": False}
SHOWN = ("suggested", "more", "all")


@dataclass(frozen=True)
class ReviewFilters:
    """What part of the queue to show: the generator's suggestions, the rest ("more") or all;
    one kind, one fact type, a lowest score (blank: all)."""

    kind: str = ""
    fact_type: str = ""
    min_score: float | None = None
    shown: str = "suggested"

    def query_args(self) -> dict[str, str]:
        """The filters as query-string arguments for links and form actions (blank ones left
        out, like the default part), so that a page reached from the queue can return to the
        same view of it."""
        shown = "" if self.shown == ReviewFilters.shown else self.shown
        found = {"kind": self.kind, "fact_type": self.fact_type, "shown": shown}
        if self.min_score is not None:
            found["min_score"] = f"{self.min_score:g}"
        return {name: value for name, value in found.items() if value}

    def conditions(self) -> list:
        """SQL conditions on ``ReviewItem`` for these filters."""
        found = []
        if self.shown in SHOWN_SUGGESTED:
            found.append(ReviewItem.suggested.is_(SHOWN_SUGGESTED[self.shown]))
        if self.kind:
            found.append(ReviewItem.kind == self.kind)
        if self.fact_type:
            found.append(ReviewItem.fact_type == self.fact_type)
        if self.min_score is not None:
            found.append(ReviewItem.score >= self.min_score)
        return found


def _queue_select(article: Article, filters: ReviewFilters, *columns):
    """The article's items the filters keep, in the queue's order: pending, then accepted,
    then rejected; suggestions before "more"; best score first in each."""
    order = db.case({"pending": 0, "accepted": 1}, value=ReviewItem.status, else_=2)
    return (
        db.select(*columns)
        .where(ReviewItem.article_id == article.id, *filters.conditions())
        .order_by(order, ReviewItem.suggested.desc(), ReviewItem.score.desc(), ReviewItem.id)
    )


def review_queue(article: Article, filters: ReviewFilters = ReviewFilters(), page: int = 1):
    """One page of the article's items (``db.paginate``) in the queue's order."""
    query = _queue_select(article, filters, ReviewItem)
    return db.paginate(query, page=page, per_page=REVIEW_PAGE_SIZE, error_out=False)


def queue_ids(article: Article, filters: ReviewFilters = ReviewFilters()) -> list[int]:
    """The ids of the items the filters keep, in the queue's order (one query)."""
    return list(db.session.execute(_queue_select(article, filters, ReviewItem.id)).scalars())


def item_after(article: Article, filters: ReviewFilters, item_id: int) -> int | None:
    """The id of the item shown after ``item_id`` in the filtered queue; None when it is the
    last one or not shown at all."""
    ids = queue_ids(article, filters)
    if item_id not in ids or ids[-1] == item_id:
        return None
    return ids[ids.index(item_id) + 1]


def page_of_item(article: Article, filters: ReviewFilters, item_id: int) -> int:
    """The page of the filtered queue that shows ``item_id`` (the first page if none does)."""
    ids = queue_ids(article, filters)
    return ids.index(item_id) // REVIEW_PAGE_SIZE + 1 if item_id in ids else 1


def review_counts(article: Article) -> dict[str, int]:
    """How many of the article's items are pending, accepted and rejected, and how many are
    suggested and "more" (one query)."""
    rows = db.session.execute(
        db.select(ReviewItem.status, ReviewItem.suggested, db.func.count(ReviewItem.id))
        .where(ReviewItem.article_id == article.id)
        .group_by(ReviewItem.status, ReviewItem.suggested)
    ).all()
    counts = {status.value: 0 for status in ReviewStatus} | {"suggested": 0, "more": 0}
    for status, suggested, count in rows:
        counts[status] += count
        counts["suggested" if suggested else "more"] += count
    return counts


def review_facets(article: Article) -> tuple[list[str], list[str]]:
    """The kinds and the fact types among the article's items, for the filter menus."""
    rows = db.session.execute(
        db.select(ReviewItem.kind, ReviewItem.fact_type)
        .where(ReviewItem.article_id == article.id)
        .distinct()
    ).all()
    return sorted({kind for kind, _ in rows}), sorted({fact for _, fact in rows if fact})


def owned_article_or_404(article_id: int, teacher: User) -> Article:
    """The article if ``teacher`` added it; 403 for another teacher's article."""
    return owned_or_404(Article, article_id, teacher)


def owned_item_or_404(item_id: int, teacher: User) -> ReviewItem:
    """The review item if its article belongs to ``teacher``; 403 otherwise."""
    return owned_or_404(ReviewItem, item_id, teacher)


def accept_item(item: ReviewItem, author: User) -> Question | None:
    """Put a pending (or rejected) item into the bank; None if it was already accepted."""
    if item.status == ReviewStatus.ACCEPTED.value:
        return None
    question = Question.from_bank(
        item.bank, score=item.score, article_id=item.article_id, author_id=author.id
    )
    db.session.add(question)
    db.session.flush()
    item.question_id, item.status = question.id, ReviewStatus.ACCEPTED.value
    return question


def reject_item(item: ReviewItem) -> bool:
    """Reject a pending item; False if it was already accepted (then it lives in the bank)."""
    if item.status == ReviewStatus.ACCEPTED.value:
        return False
    item.status = ReviewStatus.REJECTED.value
    return True


def edit_item(item: ReviewItem, question: BankQuestion) -> None:
    """Replace a pending item's question by the teacher's edited version (evidence kept)."""
    data = question.to_dict()
    data["evidence"] = item.evidence
    item.payload, item.kind = data, question.kind


def apply_to_items(items: Sequence[ReviewItem], action: str, author: User) -> int:
    """Accept or reject several items at once; returns how many changed."""
    if action == "accept":
        return sum(accept_item(item, author) is not None for item in items)
    return sum(reject_item(item) for item in items)


def pending_items(
    article: Article, ids: Iterable[int] | None = None, shown: str = "all"
) -> list[ReviewItem]:
    """The article's pending items, or only those among ``ids``, of one part of the queue
    (``shown``: see ``SHOWN``)."""
    query = db.select(ReviewItem).where(
        ReviewItem.article_id == article.id, ReviewItem.status == ReviewStatus.PENDING.value
    )
    if ids is not None:
        query = query.where(ReviewItem.id.in_(list(ids)))
    if shown in SHOWN_SUGGESTED:
        query = query.where(ReviewItem.suggested.is_(SHOWN_SUGGESTED[shown]))
    return list(db.session.execute(query.order_by(ReviewItem.id)).scalars())


def _fresh_generation(article: Article) -> tuple[Generation, int]:
    seed = secrets.randbelow(1_000_000) + 1
    return generate_from_text(article.body, published=article.published_on or None, seed=seed), seed


def regenerate_item(item: ReviewItem) -> ReviewItem | None:
    """Reject one item and queue a new one in its place: same fact if possible, else same kind."""
    generation, seed = _fresh_generation(item.article)
    fact_id = dict(item.bank.extra).get("fact_id", "")
    ranked = sorted(
        (*generation.items, *generation.more),
        key=lambda i: (i.fact_id != fact_id or not fact_id, i.kind != item.kind, -i.score),
    )
    reject_item(item)
    for candidate in ranked:
        queued = queue_items(item.article, [candidate], seed, suggested=item.suggested)
        if queued:
            return queued[0]
    return None


def accepted_questions(article: Article) -> list[Question]:
    """The bank questions accepted from this article's queue, best score first."""
    return list(
        db.session.execute(
            db.select(Question)
            .join(ReviewItem, ReviewItem.question_id == Question.id)
            .where(ReviewItem.article_id == article.id, Question.is_deleted.is_(False))
            .order_by(ReviewItem.score.desc(), ReviewItem.id)
        ).scalars()
    )
