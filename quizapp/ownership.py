"""One ownership check for every id a request names: in its URL, a query parameter or a form field.

``owned_or_404(Model, id, user)`` loads the object only if ``user`` owns it, by the rule listed
for its model in ``OWNER_RULES``: the object does not exist (404), or belongs to someone else
(the rule's status: 404 where even its existence stays hidden, as for classes, else 403).
``owned_ids(Model, ids, user)`` keeps the ids of a list that the user owns, for forms that tick
several objects. Ids are read by ``parse_id``: only ASCII digits within an id column's range, so
``²``, ``1e9`` or an id beyond 32 bits (let alone 64) names nothing instead of failing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from flask import abort, request
from sqlalchemy import ColumnElement, Select
from sqlalchemy.orm import contains_eager
from werkzeug.routing import IntegerConverter

from quizapp.extensions import db
from quizapp.models import (
    Article,
    Assignment,
    Attempt,
    Category,
    Classroom,
    Membership,
    Question,
    Quiz,
    Response,
    ReviewItem,
    User,
)

#: Largest id an id column holds on every database the app runs on (PostgreSQL's INTEGER is
#: 32-bit signed; SQLite's is 64-bit).
MAX_ID = 2**31 - 1


class BoundedIntegerConverter(IntegerConverter):
    """The ``int`` URL converter, limited to ids a database can hold (larger ones: 404)."""

    def __init__(self, map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def parse_id(value: Any) -> int | None:
    """An id from text: ASCII digits, 1 to ``MAX_ID``; None for anything else."""
    text = str(value if value is not None else "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 12:
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ID else None


def query_id(name: str) -> int | None:
    """An id from the query string (None when absent or not an id)."""
    return parse_id(request.args.get(name))


def form_id(name: str) -> int | None:
    """An id from the posted form (None when absent or not an id)."""
    return parse_id(request.form.get(name))


def form_ids(name: str) -> list[int]:
    """Every id a posted form field holds, in order, without repeats or non-ids."""
    found = (parse_id(value) for value in request.form.getlist(name))
    return list(dict.fromkeys(i for i in found if i is not None))


@dataclass(frozen=True)
class OwnerRule:
    """How to tell an object's owner: a condition on a select of the model (joins added by
    ``join``) and the status a non-owner gets."""

    owner: Callable[[int], ColumnElement[bool]]
    join: Callable[[Select], Select] = lambda query: query
    refused: int = 403
    #: Loader options for what the joins bring along (so pages need not fetch it again).
    load: tuple = ()


#: Model -> its ownership rule.
OWNER_RULES: dict[type, OwnerRule] = {
    Quiz: OwnerRule(lambda user_id: Quiz.owner_id == user_id),
    Question: OwnerRule(lambda user_id: Question.author_id == user_id),
    Article: OwnerRule(lambda user_id: Article.owner_id == user_id),
    Category: OwnerRule(lambda user_id: Category.owner_id == user_id),
    Classroom: OwnerRule(lambda user_id: Classroom.teacher_id == user_id, refused=404),
    ReviewItem: OwnerRule(
        lambda user_id: Article.owner_id == user_id,
        lambda query: query.join(Article, Article.id == ReviewItem.article_id),
    ),
    Membership: OwnerRule(
        lambda user_id: Classroom.teacher_id == user_id,
        lambda query: query.join(Classroom, Classroom.id == Membership.classroom_id),
        refused=404,
    ),
    Assignment: OwnerRule(
        lambda user_id: Classroom.teacher_id == user_id,
        lambda query: query.join(Classroom, Classroom.id == Assignment.classroom_id),
        refused=404,
    ),
    Attempt: OwnerRule(
        lambda user_id: db.or_(Attempt.user_id == user_id, Quiz.owner_id == user_id),
        lambda query: query.join(Quiz, Quiz.id == Attempt.quiz_id),
        refused=404,
        load=(contains_eager(Attempt.quiz),),
    ),
    Response: OwnerRule(
        lambda user_id: Quiz.owner_id == user_id,
        lambda query: query.join(Attempt, Attempt.id == Response.attempt_id).join(
            Quiz, Quiz.id == Attempt.quiz_id
        ),
        refused=404,
    ),
}


@cache
def owned_statement(model: type) -> Select:
    """The object by ``object_id`` if ``owner_id`` owns it (bound later), built once per model;
    other queries may add to it."""
    rule = OWNER_RULES[model]
    query = rule.join(db.select(model)).where(
        model.id == db.bindparam("object_id"), rule.owner(db.bindparam("owner_id"))
    )
    return query.options(*rule.load)


def owned_or_404(model: type, object_id: Any, user: User) -> Any:
    """The object ``model`` ``object_id`` if ``user`` owns it; else abort (module rules).

    An owner's object costs one query; only a refusal looks again, to tell 404 from 403.
    """
    rule = OWNER_RULES[model]
    identifier = parse_id(object_id)
    if identifier is None:
        abort(404)
    params = {"object_id": identifier, "owner_id": user.id}
    found = db.session.execute(owned_statement(model), params).scalar_one_or_none()
    if found is None:
        exists = rule.refused != 404 and db.session.get(model, identifier) is not None
        abort(rule.refused if exists else 404)
    return found


def owned_ids(model: type, ids: Iterable[Any], user: User) -> list[int]:
    """The ids among ``ids`` naming objects ``user`` owns, in their order."""
    wanted = list(dict.fromkeys(i for i in (parse_id(v) for v in ids) if i is not None))
    if not wanted:
        return []
    rule = OWNER_RULES[model]
    query = rule.join(db.select(model.id)).where(model.id.in_(wanted), rule.owner(user.id))
    found = set(db.session.execute(query).scalars())
    return [i for i in wanted if i in found]
