"""Load, concurrency and fault runs of quizapp under gunicorn on PostgreSQL; prints the figures.

    .venv/bin/python benchmarks/load.py [--seconds 10] [--only throughput,crowd,faults]

Needs wrk (Debian: ``apt-get install wrk``) and PostgreSQL's server binaries; starts its own
throwaway PostgreSQL cluster (so restarting it disturbs no other database), seeds it with 1,000
students, 10,000 attempts and 100,000 responses (plus their pinned questions, cards and
reviews), and serves the app and the yardstick with the project's gunicorn settings
(``quizapp.gunicorn_conf``).

1. Throughput: each student page and POST (an answer's autosave, a card rating, a submit) with
   wrk (2 threads, 50 connections), each between two runs of the yardstick page
   (``loadkit/yardstick.py``): target 0.6 of it for pages with p99 under 150 ms, 0.5 for POSTs;
   printed with req/s, the ratio, p50 and p99.
2. Crowd: 200 students log in, start, answer and submit twice at once, across two app
   servers; then every attempt must be submitted once with one response per question.
3. Faults: students keep starting and submitting while PostgreSQL restarts, then while
   gunicorn workers are killed; requests may fail cleanly, the next ones must succeed, and no
   attempt may be half-written or an acknowledged submit lost.

It prints what held; it is a report and always exits 0.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from flask_migrate import upgrade  # noqa: E402

from benchmarks.loadkit import scenarios  # noqa: E402
from benchmarks.loadkit.cluster import Cluster  # noqa: E402
from benchmarks.loadkit.seed import QUESTIONS_PER_QUIZ, seed, table_counts  # noqa: E402
from benchmarks.loadkit.servers import Server  # noqa: E402

SETTINGS = {
    "QUIZAPP_SECRET_KEY": "load-test-secret",
    "QUIZAPP_SECURE_COOKIES": "false",  # plain HTTP on the loopback; production sits behind TLS
    "QUIZAPP_LOGIN_RATE_LIMIT": '"100000 per minute"',  # 200 students share one address here
    "QUIZAPP_LOG_LEVEL": '"WARNING"',
}


def _app(url: str):
    from quizapp import create_app

    return create_app(
        {
            "DATABASE_URL": url,
            "SECRET_KEY": SETTINGS["QUIZAPP_SECRET_KEY"],
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},  # this helper outlives restarts
        }
    )


def _extra_quiz(app, title: str) -> int:
    from benchmarks.loadkit.seed import _bank_question
    from quizapp.extensions import db
    from quizapp.models import Question, Quiz, QuizQuestion, User

    with app.app_context():
        teacher = db.session.execute(db.select(User).filter_by(username="teacher")).scalar_one()
        questions = [
            Question.from_bank(_bank_question(99, n), author_id=teacher.id)
            for n in range(QUESTIONS_PER_QUIZ)
        ]
        quiz = Quiz(title=title, owner_id=teacher.id, is_published=True, is_public=True)
        quiz.entries = [QuizQuestion(question=q, position=i) for i, q in enumerate(questions)]
        db.session.add(quiz)
        db.session.commit()
        return quiz.id


def main(argv: list[str] | None = None) -> int:
    """Run the chosen parts and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--only", default="throughput,crowd,faults")
    parser.add_argument("--students", type=int, default=200)
    args = parser.parse_args(argv)
    parts = set(args.only.split(","))
    if "throughput" in parts and not shutil.which("wrk"):
        print("wrk not found: apt-get install wrk")
        return 0
    cluster = Cluster()
    servers: list[Server] = []
    try:
        cluster.start()
        env = {**SETTINGS, "QUIZAPP_DATABASE_URL": cluster.url}
        os.environ.update(env)
        app = _app(cluster.url)
        started = time.perf_counter()
        with app.app_context():
            upgrade(directory=str(ROOT / "quizapp" / "migrations"), revision="heads")
            seeded = seed()
            counts = table_counts()
        print(
            f"Seeded in {time.perf_counter() - started:.0f} s: "
            + ", ".join(f"{n:,} {table}" for table, n in counts.items())
        )
        engine = sa.create_engine(
            cluster.url.replace("postgresql://", "postgresql+psycopg://"), pool_pre_ping=True
        )
        first = Server("quizapp:create_app()", 8101, env).start()
        servers.append(first)
        if "throughput" in parts:
            stick = Server("benchmarks.loadkit.yardstick:app", 8102, env).start("/one")
            servers.append(stick)
            print(
                f"\nThroughput (wrk -t2 -c50 -d{args.seconds}s; gunicorn workers: "
                f"{len(first.worker_pids())}; the yardstick measured right before and after each):"
            )
            results = scenarios.throughput(first.base, stick.base, seeded, args.seconds)
            missed = [m.label for m in results if not m.passed]
            print("  all targets met" if not missed else f"  missed: {', '.join(missed)}")
            stick.stop()
        if "crowd" in parts:
            second = Server("quizapp:create_app()", 8103, env).start()
            servers.append(second)
            quiz_id = _extra_quiz(app, "Crowd quiz")
            names = [f"student{n:04d}" for n in range(args.students)]
            began = time.perf_counter()
            report = scenarios.crowd(
                [first.base, second.base], engine, quiz_id, QUESTIONS_PER_QUIZ, names
            )
            print(
                f"\nCrowd: {report.students} students on two app servers in "
                f"{time.perf_counter() - began:.0f} s: {report.attempts} attempts, "
                f"{report.submitted_once} submitted, {report.responses:,} responses "
                f"(expected {report.expected_responses:,}), duplicates {report.duplicates}; "
                f"submit answers {dict(report.second_submits)}; failures {len(report.failures)}"
                f" -> {'held' if report.held else 'DID NOT HOLD'}"
            )
            for failure in report.failures[:5]:
                print(f"    {failure}")
            second.stop()
        if "faults" in parts:
            names = [f"student{n:04d}" for n in range(300, 310)]
            quiz_id = _extra_quiz(app, "Restart quiz")
            report = scenarios.fault_run(
                first.base, engine, quiz_id, QUESTIONS_PER_QUIZ, names, cluster.restart
            )
            print(f"\nPostgreSQL restarted mid-run: {report}")
            quiz_id = _extra_quiz(app, "Kill quiz")

            def kill_workers() -> None:
                first.kill_worker()
                time.sleep(2)
                first.kill_worker()

            report = scenarios.fault_run(
                first.base, engine, quiz_id, QUESTIONS_PER_QUIZ, names, kill_workers
            )
            print(f"Two gunicorn workers killed (SIGKILL) mid-run: {report}")
        engine.dispose()
    finally:
        for server in servers:
            server.stop()
        cluster.remove()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
