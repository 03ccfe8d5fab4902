"""quizapp: take quizzes and review flashcards made from news articles."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from quizapp import cli, errors, views
from quizapp.config import load_config
from quizapp.extensions import init_extensions
from quizapp.inputs import register_input_checks
from quizapp.templating import register_template_helpers

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the application: config, extensions, blueprints, templates helpers, CLI commands."""
    app = Flask(
        __name__,
        instance_path=str(PROJECT_ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
    )
    load_config(app, config)
    init_extensions(app)
    views.register_blueprints(app)
    errors.register_error_handlers(app)
    register_input_checks(app)
    register_template_helpers(app)
    cli.register_commands(app)
    return app
