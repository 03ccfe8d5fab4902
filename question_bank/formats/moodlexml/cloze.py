"""Checks on Moodle's embedded-answers ("Cloze", ``multianswer``) question text.

The syntax is ``{mark:TYPE:answers}`` (docs.moodle.org, "Embedded Answers (Cloze) question
type"): answers are separated by ``~``, start with ``=`` (right) or ``%n%`` (a weight) and may
carry ``#feedback``; ``\\}`` ``\\~`` ``\\#`` escape. Moodle refuses a question without any
embedded answer, a choice gap with fewer than two choices, a gap without a full-mark answer and
a numerical gap with an answer that is not a number; so do we.
"""

from __future__ import annotations

import re

from question_bank.formats.text import parse_number

_TYPES = {
    "SHORTANSWER": "short",
    "SA": "short",
    "MW": "short",
    "SHORTANSWER_C": "short",
    "SAC": "short",
    "MWC": "short",
    "NUMERICAL": "number",
    "NM": "number",
}
_CHOICE_TYPE = re.compile(
    r"^(MULTICHOICE|MC|MULTIRESPONSE|MR)(_[A-Z]+)?$|^(MCV|MCH|MCS|MCVS|MCHS|MRH|MRS|MRHS)$"
)
_GAP = re.compile(r"\{(\d*):([A-Z_]+):((?:\\.|[^}\\])*)\}")
_GAP_START = re.compile(r"\{\d*:[A-Z_]+")
_ANSWER = re.compile(r"^(=|%(-?[0-9.]+)%)?(.*)$", re.S)


def _answers(body: str) -> list[tuple[float, str]]:
    items = re.split(r"(?<!\\)~", body)
    parsed = []
    for item in items:
        match = _ANSWER.match(item)
        mark, weight, rest = match.group(1), match.group(2), match.group(3)
        fraction = 1.0 if mark == "=" else (float(weight) / 100 if weight else 0.0)
        parsed.append((fraction, re.split(r"(?<!\\)#", rest, maxsplit=1)[0].strip()))
    return parsed


def _gap_problems(gap_type: str, body: str) -> list[str]:
    answers = _answers(body)
    problems = []
    if _CHOICE_TYPE.match(gap_type):
        if len(answers) < 2:
            problems.append("a choice gap requires at least 2 choices")
        if gap_type.startswith(("MULTIRESPONSE", "MR")):
            return problems
    elif gap_type not in _TYPES:
        return [f"unknown embedded answer type {gap_type!r}"]
    elif _TYPES[gap_type] == "number":
        for _, text in answers:
            value = text.split(":", 1)[0].strip()
            if value != "*" and parse_number(value) is None:
                problems.append(f"numerical gap answer {text!r} must be a number or '*'")
    if not any(fraction >= 1.0 for fraction, _ in answers):
        problems.append("one of the answers of each gap should have a score of 100%")
    return problems


def cloze_problems(text: str) -> list[str]:
    """Return the reasons Moodle would refuse this embedded-answers question text (none if fine)."""
    gaps = list(_GAP.finditer(text))
    starts = _GAP_START.findall(text)
    if not starts:
        return ["the question text must include at least one embedded answer"]
    problems = []
    if len(starts) > len(gaps):
        problems.append("invalid embedded answer: use {1:TYPE:answers}")
    for gap in gaps:
        problems.extend(_gap_problems(gap.group(2), gap.group(3)))
    return problems
