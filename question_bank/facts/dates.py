"""Dates (absolute or resolved from relative words), durations and the events they date.

A DATE entity is a duration when it is a hyphenated length ("44-day", "three-decade") or
names a span ("two weeks"); otherwise it is read as an absolute date, or resolved with
``reading.dates.resolve_relative``, or kept as written when neither is sound.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span

from question_bank.facts.clauses import governing_verb, wh_question
from question_bank.facts.context import ArticleContext
from question_bank.model import Fact
from question_bank.reading.dates import ResolvedDate, parse_date_text, resolve_relative

_DURATION = re.compile(
    r"^(?:nearly |almost |about |around |more than |over )?(?:a |an |\w+[- ])?"
    r"(?:second|minute|hour|day|week|month|year|decade|century)s?(?: long| old)?$",
    re.I,
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


def _event_question(ctx: ArticleContext, ent: Span) -> str:
    verb = governing_verb(ent.root)
    if verb is None:
        return ""
    skip = {t.i for t in ent}
    if ent.start > 0 and ctx.doc[ent.start - 1].lower_ in ("on", "in"):
        skip.add(ent.start - 1)
    return wh_question(ctx, verb, "when", skip)


def _date_fact(ctx: ArticleContext, ent: Span, resolved: ResolvedDate | None) -> Fact:
    rendered = ctx.render(ent.sent, gap=(ent.start, ent.end))
    absolute = parse_date_text(ent.text, ctx.published) is not None
    question = _event_question(ctx, ent) if resolved is not None else ""
    granularity = resolved.granularity if resolved else ""
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
        if is_duration(ent.text):
            yield _duration_fact(ctx, ent)
            continue
        if ent.label_ == "TIME":
            continue
        resolved = _resolve(ctx, ent, anchor)
        anchor = resolved or anchor
        yield _date_fact(ctx, ent, resolved)
