"""Numbers as people type them: grouping, decimal commas, scale words and suffixes.

Rules (``read_number``):

* Digits may be grouped in threes by commas, spaces, apostrophes or (with a decimal comma) dots:
  ``4,034`` = ``4 034`` = ``4'034`` = ``4034``; ``1.234,5`` = ``1,234.5``.
* A single comma not followed by exactly three digits is a decimal comma (``3,5`` = 3.5,
  ``0,25`` = 0.25); ``3,500`` is three thousand five hundred, as in English.
* A scale word or suffix multiplies: ``2 billion`` = ``2bn`` = ``2b`` = 2000000000, ``1.5m``,
  ``5k``, ``3 thousand``, ``4 mln``.
* A leading sign (``-``, ``+`` or the minus sign ``−``) and exponent notation (``3.0e2``) are
  read; ordinal endings (``10th``) are dropped; anything else makes the text not a number.

Values are ``Decimal`` so that ``0.1 + 0.2`` style rounding never decides a mark.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

#: Scale words (separate or attached) and single-letter suffixes (attached only).
SCALE_WORDS = {
    "thousand": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "trn": 10**12,
}
SCALE_SUFFIXES = {"k": 10**3, "m": 10**6, "b": 10**9}
#: Number words read as digits when they stand alone.
NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
NUMBER_WORDS |= {"ninety": 90, "hundred": 100}

#: Longest digit run read as a number (longer ones are refused, not parsed).
MAX_DIGITS = 60

_MINUS = "-−–"
_GROUPED = {
    ",": re.compile(r"\d{1,3}(?:,\d{3})+"),
    " ": re.compile(r"\d{1,3}(?: \d{3})+"),
    "'": re.compile(r"\d{1,3}(?:'\d{3})+"),
    ".": re.compile(r"\d{1,3}(?:\.\d{3})+"),
}
_PLAIN = re.compile(r"\d+")
_EXPONENT = re.compile(r"(\d+(?:\.\d*)?|\.\d+)e[-+]?\d{1,4}")
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)$")
_SCALED = re.compile(r"^(?P<number>.*?\d)\s*(?P<scale>" + "|".join(SCALE_WORDS) + r"|[kmb])\.?$")


def _integer_part(text: str, decimal: str | None) -> str | None:
    """Digits of an integer part written with or without grouping (None if malformed)."""
    if _PLAIN.fullmatch(text):
        return text
    for separator, pattern in _GROUPED.items():
        if separator != decimal and pattern.fullmatch(text):
            return text.replace(separator, "")
    return None


def _split_decimal(text: str) -> tuple[str, str | None, str]:
    """(integer part, decimal separator or None, fraction digits) by the module's rules."""
    last_dot, last_comma = text.rfind("."), text.rfind(",")
    if last_dot >= 0 and last_comma >= 0:
        position = max(last_dot, last_comma)
        return text[:position], text[position], text[position + 1 :]
    if last_comma >= 0:
        head, tail = text[:last_comma], text[last_comma + 1 :]
        if text.count(",") == 1 and not (len(tail) == 3 and tail.isdigit()):
            return head, ",", tail
        return text, None, ""
    if last_dot >= 0 and text.count(".") == 1:
        return text[:last_dot], ".", text[last_dot + 1 :]
    return text, None, ""


def _plain_number(text: str) -> Decimal | None:
    if _EXPONENT.fullmatch(text):
        try:
            return Decimal(text)
        except InvalidOperation:
            return None
    head, separator, tail = _split_decimal(text)
    if separator and not (tail.isdigit() or (tail == "" and head)):
        return None
    digits = _integer_part(head, separator) if head else "0"
    if digits is None or len(digits) + len(tail) > MAX_DIGITS:
        return None
    return Decimal(f"{digits}.{tail or 0}")


def _ascii_digit(char: str) -> str:
    if char.isascii() or not char.isdigit():
        return char
    value = unicodedata.decimal(char, None)
    return " " if value is None else str(value)


def normalise_digits(text: str) -> str:
    """Compatibility-fold ``text`` (superscripts, full-width and other scripts' digits become
    0-9); any other character that counts as a digit becomes a space."""
    return "".join(_ascii_digit(c) for c in unicodedata.normalize("NFKC", text))


def format_number(value: float) -> str:
    """Return the shortest text that reads back as ``value`` (``2`` rather than ``2.0``)."""
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def read_number(text: str) -> Decimal | None:
    """Read one number as typed (module rules); None when the text is not a number."""
    cleaned = " ".join(normalise_digits(str(text)).strip().lower().split())
    if not cleaned or len(cleaned) > 4 * MAX_DIGITS:
        return None
    if cleaned in NUMBER_WORDS:
        return Decimal(NUMBER_WORDS[cleaned])
    sign = -1 if cleaned[0] in _MINUS else 1
    if cleaned[0] in _MINUS + "+":
        cleaned = cleaned[1:].lstrip()
    scale = 1
    scaled = _SCALED.match(cleaned)
    if scaled and not cleaned.endswith(("e", "th")):
        word = scaled.group("scale")
        attached = not cleaned[scaled.end("number") :].startswith(" ")
        if word in SCALE_WORDS or attached:
            scale = SCALE_WORDS.get(word) or SCALE_SUFFIXES[word]
            cleaned = scaled.group("number")
    cleaned = _ORDINAL.sub(r"\1", cleaned)
    value = _plain_number(cleaned)
    if value is None:
        return None
    return sign * value * scale
