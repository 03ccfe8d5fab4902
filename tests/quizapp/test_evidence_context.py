"""The review queue highlights an item's sentence within its own paragraph only."""

from __future__ import annotations

from quizapp.extensions import db
from quizapp.models import Article
from quizapp.services.articles import evidence_in_context
from tests.conftest import BUNDLED_ARTICLE, post_form


def test_context_is_the_paragraph_for_any_line_ends():
    for newline in ("\n", "\r\n"):
        body = newline.join(["First part.", "", "Then The fact here. More.", "", "Last part."])
        assert evidence_in_context(body, "The fact here.") == ("Then ", "The fact here.", " More.")


def test_missing_sentence_gives_no_context():
    assert evidence_in_context("Some text.", "Not there.") == ("", "", "")


def test_pasted_article_is_stored_with_plain_line_ends(client, app, auth, create_user):
    create_user("tess", role="teacher")
    auth.login("tess")
    text = BUNDLED_ARTICLE.read_text(encoding="utf-8").replace("\n", "\r\n")
    response = post_form(client, "/teach/articles/new", {"text": text}, follow_redirects=True)
    page = response.get_data(as_text=True)
    with app.app_context():
        body = db.session.execute(db.select(Article.body)).scalar_one()
    assert "\r" not in body
    # each item shows its own paragraph, not the whole article
    assert page.count("Together we have brought dynamism") < page.count('class="card item')
