"""Refuse form fields and query parameters that no database column can hold.

PostgreSQL text cannot contain NUL characters; a field holding one would otherwise end in a
500 wherever it reaches a query. Such requests get a 400 before any view runs. Uploaded files
are bytes and are checked by their readers.
"""

from __future__ import annotations

from flask import Flask, abort, request


def refuse_nul_characters() -> None:
    """400 when a form field, a query parameter or a field name holds a NUL character."""
    for values in (request.args, request.form):
        for key, value in values.items(multi=True):
            if "\x00" in key or "\x00" in value:
                abort(400, "The form held a character that cannot be stored (NUL).")


def register_input_guard(app: Flask) -> None:
    """Check every request before its view."""
    app.before_request(refuse_nul_characters)
