"""Cloze on the web: the text with ``{{n}}`` gaps and one row per gap; the gaps' fields sit in
the text (a text field, a drop-down, or radio buttons or check boxes by the gap's layout).

A gap row is its accepted answers separated by ``|`` (all right), or one Moodle embedded answer
such as ``{1:MULTICHOICE:=Baku~Minsk}`` for options, weights, fractions or feedback.
"""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict
from wtforms import FieldList, StringField
from wtforms.validators import Length, Optional, ValidationError

from question_bank.embedded import EmbeddedError, find_embedded, read_gap, write_gap
from question_bank.kinds import question_problems
from question_bank.kinds.cloze import GAP, cloze_gaps, gap_numbers
from question_bank.model import Answer, Gap
from question_bank.model import Question as BankQuestion
from quizapp.forms.questions.base import BaseQuestionForm
from quizapp.kinds.base import Fields, WebKind, field_text
from quizapp.wording import counted


def gap_from_row(row: str) -> Gap:
    """The gap one row describes (see the module rules); ValueError when it cannot be read."""
    row = row.strip()
    if row.startswith("{"):
        found, _ = find_embedded(row)
        if len(found) != 1 or found[0].start != 0 or found[0].end != len(row):
            raise ValueError(f"{row[:40]!r} is not one embedded answer such as {{1:SA:=Baku}}")
        try:
            return read_gap(found[0])
        except EmbeddedError as error:
            raise ValueError(str(error)) from None
    answers = [part.strip() for part in row.split("|") if part.strip()]
    return Gap("shortanswer", tuple(Answer(text, 1.0) for text in answers))


def row_from_gap(gap: Gap) -> str:
    """A gap as its form row: plain variants when they say it all, else an embedded answer."""
    plain = gap.kind == "shortanswer" and gap.weight == 1 and not gap.case_sensitive
    if plain and all(a.fraction == 1 and not a.feedback and "|" not in a.text for a in gap.answers):
        return " | ".join(a.text for a in gap.answers)
    return write_gap(gap)


class ClozeForm(BaseQuestionForm):
    """Text with gaps written {{1}}, {{2}} …; one row per gap, in gap order."""

    hint = (
        "Mark each gap as {{1}}, {{2}} … and give one row per gap, in order: its accepted "
        "answers separated by |, or a Moodle embedded answer such as {1:MULTICHOICE:=Baku~Minsk}."
    )
    gaps = FieldList(
        StringField("Answer", validators=[Optional(), Length(max=2000)]),
        min_entries=5,
        max_entries=30,
    )

    def validate_prompt(self, field) -> None:
        """The text must hold at least one gap."""
        if not GAP.search(field.data or ""):
            raise ValidationError("Mark each gap in the text as {{1}}, {{2}} …")

    def validate_gaps(self, field) -> None:
        """One readable row per gap, each with an answer earning marks."""
        count = len(gap_numbers(self.prompt.data or ""))
        rows = [g for g in field.data if (g or "").strip()]
        if count and len(rows) != count:
            raise ValidationError(
                f"The text has {counted(count, 'gap')}: give one row for each, in order."
            )
        try:
            gaps = tuple(gap_from_row(row) for row in rows)
        except ValueError as error:
            raise ValidationError(str(error)) from None
        problems = question_problems(BankQuestion("cloze", self.prompt.data or "", gaps=gaps))
        if count and problems:
            raise ValidationError("; ".join(problems))

    def kind_fields(self) -> dict[str, Any]:
        """The gaps, in order."""
        rows = [g for g in self.gaps.data if (g or "").strip()]
        return {"gaps": tuple(gap_from_row(row) for row in rows), "answers": ()}

    @classmethod
    def kind_data(cls, question: BankQuestion) -> dict[str, Any]:
        """One row per gap."""
        return {"gaps": [row_from_gap(gap) for gap in cloze_gaps(question)]}


class ClozeWeb(WebKind):
    """One field per gap, named ``<name>-<gap index>``."""

    name = "cloze"
    form = ClozeForm

    def read(self, form: MultiDict, name: str, question: BankQuestion) -> list[Any]:
        """Each gap's value (a list of options for a several-options gap)."""
        values: list[Any] = []
        for index, gap in enumerate(cloze_gaps(question)):
            field = f"{name}-{index}"
            if gap.kind == "multiresponse":
                values.append([str(v)[:1000] for v in form.getlist(field)][:50])
            else:
                posted = [str(v) for v in form.getlist(field) if str(v).strip()]
                values.append(posted[0][:10_000].strip() if posted else field_text(form, field))
        return values

    def form_fields(self, name: str, question: BankQuestion, response: Any) -> Fields:
        """One field per gap."""
        fields: Fields = {}
        for index, value in enumerate(response or ()):
            values = value if isinstance(value, list) else [value]
            if any(str(v) for v in values):
                fields[f"{name}-{index}"] = [str(v) for v in values]
        return fields


WEB_KIND = ClozeWeb()
