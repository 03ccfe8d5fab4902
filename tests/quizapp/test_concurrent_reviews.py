"""Two requests of one student reviewing the same new card at once both count (no 500)."""

from __future__ import annotations

import threading

from quizapp.extensions import db
from quizapp.models import Card, CardReview
from quizapp.services.flashcards import review_question
from quizapp.services.quizzes import quiz_questions
from tests.conftest import quiz_by_id


def test_simultaneous_first_reviews_of_one_card(app, bundled_quiz, create_user):
    student = create_user("sam").id
    with app.app_context():
        question_ids = [q.id for q in quiz_questions(quiz_by_id(bundled_quiz))][:3]
    errors: list[BaseException] = []
    for question_id in question_ids:
        barrier = threading.Barrier(2)

        def rate(question_id=question_id, barrier=barrier) -> None:
            with app.app_context():
                try:
                    barrier.wait(10)
                    review_question(student, question_id, 3)
                    db.session.commit()
                except BaseException as exc:  # noqa: BLE001 - reported below
                    errors.append(exc)
                    db.session.rollback()

        threads = [threading.Thread(target=rate) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    assert errors == []
    with app.app_context():
        cards = db.session.execute(db.select(Card).where(Card.user_id == student)).scalars()
        assert sorted((c.question_id, c.reps) for c in cards) == [
            (q, 2) for q in sorted(question_ids)
        ]
        reviews = db.session.execute(db.select(db.func.count(CardReview.id))).scalar_one()
        assert reviews == 2 * len(question_ids)
