"""Text normalisation shared by the checks and the recall measure.

Answers are compared casefolded, with punctuation removed and whitespace collapsed, then with a
fuzzy ratio (rapidfuzz's normalised Indel similarity, 0-100) so that small spelling slips and
formatting differences ("U.S." / "US", "84,121" / "84121") do not hide a match.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

#: Ratio (0-100) at or above which two normalised answers count as the same answer.
ANSWER_MATCH_RATIO = 90.0

#: Partial ratio (0-100) at or above which two evidence texts count as overlapping.
EVIDENCE_OVERLAP_RATIO = 90.0

#: Shortest sentence (in words) that may on its own make two evidence texts overlap.
MIN_SHARED_WORDS = 6

#: The gap marker of cloze prompts.
GAP_MARKER = "_____"

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z])")


def normalise_text(text: str) -> str:
    """Casefold, drop punctuation and collapse whitespace (letters, digits and spaces remain)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'")
    text = re.sub(r"(?<=\d)[,.](?=\d)", "", text)  # 84,121 -> 84121, 1.5 -> 15 (both sides alike)
    text = re.sub(r"(?<=\b\w)\.(?=\w\.)", "", text)  # U.S. -> US.
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(text.split())


def normalise_answer(text: str) -> str:
    """Normalise an answer and drop a leading article ("the", "a", "an")."""
    return _LEADING_ARTICLE.sub("", normalise_text(text))


def answers_match(first: str, second: str, ratio: float = ANSWER_MATCH_RATIO) -> bool:
    """Tell whether two answers are the same after normalisation, allowing small typos.

    Typos are tolerated in words only: the numbers in both answers must be the same.
    """
    left, right = normalise_answer(first), normalise_answer(second)
    if not left or not right:
        return False
    if re.findall(r"\d+", left) != re.findall(r"\d+", right):
        return False  # "49 percent" and "46 percent" are close in spelling, not in value
    return left == right or fuzz.ratio(left, right) >= ratio


def split_sentences(text: str) -> list[str]:
    """Split a text into rough sentences (after . ! ? and an optional closing quote)."""
    parts = _SENTENCE_END.split(text.strip())
    return [part for part in parts if part.strip()]


def _texts_overlap(first: str, second: str, ratio: float) -> bool:
    """Tell whether two normalised texts overlap by containment or partial ratio."""
    if not first or not second:
        return False
    if first in second or second in first:
        return True
    return fuzz.partial_ratio(first, second) >= ratio


def evidence_overlaps(first: str, second: str, ratio: float = EVIDENCE_OVERLAP_RATIO) -> bool:
    """Tell whether two evidence texts share a sentence.

    The whole texts are compared first (containment, then a partial ratio); when one of them
    spans several sentences, each sentence of at least ``MIN_SHARED_WORDS`` words is tried too,
    so that a quote's two-sentence gold evidence meets an item quoting one of them.
    """
    if _texts_overlap(normalise_text(first), normalise_text(second), ratio):
        return True
    left = [normalise_text(part) for part in split_sentences(first)]
    right = [normalise_text(part) for part in split_sentences(second)]
    return any(
        _texts_overlap(one, other, ratio)
        for one in left
        for other in right
        if min(len(one.split()), len(other.split())) >= MIN_SHARED_WORDS
    )


def words(text: str) -> list[str]:
    """Return the word tokens of a text (letters or digits, with inner apostrophes kept)."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    """Count whitespace-separated words, as ``wc -w`` does."""
    return len(text.split())


def contains_phrase(text: str, phrase: str) -> bool:
    """Tell whether ``phrase`` occurs in ``text`` as whole words, after normalisation."""
    needle = normalise_text(phrase)
    if not needle:
        return False
    return f" {needle} " in f" {normalise_text(text)} "
