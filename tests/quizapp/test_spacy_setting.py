"""The SPACY_MODEL setting decides which pipeline the web app's generator parses with."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy.util

from question_bank import nlp
from quizapp.services.articles import generate_from_text
from tests.conftest import BUNDLED_ARTICLE


def test_named_pipeline_is_the_one_parsed_with(app, monkeypatch):
    installed = nlp.resolve_model_name()
    # the same pipeline named by its folder: a name other than the default
    folder = str(Path(spacy.util.get_package_path(installed)))
    folder = str(next(p for p in Path(folder).iterdir() if (p / "config.cfg").exists()))
    loaded: list[str] = []
    real_load = nlp._load
    monkeypatch.setattr(nlp, "_load", lambda name: loaded.append(name) or real_load(name))
    app.config["SPACY_MODEL"] = folder
    with app.app_context():
        assert generate_from_text(BUNDLED_ARTICLE.read_text(encoding="utf-8")).items
    assert loaded and set(loaded) == {folder}


def test_missing_pipeline_is_named_in_the_error(app):
    app.config["SPACY_MODEL"] = "no_such_pipeline_xyz"
    with app.app_context(), pytest.raises(nlp.PipelineMissingError, match="no_such_pipeline_xyz"):
        generate_from_text("Ilham Aliyev met Alexander Lukashenko in Baku on Wednesday. " * 5)
