"""Configuration, in order of precedence (last wins).

1. ``DefaultConfig`` below;
2. ``instance/config.py`` (a Python file of UPPER_CASE settings, git-ignored);
3. environment variables prefixed ``QUIZAPP_`` (``QUIZAPP_SECRET_KEY``,
   ``QUIZAPP_DATABASE_URL`` ...; values are parsed as JSON where they can be);
4. the mapping passed to ``create_app`` (tests).

``DATABASE_URL`` is a friendlier name for ``SQLALCHEMY_DATABASE_URI``; a plain ``postgresql://``
URL is given the psycopg 3 driver.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from flask import Flask

DEV_SECRET_KEY = "dev-only-not-secret"


class DefaultConfig:
    """Defaults suitable for a laptop: SQLite in the instance folder, in-memory rate limits."""

    SECRET_KEY = DEV_SECRET_KEY
    SQLALCHEMY_DATABASE_URI = ""  # filled in from the instance path by load_config
    # No pre-ping (a round trip before every request): a connection the database dropped fails
    # one request with a 503, and SQLAlchemy then replaces every pooled connection.
    SQLALCHEMY_ENGINE_OPTIONS: dict[str, Any] = {"pool_recycle": 1800}
    WTF_CSRF_TIME_LIMIT = None
    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_RATE_LIMIT = "20 per minute"  # log-in and registration POSTs per client address
    LOGIN_ACCOUNT_RATE_LIMIT = "10 per 15 minutes"  # failed log-ins per account, any address
    JOIN_RATE_LIMIT = "10 per 15 minutes"  # wrong join codes per account and per address
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    SPACY_MODEL = None  # name of another spaCy pipeline for the generator
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SAMESITE = "Lax"
    SECURE_COOKIES = None  # None: Secure cookies unless debugging or testing
    REMEMBER_DAYS = 30  # how long "Keep me logged in" lasts
    LOGIN_SESSION_HOURS = 24  # how long a session without "Keep me logged in" lasts at most
    ARTICLE_MAX_WORDS = 20_000  # longer articles are refused before generation
    ARCHIVE_MAX_BYTES = 20 * 1024 * 1024  # uncompressed size of all files in an uploaded archive
    ARCHIVE_MAX_ENTRIES = 1_000  # files in an uploaded archive
    ARCHIVE_MAX_ENTRY_BYTES = 5 * 1024 * 1024  # uncompressed size of one file in an archive
    JOB_QUEUE_URL = ""  # Redis URL for generation jobs (RQ); empty: a thread in the app process
    JOB_QUEUE_NAME = "quizapp-generation"
    JOB_RUNNER = ""  # "" chooses from JOB_QUEUE_URL; "inline" runs jobs in the request (tests)
    JOB_TIMEOUT_SECONDS = 600  # a job running longer is stopped (RQ) or shown as stalled
    LOG_LEVEL = "INFO"
    TIME_ZONE = "UTC"  # the school's clock (an IANA name): times are shown and typed in it
    CACHE_TYPE = "SimpleCache"  # per process; "RedisCache" with CACHE_REDIS_URL to share it
    CACHE_DEFAULT_TIMEOUT = 300  # longest a cached student page is kept (edits show at once)
    PROXY_COUNT = 0  # reverse proxies in front that set X-Forwarded-For/-Proto (trusted)
    FLASHCARDS_DESIRED_RETENTION = 0.9  # a student's default target recall probability
    FLASHCARDS_NEW_PER_DAY = 20  # new cards a student starts per day (flashcards or quizzes)
    FLASHCARDS_FUZZING = True  # spread review intervals a little (FSRS fuzz); off for tests


class ConfigError(RuntimeError):
    """Raised when the configuration is unsafe or incomplete."""


def load_config(app: Flask, overrides: Mapping[str, Any] | None = None) -> None:
    """Fill ``app.config`` from defaults, instance file, environment and ``overrides``."""
    app.config.from_object(DefaultConfig)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("QUIZAPP")
    if overrides:
        app.config.update(overrides)
    _resolve_database_url(app)
    _resolve_cookies(app)
    _check_time_zone(app)
    _refuse_development_secret(app)


def _resolve_database_url(app: Flask) -> None:
    url = app.config.pop("DATABASE_URL", None) or app.config["SQLALCHEMY_DATABASE_URI"]
    if not url:
        _make_instance_folder(app)
        url = f"sqlite:///{app.instance_path}/quizapp.sqlite"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    app.config["SQLALCHEMY_DATABASE_URI"] = url


def _make_instance_folder(app: Flask) -> None:
    """Create the instance folder that holds the default SQLite database, or say why not."""
    try:
        os.makedirs(app.instance_path, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"The instance folder {app.instance_path} cannot be created ({exc.strerror}). "
            "Set QUIZAPP_INSTANCE_PATH to a folder this user may write to, or "
            "QUIZAPP_DATABASE_URL to another database."
        ) from exc


def _resolve_cookies(app: Flask) -> None:
    """Secure cookies outside debug and testing; the remember cookie lasts ``REMEMBER_DAYS``."""
    secure = app.config["SECURE_COOKIES"]
    if secure is None:
        secure = not (app.debug or app.testing)
    app.config["SESSION_COOKIE_SECURE"] = app.config["REMEMBER_COOKIE_SECURE"] = bool(secure)
    app.config["REMEMBER_COOKIE_HTTPONLY"] = True
    app.config["REMEMBER_COOKIE_DURATION"] = timedelta(days=float(app.config["REMEMBER_DAYS"]))


def _check_time_zone(app: Flask) -> None:
    from quizapp.local_time import zone_named

    name = app.config["TIME_ZONE"]
    if not isinstance(name, str) or zone_named(name) is None:
        raise ConfigError(
            f"TIME_ZONE {name!r} is not a time zone name; use one such as "
            "'Europe/London' or 'America/New_York' (QUIZAPP_TIME_ZONE)."
        )


def _refuse_development_secret(app: Flask) -> None:
    if app.config["SECRET_KEY"] == DEV_SECRET_KEY and not (app.debug or app.testing):
        raise ConfigError(
            "SECRET_KEY is the development key. Set QUIZAPP_SECRET_KEY or SECRET_KEY in "
            "instance/config.py (make run writes one for you)."
        )
