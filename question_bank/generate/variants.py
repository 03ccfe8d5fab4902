"""Other spellings of an answer that a short-answer marker should accept."""

from __future__ import annotations

import re

from question_bank.facts.numbers import format_number, parse_number
from question_bank.model import Fact
from question_bank.reading.dates import MONTH_NAMES, parse_date_text


def _date_variants(answer: str) -> list[str]:
    found = parse_date_text(answer)
    if found is None or found.granularity != "day":
        return []
    value = found.value
    month = MONTH_NAMES[value.month - 1]
    return [value.isoformat(), f"{month} {value.day}, {value.year}", f"{value.day} {month}"]


def accepted_variants(answer: str, fact: Fact) -> tuple[str, ...]:
    """Return the answer and its accepted variants (surname, no article, ISO date, plain number)."""
    variants = [answer]
    if (
        fact.type in ("person", "role", "quote")
        and answer in (fact.text, fact.attr("speaker"))  # a person's name, not their post
        and len(answer.split()) > 1
        and answer[:1].isupper()
    ):
        variants.append(answer.split()[-1])
    if answer.lower().startswith("the "):
        variants.append(answer[4:])
    variants += _date_variants(answer)
    value = parse_number(answer) if re.search(r"\d", answer) else None
    if value is not None:
        variants.append(format_number(value))
    return tuple(dict.fromkeys(v for v in variants if v))
