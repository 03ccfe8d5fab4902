"""What one request to each student page and POST costs inside the app: milliseconds and
Python calls.

    .venv/bin/python benchmarks/page_costs.py [--requests 300] [--profile "take"]

The same throwaway PostgreSQL cluster and seeded database as ``load.py`` (1,000 students,
10,000 attempts, 100,000 responses), but no gunicorn and no wrk: each page is requested through
Flask's test client by the ``bench`` student (the answer autosave and the card rating by the
students ``load.py`` sends them as, with the same forms), first to warm it, then ``--requests``
times for the mean time, then 20 times under cProfile for the number of Python function calls per
request. The call count hardly moves between runs, so two commits compare on it where wrk's
throughput swings by a fifth; ``--profile`` prints the costliest functions of the pages named.
It is a report and always exits 0.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flask_migrate import upgrade  # noqa: E402
from werkzeug.datastructures import MultiDict  # noqa: E402

from benchmarks.loadkit.client import CSRF_META  # noqa: E402
from benchmarks.loadkit.cluster import Cluster  # noqa: E402
from benchmarks.loadkit.scenarios import autosave_fields, student_pages  # noqa: E402
from benchmarks.loadkit.seed import PASSWORD, seed  # noqa: E402

PROFILED = 20


def _logged_in(app, username: str = "bench"):
    """A test client logged in as a seeded student, and its CSRF token."""
    client = app.test_client()
    token = CSRF_META.search(client.get("/auth/login").get_data(as_text=True)).group(1)
    answer = client.post(
        "/auth/login", data={"csrf_token": token, "username": username, "password": PASSWORD}
    )
    if answer.status_code not in (302, 303):
        raise RuntimeError(f"log-in refused ({answer.status_code})")
    return client, token


class _Posting:
    """A test client that sends the same form each time it is asked for a path (as wrk's
    script does in ``load.py``)."""

    def __init__(self, client, body: list[tuple[str, str]]):
        self.client, self.body = client, body

    def get(self, path: str):
        answer = self.client.post(path, data=MultiDict(self.body))
        if answer.status_code in (302, 303):  # the card rating's redirect is its success
            answer.status_code = 200
        return answer


def _posts(app, seeded) -> list[tuple[str, _Posting, str]]:
    """The answer autosave and the card rating, each by the student ``load.py`` sends it as."""
    saver, token = _logged_in(app, "bench-save")
    page = saver.get(f"/quizzes/attempts/{seeded.save_attempt}").get_data(as_text=True)
    save = [("csrf_token", token), *autosave_fields(page)]
    rater, token = _logged_in(app, "bench-cards")
    rating = [("csrf_token", token), ("rating", "3"), ("deck", "all"), ("revealed", "1")]
    return [
        ("autosave", _Posting(saver, save), f"/quizzes/attempts/{seeded.save_attempt}/save"),
        ("card rating", _Posting(rater, rating), f"/cards/{seeded.card_question}/rate"),
    ]


def _yardstick_client(url: str):
    """A test client of the yardstick page (``loadkit/yardstick.py``) on the same database."""
    os.environ.setdefault("QUIZAPP_DATABASE_URL", url)
    os.environ.setdefault("QUIZAPP_SECRET_KEY", "page-costs-secret")
    from benchmarks.loadkit.yardstick import create_yardstick

    return create_yardstick().test_client()


def _measure(client, path: str, requests: int) -> tuple[float, int, pstats.Stats]:
    """Mean milliseconds per request, Python calls per request, and the profile."""
    for _ in range(30):
        status = client.get(path).status_code
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
    started = time.perf_counter()
    for _ in range(requests):
        client.get(path)
    milliseconds = (time.perf_counter() - started) / requests * 1000
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(PROFILED):
        client.get(path)
    profile.disable()
    stats = pstats.Stats(profile, stream=io.StringIO())
    return milliseconds, stats.total_calls // PROFILED, stats


def main(argv: list[str] | None = None) -> int:
    """Seed, measure every student page and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300, help="timed requests per page")
    parser.add_argument(
        "--profile", action="append", default=[], help="a page label to print the profile of"
    )
    parser.add_argument(
        "--sort", default="cumulative", help="pstats order of a printed profile (e.g. tottime)"
    )
    args = parser.parse_args(argv)
    cluster = Cluster()
    try:
        cluster.start()
        from quizapp import create_app

        app = create_app(
            {
                "DATABASE_URL": cluster.url,
                "SECRET_KEY": "page-costs-secret",
                "SECURE_COOKIES": False,
                "LOG_LEVEL": "WARNING",
            }
        )
        with app.app_context():
            upgrade(directory=str(ROOT / "quizapp" / "migrations"), revision="heads")
            seeded = seed()
        client, _ = _logged_in(app)
        print(f"{'page':<12} {'ms':>6} {'calls':>7}")
        for label, client_of, path in [
            ("yardstick", _yardstick_client(cluster.url), "/one"),
            *((label, client, path) for label, path in student_pages(seeded)),
            *_posts(app, seeded),
        ]:
            milliseconds, calls, stats = _measure(client_of, path, args.requests)
            print(f"{label:<12} {milliseconds:6.2f} {calls:7,}", flush=True)
            if label in args.profile:
                stats.stream = sys.stdout
                stats.sort_stats(args.sort).print_stats(40)
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
