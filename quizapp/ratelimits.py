"""Rate limits on forms that guess secrets (passwords, join codes), counting only failures."""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app

from quizapp.extensions import limiter


def shown_again(response) -> bool:
    """A form shown again (not a redirect) failed; only failures count against its limit."""
    return response.status_code != 302


def failures_limited(setting: str, scope: str, key_func: Callable[[], str] | None = None):
    """Limit a view's failed POSTs to the ``setting`` rate, per ``key_func`` (default: address)."""
    return limiter.limit(
        lambda: current_app.config[setting],
        key_func=key_func,
        methods=["POST"],
        deduct_when=shown_again,
        scope=scope,
    )
