"""Where generation jobs run.

* ``JOB_QUEUE_URL`` set (``redis://...``): on an RQ queue in Redis, done by
  ``flask --app quizapp worker`` processes (as many as you like, on any machine);
* otherwise: on one background thread of the app process, so ``make run`` needs nothing else
  (jobs still queued when that process stops are shown as stalled, with "Try again");
* ``JOB_RUNNER = "inline"``: at once, inside the request, after its commit (tests only).
"""

from __future__ import annotations

import atexit
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from flask import Flask, current_app

from quizapp.services.generation import run_generation_job

_executors: dict[int, ThreadPoolExecutor] = {}
_lock = threading.Lock()


def runner_name(app: Flask) -> str:
    """``rq``, ``thread`` or ``inline``: how this app runs its jobs."""
    configured = app.config.get("JOB_RUNNER") or ""
    if configured:
        return configured
    return "rq" if app.config.get("JOB_QUEUE_URL") else "thread"


def _redis(app: Flask):
    from redis import Redis

    return Redis.from_url(app.config["JOB_QUEUE_URL"])


def rq_queue(app: Flask):
    """The RQ queue jobs go to."""
    from rq import Queue

    return Queue(app.config["JOB_QUEUE_NAME"], connection=_redis(app))


def _executor(app: Flask) -> ThreadPoolExecutor:
    with _lock:
        if id(app) not in _executors:
            executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quizapp-jobs")
            _executors[id(app)] = executor
            atexit.register(executor.shutdown, wait=False, cancel_futures=True)
        return _executors[id(app)]


def _run_in_app(app: Flask, job_id: int) -> str:
    with app.app_context():
        return run_generation_job(job_id)


def perform_job(job_id: int) -> str:
    """The RQ entry point: run one job inside the worker's app context."""
    return run_generation_job(job_id)


def dispatch(job_id: int) -> Future | str | None:
    """Hand a committed job to the configured runner."""
    app = current_app._get_current_object()
    runner = runner_name(app)
    if runner == "inline":
        return run_generation_job(job_id)
    if runner == "rq":
        timeout = int(app.config["JOB_TIMEOUT_SECONDS"])
        rq_queue(app).enqueue(perform_job, job_id, job_timeout=timeout)
        return None
    return _executor(app).submit(_run_in_app, app, job_id)


def wait_for_local_jobs(app: Flask) -> None:
    """Wait until the app's background thread has run every job handed to it (tests, CLI)."""
    executor = _executors.pop(id(app), None)
    if executor is not None:
        executor.shutdown(wait=True)


def run_worker(app: Flask, burst: bool = False) -> None:
    """Work the RQ queue in this process (spaCy stays loaded between jobs)."""
    from rq import SimpleWorker

    with app.app_context():
        SimpleWorker([rq_queue(app)], connection=_redis(app)).work(burst=burst)
