"""Scheduling cards with FSRS (the ``fsrs`` package): ratings in, card state and review logs out.

Rules:

* A card row is created the first time a student reviews a question; it starts as
  ``fsrs.Card()`` does (learning, step 0, due now).
* Every review is stored as a ``CardReview`` with the rating, its source (``flashcard`` or
  ``quiz``), the state before and the due time after, so the log can be replayed or used to
  optimise the student's parameters.
* A quiz answer counts as a review: fully right is Good, partly right is Hard, wrong is Again;
  an answer waiting for a teacher's mark is not a review.
* Times are UTC; ``FLASHCARDS_FUZZING`` (config) turns the package's interval fuzz on or off.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

import fsrs
import sqlalchemy as sa
from flask import current_app, g, has_app_context
from fsrs.scheduler import DEFAULT_PARAMETERS
from sqlalchemy.orm.attributes import flag_modified, set_committed_value

from question_bank.kinds import CARD_KINDS
from quizapp.extensions import db
from quizapp.models import Card, CardReview, Question, StudySettings
from quizapp.models.activity import claim_stamp, stamp_activity, stamp_cte
from quizapp.models.base import update_by_id, utcnow

#: Rating value -> (label, keyboard key). The keys are the review page's shortcuts.
RATINGS: dict[int, tuple[str, str]] = {
    int(fsrs.Rating.Again): ("Again", "1"),
    int(fsrs.Rating.Hard): ("Hard", "2"),
    int(fsrs.Rating.Good): ("Good", "3"),
    int(fsrs.Rating.Easy): ("Easy", "4"),
}


class OptimiserUnavailable(RuntimeError):
    """Raised when parameter optimisation is asked for without the ``fsrs[optimizer]`` extra."""


@dataclass(frozen=True)
class StudyPlan:
    """The scheduler settings in force for one student."""

    desired_retention: float
    new_cards_per_day: int
    parameters: tuple[float, ...] | None = None
    is_custom: bool = False


def study_plan(user_id: int) -> StudyPlan:
    """The student's saved settings, or the configured defaults (read once per request)."""
    plans = g.setdefault("study_plans", {}) if has_app_context() else {}
    if user_id not in plans:
        plans[user_id] = _plan_of(db.session.get(StudySettings, user_id))
    return plans[user_id]


def remember_study_plan(user_id: int, row: StudySettings | None) -> None:
    """Keep the student's settings row (None: they have none) read by another query as their
    plan for the rest of the request."""
    g.setdefault("study_plans", {})[user_id] = _plan_of(row)


def _plan_of(row: StudySettings | None) -> StudyPlan:
    if row is None:
        config = current_app.config
        return StudyPlan(
            float(config["FLASHCARDS_DESIRED_RETENTION"]), int(config["FLASHCARDS_NEW_PER_DAY"])
        )
    parameters = tuple(row.parameters) if row.parameters else None
    return StudyPlan(row.desired_retention, row.new_cards_per_day, parameters, True)


def save_study_settings(user_id: int, desired_retention: float, new_cards_per_day: int):
    """Store a student's desired retention and daily new-card limit (keeps optimised weights)."""
    row = db.session.get(StudySettings, user_id)
    if row is None:
        row = StudySettings(user_id=user_id)
        db.session.add(row)
    row.desired_retention = float(desired_retention)
    row.new_cards_per_day = int(new_cards_per_day)
    db.session.flush()
    g.pop("study_plans", None)
    return row


def scheduler_for(plan: StudyPlan) -> fsrs.Scheduler:
    """An FSRS-6 scheduler for ``plan`` (default weights unless the student optimised them)."""
    return fsrs.Scheduler(
        parameters=plan.parameters or DEFAULT_PARAMETERS,
        desired_retention=plan.desired_retention,
        enable_fuzzing=bool(current_app.config["FLASHCARDS_FUZZING"]),
    )


def _as_utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.astimezone(UTC)


def to_fsrs(card: Card | None, now: datetime) -> fsrs.Card:
    """The package's view of a stored card (a fresh learning card for ``None``)."""
    if card is None:
        return fsrs.Card(card_id=0, due=now)
    return fsrs.Card(
        card_id=card.id or 0,
        state=fsrs.State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=_as_utc(card.due_at),
        last_review=_as_utc(card.last_review_at),
    )


#: The card columns a review writes: all of them in every UPDATE, so that the reviews of a
#: submit are written by one statement (the ORM batches updates of the same columns).
REVIEWED_COLUMNS = (
    "state",
    "step",
    "stability",
    "difficulty",
    "due_at",
    "last_review_at",
    "reps",
    "lapses",
)


def _reviewed(card: Card, scheduled: fsrs.Card, rating: int, state_before: int) -> dict:
    """The card's ``REVIEWED_COLUMNS`` after the review that ``scheduled`` came from."""
    lapsed = rating == fsrs.Rating.Again and state_before == fsrs.State.Review
    return {
        "state": int(scheduled.state),
        "step": scheduled.step,
        "stability": scheduled.stability,
        "difficulty": scheduled.difficulty,
        "due_at": scheduled.due,
        "last_review_at": scheduled.last_review,
        "reps": (card.reps or 0) + 1,
        "lapses": (card.lapses or 0) + int(lapsed),
    }


