"""Articles and the questions generated from them."""

from __future__ import annotations

from pathlib import Path

from flask import current_app

import question_bank
from question_bank.bank import item_to_question
from question_bank.model import Generation
from question_bank.reading.formats import detect_format, read_article
from quizapp.extensions import db
from quizapp.models import Article, Question, User


def generate_from_text(text: str, published: str | None = None) -> Generation:
    """Run the generator on an article's text with the configured spaCy pipeline."""
    model_name = current_app.config.get("SPACY_MODEL")
    if model_name:
        question_bank.nlp.load_pipeline(model_name)
    return question_bank.generate(text, published=published)


def article_text_from_upload(data: bytes, filename: str) -> str:
    """Plain text of an uploaded .txt, .md or .html article (ValueError if it is not text)."""
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{filename}: the file is not UTF-8 text.") from None
    return read_article(raw, fmt=detect_format(raw, Path(filename)))


def add_generated_article(
    text: str, generation: Generation, owner: User | None = None, source_name: str = ""
) -> tuple[Article, list[Question]]:
    """Store an article and every item generated from it as bank questions."""
    meta = generation.article
    article = Article(
        title=meta.title or "Untitled article",
        body=text,
        published_on=meta.date,
        byline=meta.byline,
        source_name=source_name,
        owner_id=owner.id if owner else None,
    )
    db.session.add(article)
    db.session.flush()
    questions = [
        Question.from_bank(
            item_to_question(item, category=article.title),
            score=item.score,
            article_id=article.id,
            author_id=owner.id if owner else None,
        )
        for item in generation.items
    ]
    db.session.add_all(questions)
    db.session.flush()
    return article, questions
