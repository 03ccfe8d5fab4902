"""Filters and globals the templates use."""

from __future__ import annotations

import random
import re

from flask import Flask, current_app, request, url_for
from markupsafe import Markup

from question_bank.grading import (
    normalise_text,
    response_lines,
    response_text,
    right_answer_lines,
)
from question_bank.kinds import CHOICE_KINDS, KINDS
from question_bank.kinds.cloze import blank_gaps, cloze_gaps, prompt_parts
from question_bank.kinds.matching import matching_items, partner_options
from question_bank.model import Gap, Question
from question_bank.rich_text import image_files, render_rich_text
from quizapp.local_time import shown
from quizapp.wording import counted


def cloze_parts(prompt: str) -> list[tuple[str, int | None]]:
    """Split a cloze prompt into (text, gap index) pieces; the last piece has no gap."""
    return prompt_parts(prompt)


def cloze_blank(prompt: str) -> str:
    """Show cloze gaps as a blank line for reading."""
    return blank_gaps(prompt)


def rich_text(text: str | None, question: Question) -> Markup:
    """``text`` of ``question`` (its prompt, or feedback in the same format) as safe HTML:
    sanitised markup, rendered Markdown, its own images embedded (``question_bank.rich_text``)."""
    files = image_files(question.extra)
    return Markup(render_rich_text(text or "", question.prompt_format, files))


def rich_cloze_parts(question: Question) -> list[tuple[Markup, int | None]]:
    """A cloze prompt rendered as a whole, then cut at its gaps: (HTML, gap index) pieces."""
    return [
        (Markup(part), index) for part, index in prompt_parts(rich_text(question.prompt, question))
    ]


_TAG = re.compile(r"<[^>]*>")


def says_more(text: str | None, *shown: str | None) -> bool:
    """Whether ``text`` says something the ``shown`` texts do not already say word for word
    (compared without markup, case, accents and punctuation)."""
    words = normalise_text(_TAG.sub(" ", text or ""))
    return bool(words) and not any(words in normalise_text(_TAG.sub(" ", s or "")) for s in shown)


def gap_order(gap: Gap, field: str) -> list[int]:
    """The order a gap's options are shown in: written order, or shuffled (the same for a field)."""
    order = list(range(len(gap.answers)))
    if gap.shuffle:
        random.Random(field).shuffle(order)
    return order


def kind_macros(kind: str):
    """The macros of a question kind's template (``templates/kinds/<kind>.html``), made once
    per process: what ``{% import %}`` gives, without working out its context again for every
    question of a page."""
    return current_app.jinja_env.get_template(f"kinds/{kind}.html").module


def marks(value: float | None) -> str:
    """A mark rounded to at most two decimals, without trailing zeros (``7.33``, ``8``)."""
    if value is None:
        return "—"
    return f"{round(float(value), 2):.2f}".rstrip("0").rstrip(".")


def percent(value: float | None) -> str:
    """A percentage rounded to at most two decimals (``73.96%``, ``80%``)."""
    return "—" if value is None else f"{marks(value)}%"


#: The main navigation of each kind of visitor: (endpoint, link text), in the order shown.
NAVIGATION: dict[str, tuple[tuple[str, str], ...]] = {
    "teacher": (
        ("teach.dashboard", "My quizzes"),
        ("teach.new_article", "Add article"),
        ("questions.index", "Question bank"),
        ("classes.index", "Classes"),
        ("gradebook.index", "Gradebook"),
    ),
    "student": (
        ("quiz.index", "Quizzes"),
        ("cards.index", "Flashcards"),
        ("progress.index", "My progress"),
        ("history.index", "My history"),
        ("classes.join", "My classes"),
    ),
    "anonymous": (("auth.login", "Log in"), ("auth.register", "Register")),
}


def kind_label(name: str) -> str:
    """A kind's name as people read it ("Multiple choice" for "multichoice"), without the
    explanation in brackets some labels carry; an unknown name as it is."""
    kind = KINDS.get(name)
    return kind.label.split(" (")[0] if kind is not None else name


def error_ids(field) -> list[str]:
    """The ids of the messages of a form field's own errors, as the error templates number them."""
    messages = [error for error in field.errors if isinstance(error, str)]
    return [f"{field.id}-error-{number}" for number in range(1, len(messages) + 1)]


def error_attrs(field, **attrs) -> dict:
    """``attrs`` plus what ties a field to its hint (its description) and, while invalid, to
    its error messages."""
    ids = ([f"{field.id}-hint"] if field.description else []) + error_ids(field)
    if field.errors:
        attrs["aria-invalid"] = "true"
    if ids:
        attrs["aria-describedby"] = " ".join(ids)
    return attrs


def navigation_links(user) -> tuple[tuple[str, str], ...]:
    """The main navigation's links for this user: a teacher's, a student's or a visitor's."""
    if not user.is_authenticated:
        return NAVIGATION["anonymous"]
    return NAVIGATION["teacher" if user.is_teacher else "student"]


