"""The question bank of a teacher: writing, versioning, deleting, filtering and categories.

A question an attempt holds (answered, or pinned by an attempt under way) is never changed in
place: editing it adds a new version and retires the old one (``is_deleted``), and quizzes move
to the new version, so new attempts get it while attempts already started keep theirs; deleting
it is a soft delete. Responses always keep the exact question they answered.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from flask import abort
from sqlalchemy.orm import selectinload

from question_bank.model import Question as BankQuestion
from quizapp.extensions import db
from quizapp.models import AttemptSlot, Question, QuestionTag, QuizQuestion, Response, User
from quizapp.models.question import normalise_tags
from quizapp.ownership import owned_or_404
from quizapp.services.categories import category_and_descendants


@dataclass(frozen=True)
class BankFilter:
    """What the bank list is narrowed to (empty values mean "any")."""

    article_id: int | None = None
    tag: str = ""
    kind: str = ""
    category_id: int | None = None
    text: str = ""


def owned_question_or_404(question_id: int, teacher: User) -> Question:
    """A current question of ``teacher``'s bank; 403 for another teacher's, 404 when retired."""
    question = owned_or_404(Question, question_id, teacher)
    if question.is_deleted:
        abort(404)
    return question


def set_tags(question: Question, tags) -> None:
    """Replace the question's tag rows by ``tags`` (normalised)."""
    wanted = normalise_tags(tags)
    question.tag_rows = [t for t in question.tag_rows if t.name in wanted]
    have = {t.name for t in question.tag_rows}
    question.tag_rows.extend(QuestionTag(name=name) for name in wanted if name not in have)


def add_question(
    bank: BankQuestion, author: User, category_id: int | None = None, **fields
) -> Question:
    """Add a new bank question written (or imported) by ``author``."""
    question = Question.from_bank(
        bank, author_id=author.id, category_id=category_id or None, **fields
    )
    db.session.add(question)
    db.session.flush()
    return question


def is_answered(question: Question) -> bool:
    """Whether any attempt holds this question: answered, or pinned by an attempt under way."""
    answered = db.select(Response.id).where(Response.question_id == question.id)
    pinned = db.select(AttemptSlot.id).where(AttemptSlot.question_id == question.id)
    found = db.session.execute(answered.union_all(pinned).limit(1)).first()
    return found is not None


def update_question(question: Question, bank: BankQuestion, category_id: int | None) -> Question:
    """Save an edit: in place if unanswered, else as a new version that quizzes switch to.

    Every version carries its first version's id as ``extra["quizapp.id"]``, so exports (an Anki
    deck's note ids, for one) keep recognising the question after edits.
    """
    extra = dict(bank.extra) | {"quizapp.id": lineage_id(question)}
    bank = replace(
        bank, evidence=bank.evidence or question.evidence, extra=tuple(sorted(extra.items()))
    )
    if not is_answered(question):
        question.kind, question.prompt, question.payload = bank.kind, bank.prompt, bank.to_dict()
        question.category_id = category_id or None
        set_tags(question, bank.tags)
        db.session.flush()
        return question
    newer = Question.from_bank(
        bank,
        author_id=question.author_id,
        article_id=question.article_id,
        category_id=category_id or None,
        score=question.score,
        previous_id=question.id,
        version=question.version + 1,
    )
    db.session.add(newer)
    question.is_deleted = True
    db.session.flush()
    db.session.execute(
        db.update(QuizQuestion)
        .where(QuizQuestion.question_id == question.id)
        .values(question_id=newer.id)
    )
    return newer


def delete_question(question: Question) -> bool:
    """Remove a question from the bank and its quizzes; True when it was hard-deleted.

    An answered question is only marked deleted, so its responses stay readable.
    """
    db.session.execute(db.delete(QuizQuestion).where(QuizQuestion.question_id == question.id))
    if is_answered(question):
        question.is_deleted = True
        db.session.flush()
        return False
    db.session.delete(question)
    db.session.flush()
    return True


def bank_questions(
    owner: User, filters: BankFilter = BankFilter(), limit: int = 500
) -> list[Question]:
    """The owner's current questions matching ``filters``, newest first, tags and article loaded."""
    query = db.select(Question).where(
        Question.author_id == owner.id, Question.is_deleted.is_(False)
    )
    if filters.article_id:
        query = query.where(Question.article_id == filters.article_id)
    if filters.kind:
        query = query.where(Question.kind == filters.kind)
    if filters.category_id:
        query = query.where(
            Question.category_id.in_(category_and_descendants(owner, filters.category_id))
        )
    if filters.tag:
        tagged = db.select(QuestionTag.question_id).where(
            QuestionTag.name == filters.tag.strip().lower()
        )
        query = query.where(Question.id.in_(tagged))
    if filters.text:
        query = query.where(Question.prompt.ilike(f"%{filters.text.strip()}%"))
    query = query.options(
        selectinload(Question.tag_rows),
        selectinload(Question.article),
        selectinload(Question.category),
    )
    return list(db.session.execute(query.order_by(Question.id.desc()).limit(limit)).scalars())


def owner_tags(owner: User) -> list[str]:
    """Every tag used on the owner's current questions, sorted."""
    return list(
        db.session.execute(
            db.select(QuestionTag.name)
            .join(Question, Question.id == QuestionTag.question_id)
            .where(Question.author_id == owner.id, Question.is_deleted.is_(False))
            .distinct()
            .order_by(QuestionTag.name)
        ).scalars()
    )


def lineage_id(question: Question) -> str:
    """The id of the question's first version, which all its later versions share."""
    return str(question.payload.get("extra", {}).get("quizapp.id") or question.id)


def question_versions(question: Question) -> list[Question]:
    """The question and its earlier versions, newest first."""
    versions = [question]
    while versions[-1].previous_id is not None and len(versions) < 100:
        versions.append(db.session.get(Question, versions[-1].previous_id))
    return versions
