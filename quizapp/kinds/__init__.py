"""The web side of every question kind, found here by the registry (see ``quizapp.kinds.base``).

``WEB_KINDS`` maps a kind's name to its ``WebKind``, in the order of ``question_bank.kinds``;
every module of this package that defines ``WEB_KIND`` is one. The authoring forms, the answer
readers and the kind templates are all reached through it.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from werkzeug.datastructures import MultiDict

from question_bank.kinds import KINDS
from question_bank.model import Question
from quizapp.kinds.base import Fields, WebKind


def _discover() -> dict[str, WebKind]:
    found = {}
    for module in pkgutil.iter_modules(__path__):
        web = getattr(importlib.import_module(f"{__name__}.{module.name}"), "WEB_KIND", None)
        if isinstance(web, WebKind):
            found[web.name] = web
    return {name: found[name] for name in KINDS if name in found}


#: Kind name -> its web side, in the kinds' display order.
WEB_KINDS: dict[str, WebKind] = _discover()


def web_kind(question: Question | str) -> WebKind:
    """The web side of a question's kind (KeyError for a kind without one)."""
    return WEB_KINDS[question if isinstance(question, str) else question.kind]


def field_name(question_id: int) -> str:
    """The form field name (or prefix) of a question on a quiz page."""
    return f"q{question_id}"


def read_answer(form: MultiDict, question_id: int, question: Question) -> Any:
    """The response a posted quiz page holds for one question."""
    return web_kind(question).read(form, field_name(question_id), question)


def saved_fields(question_id: int, question: Question, response: Any) -> Fields:
    """The fields that show a saved response on a quiz page."""
    if response is None:
        return {}
    return web_kind(question).form_fields(field_name(question_id), question, response)


__all__ = ["WEB_KINDS", "WebKind", "field_name", "read_answer", "saved_fields", "web_kind"]
