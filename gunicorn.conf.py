"""gunicorn reads this file when started from the project folder; settings live in the package."""

from quizapp.gunicorn_conf import *  # noqa: F403
