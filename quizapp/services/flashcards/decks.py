"""Decks: which questions a student may study as cards, what is due, and what comes next.

Rules:

* A student may study the questions of the quizzes they can see (published quizzes that are
  public or assigned, to take or as a deck, to one of their classes, and quizzes they own)
  whose answers they may see (``services.visibility``: never those of a quiz whose feedback
  is "never"). Only card kinds (``question_bank.kinds.CARD_KINDS``) are cards, and retired
  question versions are left out.
* A deck is every such question (``all``), one quiz's (``quiz-ID``, which is also how a class's
  deck assignment is studied) or one article's (``article-ID``); deck kinds are a registry.
* The queue shows due cards first (earliest due first), then new cards while the student's
  daily limit lasts. A card counts against the limit on the day (on the school's clock,
  ``TIME_ZONE``) it was first reviewed,
  whether on the flashcard page or in a quiz.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache

from flask import g
from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    distinct,
    func,
    literal_column,
    or_,
    true,
)
from sqlalchemy.orm import aliased, contains_eager, joinedload, load_only

from question_bank.kinds import CARD_KINDS
from quizapp.extensions import db
from quizapp.local_time import day_start
from quizapp.models import (
    Article,
    Assignment,
    Card,
    Classroom,
    Membership,
    Question,
    Quiz,
    QuizQuestion,
    StudySettings,
)
from quizapp.ownership import parse_id
from quizapp.services.flashcards.scheduling import remember_study_plan, study_plan
from quizapp.services.visibility import answers_shown


@dataclass(frozen=True)
class Deck:
    """A set of cards to study: ``kind`` is a key of ``DECK_FILTERS``, ``key`` its id."""

    kind: str = "all"
    key: int | None = None

    @property
    def token(self) -> str:
        """The deck as it appears in URLs: ``all``, ``quiz-3``, ``article-7``."""
        return self.kind if self.key is None else f"{self.kind}-{self.key}"


#: Deck kind -> condition on (Question, QuizQuestion) for that deck's key.
DECK_FILTERS: dict[str, Callable[[int | None], ColumnElement[bool]]] = {
    "all": lambda key: true(),
    "quiz": lambda key: QuizQuestion.quiz_id == key,
    "article": lambda key: Question.article_id == key,
}


@dataclass(frozen=True)
class DeckSummary:
    """Counts for one deck: cards due now, new cards waiting, new cards allowed today."""

    due: int
    new: int
    new_today: int
    next_due_at: datetime | None
    #: The most overdue due card and the first new question, found by the same query.
    first_due_card_id: int | None = None
    first_new_question_id: int | None = None
    #: The most overdue card (with its question and article) and the question shown next (the
    #: card's, else the first new one, with its article), loaded by the same query.
    due_card: Card | None = field(default=None, compare=False)
    next_question: Question | None = field(default=None, compare=False)


@dataclass(frozen=True)
class DeckRow:
    """One line of the deck list."""

    deck: Deck
    title: str
    total: int
    due: int
    new: int
    assigned: tuple[str, ...] = ()


def parse_deck(token: str | None) -> Deck | None:
    """Read a deck token; ``None`` when it is malformed or of an unknown kind."""
    kind, _, key = (token or "all").partition("-")
    if kind not in DECK_FILTERS or (kind == "all") != (key == ""):
        return None
    number = parse_id(key) if key else None
    if key and number is None:
        return None
    return Deck(kind, number)


def visible_quiz_ids(user_id: int, now: datetime) -> Select:
    """The ids of the quizzes whose questions the student may study."""
    classes = db.select(Membership.classroom_id).where(Membership.user_id == user_id)
    assigned = db.select(Assignment.quiz_id).where(
        Assignment.classroom_id.in_(classes),
        or_(Assignment.opens_at.is_(None), Assignment.opens_at <= now),
    )
    return db.select(Quiz.id).where(
        or_(
            and_(Quiz.is_published.is_(True), or_(Quiz.is_public.is_(True), Quiz.id.in_(assigned))),
            Quiz.owner_id == user_id,
        )
    )


def card_quiz_ids(user_id: int, now: datetime) -> Select:
    """The ids of the quizzes whose questions are the student's cards (visible, answers shown)."""
    return db.select(Quiz.id).where(
        Quiz.id.in_(visible_quiz_ids(user_id, now)), answers_shown(user_id, now)
    )


