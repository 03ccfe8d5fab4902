"""Question authoring: each kind's form lives with its web side (``quizapp.kinds``).

Each kind's form adds its own fields to the shared ones (``BaseQuestionForm``) and knows how to
turn itself into the kind-specific fields of a ``question_bank.model.Question``
(``kind_fields``) and back (``kind_data``). Fractions are typed as percentages.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from question_bank.model import Question as BankQuestion
from quizapp.forms.questions.base import BaseQuestionForm


def question_forms() -> dict[str, tuple[str, type[BaseQuestionForm]]]:
    """Kind name -> (label, authoring form), in the kinds' order."""
    from quizapp.kinds import WEB_KINDS

    return {name: (web.label, web.form) for name, web in WEB_KINDS.items()}


def form_data(question: BankQuestion, category_id: int | None = None) -> dict[str, Any]:
    """All form data describing ``question`` (shared and kind-specific fields)."""
    _, form_class = question_forms()[question.kind]
    automatic = question.title in (question.prompt[:60], question.prompt.strip()[:60])
    return {
        "title": "" if automatic else question.title,  # a name made from the prompt follows it
        "prompt": question.prompt,
        "category": category_id or 0,
        "tags": ", ".join(question.tags),
        "general_feedback": question.general_feedback,
        "default_mark": question.default_mark,
        **form_class.kind_data(question),
    }


def parse_tags(text: str | None) -> tuple[str, ...]:
    """Tags typed as a comma-separated list."""
    return tuple(t.strip() for t in (text or "").split(",") if t.strip())


def bank_question(
    form: BaseQuestionForm, kind: str, base: BankQuestion | None = None
) -> BankQuestion:
    """The bank question a filled-in form describes; fields the form lacks come from ``base``."""
    prompt = form.prompt.data.strip()
    fields: dict[str, Any] = {
        "prompt": prompt,
        "title": (form.title.data or "").strip() or prompt[:60],
        "tags": parse_tags(form.tags.data),
        "general_feedback": (form.general_feedback.data or "").strip(),
        "default_mark": form.default_mark.data,
        **form.kind_fields(),
    }
    if base is not None and base.kind == kind:
        return replace(base, **fields)
    return BankQuestion(kind=kind, **fields)
