"""Filters as a registry: each returns a reason to drop an item, or "" to keep it.

The rules follow the rubric in the README: no pronoun or context-bound stem, no answer (or any
part of a person's name) in the stem, no vague or over-long stem, well-formed choices.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from question_bank.facts.context import GAP
from question_bank.generate.caches import memoised
from question_bank.model import Item

MAX_STEM_WORDS = 30
MIN_STEM_WORDS = 4
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’")
_DIGIT_SEPARATOR = re.compile(r"(?<=\d)[,.](?=\d)")
_NOT_WORD = re.compile(r"[^\w\s]|_")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POINTING = frozenset(
    """he she it they him them his her hers its their theirs himself herself itself themselves
    this these those""".split()
)
_FUNCTION_WORDS = frozenset(
    """a an the and or but of in on at to for by with from as is are was were be been who what when
    where which why how did does do has have had will would can could may might should it its he she
    they we i you this that these those there here their his her our your my after before during
    while since about into over under between among against however therefore also then thus yet
    still meanwhile although though because if so once whenever according""".split()
)
_VAGUE = re.compile(
    r"\b(what is the (best|most appropriate|main idea)|which of the following"
    r"|which (statement|option|answer) is|what (is|was) (true|correct|false)|tell me about"
    r"|what is (it|this) about|which is (true|correct|false))\b"
    r"|^what happened\W*$",
    re.I,
)
#: Words one of which every vague stem holds (a cheap test before the pattern).
_VAGUE_CUES = ("what", "which", "tell")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "jr", "sr"})
_NO_LEAK_KINDS = ("truefalse", "matching", "ordering")


def words(text: str) -> list[str]:
    """Return the word tokens of a text (letters or digits, inner apostrophes kept)."""
    return _WORD.findall(text)


@memoised(maxsize=65536)
def normalised(text: str) -> str:
    """Casefold, drop punctuation and collapse spaces (for whole-word comparisons)."""
    text = _DIGIT_SEPARATOR.sub("", text.casefold().replace("’", "'"))
    return " ".join(_NOT_WORD.sub(" ", text).split())


def contains_words(text: str, phrase: str) -> bool:
    """Tell whether ``phrase`` occurs in ``text`` as whole words, ignoring case and punctuation."""
    needle = normalised(phrase)
    return bool(needle) and f" {needle} " in f" {normalised(text)} "


@memoised(maxsize=1)
def stop_words() -> frozenset[str]:
    """English stop words (spaCy's list, loaded when first needed) plus our function words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | _FUNCTION_WORDS


def pronoun_stem(item: Item) -> str:
    """Drop stems that open with a pronoun or lean on one with no name before it (quotes aside)."""
    if item.kind in ("matching", "ordering"):
        return ""
    return "pronoun stem" if _leans_on_pronoun(item.prompt) else ""


@memoised(maxsize=65536)
def _leans_on_pronoun(prompt: str) -> bool:
    """A pointing word outside quotes that opens the stem or has no name before it."""
    stops, named = stop_words(), False  # named: a name (an antecedent) came before
    for token in words(_QUOTED.sub(" ", prompt)):
        folded = token.casefold()
        if folded in _POINTING and not named:
            return True
        named = named or token[:1].isupper() and folded not in stops
    return False


def _name_parts(answer: str) -> list[str]:
    parts = words(answer)
    if len(parts) < 2 or not all(
        p[:1].isupper() for p in parts if p.casefold() not in _FUNCTION_WORDS
    ):
        return []
    return [p for p in parts if p[:1].isupper() and len(p) > 2 and p.casefold() not in _HONORIFICS]


def answer_leak(item: Item) -> str:
    """Drop items whose answer, an accepted variant or part of a name appears in the stem."""
    if item.kind in _NO_LEAK_KINDS or not item.answer:
        return ""
    stem = item.prompt.replace(GAP, " ")
    candidates = [item.answer, *item.accepted]
    if any(contains_words(stem, c) for c in candidates if c.strip()):
        return "answer in stem"
    if item.fact_type in ("person", "role", "quote") and any(
        contains_words(stem, p) for p in _name_parts(item.answer)
    ):
        return "name part in stem"
    if item.fact_type == "event" and any(_names_word(stem, p) for p in _proper_parts(item.answer)):
        return "proper name part in stem"
    return ""


def _names_word(stem: str, word: str) -> bool:
    """Tell whether a capitalised word appears in the stem as written ("Year", not "year")."""
    return re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", stem) is not None


def _proper_parts(answer: str) -> list[str]:
    """Capitalised words of an answer that is mostly a name ("Space", "Shuttle" of "the Space
    Shuttle program")."""
    content = [w for w in words(answer) if w.casefold() not in _FUNCTION_WORDS]
    proper = [
        w for w in content if w[:1].isupper() and len(w) > 2 and w.casefold() not in _HONORIFICS
    ]
    return proper if len(content) >= 2 and 2 * len(proper) >= len(content) else []


def vague_stem(item: Item) -> str:
    """Drop stems asking for opinions or nothing specific, and stems under four words."""
    lowered = item.prompt.casefold()
    if any(cue in lowered for cue in _VAGUE_CUES) and _VAGUE.search(" ".join(lowered.split())):
        return "vague stem"
    return "stem too short" if stem_length(item.prompt) < MIN_STEM_WORDS else ""


@memoised(maxsize=65536)
def stem_length(prompt: str) -> int:
    """Count a stem's words, a cloze gap counting as one."""
    return len(words(prompt)) + prompt.count(GAP)


def long_stem(item: Item) -> str:
    """Drop stems over ``MAX_STEM_WORDS`` words."""
    return "stem too long" if stem_length(item.prompt) > MAX_STEM_WORDS else ""


def broken_choices(item: Item) -> str:
    """Drop choice items whose choices repeat or miss the answer."""
    if item.kind != "multichoice":
        return ""
    folded = [normalised(c) for c in item.choices]
    if len(set(folded)) != len(folded) or normalised(item.answer) not in folded:
        return "broken choices"
    return ""


def cloze_gap(item: Item) -> str:
    """Drop cloze items without exactly one gap."""
    return "gap count" if item.kind == "cloze" and item.prompt.count(GAP) != 1 else ""


def unbalanced_quotes(item: Item) -> str:
    """Drop stems with an unpaired quotation mark (a quotation cut in two)."""
    marks = item.prompt.count('"') + item.prompt.count("“") + item.prompt.count("”")
    return "unbalanced quotes" if marks % 2 else ""


#: Filter name -> check returning the reason to drop an item ("" keeps it).
FILTERS: dict[str, Callable[[Item], str]] = {
    "pronoun_stem": pronoun_stem,
    "answer_leak": answer_leak,
    "vague_stem": vague_stem,
    "long_stem": long_stem,
    "broken_choices": broken_choices,
    "cloze_gap": cloze_gap,
    "unbalanced_quotes": unbalanced_quotes,
}


def rejection(item: Item, late: bool = False) -> str:
    """Return the first reason to drop an item, or "" when it passes every filter.

    ``late``: the item's choices are not built yet, so ``broken_choices`` is left for later.
    """
    for name, check in FILTERS.items():
        reason = "" if late and name == "broken_choices" else check(item)
        if reason:
            return reason
    return ""