@cache
def _is_card_kind() -> ColumnElement[bool]:
    """``Question.kind`` is a card kind, the kinds written into the statement: a list of bound
    values would be expanded into the SQL text again each time a built statement runs."""
    if not all(kind.isidentifier() for kind in CARD_KINDS):
        raise ValueError("card kind names are written into SQL: letters, digits, _ only")
    return Question.kind.in_([literal_column(f"'{kind}'") for kind in sorted(CARD_KINDS)])


def _card_questions(user_id: int, now: datetime) -> Select:
    """Questions joined to their quiz entries, limited to studyable cards."""
    return (
        db.select(Question.id)
        .join(QuizQuestion, QuizQuestion.question_id == Question.id)
        .where(
            QuizQuestion.quiz_id.in_(card_quiz_ids(user_id, now)),
            _is_card_kind(),
            Question.is_deleted.is_(False),
        )
    )


@dataclass(frozen=True)
class DeckStatements:
    """The queries of one deck kind, built once; they take ``user_id``, ``now`` and ``key``."""

    due_card: Select
    new_question: Select
    summary: Select


@cache
def deck_statements(kind: str) -> DeckStatements:
    """The due, new and next-card queries of a deck kind (building them costs more than
    running them, and the review page runs several per request)."""
    user_id, now = db.bindparam("user_id"), db.bindparam("now")
    # The deck's questions, worked out once per query however often the query asks for them
    # (as a subquery repeated in each count, planning the summary took longer than running it).
    deck = (
        _card_questions(user_id, now)
        .where(DECK_FILTERS[kind](db.bindparam("key")))
        .distinct()  # a question of two quizzes is one card
        .cte()
    )
    ids = db.select(deck.c.id)
    unseen = Question.id.not_in(db.select(Card.question_id).where(Card.user_id == user_id))
    due_card = (
        db.select(Card)
        .where(Card.user_id == user_id, Card.question_id.in_(ids), Card.due_at <= now)
        .order_by(Card.due_at, Card.id)
        .limit(1)
    )
    new_question = (
        db.select(Question).where(Question.id.in_(ids), unseen).order_by(Question.id).limit(1)
    )
    return DeckStatements(
        summary=_with_next_card(_summary_statement(deck).subquery()),
        due_card=due_card.options(joinedload(Card.question).joinedload(Question.article)),
        new_question=new_question.options(joinedload(Question.article)),
    )


def _summary_statement(deck) -> Select:
    """Counts of a deck in one pass over its questions, each joined to the student's card of it
    (none: a new question), plus today's new cards and the most overdue card (by due time,
    then id), found among the same joined rows instead of reading the cards again."""
    user_id, now = db.bindparam("user_id"), db.bindparam("now")
    card = aliased(Card)  # the subquery of today's cards reads ``card`` on its own, uncorrelated
    cards = (
        db.select(
            deck.c.id.label("question_id"),
            card.id.label("card_id"),
            card.due_at.label("due_at"),
        )
        .select_from(deck)
        .outerjoin(card, and_(card.question_id == deck.c.id, card.user_id == user_id))
        .cte()
    )
    unseen = cards.c.card_id.is_(None)
    started = db.select(func.count(Card.id)).where(
        Card.user_id == user_id, Card.created_at >= db.bindparam("day")
    )
    most_overdue = (
        db.select(cards.c.card_id)
        .where(cards.c.due_at <= now)
        .order_by(cards.c.due_at, cards.c.card_id)
        .limit(1)
    )
    return db.select(
        func.count(case((cards.c.due_at <= now, cards.c.card_id))).label("due"),
        func.min(case((cards.c.due_at > now, cards.c.due_at))).label("next_due"),
        func.count(case((unseen, cards.c.question_id))).label("new"),
        started.scalar_subquery().label("started"),
        most_overdue.scalar_subquery().label("due_card_id"),
        func.min(case((unseen, cards.c.question_id))).label("new_question_id"),  # in id order
    ).select_from(cards)


#: The columns of the next question and of its article that the review page shows (the card,
#: its answer, the evidence and a link to the article): not the article's body.
_SHOWN_QUESTION = (Question.id, Question.payload, Question.evidence, Question.article_id)
_SHOWN_ARTICLE = (Article.id, Article.title)


