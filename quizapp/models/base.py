"""Column helpers shared by the models."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

from sqlalchemy import DateTime, TypeDecorator, Update, bindparam, event, update
from sqlalchemy.orm import Session


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


#: ``Session.info`` key of what the session's transaction has done once (``done_once``).
_DONE_ONCE = "done_once"


def done_once(session: Session, name: str) -> set:
    """The set, named ``name``, of what the session's current transaction has already done
    (the stamps it moved): emptied when the transaction ends, so the next one does it again."""
    return session.info.setdefault(_DONE_ONCE, {}).setdefault(name, set())


@event.listens_for(Session, "after_transaction_end")
def _forget_done_once(session: Session, transaction) -> None:
    """A new transaction does everything again."""
    if transaction.parent is None:
        session.info.pop(_DONE_ONCE, None)


@cache
def update_by_id(model: type, key: str, fields: tuple[str, ...]) -> Update:
    """The UPDATE of ``fields`` of the ``model`` row whose id is bound as ``key``, each field
    bound by its own name, built once per model, key and fields: for hot writes, where the ORM's
    flush of one row costs more than the statement."""
    table = model.__table__
    return (
        update(table)
        .where(table.c.id == bindparam(key))
        .values({name: bindparam(name, type_=table.c[name].type) for name in fields})
    )


class UTCDateTime(TypeDecorator):
    """A timestamp stored in UTC and always read back timezone-aware (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        """Store aware datetimes converted to UTC."""
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value, dialect):
        """Read values back as aware UTC datetimes."""
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value
