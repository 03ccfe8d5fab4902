"""quizapp: take quizzes and review flashcards made from news articles."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from quizapp import cli, errors, views
from quizapp.config import load_config
from quizapp.extensions import init_extensions
from quizapp.headers import register_security_headers
from quizapp.inputguard import register_input_guard
from quizapp.requestlog import configure_request_logging
from quizapp.templating import register_template_helpers


def instance_path() -> str:
    """The instance folder: ``QUIZAPP_INSTANCE_PATH``, else ``instance/`` in the working directory.

    Never the package's own folder, which is read-only site-packages once installed.
    """
    configured = os.environ.get("QUIZAPP_INSTANCE_PATH", "").strip()
    return str(Path(configured or Path.cwd() / "instance").resolve())


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the application: config, extensions, blueprints, templates helpers, CLI commands.

    Templates are found inside the package (``quizapp/templates`` links to the top-level
    ``templates/`` in a checkout, and the wheel ships them there).
    """
    app = Flask(
        __name__,
        instance_path=instance_path(),
        instance_relative_config=True,
        template_folder="templates",
    )
    load_config(app, config)
    configure_request_logging(app)
    init_extensions(app)
    views.register_blueprints(app)
    errors.register_error_handlers(app)
    register_template_helpers(app)
    register_security_headers(app)
    register_input_guard(app)
    cli.register_commands(app)
    if app.config["PROXY_COUNT"]:  # client addresses (rate limits) and scheme from the proxy
        count = int(app.config["PROXY_COUNT"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)
    return app
