"""Moodle's checks on embedded-answers ("Cloze", ``multianswer``) question text.

The syntax is read by ``question_bank.embedded``. Moodle refuses a question without any
embedded answer, a choice gap with fewer than two choices, a gap without a full-mark answer (a
several-options gap needs one earning marks) and a numerical gap with an answer that is not a
number; so do we.
"""

from __future__ import annotations

from question_bank.embedded import GAP_TYPES, EmbeddedError, find_embedded, read_gap


def _gap_problems(found) -> list[str]:
    try:
        gap = read_gap(found)
    except EmbeddedError as error:
        return [str(error)]
    problems = []
    if gap.kind in ("multichoice", "multiresponse") and len(gap.answers) < 2:
        problems.append("a choice gap requires at least 2 choices")
    if gap.kind == "multiresponse":
        return problems
    if not any(answer.fraction >= 1.0 for answer in gap.answers):
        problems.append("one of the answers of each gap should have a score of 100%")
    return problems


def cloze_problems(text: str) -> list[str]:
    """Return the reasons Moodle would refuse this embedded-answers question text (none if fine)."""
    found, unclosed = find_embedded(text)
    if not found and not unclosed:
        return ["the question text must include at least one embedded answer"]
    problems = ["invalid embedded answer: use {1:TYPE:answers}" for _ in unclosed[:1]]
    for gap in found:
        if gap.type_name not in GAP_TYPES:
            problems.append(f"unknown embedded answer type {gap.type_name!r}")
            continue
        problems.extend(_gap_problems(gap))
    return problems
