"""Dates (absolute or resolved from relative words), durations and the events they date.

A DATE entity is a duration when it is a hyphenated length ("44-day", "three-decade") or
names a span ("two weeks"); otherwise it is read as an absolute date, or resolved with
``reading.dates.resolve_relative``, or kept as written when neither is sound.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from question_bank.facts.clauses import declarative, governing_verb, wh_question
from question_bank.facts.context import ArticleContext
from question_bank.model import Fact
from question_bank.reading.dates import ResolvedDate, parse_date_text, resolve_relative

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_DURATION = re.compile(
    r"^(?:nearly |almost |about |around |more than |over )?(?:a |an |\w+[- ])?"
    r"(?:second|minute|hour|day|week|month|year|decade|century)s?(?: long| old)?$",
    re.I,
)
#: Nouns naming an event that a date can date ("during talks", "at the summit").
EVENT_NOUNS = frozenset(
    "talk talks meeting summit visit ceremony conference session negotiation negotiations "
    "election match game "
    "festival launch signing dialogue".split()
)
_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "century")


def is_duration(text: str) -> bool:
    """Return True for lengths of time ("44-day", "three-decade", "two weeks")."""
    cleaned = text.lower().replace("’", "'")
    return bool(_DURATION.match(cleaned)) and not cleaned.startswith(("last ", "next ", "this "))


def _resolve(ctx: ArticleContext, ent: Span, anchor: ResolvedDate | None) -> ResolvedDate | None:
    reference = ctx.published
    found = parse_date_text(ent.text, reference)
    if found is None and reference is not None:
        found = resolve_relative(ent.text, reference, anchor.value if anchor else None)
    return found


def _date_skip(ctx: ArticleContext, ent: Span) -> set[int]:
    skip = {t.i for t in ent}
    if ent.start > 0 and ctx.doc[ent.start - 1].lower_ in ("on", "in"):
        skip.add(ent.start - 1)
    return skip


def _event_question(ctx: ArticleContext, ent: Span) -> str:
    verb = governing_verb(ent.root)
    return wh_question(ctx, verb, "when", _date_skip(ctx, ent)) if verb is not None else ""


def _person_name(ctx: ArticleContext, token: Token) -> str:
    person = ctx.people.person_at(token.i)
    return person.name if person is not None else ""


def event_noun_phrase(ctx: ArticleContext, ent: Span) -> str:
    """Return "the talks between A and B" for "A said Wednesday during talks with B", else ""."""
    verb = governing_verb(ent.root)
    if verb is None:
        return ""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("during", "at")):
        noun = next(
            (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in EVENT_NOUNS), None
        )
        if noun is None:
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        with_prep = next(
            (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"), None
        )
        partner = (
            next((c for c in with_prep.children if c.dep_ == "pobj"), None) if with_prep else None
        )
        first = _person_name(ctx, subject) if subject is not None else ""
        second = _person_name(ctx, partner) if partner is not None else ""
        if first and second and first != second:
            return f"the {noun.text} between {first} and {second}"
    return ""


def _event_attributes(ctx: ArticleContext, ent: Span) -> dict[str, str]:
    """The event a date dates and a question about it ("When did the talks ... take place?")."""
    phrase = event_noun_phrase(ctx, ent)
    if phrase:
        return {"event": phrase, "question2": f"When did {phrase} take place?"}
    verb = governing_verb(ent.root)
    return {"event": declarative(ctx, verb, _date_skip(ctx, ent)) if verb is not None else ""}


def _date_fact(ctx: ArticleContext, ent: Span, resolved: ResolvedDate | None) -> Fact:
    rendered = ctx.render(ent.sent, gap=(ent.start, ent.end))
    absolute = rendered.start >= 0
    question = _event_question(ctx, ent) if resolved is not None else ""
    granularity = resolved.granularity if resolved else ""
    event = _event_attributes(ctx, ent) if resolved is not None else {}
    if event.get("question2"):
        event.update(answer2=resolved.display, answer2_class=f"date:{granularity}")  # type: ignore[union-attr]
    return ctx.new_fact(
        "date",
        resolved.display if resolved else ent.text,
        ent.sent,
        ent,
        written=ent.text,
        iso=resolved.iso if resolved else "",
        granularity=granularity,
        statement=rendered.text if absolute else "",
        gap_start=str(rendered.start) if absolute else "",
        gap_end=str(rendered.end) if absolute else "",
        question=question,
        answer=resolved.display if resolved else "",
        answer_class=f"date:{granularity}",
        **{"class": f"date:{granularity}"},
        **event,
    )


def _duration_fact(ctx: ArticleContext, ent: Span) -> Fact:
    rendered = ctx.render(ent.sent, gap=(ent.start, ent.end))
    unit = next((u for u in _UNITS if u in ent.text.lower()), "")
    return ctx.new_fact(
        "duration",
        ent.text,
        ent.sent,
        ent,
        unit=unit,
        statement=rendered.text,
        gap_start=str(rendered.start),
        gap_end=str(rendered.end),
        **{"class": f"duration:{unit}"},
    )


def extract_dates(ctx: ArticleContext) -> Iterator[Fact]:
    """Yield date and duration facts in text order."""
    anchor: ResolvedDate | None = None
    current_sentence = -1
    for ent in ctx.doc.ents:
        if ent.label_ not in ("DATE", "TIME") or ctx.in_quote(ent.start_char):
            continue
        if ent.sent.start != current_sentence:
            anchor, current_sentence = None, ent.sent.start
        core = ent[1:] if len(ent) > 1 and ent[0].lower_ in ("the", "this") else ent
        if len(core) == 1 and core[0].lemma_.lower() in _UNITS:
            continue  # "year", "the year": a unit with no length and no date
        if is_duration(ent.text) or core[0].like_num and is_duration(core.text):
            yield _duration_fact(ctx, ent if is_duration(ent.text) else core)
            continue
        ent, resolved = _resolved_part(ctx, ent, anchor)
        anchor = resolved or anchor
        yield _date_fact(ctx, ent, resolved)


def _resolved_part(
    ctx: ArticleContext, ent: Span, anchor: ResolvedDate | None
) -> tuple[Span, ResolvedDate | None]:
    """The date entity and its date; when only its part before a comma is a date ("Yesterday, day
    five of the World Cup"), that part, the rest being an apposition."""
    resolved = _resolve(ctx, ent, anchor)
    comma = next((t.i for t in ent if t.text == ","), None)
    if resolved is not None or comma is None or comma == ent.start:
        return ent, resolved
    head = ctx.doc[ent.start : comma]
    found = _resolve(ctx, head, anchor)
    return (head, found) if found is not None else (ent, None)
