"""Matching on the web: item and partner pairs; one drop-down of partners per item."""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict
from wtforms import FieldList, FormField
from wtforms.validators import ValidationError

from question_bank.kinds.matching import matching_items, partner_options
from question_bank.model import Pair
from question_bank.model import Question as BankQuestion
from quizapp.forms.questions.base import BaseQuestionForm, PairForm
from quizapp.kinds.base import Fields, WebKind, field_text


class MatchingForm(BaseQuestionForm):
    """Items to match with their partners (a partner without an item is a wrong choice)."""

    pairs = FieldList(FormField(PairForm), min_entries=6, max_entries=30)

    def validate_pairs(self, field) -> None:
        """Two or more complete pairs; an item needs a partner."""
        items = [e for e in field.entries if (e.form.left.data or "").strip()]
        if any(not (e.form.right.data or "").strip() for e in items):
            raise ValidationError("Give every item its partner.")
        if len(items) < 2:
            raise ValidationError("Give at least two pairs.")

    def kind_fields(self) -> dict[str, Any]:
        """The pairs (and lone partners, which are wrong choices)."""
        return {
            "pairs": tuple(
                Pair((e.form.left.data or "").strip(), e.form.right.data.strip())
                for e in self.pairs.entries
                if (e.form.right.data or "").strip()
            )
        }

    @classmethod
    def kind_data(cls, question: BankQuestion) -> dict[str, Any]:
        """Pairs as rows."""
        return {"pairs": [{"left": p.left, "right": p.right} for p in question.pairs]}


class MatchingWeb(WebKind):
    """One drop-down per item, listing every partner in an order of the attempt's own."""

    name = "matching"
    form = MatchingForm
    always_shuffled = True

    def read(self, form: MultiDict, name: str, question: BankQuestion) -> list[str]:
        """The partner chosen for each item."""
        count = len(matching_items(question))
        return [field_text(form, f"{name}-{i}") for i in range(count)]

    def form_fields(self, name: str, question: BankQuestion, response: Any) -> Fields:
        """One field per item."""
        return {f"{name}-{i}": [str(value)] for i, value in enumerate(response or ()) if value}

    def option_count(self, question: BankQuestion) -> int:
        """Every partner."""
        return len(partner_options(question))


WEB_KIND = MatchingWeb()
