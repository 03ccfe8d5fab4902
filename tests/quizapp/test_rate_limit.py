"""Log-in attempts are rate limited, in memory by default and in Redis when configured."""

from __future__ import annotations

import uuid

import pytest
from flask_migrate import upgrade

from quizapp import create_app
from quizapp.extensions import db
from tests.conftest import csrf_token

REDIS_URL = "redis://127.0.0.1:6379/0"


def hammer_login(app, times: int) -> list[int]:
    """POST a wrong password ``times`` times; return the status codes."""
    client = app.test_client()
    token = csrf_token(client)
    return [
        client.post(
            "/auth/login", data={"csrf_token": token, "username": "x", "password": "y"}
        ).status_code
        for _ in range(times)
    ]


@pytest.fixture
def make_app(database_url):
    """Factory of migrated apps with a low log-in limit; their engines are closed afterwards."""
    made = []

    def make(**config):
        app = create_app(
            {
                "TESTING": True,
                "SQLALCHEMY_DATABASE_URI": database_url,
                "LOGIN_RATE_LIMIT": "3 per minute",
                **config,
            }
        )
        with app.app_context():
            upgrade(revision="heads")
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            db.engine.dispose()


def test_login_limited_in_memory(make_app):
    limited = make_app()
    codes = hammer_login(limited, 5)
    assert codes[:3] == [200, 200, 200]
    assert codes[3:] == [429, 429]


def test_login_limited_through_redis(make_app):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    prefix = f"quizapp-test-{uuid.uuid4().hex}"
    options = {"RATELIMIT_STORAGE_URI": REDIS_URL, "RATELIMIT_KEY_PREFIX": prefix}
    first, second = make_app(**options), make_app(**options)
    assert hammer_login(first, 2) == [200, 200]
    # a second app process sharing the Redis store sees the same counter
    assert hammer_login(second, 2) == [200, 429]
    keys = redis.Redis.from_url(REDIS_URL).keys(f"*{prefix}*")
    assert keys
    redis.Redis.from_url(REDIS_URL).delete(*keys)
