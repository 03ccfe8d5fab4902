"""Shared fixtures for the generator tests: the bundled article, parsed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "question_bank" / "articles" / "000_ab9bc902712cf4f0.txt"
SHARED_ARTICLES = REPO.parent / "shared" / "data" / "articles"


@pytest.fixture(scope="session")
def bundled_text() -> str:
    """Return the bundled article's text."""
    return BUNDLED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bundled_generation(bundled_text):
    """Return the default generation for the bundled article."""
    from question_bank import generate

    return generate(bundled_text)


@pytest.fixture
def shared_articles() -> list[Path]:
    """Return the third-party development articles, or skip when they are absent."""
    if not SHARED_ARTICLES.is_dir():
        pytest.skip("shared development articles (../shared/data/articles) are not present")
    return sorted(SHARED_ARTICLES.glob("*.txt"))
