"""Request input every view can rely on, without repeating the checks.

A NUL character cannot be stored in a PostgreSQL text column (nor does it belong in any field a
person types), so the query string and form fields of every request are read without them.
"""

from __future__ import annotations

from flask import Flask, Request
from werkzeug.datastructures import ImmutableMultiDict, iter_multi_items


def _without_nul(value):
    return value.replace("\x00", "") if isinstance(value, str) else value


class NulFreeMultiDict(ImmutableMultiDict):
    """The query string or form of a request, with NUL characters left out of names and values."""

    def __init__(self, mapping=None) -> None:
        if mapping is not None:
            mapping = [(_without_nul(k), _without_nul(v)) for k, v in iter_multi_items(mapping)]
        super().__init__(mapping)


class AppRequest(Request):
    """The app's request: query parameters and form fields come without NUL characters."""

    parameter_storage_class = NulFreeMultiDict


def register_input_checks(app: Flask) -> None:
    """Make every request read its input through ``AppRequest``."""
    app.request_class = AppRequest
