"""Cloze: text with gaps to fill, written ``{{1}}``, ``{{2}}`` ... in the prompt.

Gaps are numbered by their markers, in any order and with any numbers: the smallest number is
the first gap, the next the second, and so on, wherever they stand in the text (``{{1}}`` and
``{{3}}`` are two gaps). Each gap is a ``model.Gap`` (Moodle's embedded answers): a short answer
(case-sensitive or not), a number within a tolerance, one option of several, or several options;
with fractions and feedback per answer and a weight. A question without ``gaps`` is in the simple
form: one gap accepts every answer (its kind in ``extra['gap_kind']``, as a QTI text entry
gives it), several gaps are filled by the answers in order.

Response: one value per gap, in gap order: the typed text or the chosen option's text, or a list
of option texts for a several-options gap. The mark is the gaps' marks weighted by their weights.
"""

from __future__ import annotations

import re
from typing import Any

from question_bank.kinds.base import Mark, QuestionKind, best_answer, clip, split_parts, text_parts
from question_bank.kinds.numerical import number_mark
from question_bank.kinds.shortanswer import best_typed_mark
from question_bank.model import Answer, Gap, Item, Question
from question_bank.typed import read_number

#: A gap marker in a prompt.
GAP = re.compile(r"\{\{([0-9]{1,6})\}\}")
#: Gap kinds, and those whose answers are options to choose from.
GAP_KINDS = ("shortanswer", "numerical", "multichoice", "multiresponse")
CHOICE_GAPS = frozenset({"multichoice", "multiresponse"})
#: The blank shown for a gap where the question is read, not answered.
BLANK = "_____"
#: The marker generated items use for their one gap.
ITEM_GAP = "_____"


def gap_numbers(prompt: str) -> list[int]:
    """The distinct gap numbers of a prompt, smallest first (the n-th is the n-th gap)."""
    return sorted({int(number) for number in GAP.findall(prompt)})


def prompt_parts(prompt: str) -> list[tuple[str, int | None]]:
    """The prompt as (text, gap index) pieces, in reading order; the last piece has no gap."""
    index_of = {number: index for index, number in enumerate(gap_numbers(prompt))}
    parts: list[tuple[str, int | None]] = []
    position = 0
    for match in GAP.finditer(prompt):
        parts.append((prompt[position : match.start()], index_of[int(match.group(1))]))
        position = match.end()
    parts.append((prompt[position:], None))
    return parts


def blank_gaps(prompt: str) -> str:
    """The prompt with every gap shown as a blank line."""
    return GAP.sub(BLANK, prompt)


def _simple_gap(question: Question) -> Gap:
    gap_kind = dict(question.extra).get("gap_kind", "shortanswer")
    if gap_kind == "truefalse":
        return Gap("multichoice", question.answers)
    if gap_kind in CHOICE_GAPS:
        return Gap(gap_kind, question.answers, shuffle=question.shuffle)
    if gap_kind in GAP_KINDS:
        return Gap(gap_kind, question.answers)
    return Gap("shortanswer", question.answers if gap_kind != "matching" else ())


def cloze_gaps(question: Question) -> tuple[Gap, ...]:
    """Every gap of the question, in gap order, whichever form it is written in."""
    count = len(gap_numbers(question.prompt))
    if question.gaps:
        gaps = question.gaps[:count]
    elif count <= 1:
        gaps = (_simple_gap(question),)[:count]
    else:
        gaps = tuple(Gap("shortanswer", (answer,)) for answer in question.answers[:count])
    return gaps + (Gap(),) * (count - len(gaps))


def gap_options(gap: Gap) -> list[str]:
    """The option texts of a choice gap, in their written order."""
    return [answer.text for answer in gap.answers]


def _clean_gap_value(gap: Gap, value: Any) -> str | list[str]:
    if gap.kind == "multiresponse":
        options = gap_options(gap)
        chosen = [part.strip() for part in text_parts(value)]
        return [option for option in options if option in chosen]
    parts = text_parts(value)
    return parts[0].strip() if parts else ""


def mark_gap(gap: Gap, value: str | list[str]) -> Mark:
    """The mark of one gap's value (see the module rules)."""
    if gap.kind == "numerical":
        return number_mark(gap.answers, value)
    if gap.kind == "multichoice":
        chosen = next((a for a in gap.answers if a.text == value), None)
        return Mark(clip(chosen.fraction), chosen.feedback) if chosen else Mark(0.0)
    if gap.kind == "multiresponse":
        chosen = [a for a in gap.answers if a.text in value]
        feedback = " ".join(a.feedback for a in chosen if a.feedback)
        return Mark(clip(sum(a.fraction for a in chosen)), feedback)
    return best_typed_mark(gap.answers, str(value), gap.case_sensitive)


def gap_right_value(gap: Gap) -> str | list[str]:
    """A value earning the gap's full mark."""
    if gap.kind == "multiresponse":
        return [a.text for a in gap.answers if a.fraction > 0]
    best = max(gap.answers, key=lambda a: a.fraction, default=None)
    return best.text if best else ""


