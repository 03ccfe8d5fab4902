"""The app factory and configuration precedence."""

from __future__ import annotations

import pytest

from quizapp import create_app
from quizapp.config import ConfigError


def test_testing_flag_and_mapping_win(tmp_path):
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "s", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"}
    )
    assert app.testing
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/x.db"


def test_default_database_lives_in_instance_folder(monkeypatch):
    monkeypatch.delenv("QUIZAPP_DATABASE_URL", raising=False)
    app = create_app({"TESTING": True})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{app.instance_path}/quizapp.sqlite"
    assert app.instance_path.endswith("instance")


def test_development_secret_refused_outside_testing(monkeypatch):
    monkeypatch.delenv("QUIZAPP_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app({"SECRET_KEY": "dev-only-not-secret", "TESTING": False})


def test_environment_overrides_defaults_and_mapping_overrides_environment(monkeypatch):
    monkeypatch.setenv("QUIZAPP_SECRET_KEY", "from-env")
    monkeypatch.setenv("QUIZAPP_LOGIN_RATE_LIMIT", '"3 per minute"')
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-env"
    assert app.config["LOGIN_RATE_LIMIT"] == "3 per minute"
    app = create_app({"SECRET_KEY": "from-mapping"})
    assert app.config["SECRET_KEY"] == "from-mapping"


def test_postgres_url_gets_psycopg_driver(monkeypatch):
    monkeypatch.setenv("QUIZAPP_DATABASE_URL", "postgres://u@db.example/quiz")
    app = create_app({"TESTING": True})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db.example/quiz"


def test_instance_config_file_is_read(tmp_path, monkeypatch):
    monkeypatch.delenv("QUIZAPP_SECRET_KEY", raising=False)
    (tmp_path / "config.py").write_text("SECRET_KEY = 'from-instance'\nSPACY_MODEL = 'x'\n")
    from flask import Flask

    from quizapp import config as config_module

    app = Flask("probe", instance_path=str(tmp_path), instance_relative_config=True)
    config_module.load_config(app)
    assert app.config["SECRET_KEY"] == "from-instance"
    assert app.config["SPACY_MODEL"] == "x"


def test_factory_registers_blueprints_and_commands(app):
    assert {"main", "auth", "quiz", "history", "teach"} <= set(app.blueprints)
    assert {"create-user", "seed"} <= set(app.cli.commands)
    assert {"sqlalchemy", "migrate", "csrf"} <= set(app.extensions)
    assert app.login_manager.login_view == "auth.login"


def test_a_missing_instance_folder_is_made_for_the_default_database(tmp_path, monkeypatch):
    from sqlalchemy import text

    from quizapp.extensions import db

    folder = tmp_path / "new" / "instance"
    monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(folder))
    monkeypatch.delenv("QUIZAPP_DATABASE_URL", raising=False)
    app = create_app({"TESTING": True})
    assert folder.is_dir()
    with app.app_context():
        assert db.session.execute(text("select 1")).scalar() == 1
    assert (folder / "quizapp.sqlite").is_file()


def test_an_instance_folder_that_cannot_be_made_is_named(tmp_path, monkeypatch):
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(tmp_path / "a-file" / "instance"))
    monkeypatch.delenv("QUIZAPP_DATABASE_URL", raising=False)
    with pytest.raises(ConfigError, match="QUIZAPP_INSTANCE_PATH"):
        create_app({"TESTING": True})
