"""Error pages."""

from __future__ import annotations

from flask import Flask, current_app, render_template
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError

from quizapp.extensions import db

ERROR_TITLES = {
    400: "Bad request",
    403: "Not allowed",
    404: "Not found",
    413: "File too large",
    429: "Too many requests",
    500: "Something went wrong",
}


def _render(code: int, message: str = ""):
    return render_template(
        "errors/error.html", code=code, title=ERROR_TITLES[code], message=message
    ), code


def database_unavailable(exc: DBAPIError):
    """A lost database connection: roll back, log, and answer 503 without touching the database.

    The page does not extend ``base.html``, whose menu would load the user from the database.
    Other database errors (a bug, a constraint) are raised again as the 500 they are.
    """
    db.session.rollback()
    if not exc.connection_invalidated and not _is_connection_error(exc):
        raise exc
    current_app.logger.warning("database unavailable: %s", exc.orig)
    # rendered without the context processors: the current_user one would query again
    page = current_app.jinja_env.get_template("errors/unavailable.html").render()
    return page, 503, {"Retry-After": "5"}


def _is_connection_error(exc: DBAPIError) -> bool:
    """Whether the driver error means the server went away (not a bad query)."""
    name = type(exc.orig).__name__
    return name in {"OperationalError", "InterfaceError", "AdminShutdown", "ConnectionFailure"}


def register_error_handlers(app: Flask) -> None:
    """Show friendly pages for common HTTP errors."""
    for code in ERROR_TITLES:
        app.register_error_handler(
            code, lambda exc, code=code: _render(code, getattr(exc, "description", ""))
        )
    app.register_error_handler(DBAPIError, database_unavailable)
    app.register_error_handler(
        CSRFError,
        lambda exc: _render(
            400, "The form expired or was not sent from this site. Please try again."
        ),
    )
