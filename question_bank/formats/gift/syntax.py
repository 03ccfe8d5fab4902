"""GIFT's lexical rules shared by the reader and the writer: escapes, weights, text formats.

Follows Moodle's ``qformat_gift`` (question/format/gift/format.php and the "GIFT format" page of
docs.moodle.org): ``\\`` is a backslash, ``\\:`` ``\\#`` ``\\=`` ``\\{`` ``\\}`` ``\\~`` are literal
control characters, ``\\n`` is a new line; a text may start with ``[html]``, ``[moodle]``,
``[plain]`` or ``[markdown]`` to set its format (``moodle``, Moodle's auto-format, otherwise).
"""

from __future__ import annotations

import re

from question_bank.formats.text import format_number

#: Prompt format of a text with no ``[format]`` prefix.
DEFAULT_FORMAT = "moodle"
TEXT_FORMATS = ("moodle", "html", "plain", "markdown")

# Escaped control characters are swapped for private-use characters while the structure is parsed.
_ESCAPES = {
    ":": "\ue001",
    "#": "\ue002",
    "=": "\ue003",
    "{": "\ue004",
    "}": "\ue005",
    "~": "\ue006",
}
_NEWLINE_MARK = "\ue007"
_BACKSLASH_MARK = "\ue008"
_RESTORE = {mark: char for char, mark in _ESCAPES.items()} | {_NEWLINE_MARK: "\n"}

#: An answer weight such as ``%50%``, ``%-33.3%`` or ``%100%`` at the start of an answer.
WEIGHT = re.compile(r"^%(-*[0-9]{1,2}\.?[0-9]*)%")

_WRITE_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "#": "\\#",
        "=": "\\=",
        "~": "\\~",
        "{": "\\{",
        "}": "\\}",
        ":": "\\:",
        "\n": "\\n",
        "\r": "",
    }
)


def hide_escapes(text: str) -> str:
    """Replace escaped control characters with placeholders before parsing the structure."""
    text = text.replace("\\\\", _BACKSLASH_MARK)
    for char, mark in _ESCAPES.items():
        text = text.replace("\\" + char, mark)
    return text.replace("\\n", _NEWLINE_MARK).replace(_BACKSLASH_MARK, "\\")


def restore_escapes(text: str) -> str:
    """Turn placeholders back into the characters they stand for."""
    for mark, char in _RESTORE.items():
        text = text.replace(mark, char)
    return text


def split_format(text: str, default: str = DEFAULT_FORMAT) -> tuple[str, str]:
    """Return ``(format, text)``: a leading ``[format]`` is taken off, the text trimmed and
    unescaped."""
    text_format = default
    if text.startswith("["):
        end = text.find("]")
        name = text[1:end] if end > 0 else ""
        if name in TEXT_FORMATS:
            text_format, text = name, text[end + 1 :]
    return text_format, restore_escapes(text.strip())


def text_in_format(text: str, question_format: str) -> str:
    """Read an answer or feedback text; a prefix naming another format stays in the text."""
    text_format, body = split_format(text, question_format)
    return body if text_format == question_format else restore_escapes(text.strip())


def take_weight(answer: str) -> tuple[float | None, str]:
    """Split a leading ``%weight%`` off an answer: (fraction or None, rest)."""
    match = WEIGHT.match(answer)
    if not match:
        return None, answer
    digits = match.group(1).lstrip("-")
    sign = -1 if match.group(1).startswith("-") else 1
    return round(sign * float(digits) / 100, 9), answer[match.end() :]


def escape(text: str) -> str:
    """Escape GIFT's control characters (and new lines) in ``text``."""
    return text.translate(_WRITE_ESCAPES)


def weight_text(fraction: float) -> str:
    """Return ``%50%``-style weight text for a fraction."""
    return f"%{format_number(round(fraction * 100, 7))}%"
