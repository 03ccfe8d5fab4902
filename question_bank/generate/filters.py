"""Filters as a registry: each returns a reason to drop an item, or "" to keep it."""

from __future__ import annotations

import re
from collections.abc import Callable

from question_bank.facts.context import GAP
from question_bank.model import Item

MAX_STEM_WORDS = 32
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_PRONOUN = re.compile(r"\b(he|she|him|his|her|hers|they|them|it)\b", re.I)
_VAGUE = re.compile(r"\b(best|most important|which of the following is true|what is true)\b", re.I)
_CHOICE_KINDS = ("multichoice", "shortanswer", "numerical", "truefalse")


def _outside_quotes(text: str) -> str:
    return _QUOTED.sub(" ", text)


def pronoun_stem(item: Item) -> str:
    """Drop stems that lean on a pronoun the reader cannot resolve."""
    if item.kind in ("matching", "ordering"):
        return ""
    return "pronoun stem" if _PRONOUN.search(_outside_quotes(item.prompt).split("?")[0][:400]) and not _antecedent(item.prompt) else ""


def _antecedent(prompt: str) -> bool:
    """True when a possessive pronoun follows a capitalised name in the same stem."""
    text = _outside_quotes(prompt)
    found = _PRONOUN.search(text)
    return bool(found) and found.group(1).lower() in ("his", "her") and bool(re.search(r"[A-Z][a-z]+ [A-Z][a-z]+", text[: found.start()]))


def answer_leak(item: Item) -> str:
    """Drop items whose answer appears in their own stem."""
    if item.kind not in ("multichoice", "shortanswer", "numerical", "cloze") or not item.answer:
        return ""
    stem = item.prompt.replace(GAP, " ")
    pattern = rf"(?<!\w){re.escape(item.answer)}(?!\w)"
    return "answer in stem" if re.search(pattern, stem, re.I) else ""


def vague_stem(item: Item) -> str:
    """Drop stems asking for opinions ("best", "most important")."""
    return "vague stem" if _VAGUE.search(_outside_quotes(item.prompt)) else ""


def long_stem(item: Item) -> str:
    """Drop stems over ``MAX_STEM_WORDS`` words."""
    return "stem too long" if len(item.prompt.split()) > MAX_STEM_WORDS else ""


def broken_choices(item: Item) -> str:
    """Drop choice items whose choices repeat or miss the answer."""
    if item.kind != "multichoice":
        return ""
    folded = [c.casefold() for c in item.choices]
    if len(set(folded)) != len(folded) or item.answer.casefold() not in folded:
        return "broken choices"
    return ""


def cloze_gap(item: Item) -> str:
    """Drop cloze items without exactly one gap."""
    return "gap count" if item.kind == "cloze" and item.prompt.count(GAP) != 1 else ""


#: Filter name -> check returning the reason to drop an item ("" keeps it).
FILTERS: dict[str, Callable[[Item], str]] = {
    "pronoun_stem": pronoun_stem,
    "answer_leak": answer_leak,
    "vague_stem": vague_stem,
    "long_stem": long_stem,
    "broken_choices": broken_choices,
    "cloze_gap": cloze_gap,
}


def rejection(item: Item) -> str:
    """Return the first reason to drop an item, or "" when it passes every filter."""
    for check in FILTERS.values():
        reason = check(item)
        if reason:
            return reason
    return ""
