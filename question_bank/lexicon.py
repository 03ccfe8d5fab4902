"""English words and patterns that tell a date, a duration or a number by its form alone.

``form_of(text)`` returns ``duration`` (a count and a unit of time: "44-day", "three decades"),
``date`` (a month or weekday name, an ISO or numeric date, a bare year or decade, a relative day,
an ordinal point in time such as "the 62nd minute"), ``number`` (after an optional hedge such as
"nearly" or "more than", a digit, a currency sign or a number word), or None. The generator uses
it to give options one form; the evaluation uses it to check that they have one.
"""

from __future__ import annotations

import re

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
TIME_UNITS = r"(?:second|minute|hour|day|night|week|month|year|decade|century|centurie)s?"
NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    "|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half"
    "|several|a few|a couple"
)
HEDGES = (
    r"(?:nearly|about|around|almost|approximately|roughly|some|over|under|up to|more than"
    r"|less than|fewer than|at least|at most|only|just|a|an|the)\s+"
)

DATE = re.compile(
    rf"\b(?:{MONTHS})\b\.?|\b(?:{WEEKDAYS})\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|^(?:in |the )?(?:1\d{3}|2[01]\d{2})s?$"
    r"|\b(?:yesterday|today|tomorrow|tonight)\b|\b(?:last|next|this|previous) (?:week|month|year)\b"
    rf"|\b\d+(?:st|nd|rd|th) {TIME_UNITS}\b",
    re.IGNORECASE,
)
DURATION = re.compile(
    rf"\b(?:\d[\d,.]*|{NUMBER_WORDS})(?:[- ](?:{NUMBER_WORDS}))*[- ]{TIME_UNITS}\b",
    re.IGNORECASE,
)
NUMBER = re.compile(rf"^(?:{HEDGES})*(?:[$€£¥]\s?\d|\d|(?:{NUMBER_WORDS})\b)", re.IGNORECASE)
_ORDINAL_POINT = re.compile(r"\d+(?:st|nd|rd|th) ")


def form_of(text: str) -> str | None:
    """Return duration, date or number when the text's form says so, else None (module rules)."""
    cleaned = text.strip()
    if DURATION.search(cleaned) and not _ORDINAL_POINT.search(cleaned):
        return "duration"
    if DATE.search(cleaned):
        return "date"
    if NUMBER.search(cleaned):
        return "number"
    return None
