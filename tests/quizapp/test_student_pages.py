"""What students (and a teacher looking at a student's work) read on the quiz, results,
progress and flashcard pages."""

from __future__ import annotations

import re
from datetime import timedelta

from question_bank.model import Answer, Pair, Question
from quizapp.extensions import db
from quizapp.models import Card, Quiz
from quizapp.models.base import utcnow
from tests.conftest import attempt_id_of, post_form
from tests.quizapp.test_analytics import take_quiz

CAPITAL = Question(
    kind="shortanswer",
    prompt="What is the capital of Peru?",
    answers=(Answer("Lima", 1.0),),
    general_feedback="The article says: Lima is the capital of Peru.",
    evidence="Lima is the capital of Peru.",
)
RIVER = Question(
    kind="shortanswer",
    prompt="Which river flows through Lima?",
    answers=(Answer("Rímac", 1.0),),
    general_feedback="The Rímac runs from the Andes to the Pacific.",
    evidence="The city lies on the banks of the Rímac.",
)
MATCHING = Question(
    kind="matching",
    prompt="Match each country to its capital.",
    pairs=(Pair("Peru", "Lima"), Pair("Chile", "Santiago"), Pair("Bolivia", "Sucre")),
)
HEAVY = Question(
    kind="shortanswer", prompt="Name the capital of Peru.", answers=(Answer("Lima", 1.0),)
)


def start_and_submit(client, quiz_id: int, answers: dict[str, str]) -> int:
    attempt_id = attempt_id_of(post_form(client, f"/quizzes/{quiz_id}/start"))
    post_form(client, f"/quizzes/attempts/{attempt_id}", answers)
    return attempt_id


def test_students_read_the_quiz_description_in_the_list_and_when_taking_it(
    client, auth, create_user, make_quiz
):
    description = "Read the article on Peru first.\nYou have one attempt."
    quiz_id, _ = make_quiz([CAPITAL], description=description)
    create_user("sam")
    auth.login("sam")
    listing = client.get("/quizzes/").get_data(as_text=True)
    card = listing[listing.index(f'id="quiz-{quiz_id}"') :]
    assert f'<p class="quiz-description">{description}</p>' in card[: card.index("</li>")]
    attempt_id = attempt_id_of(post_form(client, f"/quizzes/{quiz_id}/start"))
    taking = client.get(f"/quizzes/attempts/{attempt_id}").get_data(as_text=True)
    assert f'id="quiz-description">{description}</p>' in taking


def test_a_finished_practice_quiz_leaves_the_quiz_list(
    client, app, auth, bundled_quiz, create_user
):
    create_user("sam")
    auth.login("sam")
    take_quiz(client, app, bundled_quiz, right=False)
    started = post_form(client, "/progress/mistakes")
    attempt_id = attempt_id_of(started)
    with app.app_context():
        practice_id = db.session.execute(
            db.select(Quiz.id).where(Quiz.title == "Practise my mistakes")
        ).scalar_one()
    under_way = client.get("/quizzes/").get_data(as_text=True)
    assert f'id="quiz-{practice_id}"' in under_way  # still there to go back to
    post_form(client, f"/quizzes/attempts/{attempt_id}", {"action": "submit"})
    done = client.get("/quizzes/").get_data(as_text=True)
    assert f'id="quiz-{practice_id}"' not in done and f'id="quiz-{bundled_quiz}"' in done
    assert client.get(f"/quizzes/attempts/{attempt_id}/review").status_code == 200


def test_a_teachers_own_draft_stays_in_their_list_after_trying_it(client, auth, make_quiz):
    quiz_id, (question_id,) = make_quiz([CAPITAL], is_published=False)
    auth.login("tess")
    start_and_submit(client, quiz_id, {f"q{question_id}": "Lima"})
    assert f'id="quiz-{quiz_id}"' in client.get("/quizzes/").get_data(as_text=True)


def test_scores_are_shown_with_two_decimals_at_most(client, auth, create_user, make_quiz):
    heavy = Question(**{**HEAVY.__dict__, "default_mark": 71 / 6})  # 11.8333...
    quiz_id, (question_id,) = make_quiz([heavy])
    create_user("sam")
    auth.login("sam")
    attempt_id = start_and_submit(client, quiz_id, {f"q{question_id}": "Lima"})
    pages = [
        client.get(f"/quizzes/attempts/{attempt_id}/review").get_data(as_text=True),
        client.get("/history/").get_data(as_text=True),
    ]
    auth.logout()
    auth.login("tess")
    pages.append(client.get(f"/gradebook/quizzes/{quiz_id}/statistics").get_data(as_text=True))
    pages.append(client.get(f"/quizzes/attempts/{attempt_id}/review").get_data(as_text=True))
    for page in pages:
        assert "11.83" in page and "11.833" not in page
    assert re.search(r"Mean</th><td>11\.83 / 11\.83 ", pages[2])


