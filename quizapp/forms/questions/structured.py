"""Authoring forms for matching, ordering, cloze and essay questions."""

from __future__ import annotations

from typing import Any

from wtforms import FieldList, FormField, StringField
from wtforms.validators import (
    Length,
    Optional,
    ValidationError,
)

from question_bank.grading import GAP
from question_bank.model import Answer, Pair
from question_bank.model import Question as BankQuestion
from quizapp.forms.questions.base import (
    BaseQuestionForm,
    PairForm,
)


class MatchingForm(BaseQuestionForm):
    """Items to match with their partners."""

    pairs = FieldList(FormField(PairForm), min_entries=6, max_entries=30)

    def validate_pairs(self, field) -> None:
        """Two or more complete pairs; no half-filled pair."""
        halves = [
            e
            for e in field.entries
            if bool((e.form.left.data or "").strip()) != bool((e.form.right.data or "").strip())
        ]
        if halves:
            raise ValidationError("Fill in both sides of every pair, or neither.")
        if len(self._complete()) < 2:
            raise ValidationError("Give at least two pairs.")

    def _complete(self) -> list[Pair]:
        return [
            Pair(e.form.left.data.strip(), e.form.right.data.strip())
            for e in self.pairs.entries
            if (e.form.left.data or "").strip() and (e.form.right.data or "").strip()
        ]

    def kind_fields(self) -> dict[str, Any]:
        """The complete pairs."""
        return {"pairs": tuple(self._complete())}

    @classmethod
    def kind_data(cls, question: BankQuestion) -> dict[str, Any]:
        """Pairs as rows."""
        return {"pairs": [{"left": p.left, "right": p.right} for p in question.pairs]}


class OrderingForm(BaseQuestionForm):
    """Steps to put in order, listed here in their right order."""

    steps = FieldList(
        StringField("Step", validators=[Optional(), Length(max=300)]), min_entries=6, max_entries=30
    )

    def validate_steps(self, field) -> None:
        """Two or more steps."""
        if len([s for s in field.data if (s or "").strip()]) < 2:
            raise ValidationError("Give at least two steps, in their right order.")

    def kind_fields(self) -> dict[str, Any]:
        """Steps as answers, in order."""
        return {
            "answers": tuple(Answer(s.strip(), 1.0) for s in self.steps.data if (s or "").strip())
        }

    @classmethod
    def kind_data(cls, question: BankQuestion) -> dict[str, Any]:
        """Steps in order."""
        return {"steps": [a.text for a in question.answers]}


class ClozeForm(BaseQuestionForm):
    """Text with gaps written {{1}}, {{2}} ...; one answer per gap (one gap may list variants)."""

    gaps = FieldList(
        StringField("Answer", validators=[Optional(), Length(max=300)]),
        min_entries=5,
        max_entries=30,
    )

    def validate_prompt(self, field) -> None:
        """The text must hold at least one gap."""
        if not GAP.search(field.data or ""):
            raise ValidationError("Mark each gap in the text as {{1}}, {{2}} …")

    def validate_gaps(self, field) -> None:
        """One answer per gap (a single gap may have several accepted answers)."""
        count = len(set(GAP.findall(self.prompt.data or "")))
        given = [g for g in field.data if (g or "").strip()]
        if count and (len(given) < count or (count > 1 and len(given) != count)):
            raise ValidationError(
                f"The text has {count} gap(s): give one answer for each, in order."
            )

    def kind_fields(self) -> dict[str, Any]:
        """Gap answers in order."""
        return {
            "answers": tuple(Answer(g.strip(), 1.0) for g in self.gaps.data if (g or "").strip())
        }

    @classmethod
    def kind_data(cls, question: BankQuestion) -> dict[str, Any]:
        """Gap answers in order."""
        return {"gaps": [a.text for a in question.answers]}


class EssayForm(BaseQuestionForm):
    """A written answer the teacher marks by hand (never marked automatically)."""
