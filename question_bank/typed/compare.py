"""Compare a typed answer with an expected one, token by token.

An answer becomes tokens (``answer_tokens``): dates (``question_bank.typed.dates``), numbers
with their grouping, decimal comma and scale words read (``question_bank.typed.numbers``),
codes that mix letters and digits, and words. Case, accents and punctuation are folded (case is
kept for case-sensitive answers); ``%`` reads as "percent" and currency signs as their names,
written after the amount (``$2 billion`` = ``2bn dollars``); the articles "a", "an" and "the"
are left out.

Two answers match (``typed_matches``) when their tokens agree in order:

* dates, numbers and codes exactly (``Nov. 10, 2021`` never matches ``Nov. 10, 2020``, nor
  ``300 villages`` ``200 villages``);
* words exactly, or with one slip (a letter missing, extra, wrong or two swapped) when both have
  four letters or more, two slips from eight letters; never in a shorter word, and never when
  case must match (then words must be identical);
* a preposition before a date or number may be left out (``in 2020`` = ``2020``);
* an answer of four words or more may leave out a quarter of them at its start or end (not
  numbers or dates): "research scientist at SETI Institute" for "Kepler research scientist at
  SETI Institute", never "scientist" alone.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import NamedTuple

from rapidfuzz.distance import OSA

from question_bank.typed.dates import find_dates
from question_bank.typed.numbers import NUMBER_WORDS, SCALE_WORDS, normalise_digits, read_number

#: Words dropped before comparing.
ARTICLES = frozenset({"a", "an", "the"})
#: Words that may be left out before a date or a number.
PREPOSITIONS = frozenset({"in", "on", "at", "by", "from", "since", "until", "of"})
#: Shortest word in which a slip is tolerated.
MIN_FUZZY_LETTERS = 4
#: Currency signs and names -> the one name they are compared as.
CURRENCIES = {
    "$": "dollar",
    "us$": "dollar",
    "usd": "dollar",
    "dollars": "dollar",
    "€": "euro",
    "eur": "euro",
    "euros": "euro",
    "£": "pound",
    "gbp": "pound",
    "pounds": "pound",
    "¥": "yen",
    "jpy": "yen",
}
_SIGNS = re.compile(r"us\$|[$€£¥%]")
_PER_CENT = re.compile(r"\bper\s+cent\b")
_NUMBER = re.compile(
    r"(?<![\w.,'])[-+−]?(?:\d[\d,.' ]*\d|\d)"
    r"(?:\s*(?:" + "|".join(SCALE_WORDS) + r")\b|(?:k|m|b|st|nd|rd|th)\b)?"
)
_WORD = re.compile(r"[^\W_]+")


class Token(NamedTuple):
    """One comparable piece of an answer: ``kind`` is word, code, number or date."""

    kind: str
    value: str | Decimal | frozenset[str]


def fold_text(text: str, case_sensitive: bool) -> str:
    """Digits to ASCII, accents off, case folded (unless case-sensitive), same length per char."""
    decomposed = unicodedata.normalize("NFKD", normalise_digits(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    if case_sensitive:
        return stripped
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in stripped)


def _signs_to_words(text: str) -> str:
    def word(match: re.Match[str]) -> str:
        sign = match.group(0).lower()
        return " percent " if sign == "%" else f" {CURRENCIES[sign]} "

    return _PER_CENT.sub("percent", _SIGNS.sub(word, text))


def _numbers_in(piece: str, start: int) -> list[tuple[int, Token]]:
    """Number tokens of one candidate, split at spaces when it is not one grouped number."""
    value = read_number(piece)
    if value is not None:
        return [(start, Token("number", value))]
    found = []
    for part in re.finditer(r"\S+", piece):
        text = part.group(0).strip(",.'")
        number = read_number(text)
        token = Token("number", number) if number is not None else Token("word", text)
        found.append((start + part.start(), token))
    return found


def _word_token(word: str) -> Token:
    if any(c.isdigit() for c in word):
        number = read_number(word)
        return Token("number", number) if number is not None else Token("code", word)
    lowered = word.lower()
    if lowered in NUMBER_WORDS:
        return Token("number", Decimal(NUMBER_WORDS[lowered]))
    return Token("word", CURRENCIES.get(lowered, word))


def _merge_scales(tokens: list[Token]) -> list[Token]:
    """``two billion`` -> one number; a currency name before an amount goes after it."""
    merged: list[Token] = []
    for token in tokens:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind == "number"
            and token.kind == "word"
            and str(token.value).lower() in SCALE_WORDS
        ):
            merged[-1] = Token("number", previous.value * SCALE_WORDS[str(token.value).lower()])
            continue
        merged.append(token)
    for index in range(len(merged) - 1):
        if merged[index].value in CURRENCIES.values() and merged[index + 1].kind == "number":
            merged[index], merged[index + 1] = merged[index + 1], merged[index]
    return merged


def answer_tokens(text: str, case_sensitive: bool = False) -> list[Token]:
    """The comparable tokens of an answer (module rules), in order."""
    folded = _signs_to_words(fold_text(str(text), case_sensitive))
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    placed: list[tuple[int, Token]] = []
    masked = list(lowered)
    for start, end, readings in find_dates(lowered):
        placed.append((start, Token("date", readings)))
        masked[start:end] = " " * (end - start)
    rest = "".join(masked)
    for match in _NUMBER.finditer(rest):
        placed.extend(_numbers_in(match.group(0), match.start()))
        masked[match.start() : match.end()] = " " * (match.end() - match.start())
    words_text = "".join(
        original if kept != " " or original == " " else " "
        for original, kept in zip(folded, masked, strict=True)
    )
    for match in _WORD.finditer(words_text):
        placed.append((match.start(), _word_token(match.group(0))))
    tokens = [token for _, token in sorted(placed, key=lambda pair: pair[0])]
    tokens = [t for t in tokens if not (t.kind == "word" and str(t.value).lower() in ARTICLES)]
    return _merge_scales(tokens)


def _words_agree(given: str, expected: str, exact: bool = False) -> bool:
    if given == expected:
        return True
    if exact or not (given.isalpha() and expected.isalpha()):
        return False
    if min(len(given), len(expected)) < MIN_FUZZY_LETTERS:
        return False
    allowed = 1 if max(len(given), len(expected)) < 8 else 2
    return OSA.distance(given, expected, score_cutoff=allowed) <= allowed


def tokens_agree(given: Token, expected: Token, exact: bool = False) -> bool:
    """Whether two tokens agree: dates share a reading, numbers are equal, words may slip
    (unless ``exact``)."""
    if given.kind != expected.kind:
        return False
    if given.kind == "date":
        return bool(given.value & expected.value)  # type: ignore[operator]
    if given.kind == "word":
        return _words_agree(str(given.value), str(expected.value), exact)
    return given.value == expected.value


def _without_leading_preposition(tokens: list[Token], other: list[Token]) -> list[Token]:
    if (
        len(tokens) > 1
        and tokens[0].kind == "word"
        and str(tokens[0].value).lower() in PREPOSITIONS
        and tokens[1].kind in ("date", "number")
        and not (other and other[0] == tokens[0])
    ):
        return tokens[1:]
    return tokens


def _same_length_agree(given: list[Token], expected: list[Token], exact: bool) -> bool:
    return all(tokens_agree(g, e, exact) for g, e in zip(given, expected, strict=True))


def tokens_match(given: list[Token], expected: list[Token], exact: bool = False) -> bool:
    """Whether an answer's tokens match the expected tokens (module rules; ``exact``: words
    without slips)."""
    given, expected = (
        _without_leading_preposition(given, expected),
        _without_leading_preposition(expected, given),
    )
    if not given:
        return False
    if len(given) == len(expected):
        return _same_length_agree(given, expected, exact)
    missing = len(expected) - len(given)
    if missing <= 0 or missing > len(expected) // 4:
        return False
    for offset in (0, missing):
        left_out = expected[:offset] + expected[offset + len(given) :]
        if all(t.kind == "word" for t in left_out) and _same_length_agree(
            given, expected[offset : offset + len(given)], exact
        ):
            return True
    return False


def typed_matches(given: str, expected: str, case_sensitive: bool = False) -> bool:
    """Whether a typed answer matches an expected one (module rules)."""
    expected_tokens = answer_tokens(expected, case_sensitive)
    if not expected_tokens:
        return bool(str(given).strip()) and str(given).strip() == str(expected).strip()
    return tokens_match(answer_tokens(given, case_sensitive), expected_tokens, case_sensitive)
