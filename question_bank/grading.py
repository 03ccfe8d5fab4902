"""Mark a response to a bank question: one matcher per question kind, behind a registry.

Responses are plain JSON-ready values, one shape per kind:

* ``multichoice`` and ``truefalse``: a list of indices into ``question.answers``;
* ``shortanswer`` and ``numerical``: a string;
* ``cloze``: a list of strings, one per gap;
* ``matching``: a list of the chosen right-hand texts, in the order of ``question.pairs``;
* ``ordering``: a list of the answer texts in the order the student put them;
* ``essay``: a string, left for the teacher (the mark is ``None``).

Text answers match after case folding, dropping punctuation and folding white space; a typo of
at most about one character in ten still matches (``rapidfuzz`` ratio), but never for answers
shorter than four characters, where one letter changes the meaning.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from question_bank.model import Question

#: Minimum rapidfuzz ratio (0-100) for a typed answer to count as a typo of a right one.
TYPO_RATIO = 90.0
#: Answers shorter than this (after normalising) must match exactly.
MIN_FUZZY_LENGTH = 4
GAP = re.compile(r"\{\{(\d+)\}\}")


@dataclass(frozen=True)
class Mark:
    """The outcome of marking one response: a share of the mark (None if ungraded) and feedback."""

    fraction: float | None
    feedback: str = ""

    @property
    def is_correct(self) -> bool | None:
        """True for full marks, False otherwise, None while ungraded."""
        return None if self.fraction is None else self.fraction >= 0.999


def normalise_text(text: str) -> str:
    """Fold case, accents, punctuation and white space for comparing typed answers."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.sub(r"[^\w\s]", " ", stripped.casefold())
    return " ".join(words.split())


def text_matches(given: str, expected: str) -> bool:
    """Whether a typed answer matches an expected one, allowing small typos in longer answers."""
    a, b = normalise_text(given), normalise_text(expected)
    if not a:
        return False
    if a == b:
        return True
    return min(len(a), len(b)) >= MIN_FUZZY_LENGTH and fuzz.ratio(a, b) >= TYPO_RATIO


def parse_number(text: str) -> float | None:
    """Read a number as typed (``1,234.5``, `` 42 ``, ``3.0e2``); None if it is not one."""
    cleaned = str(text).strip().replace(",", "").replace(" ", "")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _clip(value: float) -> float:
    return max(0.0, min(1.0, value))


def _mark_choice(question: Question, response: Any) -> Mark:
    indices = {int(i) for i in (response or ()) if str(i).lstrip("-").isdigit()}
    chosen = [question.answers[i] for i in sorted(indices) if 0 <= i < len(question.answers)]
    if question.single and len(chosen) > 1:
        return Mark(0.0, "Only one option may be chosen.")
    feedback = " ".join(a.feedback for a in chosen if a.feedback)
    return Mark(_clip(sum(a.fraction for a in chosen)), feedback)


def _best_text_answer(question: Question, given: str) -> Mark:
    best = Mark(0.0)
    for answer in question.answers:
        if text_matches(given, answer.text) and answer.fraction > (best.fraction or 0.0):
            best = Mark(_clip(answer.fraction), answer.feedback)
    return best


def _mark_shortanswer(question: Question, response: Any) -> Mark:
    return _best_text_answer(question, str(response or ""))


def _mark_numerical(question: Question, response: Any) -> Mark:
    value = parse_number(str(response or ""))
    if value is None:
        return Mark(0.0, "Please give a number.")
    best = Mark(0.0)
    for answer in question.answers:
        target = parse_number(answer.text)
        if target is None:
            continue
        if (
            abs(value - target) <= (answer.tolerance or 0.0) + 1e-9
            and answer.fraction > best.fraction
        ):
            best = Mark(_clip(answer.fraction), answer.feedback)
    return best


def _mark_cloze(question: Question, response: Any) -> Mark:
    gaps = cloze_gap_count(question)
    given = list(response) if isinstance(response, list | tuple) else [response]
    given += [""] * (gaps - len(given))
    if gaps == 1:
        return _best_text_answer(question, str(given[0] or ""))
    right = [
        text_matches(str(given[i] or ""), question.answers[i].text)
        for i in range(min(gaps, len(question.answers)))
    ]
    return Mark(sum(right) / gaps if gaps else 0.0)


