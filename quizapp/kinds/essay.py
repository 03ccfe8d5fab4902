"""Essay on the web: only the shared fields; a text area, marked later by the teacher."""

from __future__ import annotations

from quizapp.forms.questions.base import BaseQuestionForm
from quizapp.kinds.base import WebKind


class EssayForm(BaseQuestionForm):
    """A written answer the teacher marks by hand (never marked automatically)."""


class EssayWeb(WebKind):
    """A text area."""

    name = "essay"
    form = EssayForm


WEB_KIND = EssayWeb()