def test_results_do_not_repeat_the_explanation_and_list_matching_pairs(
    client, auth, create_user, make_quiz
):
    quiz_id, (capital_id, river_id, matching_id) = make_quiz([CAPITAL, RIVER, MATCHING])
    create_user("sam")
    auth.login("sam")
    answers = {
        f"q{capital_id}": "Lima",
        f"q{river_id}": "Rímac",
        f"q{matching_id}-0": "Lima",
        f"q{matching_id}-1": "Sucre",
        f"q{matching_id}-2": "Santiago",
    }
    attempt_id = start_and_submit(client, quiz_id, answers)
    page = client.get(f"/quizzes/attempts/{attempt_id}/review").get_data(as_text=True)
    results = page.split('<li class="card result')[1:]
    assert len(results) == 3
    capital, river, matching = results
    assert "The article says: Lima is the capital of Peru." in capital
    assert "From the article" not in capital  # the explanation already quotes it
    assert "From the article" in river and "The city lies on the banks of the Rímac." in river
    given = matching[matching.index('class="given"') : matching.index("</dd>")]
    assert given.count("<li>") == 3 and "<li>Chile → Sucre</li>" in given
    expected = matching[matching.index('class="expected"') :]
    assert "<li>Peru → Lima</li>" in expected and "<li>Chile → Santiago</li>" in expected
    assert "Lima; Chile" not in matching


def test_a_teacher_reads_the_students_name_on_their_attempt(client, auth, create_user, make_quiz):
    quiz_id, (question_id,) = make_quiz([CAPITAL])
    create_user("ana")
    auth.login("ana")
    attempt_id = start_and_submit(client, quiz_id, {f"q{question_id}": "Lima"})
    own = client.get(f"/quizzes/attempts/{attempt_id}/review").get_data(as_text=True)
    assert 'id="score">You scored' in own and "<dt>Your answer</dt>" in own
    auth.logout()
    auth.login("tess")
    seen = client.get(f"/quizzes/attempts/{attempt_id}/review").get_data(as_text=True)
    assert 'id="score">ana scored' in seen and "You scored" not in seen
    assert "<dt>ana’s answer</dt>" in seen and "Your answer" not in seen


def test_the_app_serves_its_favicon(client):
    page = client.get("/auth/login").get_data(as_text=True)
    link = re.search(r'<link rel="icon" type="image/svg\+xml" href="([^"]+)">', page)
    assert link and link.group(1) == "/static/favicon.svg"
    with client.get(link.group(1)) as icon:
        assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
        assert icon.get_data(as_text=True).lstrip().startswith("<svg")
    root = client.get("/favicon.ico")
    assert root.status_code == 302 and root.headers["Location"].endswith("/static/favicon.svg")


def test_progress_cards_due_now_agrees_with_the_deck_list(
    client, app, auth, create_user, make_quiz
):
    studied, studied_ids = make_quiz([CAPITAL, RIVER], title="Still open")
    withdrawn, _ = make_quiz([HEAVY], title="Withdrawn")
    user = create_user("sam")
    auth.login("sam")
    take_quiz(client, app, studied, right=False)
    take_quiz(client, app, withdrawn, right=False)
    with app.app_context():
        db.session.get(Quiz, withdrawn).is_public = False  # its cards are no longer studyable
        for card in db.session.execute(db.select(Card).where(Card.user_id == user.id)).scalars():
            card.due_at = utcnow() - timedelta(hours=1)
        db.session.commit()
    progress = client.get("/progress/").get_data(as_text=True)
    due_now = int(re.search(r'id="due-now"><strong>(\d+)</strong> cards? due now', progress)[1])
    decks = client.get("/cards/").get_data(as_text=True)
    all_cards = decks[decks.index("All my cards") :]
    deck_due = int(re.search(r"</th>\s*<td[^>]*>(\d+)</td>", all_cards)[1])
    assert due_now == deck_due == len(studied_ids)