def _mark_matching(question: Question, response: Any) -> Mark:
    chosen = list(response or ())
    if not question.pairs:
        return Mark(0.0)
    right = sum(
        1 for i, pair in enumerate(question.pairs) if i < len(chosen) and chosen[i] == pair.right
    )
    return Mark(right / len(question.pairs))


def _mark_ordering(question: Question, response: Any) -> Mark:
    expected = [a.text for a in question.answers]
    given = list(response or ())
    if not expected:
        return Mark(0.0)
    right = sum(1 for i, text in enumerate(expected) if i < len(given) and given[i] == text)
    return Mark(right / len(expected))


def _mark_essay(question: Question, response: Any) -> Mark:
    return Mark(None, "This answer is marked by your teacher.")


#: Question kind -> matcher(question, response) -> Mark.
MATCHERS: dict[str, Callable[[Question, Any], Mark]] = {
    "multichoice": _mark_choice,
    "truefalse": _mark_choice,
    "shortanswer": _mark_shortanswer,
    "numerical": _mark_numerical,
    "cloze": _mark_cloze,
    "matching": _mark_matching,
    "ordering": _mark_ordering,
    "essay": _mark_essay,
}


def grade(question: Question, response: Any) -> Mark:
    """Mark one response to one question with the matcher registered for its kind."""
    try:
        matcher = MATCHERS[question.kind]
    except KeyError:
        raise ValueError(f"no matcher for question kind {question.kind!r}") from None
    return matcher(question, response)


def cloze_gap_count(question: Question) -> int:
    """Number of distinct ``{{n}}`` gaps in a cloze prompt (at least one)."""
    return max(1, len(set(GAP.findall(question.prompt))))


def _best_answer_text(question: Question) -> str:
    best = _first_best(question.answers)
    return best.text if best else ""


def _pairs_text(question: Question) -> str:
    return "; ".join(f"{p.left} → {p.right}" for p in question.pairs)


def _sequence_text(question: Question) -> str:
    return " → ".join(a.text for a in question.answers)


def _gaps_text(question: Question) -> str:
    if cloze_gap_count(question) == 1:
        return _best_answer_text(question)
    return "; ".join(a.text for a in question.answers)


#: Question kind -> how its right answer reads; kinds not listed use the best-marked answer.
RIGHT_ANSWER_TEXTS: dict[str, Callable[[Question], str]] = {
    "matching": _pairs_text,
    "ordering": _sequence_text,
    "cloze": _gaps_text,
}


def right_answer_text(question: Question) -> str:
    """A readable statement of the right answer, for feedback pages and flashcard backs."""
    return RIGHT_ANSWER_TEXTS.get(question.kind, _best_answer_text)(question)


def _first_best(answers: Sequence) -> Any:
    ranked = sorted((a for a in answers if a.fraction > 0), key=lambda a: -a.fraction)
    if len(ranked) > 1 and ranked[1].fraction == ranked[0].fraction and ranked[0].fraction < 1:
        return type(ranked[0])(text=", ".join(a.text for a in ranked), fraction=1.0)
    return ranked[0] if ranked else None


def _chosen_text(question: Question, response: Any) -> str:
    texts = [
        question.answers[int(i)].text
        for i in response
        if str(i).isdigit() and int(i) < len(question.answers)
    ]
    return ", ".join(texts) or "(no answer)"


def _matched_text(question: Question, response: Any) -> str:
    return "; ".join(
        f"{p.left} → {r or '?'}" for p, r in zip(question.pairs, response, strict=False)
    )


def _ordered_text(question: Question, response: Any) -> str:
    return " → ".join(str(r) for r in response)


def _typed_text(question: Question, response: Any) -> str:
    if isinstance(response, list | tuple):
        return "; ".join(str(r) for r in response)
    return str(response)


#: Question kind -> how a response to it reads; kinds not listed show the typed text.
RESPONSE_TEXTS: dict[str, Callable[[Question, Any], str]] = {
    "multichoice": _chosen_text,
    "truefalse": _chosen_text,
    "matching": _matched_text,
    "ordering": _ordered_text,
}


def response_text(question: Question, response: Any) -> str:
    """A readable statement of what a student answered."""
    if response in (None, "", [], ()) or (
        isinstance(response, list | tuple) and not any(str(r).strip() for r in response)
    ):
        return "(no answer)"
    return RESPONSE_TEXTS.get(question.kind, _typed_text)(question, response)
