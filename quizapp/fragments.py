"""Cached student pages, kept fresh by the student's activity stamp.

A page template that starts ``{% extends layout or "base.html" %}`` can be served through
``cached_student_page``: its title and content blocks are rendered once (with the bare
``_fragment.html`` layout) and cached under a key holding the student's id and ``activity_at``
(moved by every change to their results, see ``quizapp.models.activity``), the content stamp
(moved by every teacher's edit: a renamed quiz, a question, a class, see
``quizapp.models.content``) and whatever else the page depends on (the day, for a streak).
Entries also expire after ``timeout`` seconds, to free the memory of pages no longer asked
for. The menu, flashed messages and CSRF tokens are never cached: tokens are rendered as a
placeholder and swapped for the request's own token when the page is served.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from flask import current_app, render_template
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from quizapp.extensions import cache
from quizapp.models.base import utcnow

TOKEN_PLACEHOLDER = "csrf-token-placeholder-3b7e1d"


def _placeholder() -> str:
    return TOKEN_PLACEHOLDER


def _render_parts(template: str, data: dict[str, Any]) -> tuple[str, str]:
    """The page's title and content blocks, with placeholder CSRF tokens."""
    content = render_template(template, layout="_fragment.html", csrf_token=_placeholder, **data)
    page = current_app.jinja_env.get_template(template)
    title_block = page.blocks.get("title")
    title = "".join(title_block(page.new_context(data))) if title_block else ""
    return title, content


def cached_student_page(
    template: str,
    context: Callable[[], dict[str, Any]],
    depends_on: Iterable[object] = (),
    timeout: int | None = None,
    changes_at: Callable[[dict[str, Any]], datetime | None] | None = None,
) -> str:
    """The page ``template`` shows for ``context()``, its body from the cache while the
    student's results and ``depends_on`` are unchanged (``context`` is only called on a miss).
    ``changes_at`` tells, from the context, when the page will change with the clock alone (an
    assignment opens, a due date passes): the cached body is not served from then on."""
    stamps = ":".join(
        stamp.isoformat() if stamp else "-"
        for stamp in (current_user.activity_at, current_user.content_at)
    )
    parts = ":".join(str(part) for part in depends_on)
    key = f"page:{template}:{current_user.id}:{stamps}:{parts}"
    cached = cache.get(key)
    now = utcnow()
    if cached is not None and len(cached) > 2 and cached[2] is not None and now >= cached[2]:
        cached = None  # its moment has come
    if cached is None:
        data = context()
        until = changes_at(data) if changes_at is not None else None
        cached = (*_render_parts(template, data), until)
        cache.set(key, cached, timeout=_lifetime(now, until, timeout))
    title, content = cached[:2]
    return render_template(
        "_cached_page.html",
        title=Markup(title),
        content=Markup(content.replace(TOKEN_PLACEHOLDER, generate_csrf())),
    )


def _lifetime(now: datetime, until: datetime | None, timeout: int | None) -> int | None:
    """Seconds to keep a page that changes at ``until`` (at least one, at most ``timeout`` or
    the cache's default)."""
    if until is None:
        return timeout
    longest = timeout or current_app.config.get("CACHE_DEFAULT_TIMEOUT") or 300
    return max(1, min(longest, math.ceil((until - now).total_seconds())))
