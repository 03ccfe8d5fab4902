"""Error pages."""

from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError

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


def register_error_handlers(app: Flask) -> None:
    """Show friendly pages for common HTTP errors."""
    for code in ERROR_TITLES:
        app.register_error_handler(
            code, lambda exc, code=code: _render(code, getattr(exc, "description", ""))
        )
    app.register_error_handler(
        CSRFError,
        lambda exc: _render(
            400, "The form expired or was not sent from this site. Please try again."
        ),
    )