class MountedUrls:
    """``url_for`` for links without ids (the menu, the stylesheet), each worked out once per
    place the app is mounted at: every page shows them, and the URL map never changes."""

    def __init__(self) -> None:
        self._built: dict[tuple, str] = {}

    def __call__(self, endpoint: str, **values: str) -> str:
        """The URL ``url_for(endpoint, **values)`` gives in this request."""
        key = (request.script_root, endpoint, *values.items())
        url = self._built.get(key)
        if url is None:
            url = self._built[key] = url_for(endpoint, **values)
        return url


class MainMenu:
    """The main menu's links (``_menu.html``), rendered once per kind of visitor, current page
    and mount point: every page shows them, and nothing else changes them."""

    def __init__(self, urls: MountedUrls) -> None:
        self._urls = urls
        self._built: dict[tuple, Markup] = {}

    def __call__(self, user) -> Markup:
        """The menu for ``user`` on this request's page."""
        links, here = navigation_links(user), request.endpoint
        key = (request.script_root, here, links)
        menu = self._built.get(key)
        if menu is None:
            template = current_app.jinja_env.get_template("_menu.html")
            html = template.render(links=links, here=here, mounted_url=self._urls)
            menu = self._built[key] = Markup(html)
        return menu


class QuestionCards:
    """Question cards of take pages (the ``question_card`` macro of ``quiz/_question.html``),
    each drawn once per process for the same question and arguments: a page shown again (after
    a save, on coming back, on another page of the quiz) draws only the cards whose answer or
    flag changed. The parsed question is compared by identity (``parsed_payload`` keeps one
    object while a question's payload is unchanged), so an edited question is drawn anew."""

    #: Characters of cards and saved answers kept, at most (a question's images are embedded
    #: in its card): the store starts afresh when a card would overfill it.
    MAX_CHARACTERS = 16_000_000
    #: A card longer than this (with its saved answer) is drawn each time, never kept.
    MAX_KEPT_CARD = 200_000

    def __init__(self) -> None:
        self._drawn: dict[tuple, tuple[Question, Markup]] = {}
        self._characters = 0

    def __call__(
        self,
        question_id: int,
        question: Question,
        name: str,
        order: list[int],
        number: int | None,
        total: int,
        values: dict[str, list[str]],
        disabled: bool,
        flagged: bool,
        flag_name: str | None,
    ) -> Markup:
        """The card the macro draws for these arguments."""
        saved = tuple(sorted((field, tuple(given)) for field, given in values.items()))
        key = (question_id, name, tuple(order), number, total, saved, disabled, flagged, flag_name)
        found = self._drawn.get(key)
        if found is not None and found[0] is question:
            return found[1]
        macro = current_app.jinja_env.get_template("quiz/_question.html").module.question_card
        card = Markup(
            macro(
                question_id,
                question,
                name,
                order,
                number,
                total,
                values,
                disabled,
                flagged,
                flag_name,
            )
        )
        answered = sum(len(given) for _, answer in saved for given in answer)
        if found is not None:  # the question was edited: its old card goes
            del self._drawn[key]
            self._characters -= len(found[1]) + answered
        size = len(card) + answered
        if size > self.MAX_KEPT_CARD:
            return card
        if self._characters + size > self.MAX_CHARACTERS:
            self._drawn.clear()
            self._characters = 0
        self._characters += size
        self._drawn[key] = (question, card)
        return card


#: Stands for the id while an ``IdUrl`` is built (no real URL holds it: it is past ``MAX_ID``).
_ID_PLACEHOLDER = 98765432109876


class IdUrl:
    """The URLs of one endpoint for many ids (a list's rows): built once by ``url_for`` with a
    placeholder id, then each id is written in, which gives what ``url_for`` would."""

    def __init__(self, endpoint: str, field: str, **values: object) -> None:
        built = url_for(endpoint, **{field: _ID_PLACEHOLDER}, **values)
        self._head, _, self._tail = built.partition(str(_ID_PLACEHOLDER))

    def __call__(self, value: int) -> str:
        """The URL for id ``value``."""
        return f"{self._head}{int(value)}{self._tail}"


def register_template_helpers(app: Flask) -> None:
    """Make the helpers available to every template."""
    app.add_template_filter(cloze_parts)
    app.add_template_filter(kind_label)
    app.add_template_filter(counted)
    app.add_template_filter(cloze_blank)
    app.add_template_filter(marks)
    app.add_template_filter(shown, "local_time")
    app.add_template_filter(percent)
    app.add_template_filter(rich_text)
    app.add_template_global(CHOICE_KINDS, "choice_kinds")
    urls = MountedUrls()
    app.add_template_global(urls, "mounted_url")
    app.add_template_global(MainMenu(urls), "main_menu")
    app.add_template_global(IdUrl, "id_url")
    app.add_template_global(QuestionCards(), "question_card")
    for helper in (
        response_text,
        response_lines,
        right_answer_lines,
        says_more,
        cloze_gaps,
        cloze_parts,
        gap_order,
        kind_macros,
        matching_items,
        partner_options,
        rich_cloze_parts,
        navigation_links,
        error_ids,
        error_attrs,
    ):
        app.add_template_global(helper)