def _with_next_card(summary) -> Select:
    """The summary's one row with the student's study settings (none: the defaults), the most
    overdue card and the question shown next (the card's, else the first new one), each with
    its article: what the review page needs, in one statement (of the question and article,
    only the columns the page shows)."""
    shown = func.coalesce(Card.question_id, summary.c.new_question_id)
    return (
        db.select(summary, StudySettings, Card, Question)
        .select_from(summary)
        .outerjoin(StudySettings, StudySettings.user_id == db.bindparam("user_id"))
        .outerjoin(Card, Card.id == summary.c.due_card_id)
        .outerjoin(Question, Question.id == shown)
        .outerjoin(Article, Article.id == Question.article_id)
        .options(
            load_only(*_SHOWN_QUESTION),
            contains_eager(Card.question)
            .load_only(*_SHOWN_QUESTION)
            .contains_eager(Question.article)
            .load_only(*_SHOWN_ARTICLE),
            contains_eager(Question.article).load_only(*_SHOWN_ARTICLE),
        )
    )


def _deck_params(user_id: int, deck: Deck, now: datetime) -> dict:
    return {"user_id": user_id, "now": now, "key": deck.key or 0}


def _studyable_ids() -> Select:
    """The question ``question_id`` if ``user_id`` may study it at ``now`` (bound later)."""
    user_id, now = db.bindparam("user_id"), db.bindparam("now")
    return _card_questions(user_id, now).where(Question.id == db.bindparam("question_id"))


@cache
def _studyable_question_statement() -> Select:
    """``studyable_question``'s query, built once (building it costs more than running it)."""
    return db.select(Question).where(Question.id.in_(_studyable_ids()))


@cache
def _studyable_card_statement() -> Select:
    """``studyable_card``'s query, built once: the card locked, the study settings alongside."""
    user_id = db.bindparam("user_id")
    return (
        db.select(Card, StudySettings)
        .outerjoin(StudySettings, StudySettings.user_id == Card.user_id)
        .where(
            Card.user_id == user_id,
            Card.question_id == db.bindparam("question_id"),
            Card.question_id.in_(_studyable_ids()),
        )
        .with_for_update(of=Card)
        .execution_options(populate_existing=True)
    )


def studyable_question(user_id: int, question_id: int, now: datetime) -> Question | None:
    """The question if the student may study it as a card, else ``None``."""
    params = {"user_id": user_id, "question_id": question_id, "now": now}
    return db.session.execute(_studyable_question_statement(), params).scalar_one_or_none()


def studyable_card(user_id: int, question_id: int, now: datetime) -> Card | None:
    """The student's card of the question, locked until commit, if they may study it and have
    a card of it already (their study settings are read in the same query); else ``None``,
    and ``studyable_question`` tells whether they may study it."""
    params = {"user_id": user_id, "question_id": question_id, "now": now}
    row = db.session.execute(_studyable_card_statement(), params).first()
    if row is None:
        return None
    remember_study_plan(user_id, row[1])
    return row[0]


def readable_article(user_id: int, article_id: int, now: datetime) -> Article | None:
    """The article if one of the quizzes the student may study was made from it."""
    quizzes = db.select(Quiz.article_id).where(Quiz.id.in_(visible_quiz_ids(user_id, now)))
    return db.session.execute(
        db.select(Article).where(
            Article.id == article_id, or_(Article.id.in_(quizzes), Article.owner_id == user_id)
        )
    ).scalar_one_or_none()


def new_cards_left(user_id: int, now: datetime) -> int:
    """How many new cards the student may still start today; counted once per request."""
    memo = g.setdefault("new_cards_left", {})
    key = (user_id, day_start(now))
    if key not in memo:
        memo[key] = _count_new_cards_left(user_id, now)
    return memo[key]


def _count_new_cards_left(user_id: int, now: datetime, started: int | None = None) -> int:
    """Today's new-card allowance less the cards started today (counted here unless given)."""
    if started is None:
        started = db.session.execute(
            db.select(func.count(Card.id)).where(
                Card.user_id == user_id, Card.created_at >= day_start(now)
            )
        ).scalar_one()
    return max(0, study_plan(user_id).new_cards_per_day - started)


def next_card(
    user_id: int, deck: Deck, now: datetime, summary: DeckSummary | None = None
) -> tuple[Question, Card | None] | None:
    """The card to show now: the most overdue due card, else a new one if the limit allows.

    With the deck's ``summary`` (just read), it is the card or question the summary loaded.
    """
    if summary is not None:
        return _summary_card(user_id, now, summary)
    statements, params = deck_statements(deck.kind), _deck_params(user_id, deck, now)
    card = db.session.execute(statements.due_card, params).scalar_one_or_none()
    if card is not None:
        return card.question, card
    if new_cards_left(user_id, now) <= 0:
        return None
    question = db.session.execute(statements.new_question, params).scalar_one_or_none()
    return (question, None) if question is not None else None