def _apply(card: Card, values: dict) -> None:
    """Set the reviewed columns on the card, for the ORM's flush to write (every one is flagged,
    so that the reviews of a submit are written by one statement)."""
    for name in REVIEWED_COLUMNS:
        setattr(card, name, values[name])
        flag_modified(card, name)


def _write(card: Card, values: dict) -> None:
    """Write the reviewed columns of one card now, through the table (the ORM's flush of one
    card costs more than the statement), and record them on the card as what its row holds;
    the student's activity stamp moves, as a flush would move it."""
    db.session.execute(
        update_by_id(Card, "card_id", REVIEWED_COLUMNS), {"card_id": card.id, **values}
    )
    for name in REVIEWED_COLUMNS:
        set_committed_value(card, name, values[name])
    stamp_activity(db.session, [card.user_id])


def _rate(
    card: Card,
    rating: int,
    scheduler: fsrs.Scheduler,
    now: datetime,
    source: str,
    duration_ms: int | None,
    store=_apply,
) -> dict:
    """Update ``card`` for the rating (``store``: how its new columns are kept, ``_apply`` or
    ``_write``); the fields of its review log entry (card aside)."""
    state_before = card.state or int(fsrs.State.Learning)
    scheduled, _log = scheduler.review_card(to_fsrs(card, now), fsrs.Rating(rating), now)
    store(card, _reviewed(card, scheduled, rating, state_before))
    return {
        "rating": int(rating),
        "source": source,
        "reviewed_at": now,
        "duration_ms": duration_ms,
        "state_before": state_before,
        "due_after": card.due_at,
    }


def locked_cards(user_id: int, question_ids, now: datetime) -> dict[int, Card]:
    """The student's cards for ``question_ids``, created where missing, locked until commit,
    in one statement.

    Two requests of one student (two tabs, a double submit) may both find a card missing: the
    statement is an upsert (``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``), so the second
    waits for the first's review and then returns the card as the first left it, instead of
    failing or reading a stale state.
    """
    wanted = list(dict.fromkeys(question_ids))
    if not wanted:
        return {}
    g.pop("new_cards_left", None)  # new cards use up today's allowance
    rows = [
        {
            "user_id": user_id,
            "question_id": question_id,
            "state": 1,
            "step": 0,
            "due_at": now,
            "reps": 0,
            "lapses": 0,
            "created_at": now,
        }
        for question_id in wanted
    ]
    found = db.session.execute(
        _card_upsert(db.session.get_bind().dialect.name),
        rows,
        execution_options={"populate_existing": True},
    ).scalars()
    return {card.question_id: card for card in found}


@cache
def _card_upsert(dialect: str):
    """The upsert of ``locked_cards``, built once per database (its rows are parameters)."""
    statement = dialect_insert(dialect)(Card)
    return statement.on_conflict_do_update(  # a no-op update: it locks and returns the row
        index_elements=["user_id", "question_id"],
        set_={"user_id": statement.excluded.user_id},
    ).returning(Card)


