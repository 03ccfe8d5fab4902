"""HTML sanitising for imported questions: the one place imported markup is cleaned.

Uses nh3 (bindings to the Rust ``ammonia`` sanitiser). Script and style elements are dropped with
their content, ``on*`` event attributes and ``javascript:`` URLs never survive; ordinary
formatting, tables, images (including ``@@PLUGINFILE@@`` and ``data:`` sources), ``class`` and a
safe list of inline CSS properties are kept so that Moodle exports stay readable.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace

import nh3

from question_bank.model import Pair, Question

#: Prompt formats whose text may carry HTML (Moodle's auto-format and Markdown allow it too).
MARKUP_FORMATS = frozenset({"html", "moodle", "markdown"})

_EXTRA_TAGS = frozenset({"span", "div", "p", "br", "img", "sub", "sup", "u", "s", "hr", "pre"})
_ATTRIBUTES = {
    "*": {"class", "lang", "title", "style", "dir"},
    "img": {"src", "alt", "width", "height"},
    "a": {"href", "title", "target"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
}
_ATTRIBUTES_WITHOUT_STYLE = {tag: names - {"style"} for tag, names in _ATTRIBUTES.items()}
_STYLE_PROPERTIES = frozenset(
    {
        "color",
        "background-color",
        "font",
        "font-family",
        "font-size",
        "font-style",
        "font-weight",
        "text-align",
        "text-decoration",
        "text-indent",
        "vertical-align",
        "line-height",
        "margin",
        "margin-left",
        "margin-right",
        "margin-top",
        "margin-bottom",
        "padding",
        "width",
        "height",
        "border",
        "tab-stops",
    }
)
_URL_SCHEMES = frozenset({"http", "https", "mailto", "data"})
_TAG_LIKE = re.compile(r"<[A-Za-z/!?]")


def looks_like_markup(text: str) -> bool:
    """Return True when ``text`` holds something that looks like an HTML tag."""
    return bool(_TAG_LIKE.search(text))


def sanitize_html(html: str, keep_style: bool = True) -> str:
    """Return ``html`` with scripts, styles, event handlers and unsafe URLs removed.

    ``keep_style=False`` also drops every ``style`` attribute (for pages whose
    Content-Security-Policy refuses inline styles); imports keep the safe properties.
    """
    if "<" not in html and "&" not in html:
        return html
    return nh3.clean(
        html,
        tags=nh3.ALLOWED_TAGS | _EXTRA_TAGS,
        attributes=_ATTRIBUTES if keep_style else _ATTRIBUTES_WITHOUT_STYLE,
        url_schemes=_URL_SCHEMES,
        filter_style_properties=_STYLE_PROPERTIES if keep_style else None,
        link_rel=None,
    )


def sanitize_markup(text: str, text_format: str) -> str:
    """Sanitise ``text`` when its format allows HTML and it holds a tag; else return it as is."""
    if text_format in MARKUP_FORMATS and looks_like_markup(text):
        return sanitize_html(text)
    return text


def _without_nul(value):
    """``value`` with NUL characters removed from every string in it (dataclasses included)."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, tuple):
        return tuple(_without_nul(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(
            value, **{f.name: _without_nul(getattr(value, f.name)) for f in fields(value)}
        )
    return value


def sanitize_question(question: Question) -> Question:
    """Return ``question`` without NUL characters (no database text holds them) and with every
    HTML-capable text field sanitised."""
    question = _without_nul(question)
    fmt = question.prompt_format

    def clean(text: str) -> str:
        return sanitize_markup(text, fmt)

    answers = tuple(
        replace(answer, text=clean(answer.text), feedback=clean(answer.feedback))
        for answer in question.answers
    )
    pairs = tuple(Pair(left=clean(pair.left), right=pair.right) for pair in question.pairs)
    return replace(
        question,
        prompt=clean(question.prompt),
        answers=answers,
        pairs=pairs,
        general_feedback=clean(question.general_feedback),
    )
