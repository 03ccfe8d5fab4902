"""Cached parts of a student's own pages, kept fresh by the student's activity stamp.

A fragment's key holds the student's id and ``activity_at`` (moved by every change to their
results, see ``quizapp.models.activity``) and whatever else it depends on (the day, for a
streak); it also expires after ``timeout`` seconds, which bounds how long a teacher's edit (a
renamed quiz) takes to show. CSRF tokens differ per session, so fragments are rendered with a
placeholder that is swapped for the request's token when served.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from flask import render_template
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from quizapp.extensions import cache

TOKEN_PLACEHOLDER = "csrf-token-placeholder-3b7e1d"


def _placeholder() -> str:
    return TOKEN_PLACEHOLDER


def student_fragment(
    template: str,
    context: Callable[[], dict[str, Any]],
    depends_on: Iterable[object] = (),
    timeout: int | None = None,
) -> Markup:
    """``template`` rendered with ``context()``, from the cache when the student's results and
    ``depends_on`` are unchanged (``context`` is only called on a miss)."""
    stamp = current_user.activity_at.isoformat() if current_user.activity_at else "-"
    parts = ":".join(str(part) for part in depends_on)
    key = f"fragment:{template}:{current_user.id}:{stamp}:{parts}"
    html = cache.get(key)
    if html is None:
        html = render_template(template, csrf_token=_placeholder, **context())
        cache.set(key, html, timeout=timeout)
    return Markup(html.replace(TOKEN_PLACEHOLDER, generate_csrf()))