def dialect_insert(dialect: str):
    """The INSERT construct with ``on_conflict_do_nothing`` for the database in use."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def review_question(
    user_id: int,
    question_id: int,
    rating: int,
    now: datetime | None = None,
    duration_ms: int | None = None,
    card: Card | None = None,
) -> Card:
    """Record a flashcard rating of one question by one student; returns the updated card.

    ``card``: the student's card of the question, already locked (``studyable_card``); else
    it is created if missing and locked here.
    """
    now = _as_utc(now) or utcnow()
    if card is None:
        card = locked_cards(user_id, [question_id], now)[question_id]
    scheduler = scheduler_for(study_plan(user_id))
    if db.session.get_bind().dialect.name == "postgresql":
        _write_review_at_once(card, rating, scheduler, now, duration_ms)
        return card
    review = _rate(card, rating, scheduler, now, "flashcard", duration_ms, store=_write)
    db.session.execute(_review_insert(), {"card_id": card.id, **review})
    return card


def _write_review_at_once(
    card: Card, rating: int, scheduler: fsrs.Scheduler, now: datetime, duration_ms: int | None
) -> None:
    """PostgreSQL: the card's new columns, its review log entry and the student's activity stamp
    in one statement (data-modifying common table expressions), one round trip for three."""
    values: dict = {}
    review = _rate(card, rating, scheduler, now, "flashcard", duration_ms, store=_remember(values))
    stamp = claim_stamp(db.session, card.user_id)
    params = {**values, **review, "card_id": card.id, "now": now, "stamp_user_id": card.user_id}
    db.session.execute(_review_with_card_update(stamp), params)


def _remember(values: dict):
    """A ``store`` for ``_rate`` that records the card's new columns as what its row will hold
    (the caller writes them) and keeps them in ``values``."""

    def store(card: Card, reviewed: dict) -> None:
        values.update(reviewed)
        for name in REVIEWED_COLUMNS:
            set_committed_value(card, name, reviewed[name])

    return store


@cache
def _review_with_card_update(stamp: bool) -> sa.Insert:
    """The review log entry's INSERT carrying the card's UPDATE (and, with ``stamp``, the
    activity stamp's) as common table expressions, built once each."""
    cards = Card.__table__
    reviews = CardReview.__table__
    card_update = (
        update_by_id(Card, "card_id", REVIEWED_COLUMNS).returning(cards.c.id).cte("card_update")
    )
    statement = (
        sa.insert(reviews)
        .values({name: sa.bindparam(name, type_=reviews.c[name].type) for name in _REVIEW_FIELDS})
        .add_cte(card_update)
    )
    return statement.add_cte(stamp_cte()) if stamp else statement


#: The review log columns a rating writes (its id is the table's own).
_REVIEW_FIELDS = (
    "card_id",
    "rating",
    "source",
    "reviewed_at",
    "duration_ms",
    "state_before",
    "due_after",
)


@cache
def _review_insert() -> sa.Insert:
    """One review log entry as a plain INSERT of the table, built once (the ORM's bulk insert
    of the model costs several times more Python for one row, and reads its id back)."""
    return sa.insert(CardReview.__table__)


def rating_for_fraction(fraction: float | None) -> int | None:
    """The rating a quiz mark counts as: right Good, partly right Hard, wrong Again, else None."""
    if fraction is None:
        return None
    if fraction >= 0.999:
        return int(fsrs.Rating.Good)
    return int(fsrs.Rating.Hard) if fraction > 0 else int(fsrs.Rating.Again)


def record_quiz_reviews(
    user_id: int, marks: Iterable[tuple[Question, float | None]], now: datetime | None = None
) -> int:
    """Count each marked quiz answer ``(question, fraction)`` as a review; returns how many."""
    now = _as_utc(now) or utcnow()
    ratings = {q.id: rating_for_fraction(f) for q, f in marks if q.kind in CARD_KINDS}
    ratings = {qid: rating for qid, rating in ratings.items() if rating is not None}
    if not ratings:
        return 0
    cards = locked_cards(user_id, ratings, now)
    scheduler = scheduler_for(study_plan(user_id))
    reviews = [
        {"card_id": cards[qid].id, **_rate(cards[qid], rating, scheduler, now, "quiz", None)}
        for qid, rating in ratings.items()
    ]
    db.session.execute(sa.insert(CardReview), reviews)  # one statement, however many
    db.session.flush()
    return len(ratings)


def preview_intervals(
    card: Card | None, scheduler: fsrs.Scheduler, now: datetime
) -> dict[int, timedelta]:
    """How long until the card is due again after each rating (nothing is stored)."""
    current = to_fsrs(card, now)
    return {
        rating: scheduler.review_card(current, fsrs.Rating(rating), now)[0].due - now
        for rating in RATINGS
    }


def format_interval(interval: timedelta) -> str:
    """A short human interval: '1 min', '10 min', '3 h', '2 d', '4 mo', '1.5 y'."""
    minutes = interval.total_seconds() / 60
    if minutes < 60:
        return f"{max(1, round(minutes))} min"
    if minutes < 24 * 60:
        return f"{round(minutes / 60)} h"
    days = minutes / (24 * 60)
    if days < 31:
        return f"{round(days)} d"
    if days < 365:
        return f"{round(days / 30.4)} mo"
    return f"{days / 365:.1f} y"


def optimiser_available() -> bool:
    """Whether the optional ``fsrs[optimizer]`` extra (torch and pandas) is installed."""
    if importlib.util.find_spec("torch") is None or importlib.util.find_spec("pandas") is None:
        return False
    from fsrs.optimizer import Optimizer

    return hasattr(Optimizer, "compute_optimal_parameters")


def optimise_parameters(user_id: int) -> list[float]:
    """Fit FSRS weights to the student's own review log and save them.

    Raises ``OptimiserUnavailable`` without the optimizer extra.
    """
    if not optimiser_available():
        raise OptimiserUnavailable(
            "Optimising needs the optional optimizer extra (pip install 'fsrs[optimizer]')."
        )
    from fsrs.optimizer import Optimizer

    rows = db.session.execute(
        db.select(CardReview.card_id, CardReview.rating, CardReview.reviewed_at)
        .join(Card, Card.id == CardReview.card_id)
        .where(Card.user_id == user_id)
    ).all()
    logs = [fsrs.ReviewLog(cid, fsrs.Rating(r), _as_utc(at), None) for cid, r, at in rows]
    parameters = list(Optimizer(logs).compute_optimal_parameters())
    plan = study_plan(user_id)
    row = save_study_settings(user_id, plan.desired_retention, plan.new_cards_per_day)
    row.parameters, row.optimised_at = parameters, utcnow()
    db.session.flush()
    return parameters
