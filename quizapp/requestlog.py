"""Logs that say which request they belong to.

Every request gets an id: the proxy's ``X-Request-ID`` when it sent a sane one, else a new one.
It is echoed in the response's ``X-Request-ID`` header and added to every log record made while
the request runs (``request_id`` in the format), so one request's lines can be found together.
"""

from __future__ import annotations

import logging
import re
import uuid

from flask import Flask, Response, g, has_request_context, request

LOG_FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"

#: What a request id from a proxy may look like; anything else is replaced.
_SANE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def current_request_id() -> str:
    """The id of the request being served, or '-' outside a request."""
    if not has_request_context():
        return "-"
    if "request_id" not in g:
        given = request.headers.get("X-Request-ID", "")
        g.request_id = given if _SANE_ID.match(given) else uuid.uuid4().hex
    return g.request_id


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Stamp the record; never drops one."""
        record.request_id = current_request_id()
        return True


def _echo_request_id(response: Response) -> Response:
    response.headers["X-Request-ID"] = current_request_id()
    return response


def configure_request_logging(app: Flask) -> None:
    """Log app records with the request id to stderr (gunicorn collects it) at ``LOG_LEVEL``."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RequestIdFilter())
    app.logger.handlers[:] = [handler]
    app.logger.setLevel(app.config["LOG_LEVEL"])
    app.logger.propagate = False
    app.after_request(_echo_request_id)