def gap_right_text(gap: Gap) -> str:
    """A readable statement of a gap's right answer."""
    if gap.kind == "multiresponse":
        return ", ".join(a.text for a in gap.answers if a.fraction > 0)
    if gap.kind == "numerical":
        best = best_answer([a for a in gap.answers if a.text.strip() != "*"])
        tolerance = f" ± {best.tolerance:g}" if best and best.tolerance else ""
        return best.text + tolerance if best else ""
    best = best_answer(gap.answers)
    return best.text if best else ""


def _gap_problems(number: int, gap: Gap) -> list[str]:
    found = []
    if gap.kind not in GAP_KINDS:
        found.append(f"gap {number} has an unknown kind {gap.kind!r}")
    if gap.kind in CHOICE_GAPS and len(gap.answers) < 2:
        found.append(f"gap {number} needs at least two options")
    if not any(a.fraction > 0 for a in gap.answers):
        found.append(f"gap {number} has no answer earning a mark")
    if gap.kind == "numerical":
        for answer in gap.answers:
            if answer.text.strip() != "*" and read_number(answer.text) is None:
                found.append(f"gap {number}: {answer.text!r} is not a number")
    return found


class ClozeKind(QuestionKind):
    """Gaps to fill in a text (see the module rules)."""

    name = "cloze"
    label = "Cloze (fill the gaps)"
    position = 70
    is_generated = True

    def problems(self, question: Question) -> list[str]:
        """One gap at least, each with an answer earning marks."""
        found = super().problems(question)
        gaps = cloze_gaps(question)
        if not gaps:
            found.append("the text has no gap; mark gaps as {{1}}, {{2}} …")
        for number, gap in enumerate(gaps, start=1):
            found.extend(_gap_problems(number, gap))
        return found

    def clean_response(self, question: Question, value: Any) -> list[str | list[str]]:
        """One value per gap."""
        gaps = cloze_gaps(question)
        values = value if isinstance(value, list | tuple) else [value]
        values = list(values) + [""] * (len(gaps) - len(values))
        return [_clean_gap_value(gap, v) for gap, v in zip(gaps, values, strict=False)]

    def response_from_text(self, question: Question, text: str) -> list[str | list[str]]:
        """Gaps separated by ``|``; several options of one gap separated by ``;``."""
        parts: list[Any] = split_parts(text)
        gaps = cloze_gaps(question)
        for index, gap in enumerate(gaps[: len(parts)]):
            if gap.kind == "multiresponse" and isinstance(parts[index], str):
                parts[index] = [p.strip() for p in parts[index].split(";")]
        return self.clean_response(question, parts)

    def mark(self, question: Question, response: Any) -> Mark:
        """The gaps' marks, weighted; feedback names the gap it is about."""
        gaps = cloze_gaps(question)
        marks = [mark_gap(gap, value) for gap, value in zip(gaps, response, strict=False)]
        weights = [max(gap.weight, 0.0) for gap in gaps]
        total = sum(weights)
        if not total:
            return Mark(0.0)
        score = sum(w * (m.fraction or 0.0) for w, m in zip(weights, marks, strict=True)) / total
        notes = [f"Gap {n}: {m.feedback}" for n, m in enumerate(marks, start=1) if m.feedback]
        if len(gaps) == 1:
            notes = [marks[0].feedback] if marks[0].feedback else []
        return Mark(clip(round(score, 9)), " ".join(notes))

    def right_response(self, question: Question) -> list[str | list[str]]:
        """Every gap's right value."""
        return [gap_right_value(gap) for gap in cloze_gaps(question)]

    def right_answer_text(self, question: Question) -> str:
        """Every gap's right answer, in gap order."""
        return "; ".join(gap_right_text(gap) for gap in cloze_gaps(question))

    def response_text(self, question: Question, response: Any) -> str:
        """Every gap's value, in gap order."""
        values = [", ".join(v) if isinstance(v, list) else str(v) for v in response]
        if not any(value.strip() for value in values):
            return "(no answer)"
        return "; ".join(values)

    def card_front(self, question: Question) -> str:
        """The text with its gaps blank."""
        return blank_gaps(question.prompt)

    def card_back(self, question: Question) -> str:
        """Every gap's right answer."""
        return self.right_answer_text(question)

    def from_item(self, item: Item) -> dict[str, Any]:
        """The item's one gap and its accepted variants."""
        variants = [item.answer, *(a for a in item.accepted if a != item.answer)]
        return {
            "prompt": item.prompt.replace(ITEM_GAP, "{{1}}", 1),
            "answers": tuple(Answer(text=v, fraction=1.0) for v in variants),
        }

    def example(self) -> Question:
        """Two gaps: a typed name and an option."""
        return Question(
            kind=self.name,
            prompt="{{1}} welcomed the visitor in {{2}}.",
            gaps=(
                Gap("shortanswer", (Answer("Ilham Aliyev", 1.0), Answer("Aliyev", 0.5))),
                Gap("multichoice", (Answer("Baku", 1.0), Answer("Minsk", 0.0, "No, Baku."))),
            ),
        )

    def examples(self) -> list[Question]:
        """The two-gap example and a one-gap question in the simple form."""
        simple = Question(
            kind=self.name,
            prompt="The talks were held in {{1}}.",
            answers=(Answer("Baku", 1.0), Answer("Baki", 1.0)),
        )
        return [self.example(), simple]


KIND = ClozeKind()
