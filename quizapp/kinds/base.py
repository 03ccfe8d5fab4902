"""The web side of a question kind: its authoring form, how a quiz page's fields become a
response, and the template that draws its answer controls (``templates/kinds/<kind>.html``).

Each kind's template defines the macro ``controls(q, name, order, values, disabled)`` and may
define ``prompt(q, name, values, disabled)`` when the controls sit inside the text (cloze).
``values`` maps a field name to the list of values it holds (a saved answer, as
``form_fields`` gives it), so a page reloads with what was saved.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from werkzeug.datastructures import MultiDict

from question_bank.kinds import KINDS, QuestionKind
from question_bank.model import Question
from quizapp.forms.questions.base import BaseQuestionForm

#: Longest text read from one answer field.
MAX_FIELD_CHARS = 10_000
_INDEX = re.compile(r"[0-9]{1,6}")

Fields = dict[str, list[str]]


def field_text(form: MultiDict, name: str) -> str:
    """One text field, trimmed and cut to ``MAX_FIELD_CHARS``."""
    return str(form.get(name, ""))[:MAX_FIELD_CHARS].strip()


def field_indices(form: MultiDict, name: str) -> list[int]:
    """The option indices a choice field holds (anything but plain 0-9 digits is ignored)."""
    return [int(v) for v in form.getlist(name) if _INDEX.fullmatch(str(v))]


class WebKind:
    """A kind's web side; subclasses set ``name`` and ``form`` and override the methods."""

    name: ClassVar[str] = ""
    form: ClassVar[type[BaseQuestionForm]] = BaseQuestionForm
    #: Whether the kind's options are shuffled on a quiz page (when the quiz shuffles options),
    #: and whether they always are (their written order would give the answer away).
    shuffles_options: ClassVar[bool] = False
    always_shuffled: ClassVar[bool] = False

    @property
    def kind(self) -> QuestionKind:
        """The kind's ``question_bank`` side."""
        return KINDS[self.name]

    @property
    def template(self) -> str:
        """The template holding the kind's macros."""
        return f"kinds/{self.name}.html"

    @property
    def label(self) -> str:
        """The kind's name for people."""
        return self.kind.label

    def read(self, form: MultiDict, name: str, question: Question) -> Any:
        """The response the quiz page's fields hold for one question (``name`` its prefix)."""
        return field_text(form, name)

    def form_fields(self, name: str, question: Question, response: Any) -> Fields:
        """The fields a page posts for ``response`` (the inverse of ``read``)."""
        return {name: [str(response)]} if response not in (None, "") else {}

    def option_count(self, question: Question) -> int:
        """How many options the page shows in an order of its own (0: none)."""
        return 0

    def is_answered(self, response: Any) -> bool:
        """Whether a saved response holds an answer (for the progress bar and navigator)."""
        if isinstance(response, list | tuple):
            return any(self.is_answered(part) for part in response)
        return response not in (None, "")
