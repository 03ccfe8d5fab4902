"""How a request's transaction ends when the view has not ended it: writes are rolled back,
a transaction that only read is committed.

Both end a read-only transaction alike in the database, but psycopg forgets its prepared
statements on every rollback (a rolled-back transaction might have dropped what they refer to).
Pages that only read would otherwise never reach psycopg's ``prepare_threshold``, and
PostgreSQL would parse and plan each of their queries again on every request.

A transaction counts as having written once its connection runs anything but a compiled
SELECT (an INSERT, UPDATE or DELETE, or any text statement); the mark is cleared when the
transaction commits or rolls back.
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

#: Key in the connection's ``info`` marking a transaction that wrote (or may have written).
WROTE = "quizapp_transaction_wrote"


def is_plain_read(context) -> bool:
    """Whether the statement an execution context runs is a compiled SELECT."""
    compiled = getattr(context, "compiled", None)
    return compiled is not None and isinstance(compiled.statement, Select)


@event.listens_for(Engine, "before_cursor_execute")
def _note_writes(conn: Connection, cursor, statement, parameters, context, executemany) -> None:
    """Mark the connection's transaction once it runs a statement that is not a plain read."""
    if not is_plain_read(context):
        conn.info[WROTE] = True


@event.listens_for(Engine, "commit")
@event.listens_for(Engine, "rollback")
def _forget_writes(conn: Connection) -> None:
    """A transaction that ends takes its mark with it (an invalidated connection has none left
    to read: its DBAPI connection is gone)."""
    if not conn.invalidated:
        conn.info.pop(WROTE, None)


def only_read(session: Session) -> bool:
    """Whether the session's open transaction has read and nothing more: no statement that
    writes was run, no change waits to be flushed, and its connection is still usable."""
    transaction = session.get_transaction()
    if transaction is None or not transaction.is_active:
        return False
    if session.new or session.dirty or session.deleted:
        return False
    connection = session.connection()
    return not connection.invalidated and not connection.info.get(WROTE, False)


def commit_read_only(session: Session) -> None:
    """Commit a transaction that only read (``only_read``), leaving what it loaded as closing the
    session would: loaded, not expired (nothing changed, so there is nothing to read again)."""
    session.expire_on_commit = False
    session.commit()
