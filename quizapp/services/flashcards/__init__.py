"""Flashcards: FSRS scheduling of every published question, per student, and the decks.

``scheduling`` turns ratings into card state and review logs with the ``fsrs`` package;
``decks`` says which questions a student may study and what is due next.
"""

from quizapp.services.flashcards.decks import (
    Deck,
    DeckSummary,
    deck_list,
    deck_summary,
    due_card_count,
    next_card,
    parse_deck,
    studyable_card,
    studyable_card_ids,
    studyable_question,
)
from quizapp.services.flashcards.scheduling import (
    RATINGS,
    OptimiserUnavailable,
    StudyPlan,
    format_interval,
    optimise_parameters,
    optimiser_available,
    preview_intervals,
    rating_for_fraction,
    record_quiz_reviews,
    review_question,
    save_study_settings,
    scheduler_for,
    study_plan,
)

__all__ = [
    "RATINGS",
    "Deck",
    "DeckSummary",
    "OptimiserUnavailable",
    "StudyPlan",
    "deck_list",
    "deck_summary",
    "due_card_count",
    "format_interval",
    "next_card",
    "optimise_parameters",
    "optimiser_available",
    "parse_deck",
    "preview_intervals",
    "rating_for_fraction",
    "record_quiz_reviews",
    "review_question",
    "studyable_card",
    "studyable_card_ids",
    "save_study_settings",
    "scheduler_for",
    "study_plan",
    "studyable_question",
]
