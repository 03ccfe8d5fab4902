"""Attempts: starting (numbered, limited, pinned), answering (saved as you go, on the server's
clock), marking once, teacher marking, regrading and reading back."""

from quizapp.services.attempts.answering import (
    GRACE,
    StudentAttempt,
    attempt_deadline,
    attempt_slots,
    is_past_deadline,
    may_continue,
    save_answers,
    student_attempt,
    student_attempt_slot,
)
from quizapp.services.attempts.marking import (
    MarkRefused,
    claim_submission,
    close_expired,
    mark_response,
    score_of,
    submit_attempt,
    update_score,
)
from quizapp.services.attempts.reading import attempt_history, attempt_responses, can_view_attempt
from quizapp.services.attempts.regrading import apply_regrade, quiz_attempts, regrade_preview
from quizapp.services.attempts.starting import (
    AttemptLimitReached,
    attempts_used,
    may_start_another,
    open_attempt,
    resume_or_start,
    start_attempt,
)

__all__ = [
    "GRACE",
    "AttemptLimitReached",
    "MarkRefused",
    "StudentAttempt",
    "apply_regrade",
    "attempt_deadline",
    "attempt_history",
    "attempt_responses",
    "attempt_slots",
    "attempts_used",
    "can_view_attempt",
    "claim_submission",
    "close_expired",
    "is_past_deadline",
    "mark_response",
    "may_continue",
    "may_start_another",
    "open_attempt",
    "quiz_attempts",
    "regrade_preview",
    "resume_or_start",
    "save_answers",
    "score_of",
    "start_attempt",
    "student_attempt",
    "student_attempt_slot",
    "submit_attempt",
    "update_score",
]
