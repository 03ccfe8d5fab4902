"""Numbers and quantities with their unit noun and hedge ("nearly 300 settlements and villages")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from question_bank.facts.clauses import governing_verb, wh_question
from question_bank.facts.context import ArticleContext
from question_bank.model import Fact

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

HEDGES = (
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "over",
    "more than",
    "less than",
    "at least",
    "up to",
    "only",
    "just",
)
_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
#: Fractions written as words ("almost half of all children"), and their values.
FRACTIONS = {
    "half": 0.5,
    "third": 1 / 3,
    "quarter": 0.25,
    "two-thirds": 2 / 3,
    "three-quarters": 0.75,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")


def parse_number(text: str) -> float | None:
    """Return the value of "300", "84,121", "2 million", "58%", "ten", "half"; or None."""
    value: float | None = None
    for word in text.lower().replace("%", " ").replace("$", " ").split():
        word = word.strip(",.")
        if re.fullmatch(r"\d[\d,]*(\.\d+)?", word):
            value = float(word.replace(",", ""))
        elif word in _WORDS:
            value = float(_WORDS[word])
        elif word in FRACTIONS and value is None:
            value = FRACTIONS[word]
        elif word in _SCALES and value is not None:
            value *= _SCALES[word]
    return value


def format_number(value: float) -> str:
    """Return a number as plain text without a needless ".0"."""
    return f"{value:,.0f}".replace(",", "") if value == int(value) else f"{value:g}"


def _split_hedge(ent: Span) -> tuple[str, Span]:
    text = ent.text.lower()
    for hedge in HEDGES:
        if text.startswith(hedge + " "):
            size = len(hedge.split())
            return hedge, ent[size:]
    return "", ent


def unit_phrase(number: Token) -> tuple[Token | None, str]:
    """Return the noun a number counts and its text with coordinated nouns ("towns and cities")."""
    if number.dep_ not in ("nummod", "quantmod", "compound") or number.head.pos_ not in (
        "NOUN",
        "PROPN",
    ):
        return None, ""
    noun = number.head
    words = [noun.text]
    for conj in (c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
        words += ["and", conj.text]
    return noun, " ".join(words)


def _question(ctx: ArticleContext, noun: Token | None, unit: str, ent: Span) -> str:
    if noun is None:
        return ""
    top = noun
    while top.dep_ == "conj" and top.head.pos_ in ("NOUN", "PROPN"):
        top = top.head  # "several cities and nearly 300 settlements": ask about the whole object
    verb = governing_verb(top)
    if verb is None:
        return ""
    skip = {t.i for t in top.subtree} | {t.i for t in ent}
    if top.dep_ in ("nsubj", "nsubjpass") and top.head == verb:
        return ""
    return wh_question(ctx, verb, f"how many {unit}", skip)


def _has_digit(core: Span) -> bool:
    return any(c.isdigit() for c in core.text)


def _is_fraction_of(core: Span) -> bool:
    """A fraction word that takes a share of a group ("half of all children", not "second half")."""
    root = core.root
    return root.lower_ in FRACTIONS and any(
        child.dep_ == "prep" and child.lower_ == "of" for child in root.children
    )


def _number_fact(ctx: ArticleContext, ent: Span) -> Fact | None:
    hedge, core = _split_hedge(ent)
    value = parse_number(core.text)
    fraction = _is_fraction_of(core)
    if value is None or len(core) == 0 or (value <= 1 and not fraction and not _has_digit(core)):
        return None
    cls = "number:fraction" if fraction else f"number:{ent.label_.lower()}"
    noun, unit = unit_phrase(core.root)
    rendered = ctx.render(ent.sent, gap=(core.start, core.end))
    return ctx.new_fact(
        "number",
        ent.text,
        ent.sent,
        ent,
        value=format_number(value),
        unit=unit or ent.label_.lower(),
        hedge=hedge,
        statement=rendered.text,
        gap_start=str(rendered.start),
        gap_end=str(rendered.end),
        question=_question(ctx, noun, unit, ent),
        answer=core.text,
        answer_class=cls,
        **{"class": cls},
    )


#: Adverbs that count how often something happened, and their values.
TIMES_WORDS = {"once": 1, "twice": 2, "thrice": 3}
_NUMERIC_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")

#: Words that tie a quoted sentence to its speaker or to something said before it.
_SPEAKER_WORDS = frozenset(
    {"i", "me", "my", "we", "us", "our", "ours", "it", "it's", "this", "that"}
)


def _speaker_bound(ctx: ArticleContext, ent: Span) -> bool:
    """A quoted number that is not reported speech, or whose sentence leans on the speaker."""
    if not ctx.in_quote(ent.start_char):
        return False
    return not ctx.in_speech(ent.start_char) or any(t.lower_ in _SPEAKER_WORDS for t in ent.sent)


def extract_numbers(ctx: ArticleContext) -> Iterator[Fact]:
    """Yield number facts with unit and hedge; quoted ones when they stand without the speaker."""
    for ent in ctx.doc.ents:
        if ent.label_ in _LABELS and not _speaker_bound(ctx, ent):
            fact = _number_fact(ctx, ent)
            if fact is not None:
                yield fact


def _counted_fact(ctx: ArticleContext, span: Span, value: int, unit: str, cls: str) -> Fact:
    """A count written as an ordinal with its noun ("50th anniversary") or as "twice"."""
    rendered = ctx.render(span.sent, gap=(span.start, span.end))
    return ctx.new_fact(
        "number",
        span.text,
        span.sent,
        span,
        value=str(value),
        unit=unit,
        statement=rendered.text,
        gap_start=str(rendered.start),
        gap_end=str(rendered.end),
        **{"class": cls},
    )


def _states(sentence: Span) -> bool:
    """Tell whether a sentence has a verb (a headline or caption states nothing)."""
    return any(token.pos_ in ("VERB", "AUX") for token in sentence)


def _ordinal_span(ent: Span) -> Span | None:
    """A numeric ordinal and the noun right after it ("the *50th anniversary*"), or None."""
    noun = ent.root.head
    if not _NUMERIC_ORDINAL.fullmatch(ent.text) or noun.pos_ != "NOUN" or noun.i != ent.end:
        return None
    return ent.doc[ent.start : noun.i + 1]


def extract_counts(ctx: ArticleContext) -> Iterator[Fact]:
    """Yield ordinals with their noun ("50th anniversary") and "once"/"twice" as number facts."""
    for ent in ctx.doc.ents:
        if ent.label_ == "ORDINAL" and not ctx.in_quote(ent.start_char) and _states(ent.sent):
            span = _ordinal_span(ent)
            if span is not None:
                value = int(re.sub(r"\D", "", ent.text))
                noun = span[-1].lemma_.lower()
                yield _counted_fact(ctx, span, value, noun, f"ordinal:{noun}")
    table = ctx.tokens
    for index, lower in enumerate(table.lower):
        if lower not in TIMES_WORDS or table.dep[index] != "advmod":
            continue
        token = ctx.doc[index]
        if not ctx.in_quote(token.idx) and _states(token.sent):
            span = ctx.doc[token.i : token.i + 1]
            yield _counted_fact(ctx, span, TIMES_WORDS[token.lower_], "times", "times")
