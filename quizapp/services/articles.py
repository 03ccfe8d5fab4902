"""Articles: reading uploads, running the generator, and storing what it made."""

from __future__ import annotations

import re
from pathlib import PurePath

from flask import current_app

import question_bank
from question_bank.bank import item_to_question
from question_bank.model import Generation
from quizapp.extensions import db
from quizapp.models import Article, Question, User

#: Largest article upload read, in bytes, unless the ARTICLE_MAX_BYTES setting says otherwise.
MAX_ARTICLE_BYTES = 1_000_000

#: Upload suffix -> the article reader of question_bank.read_article.
ARTICLE_READERS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def read_upload(data: bytes, filename: str) -> str:
    """The plain text of an uploaded article; ValueError with a reader-friendly reason otherwise."""
    limit = current_app.config.get("ARTICLE_MAX_BYTES", MAX_ARTICLE_BYTES)
    if len(data) > limit:
        raise ValueError(
            f"{filename} is {len(data) / 1000:g} kB; articles can be at most {limit / 1000:g} kB."
        )
    reader = ARTICLE_READERS.get(PurePath(filename).suffix.lower())
    if reader is None:
        raise ValueError(f"{filename}: upload a .txt, .md or .html file.")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{filename} is not UTF-8 text; save it as UTF-8 and try again.") from None
    return question_bank.read_article(raw, fmt=reader)


def generate_from_text(
    text: str, published: str | None = None, seed: int | None = None
) -> Generation:
    """Run the generator on an article's text with the configured spaCy pipeline."""
    return question_bank.generate(
        text, published=published, seed=seed, pipeline=current_app.config.get("SPACY_MODEL")
    )


def add_article(
    text: str, generation: Generation, owner: User | None, source_name: str = ""
) -> Article:
    """Store an article with the metadata the generator read from it."""
    meta = generation.article
    article = Article(
        title=(meta.title or lead_title(generation))[:300],
        body=text,
        published_on=meta.date,
        byline=meta.byline[:200],
        source_name=source_name[:200],
        owner_id=owner.id if owner else None,
    )
    db.session.add(article)
    db.session.flush()
    return article


def lead_title(generation: Generation, limit: int = 90) -> str:
    """A title for an article without a headline: its first sentence, cut at a word boundary."""
    first = min(generation.facts, key=lambda f: f.sentence_start, default=None)
    lead = " ".join(first.sentence.split()) if first else ""
    if not lead:
        return "Untitled article"
    if len(lead) <= limit:
        return lead
    return lead[:limit].rsplit(" ", 1)[0].rstrip(",;:–-") + "…"


def add_generated_article(
    text: str, generation: Generation, owner: User | None = None, source_name: str = ""
) -> tuple[Article, list[Question]]:
    """Store an article and every item generated from it as bank questions (no review)."""
    article = add_article(text, generation, owner, source_name)
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


def owned_articles(owner: User) -> list[Article]:
    """The articles ``owner`` added, newest first."""
    return list(
        db.session.execute(
            db.select(Article)
            .where(Article.owner_id == owner.id)
            .order_by(Article.created_at.desc(), Article.id.desc())
        ).scalars()
    )


#: Quote marks the generator may have normalised (curly and straight, single and double).
_QUOTES = "\"'‘’“”«»"


def _evidence_span(body: str, evidence: str) -> tuple[int, int] | None:
    """Where ``evidence`` is in ``body``: verbatim, else ignoring quote styles and spacing."""
    start = body.find(evidence) if evidence else -1
    if start >= 0:
        return start, start + len(evidence)
    core = evidence.strip(_QUOTES + " ")
    if not core:
        return None
    parts = []
    for char in core:
        if char.isspace():
            if parts and parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif char in _QUOTES:
            parts.append(f"[{re.escape(_QUOTES)}]")
        else:
            parts.append(re.escape(char))
    match = re.search("".join(parts), body)
    return match.span() if match else None


#: A blank line (with any line ends) between paragraphs.
PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t]*\r?\n")


def evidence_in_context(body: str, evidence: str) -> tuple[str, str, str]:
    """Split the paragraph holding ``evidence`` into (before, evidence, after), for highlighting.

    Returns ("", "", "") when the sentence cannot be found in the article.
    """
    span = _evidence_span(body, evidence)
    if span is None:
        return "", "", ""
    start, end = span
    breaks = [m.end() for m in PARAGRAPH_BREAK.finditer(body, 0, start)]
    para_start = breaks[-1] if breaks else 0
    following = PARAGRAPH_BREAK.search(body, end)
    para_end = following.start() if following else len(body)
    return body[para_start:start], body[start:end], body[end:para_end]
