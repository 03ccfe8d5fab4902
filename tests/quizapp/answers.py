"""Build the form data a student who knows every answer would submit."""

from __future__ import annotations

from question_bank.grading import cloze_gap_count
from question_bank.model import Question


def right_form_data(question_id: int, question: Question) -> dict[str, str | list[str]]:
    """Form fields answering ``question`` fully right (field names as quiz pages use them)."""
    name = f"q{question_id}"
    kind = question.kind
    if kind in ("multichoice", "truefalse"):
        return {name: [str(i) for i, a in enumerate(question.answers) if a.fraction > 0]}
    if kind == "cloze":
        gaps = cloze_gap_count(question)
        texts = [question.answers[0].text] if gaps == 1 else [a.text for a in question.answers]
        return {f"{name}-{i}": text for i, text in enumerate(texts)}
    if kind == "matching":
        return {f"{name}-{i}": pair.right for i, pair in enumerate(question.pairs)}
    if kind == "ordering":
        return {f"{name}-{i}": answer.text for i, answer in enumerate(question.answers)}
    return {name: question.answers[0].text if question.answers else ""}


def wrong_form_data(question_id: int, question: Question) -> dict[str, str | list[str]]:
    """Form fields answering ``question`` wrongly (an unchosen option, or a wrong text)."""
    name = f"q{question_id}"
    if question.kind in ("multichoice", "truefalse"):
        return {name: [str(i) for i, a in enumerate(question.answers) if a.fraction <= 0][:1]}
    if question.kind == "numerical":
        return {name: "-987654321"}
    return {name: "zzzz wrong zzzz", f"{name}-0": "zzzz wrong zzzz"}
