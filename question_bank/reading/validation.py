"""Checks that a text is something we can question: not empty, not binary, English-looking."""

from __future__ import annotations

import re

MIN_ENGLISH_SHARE = 0.04
MIN_WORDS_FOR_LANGUAGE_CHECK = 12
_STOPWORDS = frozenset(
    "the a an and of to in on for with is are was were be by that this it from as at he she "
    "they said has have had not but or".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: Control characters but tab and line breaks, and the replacement character of a bad decoding.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")


def problem_with(text: str) -> str:
    """Return why a text cannot be used ("" when it can)."""
    if not isinstance(text, str) or not text.strip():
        return "the article is empty"
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(2, len(text) // 100):
        return "the article looks like binary data, not text"
    words = _WORD.findall(text)
    if not words:
        return "the article has no words"
    latin = sum(1 for w in words if w.isascii())
    if latin / len(words) < 0.6:
        return "the article does not look like English text"
    if len(words) >= MIN_WORDS_FOR_LANGUAGE_CHECK:
        english = sum(1 for w in words if w.lower() in _STOPWORDS)
        if english / len(words) < MIN_ENGLISH_SHARE:
            return "the article does not look like English text"
    return ""
