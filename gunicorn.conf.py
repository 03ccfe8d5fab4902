"""gunicorn reads this file when started from the project folder; the settings live in the package."""

from quizapp.gunicorn_conf import *  # noqa: F403