def _summary_card(
    user_id: int, now: datetime, summary: DeckSummary
) -> tuple[Question, Card | None] | None:
    if summary.due_card is not None:
        return summary.due_card.question, summary.due_card
    if new_cards_left(user_id, now) <= 0 or summary.next_question is None:
        return None
    return summary.next_question, None


def deck_summary(user_id: int, deck: Deck, now: datetime) -> DeckSummary:
    """Due and new counts of one deck, when its next card falls due, and which card comes
    next, loaded (one query, which also counts today's new cards for ``new_cards_left`` and
    reads the student's study settings for ``study_plan``)."""
    statements, params = deck_statements(deck.kind), _deck_params(user_id, deck, now)
    params["day"] = day_start(now)
    row = db.session.execute(statements.summary, params).one()
    due, next_due, new, started, due_card_id, new_question_id, settings, card, question = row
    remember_study_plan(user_id, settings)
    memo = g.setdefault("new_cards_left", {})
    memo[(user_id, params["day"])] = _count_new_cards_left(user_id, now, started)
    if isinstance(next_due, str):  # SQLite returns MIN() of timestamps as text
        next_due = datetime.fromisoformat(next_due)
    if next_due is not None and next_due.tzinfo is None:
        next_due = next_due.replace(tzinfo=now.tzinfo)
    new_today = min(new, new_cards_left(user_id, now))
    return DeckSummary(due, new, new_today, next_due, due_card_id, new_question_id, card, question)


def studyable_card_ids(user_id: int, now: datetime) -> Select:
    """The ids of the student's cards of questions they may study now (the cards of the decks)."""
    return db.select(Card.id).where(
        Card.user_id == user_id, Card.question_id.in_(_card_questions(user_id, now))
    )


def due_card_count(user_id: int, now: datetime, within: timedelta = timedelta(0)) -> int:
    """How many of the student's studyable cards are due by ``now + within``: with no
    ``within``, the "Due now" of the "All my cards" deck and of the progress page."""
    return db.session.execute(
        db.select(func.count(Card.id)).where(
            Card.id.in_(studyable_card_ids(user_id, now)), Card.due_at <= now + within
        )
    ).scalar_one()


def _grouped_counts(user_id: int, now: datetime, titled=None) -> list:
    """Per (id, title) of ``titled`` (or overall): total, due and new cards, in one query.

    ``titled`` is ``(model, key column)``: the deck's rows are grouped by that key and named
    by ``model.title``.
    """
    columns = () if titled is None else (titled[1], titled[0].title)
    question = Question.id
    query = (
        _card_questions(user_id, now)
        .with_only_columns(
            *columns,
            func.count(distinct(question)),
            func.count(distinct(case((Card.due_at <= now, question)))),
            func.count(distinct(case((Card.id.is_(None), question)))),
        )
        .outerjoin(Card, and_(Card.question_id == Question.id, Card.user_id == user_id))
    )
    if titled is not None:
        model, key = titled
        query = query.join(model, model.id == key).group_by(*columns).order_by(*columns[::-1])
    return db.session.execute(query).all()


def _assigned_decks(user_id: int) -> dict[int, list[str]]:
    """Quiz id -> names of the student's classes that assigned it as a deck."""
    rows = db.session.execute(
        db.select(Assignment.quiz_id, Classroom.name)
        .join(Classroom, Classroom.id == Assignment.classroom_id)
        .join(Membership, Membership.classroom_id == Classroom.id)
        .where(Membership.user_id == user_id, Assignment.kind == "deck")
    ).all()
    assigned: dict[int, list[str]] = {}
    for quiz_id, name in rows:
        assigned.setdefault(quiz_id, []).append(name)
    return assigned


def deck_list(user_id: int, now: datetime) -> list[DeckRow]:
    """Every deck the student may study with its counts: all cards, per quiz, per article."""
    assigned = _assigned_decks(user_id)
    rows = [
        DeckRow(Deck("quiz", key), title, total, due, new, tuple(assigned.get(key, ())))
        for key, title, total, due, new in _grouped_counts(
            user_id, now, (Quiz, QuizQuestion.quiz_id)
        )
    ]
    rows += [
        DeckRow(Deck("article", key), title, total, due, new)
        for key, title, total, due, new in _grouped_counts(
            user_id, now, (Article, Question.article_id)
        )
    ]
    total, _, new = _grouped_counts(user_id, now)[0]
    everything = DeckRow(Deck(), "All my cards", total, due_card_count(user_id, now), new)
    return [everything, *rows]
