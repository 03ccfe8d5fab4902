"""Quotations and who said them ("..., Aliyev said", "said Aliyev", "he said" after a quote).

A quotation is the text between a pair of quotation marks with at least ``MIN_QUOTE_WORDS`` words;
its speaker is the person subject of a speech verb outside quotation marks in the sentence where
the quotation ends, else in the sentence where it starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from question_bank.facts.context import ArticleContext
from question_bank.facts.people import Person
from question_bank.model import Fact

if TYPE_CHECKING:
    from spacy.tokens import Span

MIN_QUOTE_WORDS = 6
MAX_PROMPT_WORDS = 20
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
#: Marks of words left out of a quotation: "[...]", "[…]", "..." or "…".
_OMISSION = re.compile(r"\s*(?:\[(?:\.\.\.|…)\]|\.\.\.|…)\s*")
SPEECH_VERBS = frozenset(
    "say tell add note stress emphasize emphasise state declare hail thank warn insist explain "
    "claim "
    "remark announce write ask reply recall underline highlight".split()
)


def _sentence_at(ctx: ArticleContext, char: int) -> Span | None:
    return next((s for s in ctx.sentences if s.start_char <= char < s.end_char), None)


def _speaker_in(ctx: ArticleContext, sentence: Span) -> Person | None:
    for token in sentence:
        if token.lemma_.lower() not in SPEECH_VERBS or ctx.in_quote(token.idx):
            continue
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                person = ctx.people.person_at(child.i)
                if person is not None:
                    return person
    return None


def short_quote(text: str) -> str:
    """Return a whole sentence of a quotation short enough for a stem, or "" when none is.

    The whole quotation when it fits ``MAX_PROMPT_WORDS`` words; otherwise its first sentence
    that fits and has at least ``MIN_QUOTE_WORDS`` words. A quotation is never cut mid-sentence,
    except where the article already marks words left out ("[...]", "…"): the words before such a
    mark may stand for the quotation, the mark kept ("The climate projections are quite
    consistent [...]").
    """
    cleaned = text.strip().rstrip(",")
    if len(cleaned.split()) <= MAX_PROMPT_WORDS:
        return cleaned
    for sentence in _SENTENCE_END.split(cleaned):
        if MIN_QUOTE_WORDS <= len(sentence.split()) <= MAX_PROMPT_WORDS:
            return sentence.strip()
    opening = _OMISSION.split(cleaned, maxsplit=1)
    if len(opening) == 2 and MIN_QUOTE_WORDS <= len(opening[0].split()) <= MAX_PROMPT_WORDS:
        return f"{opening[0].strip()} […]"
    return ""


def is_partial_quote(text: str) -> bool:
    """Tell whether quoted words are a fragment of a sentence ("may seem a bit like a burden").

    A fragment opens with a lowercase letter; a whole quoted sentence opens with a capital.
    """
    first = next((c for c in text if c.isalpha()), "")
    return first.islower()


def extract_quotes(ctx: ArticleContext) -> Iterator[Fact]:
    """Yield quote facts whose speaker is a known person."""
    for start, end in ctx.quoted:
        text = ctx.text[start:end].strip().rstrip(",")
        if len(text.split()) < MIN_QUOTE_WORDS:
            continue
        closing, opening = _sentence_at(ctx, end), _sentence_at(ctx, start)
        person = None
        for sentence in (closing, opening):
            if sentence is not None and person is None:
                person = _speaker_in(ctx, sentence)
        if person is None or opening is None or closing is None:
            continue
        evidence = ctx.doc[opening.start : closing.end]
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        partial = is_partial_quote(text)
        said = "used the words" if partial else "said:"
        statement = f"{person.name} {said} “{text}”"
        yield ctx.new_fact(
            "quote",
            text,
            evidence,
            span,
            speaker=person.name,
            statement=statement,
            gap_start="0",
            gap_end=str(len(person.name)),
            question=f"Who {said} “{short_quote(text)}”?" if short_quote(text) else "",
            answer=person.name,
            answer_class="person:speaker",
            **{"class": "person:speaker"},
        )
