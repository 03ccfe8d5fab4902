"""Checks on an item's stem (its prompt): answer leak, pronoun stem, vague stem, long stem.

Each check takes an item and returns True when the item FAILS it.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from question_bank.model import Item

from .choice_types import ROLE_WORDS, classify_choice
from .normalise import GAP_MARKER, contains_phrase, words

#: Stems longer than this many words fail the long-stem check (the gap counts as one word).
MAX_STEM_WORDS = 30

#: Stems shorter than this many words say too little to be answerable on their own.
MIN_STEM_WORDS = 4

#: Kinds whose answer is a verdict or a list, not a phrase that could leak into the stem.
NO_LEAK_KINDS = frozenset({"truefalse", "matching", "ordering"})

#: Third-person pronouns and possessives that need an antecedent.
PRONOUNS = frozenset(
    """he she it they him them his her hers its their theirs
    himself herself itself themselves""".split()
)

#: Demonstratives that point outside the stem ("this project", "these girls").
DEMONSTRATIVES = frozenset({"this", "these", "those"})

#: Honorifics ignored when looking for parts of a person's name in a stem.
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "jr", "sr"})

#: Stems that ask nothing specific (matched casefolded, anywhere in the stem).
VAGUE_PATTERNS = tuple(
    re.compile(pattern)
    for pattern in (
        r"\bwhat is the (?:best|most appropriate|main idea)\b",
        r"\bwhich of the following (?:is|are|was|were|statements?) ?(?:is |are )?"
        r"(?:true|correct|false|accurate|right|not|incorrect)\b",
        r"\bwhich (?:statement|option|answer) is\b",
        r"\bwhat (?:is|was) (?:true|correct|false)\b",
        r"\bwhat (?:do|can) (?:you|we) (?:know|say|tell)\b",
        r"\btell me about\b",
        r"^what happened\W*$",
        r"\bwhat is (?:it|this) about\b",
        r"\bwhich is (?:true|correct|false)\b",
    )
)

# Quoted passages: double quotes of either style, and single curly quotes.
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’")


def _without_quotes(text: str) -> str:
    """Drop quoted passages, whose pronouns belong to the speaker."""
    return _QUOTED.sub(" ", text)


def answer_leaks(item: Item) -> bool:
    """Fail when the answer (or an accepted variant) appears in the stem.

    For a person's name any distinctive part (a surname alone, say) counts as a leak too.
    """
    if item.kind in NO_LEAK_KINDS:
        return False
    stem = item.prompt.replace(GAP_MARKER, " ")
    candidates = [item.answer, *item.accepted]
    if any(contains_phrase(stem, candidate) for candidate in candidates if candidate.strip()):
        return True
    if len(words(item.answer)) < 2 or classify_choice(item.answer) != "person":
        return False
    name_parts = [
        part
        for part in words(item.answer)
        if part[0].isupper() and len(part) > 2 and part.casefold() not in HONORIFICS | ROLE_WORDS
    ]
    return any(contains_phrase(stem, part) for part in name_parts)


def _has_antecedent(tokens: list[str]) -> bool:
    """Tell whether any token looks like a proper name (capitalised, not a stop word)."""
    return any(token[0].isupper() and token.casefold() not in STOP_WORDS for token in tokens)


def pronoun_stem(item: Item) -> bool:
    """Fail when the stem opens with a pronoun or demonstrative, or hinges on an unresolved one.

    Quoted words are ignored. A pronoun or demonstrative ("this", "these", "those") later in
    the stem is resolved when a proper name comes before it ("Serbia said it ...").
    """
    tokens = words(_without_quotes(item.prompt))
    if not tokens:
        return False
    lowered = [token.casefold() for token in tokens]
    pointing = PRONOUNS | DEMONSTRATIVES
    if lowered[0] in pointing:
        return True
    return any(
        token in pointing and not _has_antecedent(tokens[:position])
        for position, token in enumerate(lowered)
    )


def vague_stem(item: Item) -> bool:
    """Fail on stems that ask nothing specific ("Which of the following is true?")."""
    stem = " ".join(item.prompt.casefold().split())
    if any(pattern.search(stem) for pattern in VAGUE_PATTERNS):
        return True
    return stem_length(item.prompt) < MIN_STEM_WORDS


def stem_length(prompt: str) -> int:
    """Count a stem's words, each cloze gap counting as one."""
    return len(words(prompt)) + prompt.count(GAP_MARKER)


def long_stem(item: Item) -> bool:
    """Fail when the stem has more than ``MAX_STEM_WORDS`` words."""
    return stem_length(item.prompt) > MAX_STEM_WORDS
