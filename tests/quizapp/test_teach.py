"""The teacher's first workspace: add an article, review its items, publish a quiz from them."""

from __future__ import annotations

import io
import re

from quizapp.extensions import db
from quizapp.models import Article, Question, Quiz, ReviewItem
from tests.conftest import BUNDLED_ARTICLE, post_form


def test_teacher_pastes_article_reviews_and_publishes_its_quiz(client, app, auth, create_user):
    create_user("tess", role="teacher")
    auth.login("tess")
    text = BUNDLED_ARTICLE.read_text(encoding="utf-8")
    response = post_form(client, "/teach/articles/new", {"text": text}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Article saved. Its questions are being written" in page
    assert re.search(
        r'<p class="muted" id="job-done">Done: \d+ suggested questions to review, \d+ more.</p>',
        page,
    )
    with app.app_context():
        article = db.session.execute(db.select(Article)).scalar_one()
        assert article.published_on == "2021-04-14"
        assert db.session.execute(db.select(db.func.count(Question.id))).scalar_one() == 0
        pending = db.session.execute(
            db.select(db.func.count(ReviewItem.id)).where(ReviewItem.suggested.is_(True))
        ).scalar_one()
        assert pending >= 5
        article_id = article.id
    post_form(client, f"/teach/articles/{article_id}/review", {"action": "accept", "scope": "all"})
    made = post_form(client, f"/teach/articles/{article_id}/quiz")
    quiz_id = int(re.search(r"/teach/quizzes/(\d+)", made.headers["Location"]).group(1))
    settings = client.get(f"/teach/quizzes/{quiz_id}").get_data(as_text=True)
    assert 'name="back" value="settings"' in settings
    published = post_form(client, f"/teach/quizzes/{quiz_id}/publish", {"back": "settings"})
    assert published.headers["Location"].endswith(f"/teach/quizzes/{quiz_id}")  # stays there
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert quiz.is_published and len(quiz.entries) == pending
    withdrawn = post_form(client, f"/teach/quizzes/{quiz_id}/publish", {"back": "//evil.test"})
    assert withdrawn.headers["Location"].endswith("/teach/")  # only "settings" is followed


def test_teacher_uploads_html_article(client, app, auth, create_user):
    create_user("tess", role="teacher")
    auth.login("tess")
    body = "".join(f"<p>{p}</p>" for p in BUNDLED_ARTICLE.read_text(encoding="utf-8").split("\n\n"))
    html = f"<html><head><title>Talks</title></head><body><article>{body}</article></body></html>"
    response = post_form(
        client,
        "/teach/articles/new",
        {"upload": (io.BytesIO(html.encode()), "talks.html")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "suggested questions to review" in response.get_data(as_text=True)
    with app.app_context():
        article = db.session.execute(db.select(Article)).scalar_one()
        assert "Ilham Aliyev" in article.body and "<p>" not in article.body


def test_empty_article_gets_a_clear_message(client, app, auth, create_user):
    create_user("tess", role="teacher")
    auth.login("tess")
    page = post_form(client, "/teach/articles/new", {"text": "   "}).get_data(as_text=True)
    assert "Paste the article or choose a file." in page
    page = post_form(client, "/teach/articles/new", {"text": "\x01\x02\x03\x04 ÿþ"}).get_data(
        as_text=True
    )
    assert "This does not look like text" in page
    nul = post_form(client, "/teach/articles/new", {"text": "\x00\x01\x02 ÿþ"})
    assert nul.status_code == 400
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Article.id))).scalar_one() == 0


def test_an_unreadable_publication_date_is_refused_on_the_form(client, app, auth, create_user):
    create_user("tess", role="teacher")
    auth.login("tess")
    form = client.get("/teach/articles/new").get_data(as_text=True)
    assert 'id="published-hint"' in form and 'aria-describedby="published-hint"' in form
    text = BUNDLED_ARTICLE.read_text(encoding="utf-8")
    page = post_form(
        client, "/teach/articles/new", {"text": text, "published": "yesterday-ish"}
    ).get_data(as_text=True)
    assert "Write the date as YYYY-MM-DD" in page
    assert 'aria-describedby="published-hint published-error-1"' in page
    with app.app_context():  # nothing stored, nothing queued to fail later
        assert db.session.execute(db.select(db.func.count(Article.id))).scalar_one() == 0
    saved = post_form(client, "/teach/articles/new", {"text": text, "published": "14 April 2021"})
    assert saved.status_code == 302
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Article.id))).scalar_one() == 1


def test_teacher_cannot_publish_another_teachers_quiz(client, auth, bundled_quiz, create_user):
    create_user("other", role="teacher")
    auth.login("other")
    assert post_form(client, f"/teach/quizzes/{bundled_quiz}/publish").status_code == 403
