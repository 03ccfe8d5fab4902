"""Reviewing flashcards in the browser's plain-form version: decks, the card page, rating."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from quizapp.extensions import db
from quizapp.models import Card, CardReview
from quizapp.services.quizzes import quiz_questions
from tests.conftest import csrf_token, post_form, quiz_by_id

RATE_URL = re.compile(r'action="/cards/(\d+)/rate"')


@pytest.fixture
def student(auth, create_user):
    user = create_user("sam")
    auth.login("sam")
    return user


def current_card(client, deck: str = "all") -> tuple[int, str]:
    """The question id of the card on the review page, and the page."""
    page = client.get(f"/cards/review?deck={deck}").get_data(as_text=True)
    match = RATE_URL.search(page)
    assert match, "a card is shown"
    return int(match.group(1)), page


def test_review_page_has_front_back_keyboard_hints_and_four_rating_buttons(
    client, app, bundled_quiz, student
):
    question_id, page = current_card(client)
    with app.app_context():
        first = quiz_questions(quiz_by_id(bundled_quiz))
        question = next(q for q in first if q.id == question_id)
        evidence = question.evidence
    assert '<div class="card-back" id="card-back" hidden>' in page
    assert "Space</kbd> shows or hides the answer" in page
    for value, label, key in ((1, "Again", 1), (2, "Hard", 2), (3, "Good", 3), (4, "Easy", 4)):
        assert f'name="rating" value="{value}"' in page
        assert f'data-key="{key}"' in page and f"</kbd> {label}" in page
    assert 'name="csrf_token"' in page and "/static/cards.js" in page
    assert "next in 1 min" in page  # Again on a new card: the first learning step
    shown = client.get(f"/cards/review?deck=all&show={question_id}").get_data(as_text=True)
    assert evidence[:30].replace("'", "&#39;").replace('"', "&#34;") in page
    assert "/cards/articles/" in shown


def test_ratings_wait_until_the_answer_is_shown(client, app, bundled_quiz, student):
    question_id, page = current_card(client)
    form = page[
        page.index('id="rating-form"') - 100 : page.index("</form>", page.index('id="rating-form"'))
    ]
    assert 'id="rating-form" hidden' in form and form.count(" disabled>") == 4
    assert 'name="revealed" type="hidden" value=""' in form
    link = re.search(r'id="show-answer"\s+href="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert link == f"/cards/review?deck=all&show={question_id}#flashcard"
    shown = client.get(link.split("#")[0]).get_data(as_text=True)
    assert '<div class="card-back" id="card-back">' in shown and 'id="rating-form">' in shown
    assert " disabled>" not in shown and 'name="revealed" type="hidden" value="1"' in shown
    unseen = post_form(
        client, f"/cards/{question_id}/rate", {"rating": "3", "deck": "all"}, follow_redirects=True
    )
    assert "Show the answer before rating the card." in unseen.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(CardReview.id))).scalar_one() == 0
    post_form(client, f"/cards/{question_id}/rate", {"rating": "3", "deck": "all", "revealed": "1"})
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(CardReview.id))).scalar_one() == 1


def test_rating_stores_state_and_moves_to_the_next_card(client, app, bundled_quiz, student):
    first_id, _ = current_card(client)
    response = post_form(
        client, f"/cards/{first_id}/rate", {"rating": "4", "deck": "all", "revealed": "1"}
    )
    assert response.status_code == 302 and "/cards/review?deck=all" in response.headers["Location"]
    second_id, _ = current_card(client)
    assert second_id != first_id
    with app.app_context():
        card = db.session.execute(db.select(Card).where(Card.question_id == first_id)).scalar_one()
        assert card.user_id == student.id and card.state == 2  # Easy graduates at once
        assert card.due_at - card.last_review_at >= timedelta(days=1)
        log = db.session.execute(db.select(CardReview)).scalar_one()
        assert (log.rating, log.source, log.state_before) == (4, "flashcard", 1)


def test_post_without_csrf_token_is_refused(client, app, bundled_quiz, student):
    question_id, _ = current_card(client)
    response = client.post(
        f"/cards/{question_id}/rate", data={"rating": "3", "deck": "all", "revealed": "1"}
    )
    assert response.status_code == 400
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(CardReview.id))).scalar_one() == 0


def test_bad_rating_and_unknown_deck(client, bundled_quiz, student):
    question_id, _ = current_card(client)
    response = post_form(
        client, f"/cards/{question_id}/rate", {"rating": "7", "deck": "all", "revealed": "1"}
    )
    assert response.status_code == 302
    assert client.get("/cards/review?deck=nonsense-1").status_code == 404


def test_students_cannot_rate_questions_they_cannot_study(client, app, bundled_quiz, student):
    with app.app_context():
        quiz = quiz_by_id(bundled_quiz)
        quiz.is_public = False  # published, but neither public nor assigned to the student
        question_id = quiz_questions(quiz)[0].id
        db.session.commit()
    response = post_form(
        client, f"/cards/{question_id}/rate", {"rating": "3", "deck": "all", "revealed": "1"}
    )
    assert response.status_code == 404
    assert "No cards yet" in client.get("/cards/").get_data(as_text=True)


def test_deck_list_counts_and_daily_limit_message(client, app, bundled_quiz, student):
    post_form(client, "/cards/settings", {"desired_retention": "0.9", "new_cards_per_day": "1"})
    listing = client.get("/cards/").get_data(as_text=True)
    assert "All my cards" in listing and "Bundled quiz" in listing and "(article)" in listing
    question_id, _ = current_card(client, f"quiz-{bundled_quiz}")
    post_form(
        client,
        f"/cards/{question_id}/rate",
        {"rating": "4", "deck": f"quiz-{bundled_quiz}", "revealed": "1"},
    )
    done = client.get(f"/cards/review?deck=quiz-{bundled_quiz}").get_data(as_text=True)
    assert 'id="all-done"' in done and "You have started today's new cards" in done
    assert "Next card due" in done


def test_settings_validate_and_optimiser_is_hidden_and_refused(client, app, student):
    page = client.get("/cards/settings").get_data(as_text=True)
    assert 'value="0.90"' in page and 'value="20"' in page
    assert "Optimise my parameters" not in page and 'id="optimise-unavailable"' in page
    bad = post_form(
        client, "/cards/settings", {"desired_retention": "1.5", "new_cards_per_day": "5"}
    )
    assert bad.status_code == 200 and "Number must be between" in bad.get_data(as_text=True)
    refused = post_form(client, "/cards/settings/optimise", follow_redirects=True)
    assert "Optimising is not available on this server" in refused.get_data(as_text=True)
    assert "fsrs[optimizer]" in refused.get_data(as_text=True)


def test_article_page_only_for_studyable_articles(client, app, bundled_quiz, student):
    with app.app_context():
        article_id = quiz_by_id(bundled_quiz).article_id
    page = client.get(f"/cards/articles/{article_id}")
    assert page.status_code == 200
    shown = page.get_data(as_text=True)
    assert "Jeyhun Aliyev · 2021-04-14" in shown  # the header line, read and shown apart
    assert "<p>date 2021-04-14" not in shown and "<p> date 2021-04-14" not in shown
    assert "<p>ANKARA (AA) – Relations between Azerbaijan and Belarus" in shown
    assert client.get(f"/cards/articles/{article_id + 999}").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client):
    for url in ("/cards/", "/cards/review", "/cards/settings", "/progress/"):
        response = client.get(url)
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    assert csrf_token(client)
