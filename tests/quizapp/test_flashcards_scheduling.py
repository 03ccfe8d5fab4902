"""FSRS scheduling through the service, with card state stored and reloaded between reviews."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from werkzeug.datastructures import MultiDict

from quizapp.extensions import db
from quizapp.kinds import read_answer
from quizapp.models import Card, CardReview, User
from quizapp.services.attempts import start_attempt, submit_attempt
from quizapp.services.flashcards import (
    Deck,
    OptimiserUnavailable,
    deck_summary,
    next_card,
    optimise_parameters,
    optimiser_available,
    rating_for_fraction,
    review_question,
    save_study_settings,
)
from quizapp.services.quizzes import quiz_questions
from tests.conftest import quiz_by_id
from tests.quizapp.answers import right_form_data, wrong_form_data

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4

# py-fsrs's published test vector (tests/test_basic.py, test_review_card): a new card reviewed
# at 2022-11-29 12:30 UTC, then each time when due, with fuzzing off and default parameters.
VECTOR_RATINGS = [GOOD] * 6 + [AGAIN] * 2 + [GOOD] * 5
VECTOR_INTERVALS = [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]
VECTOR_START = datetime(2022, 11, 29, 12, 30, tzinfo=UTC)

# py-fsrs's test_memo_state: Again then Good five times after 0, 0, 1, 3, 8, 21 days.
MEMO_RATINGS = [AGAIN, GOOD, GOOD, GOOD, GOOD, GOOD]
MEMO_GAPS = [0, 0, 1, 3, 8, 21]
MEMO_STABILITY, MEMO_DIFFICULTY = 53.62691, 6.3574867


@pytest.fixture
def student_id(create_user) -> int:
    return create_user("sam").id


def first_question_id(quiz_id: int) -> int:
    return quiz_questions(quiz_by_id(quiz_id))[0].id


def reload_card(user_id: int, question_id: int) -> Card:
    """Forget everything in the session and read the card back from the database."""
    db.session.remove()
    return db.session.execute(
        db.select(Card).where(Card.user_id == user_id, Card.question_id == question_id)
    ).scalar_one()


def test_intervals_match_the_fsrs_published_vector_through_the_database(
    no_fuzz, bundled_quiz, student_id
):
    with no_fuzz.app_context():
        question_id = first_question_id(bundled_quiz)
        when, intervals = VECTOR_START, []
        for rating in VECTOR_RATINGS:
            review_question(student_id, question_id, rating, now=when)
            db.session.commit()
            card = reload_card(student_id, question_id)
            intervals.append((card.due_at - card.last_review_at).days)
            when = card.due_at
        assert intervals == VECTOR_INTERVALS
        assert card.due_at.tzinfo is not None and card.due_at.utcoffset() == timedelta(0)
        assert card.reps == len(VECTOR_RATINGS) and card.lapses == 1
        logs = (
            db.session.execute(
                db.select(CardReview.rating)
                .where(CardReview.card_id == card.id)
                .order_by(CardReview.id)
            )
            .scalars()
            .all()
        )
        assert logs == VECTOR_RATINGS


def test_memory_state_matches_the_fsrs_published_vector(no_fuzz, bundled_quiz, student_id):
    with no_fuzz.app_context():
        question_id = first_question_id(bundled_quiz)
        when = VECTOR_START
        for rating, gap in zip(MEMO_RATINGS, MEMO_GAPS, strict=True):
            when += timedelta(days=gap)
            review_question(student_id, question_id, rating, now=when)
            db.session.commit()
            card = reload_card(student_id, question_id)
        assert card.stability == pytest.approx(MEMO_STABILITY, abs=1e-4)
        assert card.difficulty == pytest.approx(MEMO_DIFFICULTY, abs=1e-4)


def test_desired_retention_is_per_student(no_fuzz, bundled_quiz, create_user, student_id):
    keen = create_user("kim").id
    with no_fuzz.app_context():
        save_study_settings(keen, 0.97, 20)
        question_id = first_question_id(bundled_quiz)
        for user_id in (student_id, keen):
            review_question(user_id, question_id, EASY, now=VECTOR_START)
        db.session.commit()
        relaxed, strict = reload_card(student_id, question_id), reload_card(keen, question_id)
        assert relaxed.due_at - VECTOR_START > strict.due_at - VECTOR_START


def test_quiz_answers_are_reviews_wrong_again_right_good(app, bundled_quiz, student_id):
    with app.app_context():
        quiz = quiz_by_id(bundled_quiz)
        questions = quiz_questions(quiz)
        right, wrong = questions[0], questions[1]
        form = MultiDict()
        fields = {**right_form_data(right.id, right.bank), **wrong_form_data(wrong.id, wrong.bank)}
        for name, value in fields.items():
            for item in value if isinstance(value, list) else [value]:
                form.add(name, item)
        answers = {q.id: read_answer(form, q.id, q.bank) for q in (right, wrong)}
        right_id, wrong_id, count = right.id, wrong.id, len(questions)
        attempt = start_attempt(quiz, db.session.get(User, student_id))
        assert submit_attempt(attempt, answers)
        db.session.commit()
        reviews = dict(
            db.session.execute(
                db.select(Card.question_id, CardReview.rating)
                .join(CardReview, CardReview.card_id == Card.id)
                .where(Card.user_id == student_id, CardReview.source == "quiz")
            ).all()
        )
    assert reviews[right_id] == GOOD and reviews[wrong_id] == AGAIN
    assert len(reviews) == count  # unanswered questions count as wrong: Again


def test_rating_rules_for_quiz_marks():
    assert [rating_for_fraction(f) for f in (1.0, 0.5, 0.0, None)] == [GOOD, HARD, AGAIN, None]


def test_daily_new_card_limit_and_due_queue(no_fuzz, bundled_quiz, student_id):
    with no_fuzz.app_context():
        save_study_settings(student_id, 0.9, 2)
        now = datetime.now(UTC)
        first_id, first_card = next_card(student_id, Deck(), now)[0].id, None
        assert next_card(student_id, Deck(), now)[1] is first_card
        review_question(student_id, first_id, GOOD, now=now)
        second = next_card(student_id, Deck(), now)[0]
        assert second.id != first_id
        review_question(student_id, second.id, EASY, now=now)
        db.session.commit()
        summary = deck_summary(student_id, Deck("quiz", bundled_quiz), now)
        assert summary.due == 0 and summary.new_today == 0 and summary.new > 0
        assert next_card(student_id, Deck(), now) is None  # limit reached, nothing due
        later = now + timedelta(minutes=11)
        question, card = next_card(student_id, Deck(), later)
        assert question.id == first_id and card.state == 1  # the learning step is due again


def test_optimiser_is_refused_clearly_without_the_extra(app, student_id):
    with app.app_context():
        assert optimiser_available() is False
        with pytest.raises(OptimiserUnavailable, match=r"fsrs\[optimizer\]"):
            optimise_parameters(student_id)


def test_deck_summary_counts_a_question_of_two_quizzes_once(app, create_user, student_id):
    from quizapp.models import Question
    from quizapp.services.quizzes import create_quiz
    from tests.conftest import bulk_quiz

    teacher = create_user("tara", role="teacher")
    now = datetime.now(UTC)
    with app.app_context():
        first_quiz, (shared, later, unseen) = bulk_quiz(teacher.id, 3, "First")
        owner = db.session.get(User, teacher.id)
        extra = Question.from_bank(quiz_questions(quiz_by_id(first_quiz))[0].bank)
        second = create_quiz(
            "Second", [db.session.get(Question, shared), extra], owner, publish=True, public=True
        )
        quiz_by_id(first_quiz).is_public = True
        for question_id, due in ((shared, now - timedelta(hours=1)), (later, now + timedelta(2))):
            card = Card(user_id=student_id, question_id=question_id, state=2, due_at=due)
            card.created_at = now
            db.session.add(card)
        db.session.commit()
        cards = dict(db.session.execute(db.select(Card.question_id, Card.id)).all())
        everything = deck_summary(student_id, Deck(), now)
        assert (everything.due, everything.new) == (1, 2)  # the shared question is one card
        assert everything.next_due_at == now + timedelta(2)
        assert everything.first_due_card_id == cards[shared]
        assert everything.first_new_question_id == min(unseen, extra.id)
        one_quiz = deck_summary(student_id, Deck("quiz", second.id), now)
        assert (one_quiz.due, one_quiz.new, one_quiz.next_due_at) == (1, 1, None)
        assert one_quiz.first_new_question_id == extra.id
